import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyHarnessToken } from '../../src/core/index.js';
import { startHarnessMockServer, type HarnessMockServer } from '../../src/testing/node.js';
import { IDENTITY_CASES, MISSING_PERMISSION_ERROR, TOKENS } from './identity-cases.js';
import { PIPELINE_PERMISSIONS, SECRETS } from './scenarios.js';

let server: HarnessMockServer;
let allowedHosts: string[];

beforeAll(async () => {
  server = await startHarnessMockServer();
  allowedHosts = [new URL(server.url).host];
});
afterEach(() => server.mock.reset());
afterAll(() => server.close());

function expectNoSecret(value: unknown) {
  const text = JSON.stringify(value) + JSON.stringify(server.mock.requests);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describe('what a verification learns about a key, against the Harness mock over a real socket (#13)', () => {
  describe.each(IDENTITY_CASES)('given $name', ({ token, options, expected }) => {
    it('resolves with it, and the key in no part of it nor in any recorded request', async () => {
      const result = await verifyHarnessToken({ apiKey: TOKENS[token] }, { ...options, baseUrl: server.url, allowedHosts });
      expect(result).toMatchObject(expected);
      expectNoSecret(result);
    });
  });

  it('a key missing a permission: the error names what is missing and granted, the account and the person', async () => {
    const error = await verifyHarnessToken(
      { apiKey: TOKENS.missingPermission },
      { baseUrl: server.url, allowedHosts, requiredPermissions: PIPELINE_PERMISSIONS },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject(MISSING_PERMISSION_ERROR);
    expect(server.mock.requests.filter((r) => r.path === '/authz/api/acl')).toHaveLength(1);
    expectNoSecret(error);
  });

  it('a hang on accounts/{id} ends within the timeout with accountName null, and the server stays usable', async () => {
    // token/validate answers at once (a slow fault of 0 ms), the next request (accounts/{id}) hangs.
    server.mock.setFault('slow', { delayMs: 0, times: 1 });
    server.mock.setFault('hang', { times: 1 });
    const started = Date.now();
    const result = await verifyHarnessToken({ apiKey: TOKENS.sat }, { baseUrl: server.url, allowedHosts, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({ tokenKind: 'sat', accountName: null, principal: { kind: 'service_account' } });
    await expect(verifyHarnessToken({ apiKey: TOKENS.pat }, { baseUrl: server.url, allowedHosts })).resolves.toMatchObject({ accountName: 'Acme Platform' });
  });

  it('a hang on the ACL call: advisory accepts the key within the timeout, with permissions unavailable', async () => {
    server.mock.setFault('slow', { delayMs: 0, times: 1 });
    server.mock.setFault('hang', { times: 2 });
    const result = await verifyHarnessToken(
      { apiKey: TOKENS.sat },
      { baseUrl: server.url, allowedHosts, timeoutMs: 300, requiredPermissions: PIPELINE_PERMISSIONS, permissionCheck: 'advisory' },
    );
    expect(result.permissions).toEqual({ checked: false, reason: 'unavailable' });
  });
});
