import { HarnessConnectError, type HarnessConnectErrorCode } from './errors.js';
import type { CheckedHarnessCredentials } from './credentials.js';
import type { HarnessTokenKind } from './token.js';

/**
 * Mapping what Harness (or whatever stands at the base URL) answers to `token/validate` into a typed
 * result or a `HarnessConnectError` (shared harness-api.md, "What a user should be told").
 */

/** What a successful verification tells the host. Holds nothing that grants access. */
export interface HarnessTokenVerification {
  accountId: string;
  tokenKind: HarnessTokenKind;
  tokenId: string;
  /** The name given to the token in Harness. */
  tokenName: string | null;
  /** Safe to display: see `parseHarnessToken`. */
  tokenHint: string;
  /** `USER` for a personal token, `SERVICE_ACCOUNT` for a service account's. */
  apiKeyType: 'USER' | 'SERVICE_ACCOUNT' | null;
  /** The user (or service account) the token acts as, when Harness says. */
  user: { name: string | null; email: string | null } | null;
  /** ISO 8601 expiry; `null` when the token never expires. */
  expiresAt: string | null;
  /** The API base that verified it. */
  baseUrl: string;
  correlationId: string | null;
}

/** The fields of Harness's envelope this code reads; all optional, because proxies lie. */
interface Envelope {
  status?: unknown;
  code?: unknown;
  message?: unknown;
  correlationId?: unknown;
  data?: Record<string, unknown> | null;
  responseMessages?: Array<{ code?: unknown; message?: unknown }>;
}

/** The largest time a `Date` holds; beyond it `toISOString` throws. */
const MAX_DATE_MS = 8.64e15;

function text(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Picks the code for a failed answer (not a redirect) from its HTTP status and Harness's own code and message. */
function codeFor(status: number, harnessCode: string, message: string, html: boolean): HarnessConnectErrorCode {
  if (status === 429) return 'rate_limited';
  // A 200 whose body is neither an envelope nor HTML was cut short on the way: a transient fault.
  if (status >= 500 || (status === 200 && !harnessCode && !html)) return 'unavailable';
  if (harnessCode === 'EXPIRED_TOKEN') return 'expired_token';
  // Harness answers a wrong account as INVALID_TOKEN: "Invalid account token access <id>" or
  // "Invalid accountId in token".
  if (status === 401 || harnessCode === 'INVALID_TOKEN') return /invalid account/i.test(message) ? 'account_mismatch' : 'invalid_token';
  if (status === 402 || status === 403 || harnessCode.includes('ACCESS_DENIED')) return 'forbidden';
  // A 404 or an HTML page (sign-in, proxy): not Harness's API.
  if (status === 404 || html) return 'wrong_host';
  if (status === 400 || status === 422 || harnessCode === 'INVALID_REQUEST') return 'invalid_request';
  return 'unknown';
}

/**
 * Interprets the answer to `POST /ng/api/token/validate`: the verification, or a thrown
 * `HarnessConnectError` unless it is a Harness success envelope for the checked account. The verifier
 * removes the key from `header`'s values and `body` first (proxies have echoed keys back), so nothing
 * taken from them can carry it.
 */
export function interpretValidateResponse(
  response: Pick<Response, 'status' | 'type'>,
  header: (name: string) => string,
  body: string,
  check: CheckedHarnessCredentials,
  baseUrl: string,
): HarnessTokenVerification {
  const { status } = response;
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Not JSON: an HTML page, an empty body or a truncated answer, told apart below.
  }
  const envelope = typeof parsed === 'object' ? (parsed as Envelope | null) : null;
  const correlationId = text(envelope?.correlationId) ?? (header('x-harness-correlation-id') || null);
  const data = envelope?.data;
  // `opaqueredirect` is what a browser's `redirect: 'manual'` gives for a 3xx.
  const redirected = response.type === 'opaqueredirect' || (status >= 300 && status < 400);

  if (redirected || status !== 200 || envelope?.status !== 'SUCCESS' || !data) {
    const first = envelope?.responseMessages?.[0];
    const harnessCode = text(envelope?.code) ?? text(first?.code) ?? '';
    const message = text(envelope?.message) ?? text(first?.message) ?? '';
    const html = !envelope && (header('content-type').includes('html') || /^\s*</.test(body));
    throw new HarnessConnectError(redirected ? 'wrong_host' : codeFor(status, harnessCode, message, html), {
      status: status || null,
      harnessCode: harnessCode || null,
      correlationId,
      retryAfterMs: parseRetryAfter(header('retry-after')),
      detail: redirected
        ? 'harness-connect: the base URL redirected (a key never follows one). Use the API host.'
        : `HTTP ${status} with ${harnessCode ? `${harnessCode}: ${message}` : html ? 'an HTML page' : 'no Harness envelope'}`,
    });
  }

  const expectedId = check.credentials.accountId;
  const accountId = text(data.accountIdentifier) ?? expectedId;
  if (accountId !== expectedId || data.valid === false) {
    throw new HarnessConnectError(data.valid === false ? 'invalid_token' : 'account_mismatch', {
      status,
      correlationId,
      detail: 'SUCCESS with valid: false or another account',
    });
  }
  const name = text(data.username);
  const email = text(data.email);
  const validTo = Number(data.validTo);
  return {
    accountId,
    tokenKind: check.tokenKind,
    tokenId: text(data.identifier) ?? check.token.tokenId,
    tokenName: text(data.name),
    tokenHint: check.token.hint,
    apiKeyType: data.apiKeyType === 'USER' || data.apiKeyType === 'SERVICE_ACCOUNT' ? data.apiKeyType : null,
    user: name || email ? { name, email } : null,
    // Harness uses 0 (or nothing) for "never expires".
    expiresAt: validTo > 0 && validTo < MAX_DATE_MS ? new Date(validTo).toISOString() : null,
    baseUrl,
    correlationId,
  };
}
