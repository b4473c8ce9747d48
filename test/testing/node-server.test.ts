import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHarnessMock, HARNESS_FIXTURE_ACCOUNTS, HARNESS_FIXTURE_TOKENS, type HarnessMock } from '../../src/testing/index.js';
import { startHarnessMockServer, type HarnessMockServer } from '../../src/testing/node.js';
import { ANSWER_SCENARIOS, NOW, SECRETS, send } from './answers.js';

const A = HARNESS_FIXTURE_ACCOUNTS;
const T = HARNESS_FIXTURE_TOKENS;

let server: HarnessMockServer;
beforeAll(async () => {
  server = await startHarnessMockServer({ mock: createHarnessMock({ now: () => NOW }) });
});
afterEach(() => server.mock.reset());
afterAll(() => server.close());

function validate(token: string = T.pat, init: RequestInit = {}, base = server.url): Promise<Response> {
  return fetch(`${base}/ng/api/token/validate?accountIdentifier=${A.primary.id}&routingId=${A.primary.id}`, {
    method: 'POST',
    headers: { 'x-api-key': token, 'content-type': 'text/plain', accept: 'application/json' },
    body: token,
    ...init,
  });
}

describe('startHarnessMockServer', () => {
  it('listens on a random localhost port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
  });

  it('validates a token over a real socket', async () => {
    const res = await validate();
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { identifier: string; email: string }; correlationId: string };
    expect(body.data).toMatchObject({ identifier: '9X2XyKdHizBGT0LrAcAYWAPq', email: 'ada@acme.example' });
    expect(res.headers.get('x-harness-correlation-id')).toBe(body.correlationId);
    expect(server.mock.requests).toMatchObject([{ method: 'POST', path: '/ng/api/token/validate', hasApiKey: true, accountIdentifier: A.primary.id }]);
    expect(JSON.stringify(server.mock.requests)).not.toContain('bh8as5pih1J286f35yAD');
  });

  it('answers 401 with the Harness envelope', async () => {
    const res = await validate(T.wrongSecret);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toMatchObject({ status: 'ERROR', code: 'INVALID_TOKEN', message: 'Raw password not matching' });
  });

  it('answers a path outside the API with an HTML 404', async () => {
    const res = await fetch(`${server.url}/favicon.ico`);
    expect([res.status, res.headers.get('content-type')]).toEqual([404, 'text/html; charset=utf-8']);
  });

  it('answers 429 with an empty body and no Retry-After', async () => {
    server.mock.setFault('rate_limited', { times: 1 });
    const res = await validate();
    expect([res.status, await res.text(), res.headers.get('retry-after')]).toEqual([429, '', null]);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('resets the connection', async () => {
    server.mock.setFault('reset', { times: 1 });
    await expect(validate()).rejects.toBeInstanceOf(TypeError);
    expect((await validate()).status).toBe(200);
  });

  it('hangs until the client aborts, and stays usable', async () => {
    server.mock.setFault('hang', { times: 1 });
    const started = performance.now();
    await expect(validate(T.pat, { signal: AbortSignal.timeout(300) })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect((await validate()).status).toBe(200);
  });

  it('answers a slow request after delayMs', async () => {
    server.mock.setFault('slow', { delayMs: 200, times: 1 });
    const started = performance.now();
    const res = await validate(T.sat);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(((await res.json()) as { data: { apiKeyType: string } }).data.apiKeyType).toBe('SERVICE_ACCOUNT');
  });

  it('answers a CORS preflight from another localhost origin', async () => {
    server.mock.setFault('server_error');
    const origin = 'http://localhost:6006';
    const res = await fetch(`${server.url}/ng/api/token/validate`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-api-key, content-type' },
    });
    expect(res.status).toBe(204);
    expect(Object.fromEntries([...res.headers].filter(([k]) => k.startsWith('access-control-')))).toEqual({
      'access-control-allow-origin': origin,
      'access-control-allow-headers': 'x-api-key, content-type, harness-account',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-expose-headers': 'x-harness-correlation-id',
    });
    const faulted = await validate(T.pat, { headers: { 'x-api-key': T.pat, origin } });
    expect([faulted.status, faulted.headers.get('access-control-allow-origin')]).toEqual([500, origin]);
  });

  it('close() resolves promptly while a request hangs', async () => {
    const own = await startHarnessMockServer();
    own.mock.setFault('hang');
    const pending = validate(T.pat, {}, own.url);
    pending.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(own.mock.requests).toHaveLength(1);
    const started = performance.now();
    await own.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    await expect(pending).rejects.toBeInstanceOf(TypeError);
    await expect(validate(T.pat, {}, own.url)).rejects.toBeInstanceOf(TypeError);
    await own.close();
  });

  it('aborts the request signal the mock sees when the client goes away', async () => {
    const inner = createHarnessMock();
    inner.setFault('hang');
    const signals: AbortSignal[] = [];
    const mock: HarnessMock = {
      handle: (request) => (signals.push(request.signal), inner.handle(request)),
      setFault: inner.setFault,
      get requests() {
        return inner.requests;
      },
      reset: inner.reset,
      revokeToken: inner.revokeToken,
      revoke: inner.revoke,
      setNow: inner.setNow,
      setPermissions: inner.setPermissions,
    };
    const own = await startHarnessMockServer({ mock });
    try {
      await expect(validate(T.pat, { signal: AbortSignal.timeout(100) }, own.url)).rejects.toMatchObject({ name: 'TimeoutError' });
      await expect.poll(() => signals[0]?.aborted).toBe(true);
    } finally {
      await own.close();
    }
  });

  it('serves a mock it is given', async () => {
    const mock = createHarnessMock({ now: () => Date.UTC(2032, 0, 1) });
    const own = await startHarnessMockServer({ mock });
    try {
      expect(own.mock).toBe(mock);
      expect(await (await validate(T.pat, {}, own.url)).json()).toMatchObject({ code: 'EXPIRED_TOKEN' });
    } finally {
      await own.close();
    }
  });
});

describe('every Harness answer over a real socket', () => {
  describe.each(ANSWER_SCENARIOS)('$name', (scenario) => {
    it(`answers ${scenario.status} with Harness's envelope, and logs no key`, async () => {
      scenario.arrange?.(server.mock);
      const res = await send(server.url, scenario);
      expect(res.status).toBe(scenario.status);
      expect(res.headers.get('content-type')).toBe('application/json');
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject(scenario.expected);
      expect(body.correlationId).toBe(res.headers.get('x-harness-correlation-id'));
      expect(server.mock.requests).toMatchObject([{ method: scenario.method, hasApiKey: scenario.token !== null }]);
      for (const secret of SECRETS) expect(JSON.stringify(server.mock.requests)).not.toContain(secret);
    });
  });

  it('answers a preflight for the ACL call from another localhost origin', async () => {
    const origin = 'http://localhost:5173';
    const res = await fetch(`${server.url}/authz/api/acl`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-api-key, content-type' },
    });
    expect([res.status, res.headers.get('access-control-allow-origin')]).toEqual([204, origin]);
  });
});
