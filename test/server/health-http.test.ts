import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkHarnessConnection, checkHarnessConnections } from '../../src/server/index.js';
import { startHarnessMockServer, type HarnessMockServer } from '../../src/testing/node.js';
import { accountOf, HEALTH_CASES, PIPELINE_PERMISSIONS, TOKENS } from './health-cases.js';
import { SECRETS } from './scenarios.js';

let harness: HarnessMockServer;
let base: { baseUrl: string; allowedHosts: string[] };

beforeAll(async () => {
  harness = await startHarnessMockServer();
  base = { baseUrl: harness.url, allowedHosts: [new URL(harness.url).host] };
});
afterEach(() => harness.mock.reset());
afterAll(() => harness.close());

describe('checkHarnessConnection against the Harness mock over a real socket (#14)', () => {
  describe.each(HEALTH_CASES)('given $name', (c) => {
    it(`resolves ${c.status}${c.code ? ` (${c.code})` : ''}, never throwing, the key nowhere`, async () => {
      if (c.fault) harness.mock.setFault(...c.fault);
      const health = await checkHarnessConnection(TOKENS[c.token], {
        ...base,
        accountId: c.accountId ?? accountOf(c.token),
        requiredPermissions: c.requirePermissions ? PIPELINE_PERMISSIONS : undefined,
        timeoutMs: c.timeoutMs,
      });
      expect(health.status).toBe(c.status);
      expect(health.error?.code).toBe(c.code);
      if (c.expiresAt !== undefined) expect(health.expiresAt).toBe(c.expiresAt);
      if (c.missing !== undefined) expect(health.missing).toEqual(c.missing);
      for (const secret of SECRETS) {
        expect(JSON.stringify(health)).not.toContain(secret);
        expect(JSON.stringify(harness.mock.requests)).not.toContain(secret);
      }
    });
  });

  it('rejects with configuration for a base URL that is not an allowed host, without a request', async () => {
    await expect(checkHarnessConnection(TOKENS.pat, { accountId: accountOf('pat'), baseUrl: harness.url })).rejects.toMatchObject({
      code: 'configuration',
    });
    expect(harness.mock.requests).toEqual([]);
  });

  it('rejects with aborted when the caller stops it', async () => {
    harness.mock.setFault('hang');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(checkHarnessConnection(TOKENS.pat, { ...base, accountId: accountOf('pat'), signal: controller.signal })).rejects.toMatchObject({
      code: 'aborted',
    });
  });

  it('checks a batch with per-item options over the shared ones, in the order given', async () => {
    const results = await checkHarnessConnections(
      [
        { apiKey: TOKENS.missingPermission, accountId: accountOf('missingPermission') },
        { apiKey: TOKENS.missingPermission, accountId: accountOf('missingPermission'), requiredPermissions: [PIPELINE_PERMISSIONS[0]!] },
        { apiKey: TOKENS.sat, accountId: accountOf('sat'), baseUrl: undefined },
      ],
      { ...base, requiredPermissions: PIPELINE_PERMISSIONS, concurrency: 2 },
    );
    expect(results.map((r) => r.status)).toEqual(['permissions_missing', 'ok', 'ok']);
  });
});
