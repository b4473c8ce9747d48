import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyHarnessToken } from '../../src/core/index.js';
import { harnessHandlers } from '../../src/testing/index.js';
import { IDENTITY_CASES, MISSING_PERMISSION_ERROR, TOKENS } from './identity-cases.js';
import { PIPELINE_PERMISSIONS, SECRETS } from './scenarios.js';

const { handlers, mock } = harnessHandlers();
const server = setupServer(...handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

function expectNoSecret(value: unknown) {
  const text = JSON.stringify(value) + JSON.stringify(mock.requests);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describe('what a verification learns about a key, against the Harness mock through msw (#13)', () => {
  describe.each(IDENTITY_CASES)('given $name', ({ token, options, expected }) => {
    it('resolves with it, and the key in no part of it nor in any recorded request', async () => {
      const result = await verifyHarnessToken({ apiKey: TOKENS[token] }, options);
      expect(result).toMatchObject(expected);
      expectNoSecret(result);
    });
  });

  it('asks validate first, then the account, the current user and one ACL check', async () => {
    await verifyHarnessToken({ apiKey: TOKENS.pat }, { requiredPermissions: PIPELINE_PERMISSIONS });
    const paths = mock.requests.map((request) => `${request.method} ${request.path}`);
    expect(paths[0]).toBe('POST /ng/api/token/validate');
    expect(paths.slice(1).sort()).toEqual(['GET /ng/api/accounts/QckRHsqq_el0PWRb2kqkgU', 'GET /ng/api/user/currentUser', 'POST /authz/api/acl']);
    expect(mock.requests.every((request) => request.hasApiKey)).toBe(true);
  });

  it('a key missing a permission: the error names what is missing and granted, the account and the person', async () => {
    const error = await verifyHarnessToken({ apiKey: TOKENS.missingPermission }, { requiredPermissions: PIPELINE_PERMISSIONS }).catch((e: unknown) => e);
    expect(error).toMatchObject(MISSING_PERMISSION_ERROR);
    expectNoSecret(error);
  });

  it('a permission taken away at run time is missing on the next check', async () => {
    const { HARNESS_FIXTURE_TOKEN_IDS } = await import('../../src/testing/index.js');
    mock.setPermissions(HARNESS_FIXTURE_TOKEN_IDS.pat, ['core_pipeline_view']);
    const error = await verifyHarnessToken({ apiKey: TOKENS.pat }, { requiredPermissions: PIPELINE_PERMISSIONS }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'missing_permissions', missing: [PIPELINE_PERMISSIONS[1]], accountName: null });
  });

  it('a hang on accounts/{id} ends within the timeout with accountName null: the key stays valid', async () => {
    // token/validate answers at once (a slow fault of 0 ms), the next request (accounts/{id}) hangs.
    mock.setFault('slow', { delayMs: 0, times: 1 });
    mock.setFault('hang', { times: 1 });
    const started = Date.now();
    const result = await verifyHarnessToken({ apiKey: TOKENS.sat }, { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({ tokenKind: 'sat', accountName: null, principal: { name: 'deploy-bot' } });
  });

  it('a hang on the ACL call ends within the timeout: permissions_unknown when required', async () => {
    mock.setFault('slow', { delayMs: 0, times: 1 });
    mock.setFault('hang', { times: 2 });
    const error = await verifyHarnessToken({ apiKey: TOKENS.sat }, { timeoutMs: 300, requiredPermissions: PIPELINE_PERMISSIONS }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'permissions_unknown', retryable: true });
  });
});
