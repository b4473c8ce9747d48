import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHarnessConnectHandler } from '../../src/server/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { startHarnessMockServer, type HarnessMockServer } from '../../src/testing/node.js';
import { RECONNECT_CASES } from './reconnect-cases.js';
import { SECRETS } from './scenarios.js';

let harness: HarnessMockServer;
let base: { baseUrl: string; allowedHosts: string[] };

beforeAll(async () => {
  harness = await startHarnessMockServer();
  base = { baseUrl: harness.url, allowedHosts: [new URL(harness.url).host] };
});
afterEach(() => harness.mock.reset());
afterAll(() => harness.close());

function post(body: unknown): Request {
  return new Request('https://saas.example/api/harness/connections/c1/reconnect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('the route renewing a stored connection, over a real socket (#14)', () => {
  describe.each(RECONNECT_CASES)('given $name', ({ credentials, expected, status, body, asksHarness }) => {
    it(`answers ${status}; onVerified runs only on success; Harness asked: ${asksHarness}`, async () => {
      const onVerified = vi.fn();
      const handler = createHarnessConnectHandler({ ...base, resolveExpected: () => expected, onVerified });
      const response = await handler(post(credentials));
      const text = await response.text();
      expect(response.status).toBe(status);
      expect(JSON.parse(text)).toMatchObject(body);
      expect(onVerified).toHaveBeenCalledTimes(status === 200 ? 1 : 0);
      expect(harness.mock.requests.length > 0).toBe(asksHarness);
      for (const secret of SECRETS) {
        expect(text).not.toContain(secret);
        expect(JSON.stringify(harness.mock.requests)).not.toContain(secret);
      }
    });
  });

  it('refuses another principal before onVerified, even when the key holds every permission', async () => {
    const onVerified = vi.fn();
    const handler = createHarnessConnectHandler({
      ...base,
      requiredPermissions: [{ permission: 'core_pipeline_view', resourceType: 'PIPELINE' }],
      resolveExpected: () => ({ accountId: ACCOUNTS.primary.id, principal: { identifier: 'someone-else' } }),
      onVerified,
    });
    const response = await handler(post({ apiKey: TOKENS.pat }));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: 'principal_mismatch', principal: { name: 'Ada Lovelace' } } });
    expect(onVerified).not.toHaveBeenCalled();
  });
});
