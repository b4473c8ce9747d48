/**
 * Harness's answers for the identity, permission and project endpoints and for the fixtures with a story
 * of their own, one scenario each, run through msw (`msw.test.ts`) and over a real socket
 * (`node-server.test.ts`) against a mock with a fixed clock, so both adapters are held to the same answers.
 */
import {
  HARNESS_FIXTURE_ACCOUNTS as A,
  HARNESS_FIXTURE_TOKEN_IDS as IDS,
  HARNESS_FIXTURE_TOKENS as T,
  type HarnessMock,
} from '../../src/testing/index.js';

/** The mock's clock in these scenarios: 2026-06-01, before every dated fixture expires. */
export const NOW = Date.UTC(2026, 5, 1);
const DAY_MS = 24 * 60 * 60 * 1000;
const ADA_UUID = 'kQ7tR2mX9vLpZ4nW8sYc1A';

export interface AnswerScenario {
  name: string;
  method: 'GET' | 'POST';
  /** Path and query, appended to the adapter's origin. */
  path: string;
  token: string | null;
  /** A JSON body (sent as `application/json`); validate sends the key as text, as the widget does. */
  json?: unknown;
  /** A raw body, for malformed requests. */
  body?: string;
  /** Run-time changes made on the mock before the request. */
  arrange?: (mock: HarnessMock) => void;
  status: number;
  /** A subset of the JSON answer. */
  expected: Record<string, unknown>;
}

const q = (account: string) => `accountIdentifier=${account}&routingId=${account}`;
const PRIMARY = q(A.primary.id);
const validate = (account: string = A.primary.id) => `/ng/api/token/validate?${q(account)}`;
const acl = (prefix = '') => `${prefix}/authz/api/acl?${PRIMARY}`;

const scope = { accountIdentifier: A.primary.id };
const ask = (permission: string, resourceType = 'PIPELINE', resourceScope: object = scope) => ({
  resourceScope,
  resourceType,
  resourceIdentifier: null,
  permission,
});
const granted = (permission: string, permitted: boolean, resourceType = 'PIPELINE', accountIdentifier: string = A.primary.id) => ({
  permission,
  resourceScope: { accountIdentifier, orgIdentifier: null, projectIdentifier: null },
  resourceType,
  resourceIdentifier: null,
  permitted,
});
const PIPELINE_PERMISSIONS = { permissions: [ask('core_pipeline_view'), ask('core_pipeline_execute')] };
const error = (code: string, message?: string) => ({ status: 'ERROR', code, ...(message ? { message } : {}) });

