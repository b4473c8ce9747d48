/**
 * The bodies and headers Harness (and the proxies in front of it) answer with. Kept apart from the
 * routing so each answer's shape is written once and the tests can trust every route to share it.
 */

/** HTTP statuses Harness uses for each error code it sends (harness-api.md, "Error envelope" and `ErrorCode.java`). */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  INVALID_TOKEN: 401,
  EXPIRED_TOKEN: 401,
  REVOKED_TOKEN: 401,
  INACTIVE_ACCOUNT: 401,
  ACCOUNT_DOES_NOT_EXIST: 401,
  USER_DISABLED: 401,
  ACCESS_DENIED: 403,
  NG_ACCESS_DENIED: 403,
  NOT_WHITELISTED_IP: 403,
  RESOURCE_NOT_FOUND: 404,
  UNEXPECTED: 500,
};

/** The error codes the mock sends. */
export type HarnessErrorCode =
  | 'INVALID_REQUEST'
  | 'INVALID_TOKEN'
  | 'EXPIRED_TOKEN'
  | 'REVOKED_TOKEN'
  | 'INACTIVE_ACCOUNT'
  | 'ACCOUNT_DOES_NOT_EXIST'
  | 'USER_DISABLED'
  | 'ACCESS_DENIED'
  | 'NG_ACCESS_DENIED'
  | 'NOT_WHITELISTED_IP'
  | 'RESOURCE_NOT_FOUND'
  | 'UNEXPECTED';

/**
 * A random v4 UUID. `crypto.randomUUID` only exists in secure contexts, and a demo page may be served
 * from a plain-http LAN address, so fall back to `getRandomValues` (available everywhere).
 */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A JSON answer with a fresh correlation id in both the body and the `x-harness-correlation-id` header,
 * as Harness sends them: clients log that id, so tests check the two agree.
 */
function json(status: number, body: Record<string, unknown>, headers?: HeadersInit): Response {
  const correlationId = uuid();
  const h = new Headers(headers);
  h.set('content-type', 'application/json');
  h.set('x-harness-correlation-id', correlationId);
  return new Response(JSON.stringify({ ...body, correlationId }), { status, headers: h });
}

/** 200 with Harness's success envelope around `data`. */
export function successResponse(data: unknown): Response {
  return json(200, { status: 'SUCCESS', data, metaData: null });
}

/** How {@link errorResponse} departs from the plain envelope. */
interface ErrorResponseOptions {
  /** The HTTP status, when it does not follow the code. */
  status?: number;
  headers?: HeadersInit;
  /** Fields some errors add to the envelope, e.g. `failedPermissionChecks` on NG_ACCESS_DENIED. */
  extra?: Record<string, unknown>;
}

/**
 * Harness's error envelope. The HTTP status follows the code unless given (405 has no code of its own:
 * Harness answers INVALID_REQUEST for it).
 */
export function errorResponse(code: HarnessErrorCode, message: string, options: ErrorResponseOptions = {}): Response {
  const status = options.status ?? STATUS_BY_CODE[code] ?? 400;
  return json(
    status,
    {
      status: 'ERROR',
      code,
      message,
      detailedMessage: null,
      responseMessages: [{ code, level: 'ERROR', message, exception: null, failureTypes: [] }],
      metadata: null,
      ...options.extra,
    },
    options.headers,
  );
}

/** An HTML answer: what a proxy, a login page or a wrong host sends instead of the API's JSON. */
export function htmlResponse(status: number, html: string, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set('content-type', 'text/html; charset=utf-8');
  return new Response(html, { status, headers: h });
}

/** The error page nginx serves when the service behind it is down: a client must not parse it as JSON. */
export function nginxPage(status: number, reason: string): string {
  return (
    `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n` +
    `<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
  );
}

/** A sign-in page, as an SSO interstitial or captive proxy answers with 200 instead of the API. */
export const LOGIN_PAGE =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harness | Sign In</title></head>' +
  '<body><div id="react-root"><form action="/auth/#/signin" method="post"><h1>Sign in to Harness</h1>' +
  '<label>Email <input name="email" type="email"></label><label>Password <input name="password" type="password">' +
  '</label><button type="submit">Sign in</button></form></div></body></html>';

/** The page a host answers with for a path it does not serve (the address is not a Harness API). */
export const NOT_FOUND_PAGE =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>404 Not Found</title></head>' +
  '<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>';

/** The start of a success body, cut off mid-string: a response truncated by a broken proxy. */
export const TRUNCATED_JSON = '{"status":"SUCCESS","data":{"identifier":"9X2XyKdHizBGT0LrAcAYWAPq","name":"ci-pi';

/** Headers a browser preflight needs; the mock allows `Harness-Account` even though Harness may not. */
const CORS_ALLOW_HEADERS = 'x-api-key, content-type, harness-account';
const CORS_ALLOW_METHODS = 'GET, POST, OPTIONS';

/**
 * Adds CORS headers to an answer so a page on another localhost port can read it. The origin is echoed
 * (not `*`) when the request has one, so credentialed requests work too; `Vary` keeps caches honest.
 */
export function withCors(response: Response, origin: string | null): Response {
  const h = response.headers;
  h.set('access-control-allow-origin', origin ?? '*');
  h.set('access-control-allow-headers', CORS_ALLOW_HEADERS);
  h.set('access-control-allow-methods', CORS_ALLOW_METHODS);
  h.set('access-control-expose-headers', 'x-harness-correlation-id');
  if (origin) h.append('vary', 'Origin');
  return response;
}
