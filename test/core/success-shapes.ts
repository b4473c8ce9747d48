/**
 * 200 answers to token/validate that look like a success and are not one (#12, item 1), shared by the
 * core's and the server's tests. Each is the whole JSON body; `detail` is what the developer must be told
 * (which field was wrong).
 */
import type { HarnessConnectErrorCode } from '../../src/core/index.js';
import { ACCOUNT, OTHER_ACCOUNT, TOKEN_ID } from './fixtures.js';

/** A real success's data (shared harness-api.md, "The cheapest verification call"). */
export function tokenData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    identifier: TOKEN_ID,
    name: 'ci-token',
    validFrom: Date.UTC(2025, 0, 1),
    validTo: Date.UTC(2031, 0, 1),
    valid: true,
    accountIdentifier: ACCOUNT,
    apiKeyIdentifier: 'default',
    parentIdentifier: 'ada',
    apiKeyType: 'USER',
    email: 'ada@example.com',
    username: 'Ada Lovelace',
    ...overrides,
  };
}

/** Removes a field from a real success's data. */
function without(field: string): Record<string, unknown> {
  const data = tokenData();
  delete data[field];
  return data;
}

export interface FalseSuccess {
  name: string;
  /** The JSON body. */
  text: string;
  code: HarnessConnectErrorCode;
  detail: RegExp;
}

const success = (data: unknown) => JSON.stringify({ status: 'SUCCESS', data, metaData: null, correlationId: 'corr-false-success' });

/** JSON.parse reads `1e400` as Infinity; JSON.stringify cannot write it, so it is put in by hand. */
const INFINITE_VALID_TO = success(tokenData({ validTo: 0 })).replace('"validTo":0', '"validTo":1e400');

export const FALSE_SUCCESSES: FalseSuccess[] = [
  { name: 'data {}', text: success({}), code: 'wrong_host', detail: /data\.valid/ },
  { name: 'data true', text: success(true), code: 'wrong_host', detail: /data is a boolean/ },
  { name: 'data []', text: success([]), code: 'wrong_host', detail: /data is an array/ },
  { name: 'data "ok"', text: success('ok'), code: 'wrong_host', detail: /data is a string/ },
  { name: 'data null', text: success(null), code: 'wrong_host', detail: /data is null/ },
  { name: 'no data', text: JSON.stringify({ status: 'SUCCESS' }), code: 'wrong_host', detail: /data is missing/ },
  { name: 'valid "false"', text: success(tokenData({ valid: 'false' })), code: 'wrong_host', detail: /data\.valid is a string/ },
  { name: 'valid "true"', text: success(tokenData({ valid: 'true' })), code: 'wrong_host', detail: /data\.valid is a string/ },
  { name: 'valid 0', text: success(tokenData({ valid: 0 })), code: 'wrong_host', detail: /data\.valid is a number/ },
  { name: 'valid 1', text: success(tokenData({ valid: 1 })), code: 'wrong_host', detail: /data\.valid is a number/ },
  { name: 'valid null', text: success(tokenData({ valid: null })), code: 'wrong_host', detail: /data\.valid is null/ },
  { name: 'valid missing', text: success(without('valid')), code: 'wrong_host', detail: /data\.valid is missing/ },
  { name: 'valid false', text: success(tokenData({ valid: false })), code: 'invalid_token', detail: /data\.valid is false/ },
  { name: 'accountIdentifier missing', text: success(without('accountIdentifier')), code: 'wrong_host', detail: /data\.accountIdentifier is missing/ },
  { name: 'accountIdentifier empty', text: success(tokenData({ accountIdentifier: '' })), code: 'wrong_host', detail: /data\.accountIdentifier is empty/ },
  { name: 'accountIdentifier null', text: success(tokenData({ accountIdentifier: null })), code: 'wrong_host', detail: /data\.accountIdentifier is null/ },
  { name: 'accountIdentifier a number', text: success(tokenData({ accountIdentifier: 42 })), code: 'wrong_host', detail: /data\.accountIdentifier is a number/ },
  { name: 'accountIdentifier an object', text: success(tokenData({ accountIdentifier: { id: ACCOUNT } })), code: 'wrong_host', detail: /data\.accountIdentifier is an object/ },
  { name: 'accountIdentifier of another account', text: success(tokenData({ accountIdentifier: OTHER_ACCOUNT })), code: 'account_mismatch', detail: /another account/ },
  { name: 'validTo 1 (1970)', text: success(tokenData({ validTo: 1 })), code: 'expired_token', detail: /data\.validTo is in the past/ },
  { name: 'validTo an hour ago', text: success(tokenData({ validTo: Date.now() - 3_600_000 })), code: 'expired_token', detail: /in the past/ },
  { name: 'validTo -1', text: success(tokenData({ validTo: -1 })), code: 'wrong_host', detail: /data\.validTo is negative/ },
  { name: 'validTo "2031-01-01"', text: success(tokenData({ validTo: '2031-01-01' })), code: 'wrong_host', detail: /data\.validTo is a string/ },
  { name: 'validTo null', text: success(tokenData({ validTo: null })), code: 'wrong_host', detail: /data\.validTo is null/ },
  { name: 'validTo missing', text: success(without('validTo')), code: 'wrong_host', detail: /data\.validTo is missing/ },
  // The shared tests verify a pat. key: Harness gives those to users only.
  { name: 'apiKeyType SERVICE_ACCOUNT for a pat. key', text: success(tokenData({ apiKeyType: 'SERVICE_ACCOUNT' })), code: 'wrong_host', detail: /data\.apiKeyType is SERVICE_ACCOUNT for a pat\. key/ },
  { name: 'validTo 1e400 (Infinity once parsed)', text: INFINITE_VALID_TO, code: 'wrong_host', detail: /data\.validTo is not a finite number/ },
];
