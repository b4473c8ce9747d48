/**
 * What a health check of a stored connection says (#14): one case per fixture and fault, run through msw
 * (`health-msw.test.ts`) and over a real socket (`health-http.test.ts`) against the same Harness mock.
 */
import type { HarnessConnectErrorCode } from '../../src/core/index.js';
import type { HarnessConnectionStatus } from '../../src/server/index.js';
import {
  HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS,
  HARNESS_FIXTURE_TOKENS as TOKENS,
  type HarnessFault,
  type HarnessFaultOptions,
  type HarnessFixtureTokenName,
} from '../../src/testing/index.js';
import { PIPELINE_PERMISSIONS } from './scenarios.js';

export interface HealthCase {
  name: string;
  token: HarnessFixtureTokenName;
  /** The account stored with the key; the token's own by default. */
  accountId?: string;
  requirePermissions?: boolean;
  fault?: [HarnessFault, HarnessFaultOptions?];
  timeoutMs?: number;
  status: HarnessConnectionStatus;
  /** The error's code, for every status but ok and expiring. */
  code?: HarnessConnectErrorCode;
  expiresAt?: string | null;
  missing?: unknown[] | null;
}

/** The account inside a 4-part fixture token. */
export function accountOf(token: HarnessFixtureTokenName): string {
  return TOKENS[token].split('.')[1] ?? '';
}

export const HEALTH_CASES: HealthCase[] = [
  { name: 'a healthy personal token', token: 'pat', requirePermissions: true, status: 'ok', expiresAt: '2031-01-01T00:00:00.000Z', missing: [] },
  { name: 'a service-account token that never expires', token: 'sat', status: 'ok', expiresAt: null, missing: [] },
  { name: 'a key expiring in 5 days', token: 'expiringSoon', status: 'expiring', missing: [] },
  { name: 'an expired key', token: 'expired', status: 'expired', code: 'expired_token', expiresAt: null, missing: null },
  { name: 'a key an admin revoked', token: 'revokedByAdmin', status: 'revoked', code: 'revoked_token', missing: null },
  { name: 'a deleted key', token: 'revoked', status: 'invalid', code: 'invalid_token' },
  { name: 'a wrong secret', token: 'wrongSecret', status: 'invalid', code: 'invalid_token' },
  { name: 'an inactive account', token: 'inactiveAccount', status: 'invalid', code: 'account_inactive' },
  { name: 'a deleted account', token: 'deletedAccount', status: 'invalid', code: 'account_inactive' },
  { name: 'a disabled user', token: 'disabledUser', status: 'invalid', code: 'principal_disabled' },
  { name: 'an IP allow-list', token: 'restricted', status: 'invalid', code: 'ip_not_allowed' },
  { name: 'a key stored with another account', token: 'pat', accountId: ACCOUNTS.other.id, status: 'invalid', code: 'account_mismatch' },
  {
    name: 'a key that lost a permission',
    token: 'missingPermission',
    requirePermissions: true,
    status: 'permissions_missing',
    code: 'missing_permissions',
    missing: [PIPELINE_PERMISSIONS[1]],
  },
  { name: 'an account whose ACL call fails', token: 'aclUnavailable', requirePermissions: true, status: 'unreachable', code: 'permissions_unknown', missing: null },
  { name: 'a 429', token: 'pat', fault: ['rate_limited', { times: 1 }], status: 'unreachable', code: 'rate_limited' },
  { name: 'Harness failing twice (the retry too)', token: 'pat', fault: ['server_error', { times: 2 }], status: 'unreachable', code: 'unavailable' },
  { name: 'Harness failing once (the retry succeeds)', token: 'pat', fault: ['server_error', { times: 1 }], status: 'ok' },
  { name: 'a hang', token: 'pat', fault: ['hang', { times: 1 }], timeoutMs: 200, status: 'unreachable', code: 'timeout' },
  { name: 'a sign-in page instead of the API', token: 'pat', fault: ['html', { times: 1 }], status: 'unreachable', code: 'wrong_host' },
];

export { PIPELINE_PERMISSIONS, TOKENS };
