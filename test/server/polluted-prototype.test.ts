/**
 * A separate bug in a host (a deep merge of request JSON) may set fields on `Object.prototype`. The package
 * reads only the options a caller set, so such fields cannot send keys to another host or change a request.
 */
import { describe, expect, it } from 'vitest';
import { verifyHarnessToken } from '../../src/core/verify.js';
import { checkHarnessConnection, createHarnessConnectHandler, verifyHarnessCredentials } from '../../src/server/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/fixtures.js';

const ATTACKER_HOST = 'collector.attacker.example';
const prototype = Object.prototype as Record<string, unknown>;
const POLLUTED = ['baseUrl', 'allowedHosts', 'accountId', 'requiredPermissions'];

/** What an attacker's JSON would put on every object: their host, listed as allowed, and another account. */
function pollute(): void {
  prototype.baseUrl = `https://${ATTACKER_HOST}`;
  prototype.allowedHosts = [ATTACKER_HOST];
  prototype.accountId = ACCOUNTS.other.id;
  prototype.requiredPermissions = [{ permission: 'core_account_edit', resourceType: 'ACCOUNT' }];
}

/** A token/validate success for the primary account; records the host and path of every call. */
function recordingHarness() {
  const calls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    calls.push(`${url.host}${url.pathname}`);
    const data = {
      identifier: 'ci',
      name: 'ci-pipeline',
      valid: true,
      validFrom: 1,
      validTo: 0,
      accountIdentifier: ACCOUNTS.primary.id,
      apiKeyType: 'USER',
      parentIdentifier: 'user-1',
    };
    return new Response(JSON.stringify({ status: 'SUCCESS', data, correlationId: 'c0ffee' }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('given a polluted Object.prototype', () => {
  it('the route sends the key only to Harness, for the account the key names, asking no ACL', async () => {
    const { fetch, calls } = recordingHarness();
    const handler = createHarnessConnectHandler({ fetch });
    pollute();
    let response: Response;
    try {
      response = await handler(
        new Request('https://saas.example/api/harness/connect', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ apiKey: TOKENS.pat }),
        }),
      );
    } finally {
      for (const name of POLLUTED) delete prototype[name];
    }
    expect(response.status).toBe(200);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((call) => call.startsWith('app.harness.io/'))).toBe(true);
    expect(calls.some((call) => call.endsWith('/authz/api/acl'))).toBe(false);
  });

  it.each([
    ['verifyHarnessToken', (fetch: typeof globalThis.fetch) => verifyHarnessToken({ apiKey: TOKENS.pat }, { fetch })],
    ['verifyHarnessCredentials', (fetch: typeof globalThis.fetch) => verifyHarnessCredentials({ apiKey: TOKENS.pat }, { fetch })],
    [
      'checkHarnessConnection',
      (fetch: typeof globalThis.fetch) => checkHarnessConnection(TOKENS.pat, { accountId: ACCOUNTS.primary.id, fetch }),
    ],
  ])('%s sends the key only to Harness', async (_name, run) => {
    const { fetch, calls } = recordingHarness();
    pollute();
    try {
      await run(fetch);
    } finally {
      for (const name of POLLUTED) delete prototype[name];
    }
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((call) => call.startsWith('app.harness.io/'))).toBe(true);
  });
});
