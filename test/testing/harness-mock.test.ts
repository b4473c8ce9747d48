import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createHarnessMock,
  HARNESS_FIXTURE_ACCOUNTS,
  HARNESS_FIXTURE_PERMISSIONS,
  HARNESS_FIXTURE_TOKEN_IDS,
  HARNESS_FIXTURE_TOKENS,
  type HarnessMock,
} from '../../src/testing/index.js';

const A = HARNESS_FIXTURE_ACCOUNTS;
const T = HARNESS_FIXTURE_TOKENS;
const IDS = HARNESS_FIXTURE_TOKEN_IDS;
const DAY_MS = 24 * 60 * 60 * 1000;
const BASE = 'https://app.harness.io';
const PAT_ID = '9X2XyKdHizBGT0LrAcAYWAPq';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface CallOptions {
  token?: string | null;
  account?: string | null;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** A request as the widget sends it: token in `x-api-key` and in the body, account in the query. */
function request({ token = T.pat, account = A.primary.id, method = 'POST', path = '/ng/api/token/validate', headers = {}, signal }: CallOptions = {}): Request {
  const url = new URL(path, BASE);
  if (account) url.search = new URLSearchParams({ accountIdentifier: account, routingId: account }).toString();
  const h = new Headers(headers);
  if (token) h.set('x-api-key', token);
  const body = method === 'POST' && token ? token : null;
  return new Request(url, { method, headers: h, body, ...(signal ? { signal } : {}) });
}

async function call(mock: HarnessMock, options: CallOptions = {}) {
  const reply = await mock.handle(request(options));
  if (reply.kind !== 'response') throw new Error(`expected a response, got ${reply.kind}`);
  const { response } = reply;
  const text = await response.text();
  const isJson = response.headers.get('content-type') === 'application/json';
  return { status: response.status, headers: response.headers, text, body: isJson && text ? (JSON.parse(text) as Record<string, any>) : null };
}

/** Asserts Harness's error envelope, exactly, with the correlation id echoed in the header. */
function expectError(res: Awaited<ReturnType<typeof call>>, status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  expect({ status: res.status, code: res.body?.code, message: res.body?.message }).toEqual({ status, code, message });
  expect(res.body).toEqual({
    status: 'ERROR', code, message, correlationId: res.headers.get('x-harness-correlation-id'), detailedMessage: null,
    responseMessages: [{ code, level: 'ERROR', message, exception: null, failureTypes: [] }], metadata: null, ...extra,
  });
  expect(res.body?.correlationId).toMatch(UUID);
}

afterEach(() => void vi.useRealTimers());

describe('token validation', () => {
  it('answers a valid PAT with the token record and a matching correlation id', async () => {
    const res = await call(createHarnessMock());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.body).toEqual({
      status: 'SUCCESS', metaData: null, correlationId: res.headers.get('x-harness-correlation-id'),
      data: {
        identifier: PAT_ID, name: 'ci-pipeline', validFrom: Date.UTC(2025, 0, 1), validTo: Date.UTC(2031, 0, 1), valid: true,
        accountIdentifier: A.primary.id, apiKeyIdentifier: expect.any(String), parentIdentifier: expect.any(String), apiKeyType: 'USER',
        email: 'ada@acme.example', username: 'ada', encodedPassword: null, scheduledExpireTime: 0, description: '', tags: {},
      },
    });
    expect(res.body?.correlationId).toMatch(UUID);
  });

  it('answers the service-account token, which never expires', async () => {
    const { status, body } = await call(createHarnessMock(), { token: T.sat });
    expect(status).toBe(200);
    expect(body?.data).toMatchObject({
      name: 'deploy-bot', apiKeyType: 'SERVICE_ACCOUNT', validTo: 0, parentIdentifier: 'deploy_bot',
      email: 'deploy-bot@service.harness.io', username: 'deploy-bot', accountIdentifier: A.primary.id,
    });
  });

  it('accepts the legacy 3-part token and another account\u2019s token with its own account', async () => {
    const mock = createHarnessMock();
    expect((await call(mock, { token: T.legacy })).body?.data).toMatchObject({ name: 'legacy-key', validTo: 0, apiKeyType: 'USER' });
    const other = await call(mock, { token: T.otherAccount, account: A.other.id });
    expect(other.body?.data).toMatchObject({ accountIdentifier: A.other.id, email: 'grace@globex.example' });
  });

  it('reads the account from the Harness-Account header or the `account` query parameter', async () => {
    const mock = createHarnessMock();
    expect((await call(mock, { account: null, headers: { 'Harness-Account': A.primary.id } })).status).toBe(200);
    expect((await call(mock, { account: null, path: `/ng/api/token/validate?account=${A.primary.id}` })).status).toBe(200);
  });

  const primaryCases: Array<[string, string, number, string, string]> = [
    ['revoked', T.revoked, 401, 'INVALID_TOKEN', 'Token not found'],
    ['otherAccount', T.otherAccount, 401, 'INVALID_TOKEN', 'Invalid account token access 1bmYPoL6xNjhvthzF2jXZT3G'],
    ['restricted', T.restricted, 401, 'INVALID_TOKEN', 'Invalid account token access 8N53EmuPUCRqSvEQVdtA0D5q'],
    ['wrongSecret', T.wrongSecret, 401, 'INVALID_TOKEN', 'Raw password not matching'],
    ['expired', T.expired, 401, 'EXPIRED_TOKEN', 'Incoming API token old-laptop has expired. Token id: lLKN9QWUM2ylPlU6XeLGFb0u'],
    ['2 segments', 'pat.abc', 401, 'INVALID_TOKEN', 'Token length not matching'],
    ['5 segments', `${T.pat}.x`, 401, 'INVALID_TOKEN', 'Token length not matching'],
    ['unknown id', `pat.${A.primary.id}.AAAAAAAAAAAAAAAAAAAAAAAA.bh8as5pih1J286f35yAD`, 401, 'INVALID_TOKEN', 'Token not found'],
    ['tampered account segment', T.pat.replace(A.primary.id, A.other.id), 401, 'INVALID_TOKEN', 'Invalid accountId in token'],
    ['upper-case prefix', T.pat.replace(/^pat/, 'PAT'), 401, 'INVALID_TOKEN', 'Invalid prefix for API token'],
    ['sat prefix on a personal token', T.pat.replace(/^pat/, 'sat'), 401, 'INVALID_TOKEN', 'Invalid prefix for API token'],
    ['bad prefix and bad secret', T.wrongSecret.replace(/^pat/, 'PAT'), 401, 'INVALID_TOKEN', 'Invalid prefix for API token'],
    ['wrong secret in another account\u2019s token', T.otherAccount.slice(0, -3) + 'xyz', 401, 'INVALID_TOKEN', 'Invalid account token access 1bmYPoL6xNjhvthzF2jXZT3G'],
  ];
  it.each(primaryCases)('rejects %s with the primary account', async (_name, token, status, code, message) => {
    expectError(await call(createHarnessMock(), { token }), status, code, message);
  });

  it('checks the account before the token, and the token presence before its shape', async () => {
    const mock = createHarnessMock();
    expectError(await call(mock, { account: null }), 400, 'INVALID_REQUEST', 'Account detail is not present in the request');
    expectError(await call(mock, { account: null, token: null }), 400, 'INVALID_REQUEST', 'Account detail is not present in the request');
    expectError(await call(mock, { token: null }), 401, 'INVALID_TOKEN', 'Token is not valid.');
    expectError(await call(mock, { token: 'garbage' }), 401, 'INVALID_TOKEN', 'Token length not matching');
  });

  it('denies the restricted account (IP allow-list) only after the token itself checks out', async () => {
    const mock = createHarnessMock();
    expectError(await call(mock, { token: T.restricted, account: A.restricted.id }), 403, 'NOT_WHITELISTED_IP', 'Not allowed to access from this IP address');
    const badSecret = T.restricted.slice(0, -3) + 'xyz';
    expectError(await call(mock, { token: badSecret, account: A.restricted.id }), 401, 'INVALID_TOKEN', 'Raw password not matching');
  });

  it('judges expiry with the injected clock', async () => {
    const before = createHarnessMock({ now: () => Date.UTC(2024, 0, 1) });
    expect((await call(before, { token: T.expired })).status).toBe(200);
    const after = createHarnessMock({ now: () => Date.UTC(2031, 0, 2) });
    expectError(await call(after, { token: T.pat }), 401, 'EXPIRED_TOKEN', `Incoming API token ci-pipeline has expired. Token id: ${PAT_ID}`);
    expect((await call(after, { token: T.sat })).status).toBe(200);
  });

  it('serves the /gateway prefix too', async () => {
    expect((await call(createHarnessMock(), { path: '/gateway/ng/api/token/validate' })).body?.data.identifier).toBe(PAT_ID);
  });
});

