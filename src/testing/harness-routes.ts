/**
 * Harness's routing and token authentication, as harness-api.md describes them. Faults are applied by
 * the caller (`harness-mock.ts`) before anything here runs.
 */
import { errorResponse, htmlResponse, NOT_FOUND_PAGE, successResponse } from './harness-envelopes.js';
import { STORED_ACCOUNTS, type StoredToken } from './harness-store.js';
import { splitHarnessToken } from './token-parts.js';

/** `/ng/api` or `/gateway/ng/api`, then the route; both prefixes appear in Harness's own tooling. */
const API_PATH = /^(?:\/gateway)?\/ng\/api(\/.*)?$/;

/** Whether a path is under one of the Harness API prefixes (the msw adapter only handles those). */
export function isHarnessApiPath(pathname: string): boolean {
  return API_PATH.test(pathname);
}

/**
 * The account a request is made for: `Harness-Account` header first, then the `accountIdentifier` or
 * `account` query parameter, in Harness's order. Empty values count as absent.
 */
export function requestAccount(request: Request, url: URL): string | null {
  return (
    request.headers.get('harness-account') ||
    url.searchParams.get('accountIdentifier') ||
    url.searchParams.get('account') ||
    null
  );
}

/** What the routes need from the mock. */
export interface RouteContext {
  tokens: ReadonlyMap<string, StoredToken>;
  now: number;
}

type Authenticated = { ok: true; token: StoredToken } | { ok: false; response: Response };

const invalid = (message: string): Authenticated => ({ ok: false, response: errorResponse('INVALID_TOKEN', message) });

/**
 * Harness's token checks, in Harness's order: the order decides which message a client sees for a token
 * that is wrong in several ways (e.g. another account's token reports the account, not the secret).
 */
function authenticate(request: Request, url: URL, ctx: RouteContext): Authenticated {
  const account = requestAccount(request, url);
  if (!account) {
    return {
      ok: false,
      response: errorResponse('INVALID_REQUEST', 'Account detail is not present in the request'),
    };
  }
  // The gateway routes by account (routingId) before any token check: an account it does not know is
  // refused as a bad request, not as a bad token.
  if (!STORED_ACCOUNTS.has(account)) {
    return { ok: false, response: errorResponse('INVALID_REQUEST', `Account ${account} does not exist`) };
  }
  const raw = request.headers.get('x-api-key');
  if (!raw) return invalid('Token is not valid.');

  const parts = splitHarnessToken(raw);
  if (!parts) return invalid('Token length not matching');

  const token = parts.tokenId ? ctx.tokens.get(parts.tokenId) : undefined;
  if (!token) return invalid('Token not found');
  if (account !== token.accountIdentifier) return invalid(`Invalid account token access ${token.tokenId}`);
  if (parts.accountId !== null && parts.accountId !== token.accountIdentifier) return invalid('Invalid accountId in token');
  // Harness compares with the prefix of the key type, so `PAT` and a `sat.` on a personal token both fail.
  if (parts.prefix !== token.prefix) return invalid('Invalid prefix for API token');
  if (parts.secret !== token.secret) return invalid('Raw password not matching');
  if (token.validTo !== 0 && token.validTo < ctx.now) {
    return {
      ok: false,
      response: errorResponse(
        'EXPIRED_TOKEN',
        `Incoming API token ${token.name} has expired. Token id: ${token.tokenId}`,
      ),
    };
  }
  if (STORED_ACCOUNTS.get(token.accountIdentifier)?.restricted) {
    return { ok: false, response: errorResponse('ACCESS_DENIED', 'Not allowed to access from this IP address') };
  }
  return { ok: true, token };
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
    disabled: false,
    externallyManaged: false,
  });
}

/**
 * `GET /accounts/{id}`: needs `core_account_view`, which the fixture service account lacks, so it
 * answers 403 for `sat` (a 403 that still proves the token valid). Another account's id is denied too.
 */
function getAccount(token: StoredToken, accountId: string): Response {
  const account = STORED_ACCOUNTS.get(accountId);
  if (token.apiKeyType !== 'USER' || !account || accountId !== token.accountIdentifier) {
    return errorResponse('NG_ACCESS_DENIED', `Missing permission core_account_view on account`);
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

interface Route {
  method: 'GET' | 'POST';
  match: (route: string) => string[] | null;
  answer: (token: StoredToken, params: string[]) => Response;
}

const exact = (path: string) => (route: string) => (route === path ? [] : null);

const ROUTES: readonly Route[] = [
  { method: 'POST', match: exact('/token/validate'), answer: (t) => validateToken(t) },
  { method: 'GET', match: exact('/user/currentUser'), answer: (t) => currentUser(t) },
  {
    method: 'GET',
    match: (route) => {
      const m = /^\/accounts\/([^/]+)$/.exec(route);
      return m?.[1] ? [decodeURIComponent(m[1])] : null;
    },
    answer: (t, [id]) => getAccount(t, id ?? ''),
  },
];

/**
 * Answers one request as Harness would. Routing comes before authentication, as in Harness (JAX-RS
 * matches the resource before its auth filter runs): an unknown path is a 404 whatever the token.
 */
export function routeHarnessRequest(request: Request, url: URL, ctx: RouteContext): Response {
  const api = API_PATH.exec(url.pathname);
  // Outside the API the host is a web server, not Harness's API: an HTML 404 (a "wrong host / path").
  if (!api) return htmlResponse(404, NOT_FOUND_PAGE);
  const routePath = api[1] ?? '/';

  let pathMatched: Route | null = null;
  for (const route of ROUTES) {
    const params = route.match(routePath);
    if (!params) continue;
    pathMatched = route;
    if (route.method !== request.method) continue;
    const auth = authenticate(request, url, ctx);
    return auth.ok ? route.answer(auth.token, params) : auth.response;
  }
  if (pathMatched) {
    return errorResponse('INVALID_REQUEST', 'Method not allowed', {
      status: 405,
      headers: { allow: pathMatched.method },
    });
  }
  return errorResponse('RESOURCE_NOT_FOUND', 'HTTP 404 Not Found');
}
