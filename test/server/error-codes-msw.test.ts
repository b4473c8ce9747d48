import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HarnessConnectError, verifyHarnessToken } from '../../src/core/index.js';
import { harnessHandlers } from '../../src/testing/index.js';
import { SCENARIOS, SECRETS } from './scenarios.js';

const { handlers, mock } = harnessHandlers();
const server = setupServer(...handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

describe('verifyHarnessToken against the Harness mock through msw', () => {
  describe.each(SCENARIOS)('given $name', (scenario) => {
    it(`rejects with ${scenario.expected} on the right field, and the key in no part of it`, async () => {
      if (scenario.fault) mock.setFault(...scenario.fault);
      const controller = new AbortController();
      if (scenario.abortAfterMs !== undefined) setTimeout(() => controller.abort(), scenario.abortAfterMs);

      const error = await verifyHarnessToken(scenario.credentials, {
        baseUrl: scenario.baseUrl,
        timeoutMs: scenario.timeoutMs,
        signal: controller.signal,
        requiredPermissions: scenario.requiredPermissions,
      }).then(
        () => null,
        (caught: unknown) => caught,
      );

      expect(error).toBeInstanceOf(HarnessConnectError);
      const { code, field, retryable, message } = error as HarnessConnectError;
      expect({ code, field, retryable }).toEqual({ code: scenario.expected, field: scenario.field, retryable: scenario.retryable });
      expect(message.length).toBeGreaterThan(10);
      expect(mock.requests.filter((r) => r.method === 'POST')).toHaveLength(scenario.requests);
      const serialised = JSON.stringify(error) + String(error) + String((error as HarnessConnectError).detail);
      for (const secret of SECRETS) expect(serialised).not.toContain(secret);
    });
  });

  it('resolves a personal token with what Harness says about it', async () => {
    const { HARNESS_FIXTURE_TOKENS: T, HARNESS_FIXTURE_ACCOUNTS: A } = await import('../../src/testing/index.js');
    const result = await verifyHarnessToken({ apiKey: ` "Bearer ${T.pat}" ` });
    expect(result).toMatchObject({
      accountId: A.primary.id,
      tokenKind: 'pat',
      tokenName: 'ci-pipeline',
      apiKeyType: 'USER',
      user: { name: 'ada', email: 'ada@acme.example' },
      expiresAt: '2031-01-01T00:00:00.000Z',
      baseUrl: 'https://app.harness.io',
    });
    expect(result.tokenHint).toBe(`pat.${A.primary.id}.…${T.pat.slice(-4)}`);
    expect(result.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(result)).not.toContain(T.pat.slice(-20));
  });

  it('resolves a service-account token that never expires, and a legacy token with its account', async () => {
    const { HARNESS_FIXTURE_TOKENS: T, HARNESS_FIXTURE_ACCOUNTS: A } = await import('../../src/testing/index.js');
    const sat = await verifyHarnessToken({ apiKey: T.sat });
    expect(sat).toMatchObject({ tokenKind: 'sat', apiKeyType: 'SERVICE_ACCOUNT', expiresAt: null, tokenName: 'deploy-bot' });
    const legacy = await verifyHarnessToken({ apiKey: T.legacy, accountId: `https://app.harness.io/ng/account/${A.primary.id}/home` });
    expect(legacy).toMatchObject({ accountId: A.primary.id, tokenKind: 'pat', tokenHint: `pat.…${T.legacy.slice(-4)}` });
  });

  it('sends the key in a header and the body only, through the /gateway base too', async () => {
    const { HARNESS_FIXTURE_TOKENS: T } = await import('../../src/testing/index.js');
    await verifyHarnessToken({ apiKey: T.pat }, { baseUrl: 'https://app.harness.io/gateway' });
    const [request] = mock.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/gateway/ng/api/token/validate', hasApiKey: true });
    expect(request!.url).not.toContain(T.pat.slice(-20));
  });
});