describe('other routes', () => {
  it('returns the current user for a PAT and refuses a service account', async () => {
    const mock = createHarnessMock();
    const res = await call(mock, { method: 'GET', path: '/ng/api/user/currentUser' });
    expect(res.status).toBe(200);
    expect(res.body?.data).toMatchObject({
      name: 'Ada Lovelace', email: 'ada@acme.example', defaultAccountId: A.primary.id,
      accounts: [{ uuid: A.primary.id, accountName: 'Acme Platform' }],
    });
    expectError(await call(mock, { method: 'GET', path: '/ng/api/user/currentUser', token: T.sat }), 400, 'INVALID_REQUEST', 'Service account tokens have no current user');
    expectError(await call(mock, { method: 'GET', path: '/ng/api/user/currentUser', token: T.revoked }), 401, 'INVALID_TOKEN', 'Token not found');
  });

  it('returns the account for a PAT and denies a service account', async () => {
    const mock = createHarnessMock();
    const path = `/gateway/ng/api/accounts/${A.primary.id}`;
    const res = await call(mock, { method: 'GET', path });
    expect(res.body?.data).toMatchObject({ identifier: A.primary.id, name: 'Acme Platform', companyName: expect.any(String), cluster: 'prod1', defaultExperience: 'NG' });
    const failedCheck = (id: string) => ({
      failedPermissionChecks: [
        { permission: 'core_account_view', resourceScope: { accountIdentifier: id, orgIdentifier: null, projectIdentifier: null }, resourceType: 'ACCOUNT', resourceIdentifier: id },
      ],
    });
    expectError(await call(mock, { method: 'GET', path, token: T.sat }), 403, 'NG_ACCESS_DENIED', 'Missing permission core_account_view on account', failedCheck(A.primary.id));
    expectError(await call(mock, { method: 'GET', path: `/ng/api/accounts/${A.other.id}` }), 403, 'NG_ACCESS_DENIED', 'Missing permission core_account_view on account', failedCheck(A.other.id));
  });

  it('answers unknown API paths with a JSON 404, wrong methods with a 405, other paths with HTML', async () => {
    const mock = createHarnessMock();
    expectError(await call(mock, { method: 'GET', path: '/ng/api/nope' }), 404, 'RESOURCE_NOT_FOUND', 'HTTP 404 Not Found');
    const wrongMethod = await call(mock, { method: 'GET' });
    expectError(wrongMethod, 405, 'INVALID_REQUEST', 'Method not allowed');
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    const outside = await call(mock, { method: 'GET', path: '/ng/account/x/home' });
    expect([outside.status, outside.headers.get('content-type'), outside.text]).toEqual([404, 'text/html; charset=utf-8', expect.stringContaining('Not Found')]);
  });

  it('answers preflights with 204 and every answer with CORS headers', async () => {
    const mock = createHarnessMock();
    mock.setFault('server_error');
    const pre = await call(mock, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(pre.headers.get('access-control-allow-headers')).toBe('x-api-key, content-type, harness-account');
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(pre.headers.get('access-control-expose-headers')).toBe('x-harness-correlation-id');
    const faulted = await call(mock);
    expect([faulted.status, faulted.headers.get('access-control-allow-origin')]).toEqual([500, '*']);
  });
});

describe('faults', () => {
  const html = 'text/html; charset=utf-8';
  it.each([
    ['bad_gateway', 502, html, '502 Bad Gateway'],
    ['service_unavailable', 503, html, '503 Service'],
    ['html', 200, html, '<form'],
    ['not_found', 404, html, 'Not Found'],
  ] as const)('%s answers %i with an HTML page', async (fault, status, type, snippet) => {
    const mock = createHarnessMock();
    mock.setFault(fault);
    const res = await call(mock);
    expect([res.status, res.headers.get('content-type'), res.headers.get('x-harness-correlation-id')]).toEqual([status, type, null]);
    expect(res.text).toContain(snippet);
  });

  it('rate_limited, server_error, redirect and malformed_json look like the real thing', async () => {
    const mock = createHarnessMock();
    mock.setFault('rate_limited', { times: 1 });
    mock.setFault('server_error', { times: 1 });
    mock.setFault('redirect', { times: 1 });
    mock.setFault('malformed_json', { times: 1 });
    const limited = await call(mock);
    expect([limited.status, limited.text, limited.headers.get('retry-after')]).toEqual([429, '', null]);
    expectError(await call(mock), 500, 'UNEXPECTED', 'An unexpected error occurred');
    const redirect = await call(mock);
    expect([redirect.status, redirect.headers.get('location')]).toEqual([302, 'https://app.harness.io/auth/#/signin']);
    const reply = await mock.handle(request());
    if (reply.kind !== 'response') throw new Error(reply.kind);
    expect([reply.response.status, reply.response.headers.get('content-type')]).toEqual([200, 'application/json']);
    await expect(reply.response.json()).rejects.toThrow(SyntaxError);
    expect((await call(mock)).status).toBe(200);
  });

  it('reset and hang reply without a response; faults come before routing', async () => {
    const mock = createHarnessMock();
    mock.setFault('reset', { times: 1 });
    mock.setFault('hang', { times: 1 });
    expect(await mock.handle(request({ path: '/ng/api/nope' }))).toEqual({ kind: 'reset' });
    expect(await mock.handle(request({ token: null }))).toEqual({ kind: 'hang' });
    expect((await call(mock)).status).toBe(200);
  });

  it('slow answers normally after delayMs', async () => {
    const mock = createHarnessMock();
    mock.setFault('slow', { delayMs: 120, times: 1 });
    const started = performance.now();
    const res = await call(mock);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(res.body?.data.identifier).toBe(PAT_ID);
  });

  it('slow waits 10 s by default and rejects when the request aborts', async () => {
    vi.useFakeTimers();
    const mock = createHarnessMock();
    mock.setFault('slow');
    let settled = false;
    const pending = mock.handle(request()).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ kind: 'response', response: { status: 200 } });

    const controller = new AbortController();
    const aborted = mock.handle(request({ signal: controller.signal }));
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('applies counted faults in the order set; a later fault replaces a persistent one', async () => {
    const mock = createHarnessMock();
    const statuses = async (n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await call(mock)).status);
      return out;
    };
    mock.setFault('rate_limited', { times: 2 });
    mock.setFault('server_error', { times: 1 });
    expect(await statuses(4)).toEqual([429, 429, 500, 200]);
    mock.setFault('server_error');
    mock.setFault('bad_gateway');
    expect(await statuses(2)).toEqual([502, 502]);
    mock.setFault('rate_limited', { times: 1 });
    expect(await statuses(2)).toEqual([429, 200]);
    mock.setFault('rate_limited', { times: 1 });
    mock.setFault('html');
    expect(await statuses(3)).toEqual([429, 200, 200]);
    expect((await call(mock)).headers.get('content-type')).toContain('text/html');
    mock.setFault(null);
    expect(await statuses(1)).toEqual([200]);
  });

  it('rejects nonsense fault options', () => {
    const mock = createHarnessMock();
    expect(() => mock.setFault('rate_limited', { times: 0 })).toThrow(RangeError);
    expect(() => mock.setFault('slow', { delayMs: -1 })).toThrow(RangeError);
    expect(() => mock.setFault('teapot' as never)).toThrow(TypeError);
  });
});

