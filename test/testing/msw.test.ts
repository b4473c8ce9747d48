import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHarnessMock, HARNESS_FIXTURE_ACCOUNTS, HARNESS_FIXTURE_TOKENS, harnessHandlers } from '../../src/testing/index.js';
import { ANSWER_SCENARIOS, NOW, SECRETS, send } from './answers.js';

const A = HARNESS_FIXTURE_ACCOUNTS;
const T = HARNESS_FIXTURE_TOKENS;
const QUERY = `accountIdentifier=${A.primary.id}&routingId=${A.primary.id}`;

const shared = createHarnessMock({ now: () => NOW });
const { handlers, mock } = harnessHandlers({ mock: shared });
const { handlers: anyHost, mock: anyHostMock } = harnessHandlers({ baseUrl: '*' });
// app.harness.io first, then the any-origin mock, then a marker for whatever neither handles.
const notHarness = http.all('*', () => new HttpResponse('not harness', { status: 599 }));
const server = setupServer(...handlers, ...anyHost, notHarness);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  mock.reset();
  anyHostMock.reset();
});
afterAll(() => server.close());

function validate(base: string, token: string = T.pat, init: RequestInit = {}): Promise<Response> {
  return fetch(`${base}/ng/api/token/validate?${QUERY}`, {
    method: 'POST',
    headers: { 'x-api-key': token, 'content-type': 'text/plain', accept: 'application/json' },
    body: token,
    ...init,
  });
}

describe('harnessHandlers', () => {
  it('uses the mock it is given and answers real fetch calls to app.harness.io', async () => {
    expect(mock).toBe(shared);
    const res = await validate('https://app.harness.io');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; data: { name: string }; correlationId: string };
    expect(body).toMatchObject({ status: 'SUCCESS', data: { name: 'ci-pipeline' } });
    expect(res.headers.get('x-harness-correlation-id')).toBe(body.correlationId);
    expect(mock.requests).toHaveLength(1);
    expect(anyHostMock.requests).toHaveLength(0);
  });

  it('answers Harness errors through fetch', async () => {
    const res = await validate('https://app.harness.io', T.expired);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'EXPIRED_TOKEN' });
    const gateway = await fetch(`https://app.harness.io/gateway/ng/api/user/currentUser?${QUERY}`, { headers: { 'x-api-key': T.sat } });
    expect(gateway.status).toBe(400);
    expect(await gateway.json()).toMatchObject({ message: 'Service account tokens have no current user' });
  });

  it("matches any origin with baseUrl '*'", async () => {
    const res = await validate('https://acme.harness.io', T.otherAccount);
    expect(await res.json()).toMatchObject({ code: 'INVALID_TOKEN', message: 'Invalid account token access 1bmYPoL6xNjhvthzF2jXZT3G' });
    expect((await validate('https://harness.internal.example:8443/gateway')).status).toBe(200);
    expect(anyHostMock.requests.map((r) => r.url.split('/ng/')[0])).toEqual(['https://acme.harness.io', 'https://harness.internal.example:8443/gateway']);
  });

  it('leaves paths outside the Harness API unhandled', async () => {
    expect((await fetch('https://app.harness.io/ng/account/x/home')).status).toBe(599);
    expect((await fetch('https://acme.harness.io/docs/ng/api/x')).status).toBe(599);
    expect((await fetch('https://acme.harness.io/ng/api')).status).toBe(599);
    expect(mock.requests).toHaveLength(0);
    expect(anyHostMock.requests).toHaveLength(0);
  });

  it('answers status faults and a manual redirect', async () => {
    mock.setFault('rate_limited', { times: 1 });
    mock.setFault('redirect', { times: 1 });
    const limited = await validate('https://app.harness.io');
    expect([limited.status, await limited.text()]).toEqual([429, '']);
    const redirect = await validate('https://app.harness.io', T.pat, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([302, 'https://app.harness.io/auth/#/signin']);
  });

  it('turns reset into a network error', async () => {
    mock.setFault('reset', { times: 1 });
    await expect(validate('https://app.harness.io')).rejects.toBeInstanceOf(TypeError);
    expect((await validate('https://app.harness.io')).status).toBe(200);
  });

  it('keeps a hanging request open until the caller aborts it', async () => {
    mock.setFault('hang', { times: 1 });
    const started = performance.now();
    await expect(validate('https://app.harness.io', T.pat, { signal: AbortSignal.timeout(200) })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect((await validate('https://app.harness.io')).status).toBe(200);
  });

  it('lets a slow answer be aborted too', async () => {
    anyHostMock.setFault('slow', { delayMs: 5_000 });
    await expect(validate('https://acme.harness.io', T.pat, { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('refuses a baseUrl with a path it would never match', () => {
    expect(() => harnessHandlers({ baseUrl: 'https://example.com/harness' })).toThrow(TypeError);
    expect(() => harnessHandlers({ baseUrl: 'https://example.com/gateway/' })).not.toThrow();
  });
});

describe('every Harness answer through msw', () => {
  describe.each(ANSWER_SCENARIOS)('$name', (scenario) => {
    it(`answers ${scenario.status} with Harness's envelope, and logs no key`, async () => {
      scenario.arrange?.(mock);
      const res = await send('https://app.harness.io', scenario);
      expect(res.status).toBe(scenario.status);
      expect(res.headers.get('content-type')).toBe('application/json');
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject(scenario.expected);
      expect(body.correlationId).toBe(res.headers.get('x-harness-correlation-id'));
      expect(mock.requests).toMatchObject([{ method: scenario.method, hasApiKey: scenario.token !== null }]);
      for (const secret of SECRETS) expect(JSON.stringify(mock.requests)).not.toContain(secret);
    });
  });

  it("routes /authz/api under any origin with baseUrl '*', and leaves look-alikes alone", async () => {
    const [scenario] = ANSWER_SCENARIOS.filter((s) => s.path.startsWith('/authz/api/acl') && s.status === 200);
    if (!scenario) throw new Error('no ACL scenario');
    expect((await send('https://harness.internal.example', scenario)).status).toBe(200);
    expect((await fetch('https://acme.harness.io/docs/authz/api/acl')).status).toBe(599);
    expect(anyHostMock.requests.map((r) => r.path)).toEqual(['/authz/api/acl']);
  });
});
