import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkHarnessConnection, checkHarnessConnections } from '../../src/server/index.js';
import { HARNESS_FIXTURE_TOKEN_IDS as TOKEN_IDS, harnessHandlers } from '../../src/testing/index.js';
import { accountOf, HEALTH_CASES, PIPELINE_PERMISSIONS, TOKENS } from './health-cases.js';
import { SECRETS } from './scenarios.js';

const { handlers, mock } = harnessHandlers();
const server = setupServer(...handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

describe('checkHarnessConnection against the Harness mock through msw (#14)', () => {
  describe.each(HEALTH_CASES)('given $name', (c) => {
    it(`resolves ${c.status}${c.code ? ` (${c.code})` : ''}, never throwing, the key nowhere`, async () => {
      if (c.fault) mock.setFault(...c.fault);
      const health = await checkHarnessConnection(TOKENS[c.token], {
        accountId: c.accountId ?? accountOf(c.token),
        requiredPermissions: c.requirePermissions ? PIPELINE_PERMISSIONS : undefined,
        timeoutMs: c.timeoutMs,
      });
      expect(health.status).toBe(c.status);
      expect(health.error?.code).toBe(c.code);
      if (c.expiresAt !== undefined) expect(health.expiresAt).toBe(c.expiresAt);
      if (c.missing !== undefined) expect(health.missing).toEqual(c.missing);
      expect(Date.now() - Date.parse(health.checkedAt)).toBeLessThan(10_000);
      expect(health.verification === undefined).toBe(c.status !== 'ok' && c.status !== 'expiring');
      for (const secret of SECRETS) {
        expect(JSON.stringify(health)).not.toContain(secret);
        expect(JSON.stringify(mock.requests)).not.toContain(secret);
      }
    });
  });

  it('a healthy connection turns revoked after an admin revokes the key, and expired after its date', async () => {
    const check = () => checkHarnessConnection(TOKENS.pat, { accountId: accountOf('pat') });
    expect((await check()).status).toBe('ok');
    mock.setNow(new Date('2031-02-01T00:00:00Z'));
    expect((await check()).status).toBe('expired');
    mock.setNow(null);
    mock.revoke(TOKEN_IDS.pat);
    expect((await check()).status).toBe('revoked');
  });

  it('checks a batch in the order given', async () => {
    const results = await checkHarnessConnections([
      { apiKey: TOKENS.pat, accountId: accountOf('pat') },
      { apiKey: TOKENS.revokedByAdmin, accountId: accountOf('revokedByAdmin') },
      { apiKey: TOKENS.expiringSoon, accountId: accountOf('expiringSoon') },
      { apiKey: TOKENS.disabledUser, accountId: accountOf('disabledUser') },
    ]);
    expect(results.map((r) => r.status)).toEqual(['ok', 'revoked', 'expiring', 'invalid']);
  });
});