export const ANSWER_SCENARIOS: AnswerScenario[] = [
  // token/validate, for the fixtures with a story of their own
  { name: 'validate: missingPermission is a valid personal token', method: 'POST', path: validate(), token: T.missingPermission, status: 200, expected: { data: { valid: true, apiKeyType: 'USER', email: 'charles@acme.example' } } },
  { name: 'validate: revokedByAdmin answers REVOKED_TOKEN', method: 'POST', path: validate(), token: T.revokedByAdmin, status: 401, expected: error('REVOKED_TOKEN', `Incoming API token shared-laptop has been revoked. Token id: ${IDS.revokedByAdmin}`) },
  { name: 'validate: expiringSoon expires 5 days after the clock', method: 'POST', path: validate(), token: T.expiringSoon, status: 200, expected: { data: { valid: true, validTo: NOW + 5 * DAY_MS, parentIdentifier: ADA_UUID } } },
  { name: 'validate: disabledUser answers USER_DISABLED', method: 'POST', path: validate(), token: T.disabledUser, status: 401, expected: error('USER_DISABLED', 'User is disabled') },
  { name: 'validate: inactiveAccount answers INACTIVE_ACCOUNT', method: 'POST', path: validate(A.inactive.id), token: T.inactiveAccount, status: 401, expected: error('INACTIVE_ACCOUNT', `Account ${A.inactive.id} is inactive`) },
  { name: 'validate: deletedAccount answers ACCOUNT_DOES_NOT_EXIST', method: 'POST', path: validate(A.deleted.id), token: T.deletedAccount, status: 401, expected: error('ACCOUNT_DOES_NOT_EXIST', `Account ${A.deleted.id} does not exist`) },
  { name: 'validate: restricted answers NOT_WHITELISTED_IP', method: 'POST', path: validate(A.restricted.id), token: T.restricted, status: 403, expected: error('NOT_WHITELISTED_IP', 'Not allowed to access from this IP address') },
  { name: 'validate: aclUnavailable is valid', method: 'POST', path: validate(A.aclUnavailable.id), token: T.aclUnavailable, status: 200, expected: { data: { valid: true, accountIdentifier: A.aclUnavailable.id } } },
  { name: 'validate: patRotated is Ada\u2019s second key', method: 'POST', path: validate(), token: T.patRotated, status: 200, expected: { data: { identifier: IDS.patRotated, parentIdentifier: ADA_UUID, apiKeyIdentifier: 'ci_pipeline' } } },

  // accounts/{id} and currentUser
  { name: 'account: a token with core_account_view gets the name', method: 'GET', path: `/ng/api/accounts/${A.primary.id}?${PRIMARY}`, token: T.missingPermission, status: 200, expected: { data: { identifier: A.primary.id, name: 'Acme Platform' } } },
  {
    name: 'account: the service account lacks core_account_view',
    method: 'GET',
    path: `/ng/api/accounts/${A.primary.id}?${PRIMARY}`,
    token: T.sat,
    status: 403,
    expected: { ...error('NG_ACCESS_DENIED', 'Missing permission core_account_view on account'), failedPermissionChecks: [{ permission: 'core_account_view', resourceType: 'ACCOUNT' }] },
  },
  { name: 'account: permission-based, not key-type-based', method: 'GET', path: `/gateway/ng/api/accounts/${A.primary.id}?${PRIMARY}`, token: T.pat, arrange: (mock) => mock.setPermissions(IDS.pat, ['core_pipeline_view']), status: 403, expected: error('NG_ACCESS_DENIED') },
  { name: 'currentUser: the person behind patRotated', method: 'GET', path: `/ng/api/user/currentUser?${PRIMARY}`, token: T.patRotated, status: 200, expected: { data: { uuid: ADA_UUID, name: 'Ada Lovelace' } } },

  // POST /authz/api/acl
  {
    name: 'acl: pat may view and execute, and an unknown id is not permitted',
    method: 'POST',
    path: acl(),
    token: T.pat,
    json: { permissions: [ask('core_pipeline_view'), ask('core_pipeline_execute'), ask('core_teleport_use', 'TELEPORT')] },
    status: 200,
    expected: {
      status: 'SUCCESS',
      data: {
        principal: { principalIdentifier: ADA_UUID, principalType: 'USER' },
        accessControlList: [granted('core_pipeline_view', true), granted('core_pipeline_execute', true), granted('core_teleport_use', false, 'TELEPORT')],
      },
    },
  },
  {
    name: 'acl: missingPermission may view but not execute',
    method: 'POST',
    path: acl('/gateway'),
    token: T.missingPermission,
    json: PIPELINE_PERMISSIONS,
    status: 200,
    expected: { data: { principal: { principalType: 'USER' }, accessControlList: [granted('core_pipeline_view', true), granted('core_pipeline_execute', false)] } },
  },
  {
    name: 'acl: the service account answers as itself',
    method: 'POST',
    path: acl(),
    token: T.sat,
    json: { permissions: [...PIPELINE_PERMISSIONS.permissions, ask('core_account_view', 'ACCOUNT')] },
    status: 200,
    expected: {
      data: {
        principal: { principalIdentifier: 'deploy_bot', principalType: 'SERVICE_ACCOUNT' },
        accessControlList: [granted('core_pipeline_view', true), granted('core_pipeline_execute', true), granted('core_account_view', false, 'ACCOUNT')],
      },
    },
  },
  {
    name: 'acl: a project scope is echoed, another account is never permitted',
    method: 'POST',
    path: acl(),
    token: T.pat,
    json: { permissions: [ask('core_pipeline_view', 'PIPELINE', { ...scope, orgIdentifier: 'default', projectIdentifier: 'payments_api' }), ask('core_pipeline_view', 'PIPELINE', { accountIdentifier: A.other.id })] },
    status: 200,
    expected: {
      data: {
        accessControlList: [
          { ...granted('core_pipeline_view', true), resourceScope: { accountIdentifier: A.primary.id, orgIdentifier: 'default', projectIdentifier: 'payments_api' } },
          granted('core_pipeline_view', false, 'PIPELINE', A.other.id),
        ],
      },
    },
  },
  { name: 'acl: setPermissions takes a permission away', method: 'POST', path: acl(), token: T.pat, json: PIPELINE_PERMISSIONS, arrange: (mock) => mock.setPermissions(IDS.pat, ['core_pipeline_view']), status: 200, expected: { data: { accessControlList: [granted('core_pipeline_view', true), granted('core_pipeline_execute', false)] } } },
  { name: 'acl: the aclUnavailable account answers 500', method: 'POST', path: `/authz/api/acl?${q(A.aclUnavailable.id)}`, token: T.aclUnavailable, json: { permissions: [ask('core_pipeline_view', 'PIPELINE', { accountIdentifier: A.aclUnavailable.id })] }, status: 500, expected: error('UNEXPECTED') },
  { name: 'acl: a body that is not JSON is a bad request', method: 'POST', path: acl(), token: T.pat, body: 'permissions=core_pipeline_view', status: 400, expected: error('INVALID_REQUEST') },
  { name: 'acl: a check without a permission is a bad request', method: 'POST', path: acl(), token: T.pat, json: { permissions: [{ resourceScope: scope, resourceType: 'PIPELINE' }] }, status: 400, expected: error('INVALID_REQUEST') },
  { name: 'acl: a body without permissions is a bad request', method: 'POST', path: acl(), token: T.pat, json: { principal: null }, status: 400, expected: error('INVALID_REQUEST') },
  { name: 'acl: authenticated like every route (no key)', method: 'POST', path: acl(), token: null, json: PIPELINE_PERMISSIONS, status: 401, expected: error('INVALID_TOKEN', 'Token is not valid.') },
  { name: 'acl: authenticated like every route (revoked)', method: 'POST', path: acl(), token: T.revokedByAdmin, json: PIPELINE_PERMISSIONS, status: 401, expected: error('REVOKED_TOKEN') },
  { name: 'acl: GET is not allowed', method: 'GET', path: acl(), token: T.pat, status: 405, expected: error('INVALID_REQUEST', 'Method not allowed') },

  // GET /ng/api/projects
  {
    name: 'projects: the primary account\u2019s projects in one page',
    method: 'GET',
    path: `/ng/api/projects?${PRIMARY}`,
    token: T.pat,
    status: 200,
    expected: {
      data: {
        content: [
          { project: { orgIdentifier: 'default', identifier: 'payments_api', name: 'Payments API', modules: ['CD', 'CI'], tags: { team: 'payments' } }, createdAt: Date.UTC(2024, 1, 12) },
          { project: { identifier: 'web_storefront' } },
          { project: { orgIdentifier: 'analytics', identifier: 'data_platform' } },
        ],
        totalItems: 3,
        pageItemCount: 3,
        pageSize: 50,
        pageIndex: 0,
        totalPages: 1,
        empty: false,
      },
    },
  },
  { name: 'projects: a second page', method: 'GET', path: `/gateway/ng/api/projects?${PRIMARY}&pageIndex=1&pageSize=2`, token: T.sat, status: 200, expected: { data: { content: [{ project: { identifier: 'data_platform' } }], totalItems: 3, pageItemCount: 1, pageSize: 2, pageIndex: 1, totalPages: 2, empty: false } } },
  { name: 'projects: filtered by organisation', method: 'GET', path: `/ng/api/projects?${PRIMARY}&orgIdentifier=analytics`, token: T.pat, status: 200, expected: { data: { content: [{ project: { identifier: 'data_platform' } }], totalItems: 1 } } },
  { name: 'projects: another account\u2019s own projects', method: 'GET', path: `/ng/api/projects?${q(A.other.id)}`, token: T.otherAccount, status: 200, expected: { data: { content: [{ project: { name: 'Route Planner' } }, { project: { name: 'Driver App' } }], totalItems: 2 } } },
  { name: 'projects: a page past the end is empty', method: 'GET', path: `/ng/api/projects?${PRIMARY}&pageIndex=4`, token: T.pat, status: 200, expected: { data: { content: [], pageItemCount: 0, empty: true, totalItems: 3 } } },
  { name: 'projects: a nonsense page size is a bad request', method: 'GET', path: `/ng/api/projects?${PRIMARY}&pageSize=0`, token: T.pat, status: 400, expected: error('INVALID_REQUEST') },
  { name: 'projects: needs core_project_view', method: 'GET', path: `/ng/api/projects?${PRIMARY}`, token: T.pat, arrange: (mock) => mock.setPermissions(IDS.pat, ['core_account_view']), status: 403, expected: { ...error('NG_ACCESS_DENIED', 'Missing permission core_project_view on project'), failedPermissionChecks: [{ permission: 'core_project_view' }] } },

  // run-time controls
  { name: 'revoke: the pat then answers REVOKED_TOKEN', method: 'POST', path: validate(), token: T.pat, arrange: (mock) => mock.revoke(IDS.pat), status: 401, expected: error('REVOKED_TOKEN', `Incoming API token ci-pipeline has been revoked. Token id: ${IDS.pat}`) },
  { name: 'revoke: the rotated key still works', method: 'POST', path: validate(), token: T.patRotated, arrange: (mock) => mock.revoke(IDS.pat), status: 200, expected: { data: { valid: true } } },
  { name: 'setNow: expiringSoon expires once the clock passes it', method: 'POST', path: validate(), token: T.expiringSoon, arrange: (mock) => mock.setNow(NOW + 6 * DAY_MS), status: 401, expected: error('EXPIRED_TOKEN') },
];

/** The secret segment of every fixture token: none may appear in the mock's request log. */
export const SECRETS = Object.values(T).map((token) => token.slice(token.lastIndexOf('.') + 1));

/** Sends a scenario's request to `origin` with the real fetch, as a client of Harness would. */
export function send(origin: string, scenario: AnswerScenario): Promise<Response> {
  const headers = new Headers({ accept: 'application/json' });
  if (scenario.token) headers.set('x-api-key', scenario.token);
  let body: string | null = null;
  if (scenario.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(scenario.json);
  } else if (scenario.body !== undefined) {
    headers.set('content-type', 'text/plain');
    body = scenario.body;
  } else if (scenario.method === 'POST' && scenario.token) {
    // token/validate as the widget calls it: the key in the body too.
    headers.set('content-type', 'text/plain');
    body = scenario.token;
  }
  return fetch(`${origin}${scenario.path}`, { method: scenario.method, headers, body });
}
