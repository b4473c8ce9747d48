import { describe, expect, it } from 'vitest';
import { HARNESS_CONNECT_ERROR_CODES, type HarnessConnectErrorCode } from '../../src/core/index.js';
import { HARNESS_CONNECTION_STATUS_OF } from '../../src/server/health.js';
import {
  checkHarnessConnection,
  checkHarnessConnections,
  DEFAULT_CHECK_CONCURRENCY,
  MAX_CHECK_CONCURRENCY,
  type HarnessConnectionStatus,
} from '../../src/server/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';

/** The mapping in src/server/health.ts, written out again so a change to it is a visible decision. */
const STATUS: Record<HarnessConnectErrorCode, HarnessConnectionStatus | 'throws'> = {
  malformed_token: 'invalid',
  malformed_account: 'invalid',
  account_mismatch: 'invalid',
  invalid_token: 'invalid',
  expired_token: 'expired',
  forbidden: 'invalid',
  invalid_request: 'invalid',
  wrong_host: 'unreachable',
  rate_limited: 'unreachable',
  unavailable: 'unreachable',
  timeout: 'unreachable',
  aborted: 'throws',
  configuration: 'throws',
  unknown: 'unreachable',
  missing_permissions: 'permissions_missing',
  permissions_unknown: 'unreachable',
  revoked_token: 'revoked',
  account_inactive: 'invalid',
  principal_disabled: 'invalid',
  ip_not_allowed: 'invalid',
  principal_mismatch: 'invalid',
};

describe('checkHarnessConnection: the status of every error code (#14)', () => {
  it.each(HARNESS_CONNECT_ERROR_CODES.map((code) => [code]))('%s', (code) => {
    expect(HARNESS_CONNECTION_STATUS_OF[code] ?? 'throws').toBe(STATUS[code]);
  });
});

describe('checkHarnessConnection: answers that are not Harness’s own (#12)', () => {
  const page = (status: number, html: string) => () => new Response(html, { status, headers: { 'content-type': 'text/html' } });
  const envelope = (status: number, code: string) => () => Response.json({ status: 'ERROR', code, message: 'x', correlationId: 'c-1' }, { status });
  const check = (answer: () => Response) =>
    checkHarnessConnection(TOKENS.pat, { accountId: ACCOUNTS.primary.id, fetch: (async () => answer()) as typeof fetch });

  it.each<[string, () => Response]>([
    ['a WAF’s HTML 403', page(403, '<html>Access denied by WAF</html>')],
    ['a proxy’s HTML 401 sign-in page', page(401, '<html>Proxy login</html>')],
    ['a bare 400', () => new Response('', { status: 400 })],
    ['an HTML 400', page(400, '<html>Bad request</html>')],
    ['a bare 401', () => new Response(null, { status: 401 })],
    ['a bare 403', () => new Response('', { status: 403 })],
    ['a 407 from a proxy', () => new Response('', { status: 407 })],
    ['a 401 whose code is not Harness’s', () => Response.json({ status: 'ERROR', code: 'see login.proxy.example' }, { status: 401 })],
  ])('is unreachable for %s: a network-side problem, not the person’s', async (_name, answer) => {
    const health = await check(answer);
    expect(health.status).toBe('unreachable');
    expect(health.missing).toBeNull();
  });

  it.each<[string, () => Response, string]>([
    ['401 INVALID_TOKEN', envelope(401, 'INVALID_TOKEN'), 'invalid_token'],
    ['403 NG_ACCESS_DENIED', envelope(403, 'NG_ACCESS_DENIED'), 'forbidden'],
    ['403 NOT_WHITELISTED_IP', envelope(403, 'NOT_WHITELISTED_IP'), 'ip_not_allowed'],
    ['400 INVALID_REQUEST', envelope(400, 'INVALID_REQUEST'), 'invalid_request'],
    ['200 with data.valid false', () => Response.json({ status: 'SUCCESS', data: { valid: false } }), 'invalid_token'],
  ])('stays invalid for Harness’s own %s', async (_name, answer, code) => {
    const health = await check(answer);
    expect(health).toMatchObject({ status: 'invalid', error: { code } });
  });
});