describe('state', () => {
  it('records requests without the token or the body', async () => {
    const mock = createHarnessMock({ now: () => 1_700_000_000_000 });
    await call(mock);
    await call(mock, { token: null, account: null, method: 'GET', path: '/ng/api/user/currentUser' });
    await call(mock, { account: null, path: `/ng/api/token/validate?accountIdentifier=${A.primary.id}&apiKey=${encodeURIComponent(T.sat)}` });
    expect(mock.requests[0]).toEqual({
      method: 'POST', url: `${BASE}/ng/api/token/validate?accountIdentifier=${A.primary.id}&routingId=${A.primary.id}`,
      path: '/ng/api/token/validate', hasApiKey: true, accountIdentifier: A.primary.id, at: 1_700_000_000_000,
    });
    expect(mock.requests[1]).toMatchObject({ method: 'GET', hasApiKey: false, accountIdentifier: null });
    const log = JSON.stringify(mock.requests);
    for (const secret of ['bh8as5pih1J286f35yAD', 'fLTsuQ3YtZ4V1dlDTpKq']) expect(log).not.toContain(secret);
    expect(mock.requests[2]?.url).toContain('apiKey=%5Bredacted%5D');
  });

  it('revokeToken deletes a token; reset() restores tokens and clears faults and requests', async () => {
    const mock = createHarnessMock();
    mock.revokeToken(PAT_ID);
    expectError(await call(mock), 401, 'INVALID_TOKEN', 'Token not found');
    expect((await call(mock, { token: T.sat })).status).toBe(200);
    expect((await call(createHarnessMock())).status).toBe(200);
    mock.setFault('rate_limited');
    mock.reset();
    expect(mock.requests).toEqual([]);
    expect((await call(mock)).status).toBe(200);
    expect(mock.requests).toHaveLength(1);
  });
});

