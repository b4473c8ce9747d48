/**
 * What the route answers about a key's identity, permissions and expiry, and each of Harness's own codes
 * (#13): one case per fixture, run through msw (`route-identity-msw.test.ts`) and over a real socket
 * (`route-identity-http.test.ts`) against the same Harness mock.
 */
import type { HarnessConnectHandlerOptions } from '../../src/server/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, type HarnessFixtureTokenName } from '../../src/testing/index.js';
import { PIPELINE_PERMISSIONS } from './scenarios.js';

export interface RouteCase {
  name: string;
  token: HarnessFixtureTokenName;
  options?: Pick<HarnessConnectHandlerOptions, 'requiredPermissions' | 'permissionCheck' | 'expiryWarningDays' | 'includeEmail' | 'egressIps'>;
  status: number;
  /** What the JSON answer holds (`toMatchObject`). */
  body: Record<string, unknown>;
}

const ADA = { kind: 'user', identifier: 'kQ7tR2mX9vLpZ4nW8sYc1A', name: 'Ada Lovelace' } as const;
const EGRESS = ['203.0.113.7', '2001:db8::7'];

export const ROUTE_CASES: RouteCase[] = [
  {
    name: 'a personal token holding both pipeline permissions',
    token: 'pat',
    options: { requiredPermissions: PIPELINE_PERMISSIONS },
    status: 200,
    body: {
      ok: true,
      connection: {
        accountId: ACCOUNTS.primary.id,
        accountName: 'Acme Platform',
        // The email stays on the server unless the host asks for it.
        principal: { ...ADA, email: null },
        user: { name: 'ada', email: null },
        permissions: { checked: true, granted: PIPELINE_PERMISSIONS, missing: [] },
        expiresSoon: false,
      },
    },
  },
  {
    name: 'a personal token, includeEmail',
    token: 'pat',
    options: { includeEmail: true },
    status: 200,
    body: { connection: { principal: { ...ADA, email: 'ada@acme.example' }, user: { email: 'ada@acme.example' }, permissions: { checked: false, reason: 'none_required' } } },
  },
  {
    name: 'a service-account token without core_account_view',
    token: 'sat',
    status: 200,
    body: { connection: { accountName: null, principal: { kind: 'service_account', identifier: 'deploy_bot', name: 'deploy-bot', email: null }, expiresAt: null, expiresSoon: false } },
  },
  { name: 'a key expiring in 5 days', token: 'expiringSoon', status: 200, body: { connection: { expiresSoon: true } } },
  {
    name: 'a key missing a required permission',
    token: 'missingPermission',
    options: { requiredPermissions: PIPELINE_PERMISSIONS },
    status: 422,
    body: {
      ok: false,
      error: {
        code: 'missing_permissions',
        field: null,
        retryable: false,
        missing: [PIPELINE_PERMISSIONS[1]],
        granted: [PIPELINE_PERMISSIONS[0]],
        accountName: 'Acme Platform',
        principal: { kind: 'user', identifier: 'zaeSYigUsKFyn2BAQ-ZFDk', name: 'Charles Babbage', email: null },
      },
    },
  },
  {
    name: 'an account whose ACL call fails, permissions required',
    token: 'aclUnavailable',
    options: { requiredPermissions: PIPELINE_PERMISSIONS },
    status: 502,
    body: { ok: false, error: { code: 'permissions_unknown', retryable: true } },
  },
  {
    name: 'an account whose ACL call fails, permissions advisory',
    token: 'aclUnavailable',
    options: { requiredPermissions: PIPELINE_PERMISSIONS, permissionCheck: 'advisory' },
    status: 200,
    body: { ok: true, connection: { accountName: 'Hooli Cloud', permissions: { checked: false, reason: 'unavailable' } } },
  },
  {
    name: 'an IP allow-list, with the host’s outbound addresses',
    token: 'restricted',
    options: { egressIps: EGRESS },
    status: 422,
    body: { error: { code: 'ip_not_allowed', field: null, harnessCode: 'NOT_WHITELISTED_IP', egressIps: EGRESS } },
  },
  { name: 'an IP allow-list, without addresses', token: 'restricted', status: 422, body: { error: { code: 'ip_not_allowed', egressIps: null } } },
  { name: 'a revoked key', token: 'revokedByAdmin', status: 422, body: { error: { code: 'revoked_token', field: 'apiKey', retryable: false } } },
  { name: 'an inactive account', token: 'inactiveAccount', status: 422, body: { error: { code: 'account_inactive', field: 'accountId' } } },
  { name: 'a deleted account', token: 'deletedAccount', status: 422, body: { error: { code: 'account_inactive', field: 'accountId' } } },
  { name: 'a disabled user', token: 'disabledUser', status: 422, body: { error: { code: 'principal_disabled', field: null } } },
];
