import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHarnessConnectHandler } from '../../src/server/index.js';
import { HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { startHarnessMockServer, type HarnessMockServer } from '../../src/testing/node.js';
import { ROUTE_CASES } from './route-identity-cases.js';
import { PIPELINE_PERMISSIONS, SECRETS } from './scenarios.js';

let harness: HarnessMockServer;
let base: { baseUrl: string; allowedHosts: string[] };

beforeAll(async () => {
  harness = await startHarnessMockServer();
  base = { baseUrl: harness.url, allowedHosts: [new URL(harness.url).host] };
});
afterEach(() => harness.mock.reset());
afterAll(() => harness.close());

function post(body: unknown): Request {
  return new Request('https://saas.example/api/harness/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('the route’s answers about identity, permissions and Harness’s own codes, over a real socket (#13)', () => {
  describe.each(ROUTE_CASES)('given $name', ({ token, options, status, body }) => {
    it(`answers ${status} with it; onVerified only on success; the key nowhere`, async () => {
      const onVerified = vi.fn();
      const onError = vi.fn();
      const handler = createHarnessConnectHandler({ ...base, ...options, onVerified, onError });
      const response = await handler(post({ apiKey: TOKENS[token] }));
      const text = await response.text();
      expect(response.status).toBe(status);
      expect(JSON.parse(text)).toMatchObject(body);
      expect(onVerified).toHaveBeenCalledTimes(status === 200 ? 1 : 0);
      expect(onError).toHaveBeenCalledTimes(status === 200 ? 0 : 1);
      for (const secret of SECRETS) {
        expect(text).not.toContain(secret);
        expect(JSON.stringify(harness.mock.requests)).not.toContain(secret);
      }
    });
  });

  it('a hang on accounts/{id} still answers 200 within the timeout, with accountName null', async () => {
    harness.mock.setFault('slow', { delayMs: 0, times: 1 });
    harness.mock.setFault('hang', { times: 1 });
    const started = Date.now();
    const response = await createHarnessConnectHandler({ ...base, timeoutMs: 300 })(post({ apiKey: TOKENS.sat }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ connection: { tokenKind: 'sat', accountName: null } });
  });

  it('does not retry permissions_unknown: one validate and one ACL call', async () => {
    const response = await createHarnessConnectHandler({ ...base, requiredPermissions: PIPELINE_PERMISSIONS })(post({ apiKey: TOKENS.aclUnavailable }));
    expect(response.status).toBe(502);
    expect(harness.mock.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/ng/api/token/validate', '/authz/api/acl']);
  });
});
