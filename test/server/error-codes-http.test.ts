import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HarnessConnectError, verifyHarnessToken } from '../../src/core/index.js';
import { HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { startHarnessMockServer, type HarnessMockServer } from '../../src/testing/node.js';
import { SCENARIOS, SECRETS } from './scenarios.js';

let server: HarnessMockServer;
let allowedHosts: string[];

beforeAll(async () => {
  server = await startHarnessMockServer();
  allowedHosts = [new URL(server.url).host];
});
afterEach(() => server.mock.reset());
afterAll(() => server.close());

describe('verifyHarnessToken against the Harness mock over a real socket', () => {
  describe.each(SCENARIOS)('given $name', (scenario) => {
    it(`rejects with ${scenario.expected} on the right field`, async () => {
      if (scenario.fault) server.mock.setFault(...scenario.fault);
      const controller = new AbortController();
      if (scenario.abortAfterMs !== undefined) setTimeout(() => controller.abort(), scenario.abortAfterMs);

      const error = await verifyHarnessToken(scenario.credentials, {
        baseUrl: scenario.baseUrl ?? server.url,
        allowedHosts,
        timeoutMs: scenario.timeoutMs,
        signal: controller.signal,
        requiredPermissions: scenario.requiredPermissions,
      }).then(
        () => null,
        (caught: unknown) => caught,
      );

      expect(error).toBeInstanceOf(HarnessConnectError);
      const { code, field, retryable } = error as HarnessConnectError;
      expect({ code, field, retryable }).toEqual({ code: scenario.expected, field: scenario.field, retryable: scenario.retryable });
      expect(server.mock.requests.filter((r) => r.method === 'POST')).toHaveLength(scenario.requests);
      const serialised = JSON.stringify(error) + String((error as HarnessConnectError).detail);
      for (const secret of SECRETS) expect(serialised).not.toContain(secret);
    });
  });

  it('verifies a valid token over the socket', async () => {
    const result = await verifyHarnessToken({ apiKey: TOKENS.pat }, { baseUrl: server.url, allowedHosts });
    expect(result).toMatchObject({ tokenKind: 'pat', tokenName: 'ci-pipeline', baseUrl: server.url });
  });

  it('refuses plain http to the same host when it is not listed, without a request', async () => {
    const error = await verifyHarnessToken({ apiKey: TOKENS.pat }, { baseUrl: server.url }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'configuration' });
    expect(server.mock.requests).toHaveLength(0);
  });

  it('answers within the timeout even when the server hangs, and the server stays usable', async () => {
    server.mock.setFault('hang', { times: 1 });
    const started = Date.now();
    await expect(verifyHarnessToken({ apiKey: TOKENS.pat }, { baseUrl: server.url, allowedHosts, timeoutMs: 150 })).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(verifyHarnessToken({ apiKey: TOKENS.pat }, { baseUrl: server.url, allowedHosts })).resolves.toMatchObject({ tokenKind: 'pat' });
  });
});