describe('checkHarnessConnection(s): a set-up that is not one (#12)', () => {
  it.each([
    ['no options', undefined],
    ['null options', null],
  ])('rejects %s with a configuration error', async (_name, options) => {
    await expect(checkHarnessConnection(TOKENS.pat, options as never)).rejects.toMatchObject({ name: 'HarnessConnectError', code: 'configuration' });
  });

  it.each([
    ['a null item', [{ apiKey: TOKENS.sat, accountId: ACCOUNTS.primary.id }, null]],
    ['a string item', ['pat.x.y.z']],
    ['a list that is not one', { length: 1 }],
  ])('rejects %s with a configuration error, checking nothing', async (_name, list) => {
    const { fetch, counter } = slowHarness(1);
    await expect(checkHarnessConnections(list as never, { fetch })).rejects.toMatchObject({ name: 'HarnessConnectError', code: 'configuration' });
    expect(counter.validated).toBe(0);
  });

  it('rejects options that are not an object with a configuration error', async () => {
    await expect(checkHarnessConnections([], null as never)).rejects.toMatchObject({ code: 'configuration' });
  });
});

/** A Harness that answers every call after `delayMs`, counting the token/validate calls in flight. */
function slowHarness(delayMs: number) {
  const counter = { inFlight: 0, most: 0, validated: 0 };
  const fetch = (async (input: RequestInfo | URL) => {
    const path = new URL(String(input)).pathname;
    const validate = path === '/ng/api/token/validate';
    if (validate) {
      counter.inFlight += 1;
      counter.validated += 1;
      counter.most = Math.max(counter.most, counter.inFlight);
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (validate) counter.inFlight -= 1;
    if (!validate) return new Response('{"status":"ERROR","code":"NG_ACCESS_DENIED"}', { status: 403 });
    return Response.json({
      status: 'SUCCESS',
      data: { valid: true, accountIdentifier: ACCOUNTS.primary.id, validTo: 0, apiKeyType: 'SERVICE_ACCOUNT', parentIdentifier: 'bot' },
    });
  }) as typeof globalThis.fetch;
  return { fetch, counter };
}

const many = (n: number) => Array.from({ length: n }, () => ({ apiKey: TOKENS.sat, accountId: ACCOUNTS.primary.id }));

describe('checkHarnessConnections (#14)', () => {
  it(`runs at most ${DEFAULT_CHECK_CONCURRENCY} checks at once by default, and answers each, in order`, async () => {
    const { fetch, counter } = slowHarness(20);
    const results = await checkHarnessConnections(many(10), { fetch });
    expect(results).toHaveLength(10);
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(counter.most).toBe(DEFAULT_CHECK_CONCURRENCY);
    expect(counter.validated).toBe(10);
  });

  it('runs at most `concurrency` checks at once', async () => {
    const { fetch, counter } = slowHarness(10);
    await checkHarnessConnections(many(6), { fetch, concurrency: 2 });
    expect(counter.most).toBe(2);
    const one = slowHarness(5);
    await checkHarnessConnections(many(3), { fetch: one.fetch, concurrency: 1 });
    expect(one.counter.most).toBe(1);
  });

  it('answers an empty list with an empty list, asking nothing', async () => {
    const { fetch, counter } = slowHarness(1);
    await expect(checkHarnessConnections([], { fetch })).resolves.toEqual([]);
    expect(counter.validated).toBe(0);
  });

  it.each([0, -1, 1.5, MAX_CHECK_CONCURRENCY + 1, Number.NaN])('refuses concurrency %s as a configuration error, asking nothing', async (concurrency) => {
    const { fetch, counter } = slowHarness(1);
    await expect(checkHarnessConnections(many(2), { fetch, concurrency })).rejects.toMatchObject({ code: 'configuration' });
    expect(counter.validated).toBe(0);
  });

  it('stops starting checks once one rejects (the caller aborted)', async () => {
    const { fetch, counter } = slowHarness(30);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 45);
    await expect(checkHarnessConnections(many(20), { fetch, concurrency: 2, signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(counter.validated).toBeLessThan(8);
  });
});
