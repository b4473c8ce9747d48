import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHarnessConnectHandler } from '../../src/server/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS, harnessHandlers } from '../../src/testing/index.js';
import { RECONNECT_CASES } from './reconnect-cases.js';
import { SECRETS } from './scenarios.js';

const { handlers, mock } = harnessHandlers();
const server = setupServer(...handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

function post(body: unknown): Request {
  return new Request('https://saas.example/api/harness/connections/c1/reconnect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('the route renewing a stored connection, through msw (#14)', () => {
  describe.each(RECONNECT_CASES)('given $name', ({ credentials, expected, status, body, asksHarness }) => {
    it(`answers ${status}; onVerified runs only on success; Harness asked: ${asksHarness}`, async () => {
      const onVerified = vi.fn();
      const handler = createHarnessConnectHandler({ resolveExpected: async () => expected, onVerified });
      const response = await handler(post(credentials));
      const text = await response.text();
      expect(response.status).toBe(status);
      expect(JSON.parse(text)).toMatchObject(body);
      expect(onVerified).toHaveBeenCalledTimes(status === 200 ? 1 : 0);
      expect(mock.requests.length > 0).toBe(asksHarness);
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    });
  });

  it('names both accounts when a key is for another account', async () => {
    const handler = createHarnessConnectHandler({ resolveExpected: () => ({ accountId: ACCOUNTS.primary.id }) });
    const { error } = await (await handler(post({ apiKey: TOKENS.otherAccount }))).json();
    expect(error.message).toContain(ACCOUNTS.other.id);
    expect(error.message).toContain(ACCOUNTS.primary.id);
  });

  it('gives resolveExpected the request, and answers 500 without asking Harness when it throws', async () => {
    const resolveExpected = vi.fn(() => {
      throw new Error('session store down');
    });
    const onError = vi.fn();
    const request = post({ apiKey: TOKENS.pat });
    const response = await createHarnessConnectHandler({ resolveExpected, onError })(request);
    expect(resolveExpected).toHaveBeenCalledWith(request);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unknown' } });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(mock.requests).toEqual([]);
  });

  it.each([
    ['no accountId', { principal: { identifier: 'x' } }],
    ['an empty accountId', { accountId: '' }],
    ['a principal without identifier', { accountId: ACCOUNTS.primary.id, principal: { kind: 'user' } }],
    ['an unknown kind', { accountId: ACCOUNTS.primary.id, principal: { kind: 'robot', identifier: 'x' } }],
    ['a string', ACCOUNTS.primary.id],
  ])('answers 500 configuration for a resolveExpected that returns %s, without asking Harness', async (_name, returned) => {
    const handler = createHarnessConnectHandler({ resolveExpected: () => returned as never });
    const response = await handler(post({ apiKey: TOKENS.pat }));
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 'configuration', detail: expect.stringMatching(/resolveExpected must return/) } });
    expect(mock.requests).toEqual([]);
  });
});