describe('fixtures', () => {
  it('are well-formed 4-part tokens of realistic lengths, except the legacy one', () => {
    const secretScanner = /^(pat|sat)\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20}$/;
    for (const [name, token] of Object.entries(T)) {
      if (name === 'legacy') expect(token).toMatch(/^pat\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20}$/);
      else expect([name, secretScanner.test(token)]).toEqual([name, true]);
    }
    for (const account of Object.values(A)) expect(account.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('name each token\u2019s id and permission set under the token\u2019s own name', () => {
    expect(Object.keys(IDS).sort()).toEqual(Object.keys(T).sort());
    expect(Object.keys(HARNESS_FIXTURE_PERMISSIONS).sort()).toEqual(Object.keys(T).sort());
    for (const [name, token] of Object.entries(T)) {
      const segments = token.split('.');
      expect([name, segments.at(-2)]).toEqual([name, IDS[name as keyof typeof IDS]]);
    }
    expect(HARNESS_FIXTURE_PERMISSIONS.sat).not.toContain('core_account_view');
    expect(HARNESS_FIXTURE_PERMISSIONS.missingPermission).toEqual(expect.arrayContaining(['core_pipeline_view']));
    expect(HARNESS_FIXTURE_PERMISSIONS.missingPermission).not.toContain('core_pipeline_execute');
  });

  it('seed expiringSoon 5 days after the mock\u2019s clock', async () => {
    const now = Date.UTC(2027, 2, 3, 10, 30);
    const res = await call(createHarnessMock({ now: () => now }), { token: T.expiringSoon });
    expect(res.body?.data).toMatchObject({ validTo: now + 5 * DAY_MS, apiKeyType: 'USER', email: 'ada@acme.example' });
    expect(res.body?.data.validFrom).toBeLessThan(now);
  });

  it('check an account\u2019s and a user\u2019s state only once the key has proved itself', async () => {
    const mock = createHarnessMock();
    const badSecret = (token: string) => token.slice(0, -3) + 'xyz';
    expectError(await call(mock, { token: badSecret(T.inactiveAccount), account: A.inactive.id }), 401, 'INVALID_TOKEN', 'Raw password not matching');
    expectError(await call(mock, { token: badSecret(T.deletedAccount), account: A.deleted.id }), 401, 'INVALID_TOKEN', 'Raw password not matching');
    expectError(await call(mock, { token: badSecret(T.disabledUser) }), 401, 'INVALID_TOKEN', 'Raw password not matching');
    expectError(await call(mock, { token: badSecret(T.revokedByAdmin) }), 401, 'INVALID_TOKEN', 'Raw password not matching');
    expectError(await call(mock, { token: T.inactiveAccount }), 401, 'INVALID_TOKEN', `Invalid account token access ${IDS.inactiveAccount}`);
  });
});

describe('run-time controls', () => {
  it('revoke makes a token answer REVOKED_TOKEN on every route; revoking twice is harmless', async () => {
    const mock = createHarnessMock();
    mock.revoke(IDS.sat);
    mock.revoke(IDS.sat);
    const message = `Incoming API token deploy-bot has been revoked. Token id: ${IDS.sat}`;
    expectError(await call(mock, { token: T.sat }), 401, 'REVOKED_TOKEN', message);
    expectError(await call(mock, { token: T.sat, method: 'GET', path: '/ng/api/projects' }), 401, 'REVOKED_TOKEN', message);
    expect((await call(mock)).status).toBe(200);
  });

  it('revoke and setPermissions refuse an id the mock does not hold', () => {
    const mock = createHarnessMock();
    expect(() => mock.revoke('no-such-token')).toThrow(RangeError);
    expect(() => mock.revoke(IDS.revoked)).toThrow(/HARNESS_FIXTURE_TOKEN_IDS/);
    mock.revokeToken(IDS.pat);
    expect(() => mock.revoke(IDS.pat)).toThrow(RangeError);
    expect(() => mock.setPermissions(IDS.pat, [])).toThrow(RangeError);
    expect(() => mock.setPermissions(IDS.sat, 'core_pipeline_view' as never)).toThrow(TypeError);
    expect(() => mock.setPermissions(IDS.sat, [42] as never)).toThrow(TypeError);
  });

  it('setNow moves the clock for expiry and the request log; null returns to the given clock', async () => {
    const base = Date.UTC(2026, 0, 10);
    const mock = createHarnessMock({ now: () => base });
    mock.setNow(new Date(base + 5 * DAY_MS - 1));
    expect((await call(mock, { token: T.expiringSoon })).status).toBe(200);
    mock.setNow(base + 5 * DAY_MS + 1);
    expectError(await call(mock, { token: T.expiringSoon }), 401, 'EXPIRED_TOKEN', `Incoming API token trial-integration has expired. Token id: ${IDS.expiringSoon}`);
    mock.setNow(Date.UTC(2024, 0, 1));
    expect((await call(mock, { token: T.expired })).status).toBe(200);
    mock.setNow(null);
    expect((await call(mock, { token: T.expiringSoon })).status).toBe(200);
    expect(mock.requests.map((r) => r.at)).toEqual([base + 5 * DAY_MS - 1, base + 5 * DAY_MS + 1, Date.UTC(2024, 0, 1), base]);
    expect(() => mock.setNow(new Date('not a date'))).toThrow(RangeError);
    expect(() => mock.setNow(Number.NaN)).toThrow(RangeError);
  });

  it('setPermissions replaces a token\u2019s set for accounts/{id} and leaves other mocks alone', async () => {
    const mock = createHarnessMock();
    const path = `/ng/api/accounts/${A.primary.id}`;
    mock.setPermissions(IDS.sat, ['core_account_view']);
    expect((await call(mock, { method: 'GET', path, token: T.sat })).body?.data.name).toBe('Acme Platform');
    mock.setPermissions(IDS.pat, []);
    expect((await call(mock, { method: 'GET', path })).status).toBe(403);
    expect((await call(createHarnessMock(), { method: 'GET', path })).status).toBe(200);
    expect(HARNESS_FIXTURE_PERMISSIONS.pat).toContain('core_account_view');
  });

  it('reset() undoes revoke, revokeToken, setNow and setPermissions, and re-seeds expiringSoon from the clock', async () => {
    let base = Date.UTC(2026, 0, 10);
    const mock = createHarnessMock({ now: () => base });
    mock.revoke(IDS.pat);
    mock.revokeToken(IDS.sat);
    mock.setPermissions(IDS.missingPermission, []);
    mock.setNow(Date.UTC(2040, 0, 1));
    base = Date.UTC(2026, 3, 1);
    mock.reset();
    expect((await call(mock)).status).toBe(200);
    expect((await call(mock, { token: T.sat })).status).toBe(200);
    expect((await call(mock, { method: 'GET', path: `/ng/api/accounts/${A.primary.id}`, token: T.missingPermission })).status).toBe(200);
    expect((await call(mock, { token: T.expiringSoon })).body?.data.validTo).toBe(base + 5 * DAY_MS);
    expect(mock.requests.every((r) => r.at === base)).toBe(true);
  });

  it('records ACL and project calls without the key or the body', async () => {
    const mock = createHarnessMock();
    const url = `${BASE}/authz/api/acl?accountIdentifier=${A.primary.id}`;
    const body = JSON.stringify({ permissions: [{ resourceScope: { accountIdentifier: A.primary.id }, resourceType: 'PIPELINE', permission: 'core_pipeline_view' }] });
    const reply = await mock.handle(new Request(url, { method: 'POST', headers: { 'x-api-key': T.pat, 'content-type': 'application/json' }, body }));
    expect(reply).toMatchObject({ kind: 'response', response: { status: 200 } });
    expect(mock.requests).toEqual([{ method: 'POST', url, path: '/authz/api/acl', hasApiKey: true, accountIdentifier: A.primary.id, at: expect.any(Number) }]);
    expect(JSON.stringify(mock.requests)).not.toContain('bh8as5pih1J286f35yAD');
  });
});
