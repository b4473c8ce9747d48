/**
 * Renewing a stored connection through the route (#14): `resolveExpected` names the account and the
 * principal a request renews. One case per outcome, run through msw (`reconnect-msw.test.ts`) and over a
 * real socket (`reconnect-http.test.ts`) against the same Harness mock.
 */
import type { HarnessCredentialsInput } from '../../src/core/index.js';
import type { HarnessExpectedConnection, HarnessPrincipal } from '../../src/server/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';

/** Ada Lovelace's user id in the mock: the `pat`, `patRotated` and `expiringSoon` fixtures act as her. */
const ADA_ID = 'kQ7tR2mX9vLpZ4nW8sYc1A';

export interface ReconnectCase {
  name: string;
  credentials: HarnessCredentialsInput;
  expected: HarnessExpectedConnection | null;
  status: number;
  /** What the JSON answer holds (`toMatchObject`). */
  body: Record<string, unknown>;
  /** Whether the route asked Harness at all. */
  asksHarness: boolean;
}

/** A principal as the route answers it when Harness named no identifier, and a host stored it so. */
const UNIDENTIFIED: HarnessPrincipal = { kind: 'user', identifier: null, name: null, email: null };

const ADA_CONNECTION: HarnessExpectedConnection = { accountId: ACCOUNTS.primary.id, principal: { kind: 'user', identifier: ADA_ID } };

export const RECONNECT_CASES: ReconnectCase[] = [
  {
    name: 'the same person’s rotated key',
    credentials: { apiKey: TOKENS.patRotated },
    expected: ADA_CONNECTION,
    status: 200,
    body: { ok: true, connection: { accountId: ACCOUNTS.primary.id, tokenName: 'ci-pipeline-rotated', principal: { identifier: ADA_ID } } },
    asksHarness: true,
  },
  {
    name: 'a key of the same account, principal not compared',
    credentials: { apiKey: TOKENS.sat },
    expected: { accountId: ACCOUNTS.primary.id },
    status: 200,
    body: { ok: true, connection: { principal: { kind: 'service_account' } } },
    asksHarness: true,
  },
  {
    name: 'a legacy key sent without an account: verified against the account renewed',
    credentials: { apiKey: TOKENS.legacy },
    expected: ADA_CONNECTION,
    status: 200,
    body: { ok: true, connection: { accountId: ACCOUNTS.primary.id, tokenName: 'legacy-key' } },
    asksHarness: true,
  },
  {
    name: 'a key of another account',
    credentials: { apiKey: TOKENS.otherAccount },
    expected: ADA_CONNECTION,
    status: 422,
    body: { ok: false, error: { code: 'account_mismatch', field: 'apiKey', retryable: false } },
    asksHarness: false,
  },
  {
    name: 'a legacy key sent with another account',
    credentials: { apiKey: TOKENS.legacy, accountId: ACCOUNTS.other.id },
    expected: ADA_CONNECTION,
    status: 422,
    body: { ok: false, error: { code: 'account_mismatch', field: 'apiKey' } },
    asksHarness: false,
  },
  {
    name: 'another person’s key in the same account',
    credentials: { apiKey: TOKENS.missingPermission },
    expected: ADA_CONNECTION,
    status: 422,
    body: {
      ok: false,
      error: {
        code: 'principal_mismatch',
        field: 'apiKey',
        retryable: false,
        accountName: 'Acme Platform',
        // Who the key acts as, so the person sees whose key they used; the email stays on the server.
        principal: { kind: 'user', identifier: 'zaeSYigUsKFyn2BAQ-ZFDk', name: 'Charles Babbage', email: null },
      },
    },
    asksHarness: true,
  },
  {
    name: 'the same id but a service account where a user was linked',
    credentials: { apiKey: TOKENS.sat },
    expected: { accountId: ACCOUNTS.primary.id, principal: { kind: 'user', identifier: 'deploy_bot' } },
    status: 422,
    body: { ok: false, error: { code: 'principal_mismatch', principal: { kind: 'service_account', identifier: 'deploy_bot' } } },
    asksHarness: true,
  },
  {
    name: 'a stored connection without a principal (principal: null): the account is still compared',
    credentials: { apiKey: TOKENS.patRotated },
    expected: { accountId: ACCOUNTS.primary.id, principal: null },
    status: 200,
    body: { ok: true, connection: { accountId: ACCOUNTS.primary.id, principal: { identifier: ADA_ID } } },
    asksHarness: true,
  },
  {
    name: 'a stored principal Harness had not identified (identifier: null), as the route answered it',
    credentials: { apiKey: TOKENS.sat },
    expected: { accountId: ACCOUNTS.primary.id, principal: UNIDENTIFIED },
    status: 200,
    body: { ok: true, connection: { accountId: ACCOUNTS.primary.id } },
    asksHarness: true,
  },
  {
    name: 'a stored connection without a principal, and a key of another account',
    credentials: { apiKey: TOKENS.otherAccount },
    expected: { accountId: ACCOUNTS.primary.id, principal: null },
    status: 422,
    body: { ok: false, error: { code: 'account_mismatch', field: 'apiKey' } },
    asksHarness: false,
  },
  {
    name: 'no connection to renew (resolveExpected returns null)',
    credentials: { apiKey: TOKENS.otherAccount },
    expected: null,
    status: 200,
    body: { ok: true, connection: { accountId: ACCOUNTS.other.id } },
    asksHarness: true,
  },
];
