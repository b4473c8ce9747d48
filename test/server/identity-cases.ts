/**
 * What a verification learns about a valid key (#13): account name, principal, permissions and expiry, one
 * case per fixture, run through msw (`identity-msw.test.ts`) and over a real socket (`identity-http.test.ts`)
 * against the same Harness mock.
 */
import type { HarnessTokenVerification, VerifyHarnessTokenOptions } from '../../src/core/index.js';
import { HARNESS_FIXTURE_TOKENS, type HarnessFixtureTokenName } from '../../src/testing/index.js';
import { PIPELINE_PERMISSIONS } from './scenarios.js';

export interface IdentityCase {
  name: string;
  token: HarnessFixtureTokenName;
  options?: Pick<VerifyHarnessTokenOptions, 'requiredPermissions' | 'permissionCheck' | 'expiryWarningDays'>;
  expected: Partial<HarnessTokenVerification>;
}

const ADA = { kind: 'user', identifier: 'kQ7tR2mX9vLpZ4nW8sYc1A', name: 'Ada Lovelace', email: 'ada@acme.example' } as const;
const DEPLOY_BOT = { kind: 'service_account', identifier: 'deploy_bot', name: 'deploy-bot', email: 'deploy-bot@service.harness.io' } as const;
const NONE_REQUIRED = { checked: false, reason: 'none_required' } as const;

export const IDENTITY_CASES: IdentityCase[] = [
  {
    name: 'a personal token: the account by name, the person by full name',
    token: 'pat',
    expected: { accountName: 'Acme Platform', principal: ADA, user: { name: 'ada', email: 'ada@acme.example' }, permissions: NONE_REQUIRED, expiresSoon: false },
  },
  {
    name: 'a service-account token without core_account_view: no account name, and no failure',
    token: 'sat',
    expected: { accountName: null, principal: DEPLOY_BOT, expiresAt: null, expiresSoon: false, permissions: NONE_REQUIRED },
  },
  {
    name: 'a key expiring in 5 days',
    token: 'expiringSoon',
    expected: { accountName: 'Acme Platform', principal: ADA, expiresSoon: true },
  },
  {
    name: 'a key expiring in 5 days, with a 3-day warning',
    token: 'expiringSoon',
    options: { expiryWarningDays: 3 },
    expected: { expiresSoon: false },
  },
  {
    name: 'a personal token holding both pipeline permissions',
    token: 'pat',
    options: { requiredPermissions: PIPELINE_PERMISSIONS },
    expected: { permissions: { checked: true, granted: PIPELINE_PERMISSIONS, missing: [] } },
  },
  {
    name: 'a service-account token holding both pipeline permissions (and no account view)',
    token: 'sat',
    options: { requiredPermissions: PIPELINE_PERMISSIONS },
    expected: { accountName: null, principal: DEPLOY_BOT, permissions: { checked: true, granted: PIPELINE_PERMISSIONS, missing: [] } },
  },
  {
    name: 'an account whose ACL call fails, permissions advisory',
    token: 'aclUnavailable',
    options: { requiredPermissions: PIPELINE_PERMISSIONS, permissionCheck: 'advisory' },
    expected: { accountName: 'Hooli Cloud', permissions: { checked: false, reason: 'unavailable' } },
  },
];

/** What the missing_permissions error of the `missingPermission` fixture carries. */
export const MISSING_PERMISSION_ERROR = {
  code: 'missing_permissions',
  missing: [PIPELINE_PERMISSIONS[1]],
  granted: [PIPELINE_PERMISSIONS[0]],
  accountName: 'Acme Platform',
  principal: { kind: 'user', identifier: 'zaeSYigUsKFyn2BAQ-ZFDk', name: 'Charles Babbage', email: 'charles@acme.example' },
};

export { HARNESS_FIXTURE_TOKENS as TOKENS };
