import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHarnessConnectHandler } from '../../src/server/index.js';
import { HARNESS_FIXTURE_TOKENS as TOKENS, harnessHandlers } from '../../src/testing/index.js';
import { ROUTE_CASES } from './route-identity-cases.js';
import { SECRETS } from './scenarios.js';

const { handlers, mock } = harnessHandlers();
const server = setupServer(...handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

function post(body: unknown): Request {
  return new Request('https://saas.example/api/harness/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('the route’s answers about identity, permissions and Harness’s own codes, through msw (#13)', () => {
  describe.each(ROUTE_CASES)('given $name', ({ token, options, status, body }) => {
    it(`answers ${status} with it; onVerified only on success; the key nowhere`, async () => {
      const onVerified = vi.fn();
      const onError = vi.fn();
      const handler = createHarnessConnectHandler({ ...options, onVerified, onError });
      const response = await handler(post({ apiKey: TOKENS[token] }));
      const text = await response.text();
      expect(response.status).toBe(status);
      expect(JSON.parse(text)).toMatchObject(body);
      expect(onVerified).toHaveBeenCalledTimes(status === 200 ? 1 : 0);
      expect(onError).toHaveBeenCalledTimes(status === 200 ? 0 : 1);
      for (const secret of SECRETS) {
        expect(text).not.toContain(secret);
        expect(JSON.stringify(mock.requests)).not.toContain(secret);
        expect(JSON.stringify(onError.mock.calls[0]?.[0] ?? null)).not.toContain(secret);
      }
    });
  });

  it('gives onVerified the principal with its email, whatever the answer says', async () => {
    const onVerified = vi.fn();
    await createHarnessConnectHandler({ onVerified })(post({ apiKey: TOKENS.pat }));
    expect(onVerified.mock.calls[0]![0].principal).toEqual({ kind: 'user', identifier: 'kQ7tR2mX9vLpZ4nW8sYc1A', name: 'Ada Lovelace', email: 'ada@acme.example' });
  });

  it('gives onError the ip_not_allowed error with the host’s outbound addresses', async () => {
    const onError = vi.fn();
    await createHarnessConnectHandler({ onError, egressIps: ['203.0.113.7'] })(post({ apiKey: TOKENS.restricted }));
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'ip_not_allowed', egressIps: ['203.0.113.7'] });
  });
});
