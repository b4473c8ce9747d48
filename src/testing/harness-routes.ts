/**
 * Harness's routing and the answers of its identity endpoints. Faults are applied by the caller
 * (`harness-mock.ts`) before anything here runs; authentication lives in `harness-auth.ts`.
 */
import { checkAccess } from './harness-acl.js';
import { authenticate, type AuthContext } from './harness-auth.js';
import { errorResponse, htmlResponse, NOT_FOUND_PAGE, successResponse } from './harness-envelopes.js';
import { listProjects } from './harness-projects.js';
import { STORED_ACCOUNTS, type StoredToken } from './harness-store.js';
import { ACCOUNT_VIEW } from './permissions.js';

/**
 * A Harness API path, `/gateway` prefix optional (both appear in Harness's own tooling), captured without
 * that prefix: the platform service's `/ng/api` and the access-control service's `/authz/api`.
 */
const API_PATH = /^(?:\/gateway)?(\/(?:ng|authz)\/api(?:\/.*)?)$/;

/** Whether a path is under one of the Harness API prefixes (the adapters only hand those to the mock). */
export function isHarnessApiPath(pathname: string): boolean {
  return API_PATH.test(pathname);
}

/** `POST /token/validate`: the token's own record, which is what Harness's CLI reads expiry from. */
function validateToken(token: StoredToken): Response {
  return successResponse({
    identifier: token.tokenId,
    name: token.name,
    validFrom: token.validFrom,
    validTo: token.validTo,
    scheduledExpireTime: 0,
    valid: true,
    accountIdentifier: token.accountIdentifier,
    apiKeyIdentifier: token.apiKeyIdentifier,
    parentIdentifier: token.parentIdentifier,
    apiKeyType: token.apiKeyType,
    description: '',
    tags: {},
    email: token.email,
    username: token.username,
    encodedPassword: null,
  });
}

/** `GET /user/currentUser`: a personal token's user; a service account has none. */
function currentUser(token: StoredToken): Response {
  const user = token.user;
  if (!user) return errorResponse('INVALID_REQUEST', 'Service account tokens have no current user');
  const account = STORED_ACCOUNTS.get(user.defaultAccountId);
  return successResponse({
    uuid: user.uuid,
    name: user.name,
    email: user.email,
    token: null,
    defaultAccountId: user.defaultAccountId,
    intent: null,
    accounts: account
      ? [
          {
            uuid: account.identifier,
            accountName: account.name,
            companyName: account.companyName,
            defaultExperience: 'NG',
            createdFromNG: false,
            nextGenEnabled: true,
          },
        ]
      : [],
    admin: false,
    twoFactorAuthenticationEnabled: false,
    emailVerified: true,
    locked: false,
    disabled: user.disabled,
    externallyManaged: false,
  });
}

/**
 * `GET /accounts/{id}`: needs `core_account_view` in the token's permission set, which the fixture
 * service account lacks (a 403 that still proves the token valid). Another account's id is denied too.
 */
function getAccount(token: StoredToken, accountId: string): Response {
  const account = STORED_ACCOUNTS.get(accountId);
  if (!token.permissions.includes(ACCOUNT_VIEW) || !account || accountId !== token.accountIdentifier) {
    return errorResponse('NG_ACCESS_DENIED', `Missing permission ${ACCOUNT_VIEW} on account`, {
      extra: {
        failedPermissionChecks: [
          {
            permission: ACCOUNT_VIEW,
            resourceScope: { accountIdentifier: accountId, orgIdentifier: null, projectIdentifier: null },
            resourceType: 'ACCOUNT',
            resourceIdentifier: accountId,
          },
        ],
      },
    });
  }
  return successResponse({
    identifier: account.identifier,
    name: account.name,
    companyName: account.companyName,
    cluster: account.cluster,
    defaultExperience: 'NG',
    nextGenEnabled: true,
    authenticationMechanism: 'USER_PASSWORD',
  });
}

/** What a route's answer may read besides the token. */
interface RouteCall {
  token: StoredToken;
  params: string[];
  request: Request;
  url: URL;
}

interface Route {
  method: 'GET' | 'POST';
  match: (route: string) => string[] | null;
  answer: (call: RouteCall) => Response | Promise<Response>;
}

const exact = (path: string) => (route: string) => (route === path ? [] : null);

const ROUTES: readonly Route[] = [
  { method: 'POST', match: exact('/ng/api/token/validate'), answer: ({ token }) => validateToken(token) },
  { method: 'GET', match: exact('/ng/api/user/currentUser'), answer: ({ token }) => currentUser(token) },
  {
    method: 'GET',
    match: (route) => {
      const m = /^\/ng\/api\/accounts\/([^/]+)$/.exec(route);
      return m?.[1] ? [decodeURIComponent(m[1])] : null;
    },
    answer: ({ token, params: [id] }) => getAccount(token, id ?? ''),
  },
  { method: 'GET', match: exact('/ng/api/projects'), answer: ({ token, url }) => listProjects(token, url) },
  { method: 'POST', match: exact('/authz/api/acl'), answer: ({ token, request }) => checkAccess(token, request) },
];

/**
 * Answers one request as Harness would. Routing comes before authentication, as in Harness (JAX-RS
 * matches the resource before its auth filter runs): an unknown path is a 404 whatever the token.
 */
export async function routeHarnessRequest(request: Request, url: URL, ctx: AuthContext): Promise<Response> {
  const api = API_PATH.exec(url.pathname);
  // Outside the API the host is a web server, not Harness's API: an HTML 404 (a "wrong host / path").
  if (!api?.[1]) return htmlResponse(404, NOT_FOUND_PAGE);
  const routePath = api[1];

  let pathMatched: Route | null = null;
  for (const route of ROUTES) {
    const params = route.match(routePath);
    if (!params) continue;
    pathMatched = route;
    if (route.method !== request.method) continue;
    const auth = authenticate(request, url, ctx);
    return auth.ok ? route.answer({ token: auth.token, params, request, url }) : auth.response;
  }
  if (pathMatched) {
    return errorResponse('INVALID_REQUEST', 'Method not allowed', {
      status: 405,
      headers: { allow: pathMatched.method },
    });
  }
  return errorResponse('RESOURCE_NOT_FOUND', 'HTTP 404 Not Found');
}
