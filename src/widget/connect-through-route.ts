/**
 * A `connect` for the production set-up: the credentials go to the host's own server route (made with
 * `createHarnessConnectHandler` from `harness-connect/server`), which verifies and stores them. The route's
 * answer nests the connection; this client hands the widget the connection's facts at the top (so the
 * confirmation shows the account name, who the key acts as and the expiry, exactly as when the widget
 * verifies by itself) and turns the route's serialised error back into a `HarnessConnectError` with its
 * code, field and retryable intact.
 */
import { HarnessConnectError, isHarnessConnectError, toHarnessConnectError } from '../core/errors.js';
import { readCappedText } from '../core/read-body.js';
import { parseRetryAfter } from '../core/retry-after.js';
import type { HarnessConnectHandlerSuccess, HarnessVerifiedConnection } from '../server/handler.js';
import type { HarnessConnectConnect } from './types.js';
import { isPlainObject } from '../core/is-plain-object.js';

/** What `connectThroughRoute` resolves with: the route's connection, and its whole answer (your `onVerified` fields). */
export type HarnessRouteConnection = HarnessVerifiedConnection & {
  /** The route's JSON answer as it came: `{ ok: true, connection, ...what onVerified returned }`. */
  answer: Record<string, unknown>;
};

/** HTTP statuses a host's route (or what stands in front of it) answers without a Harness error. */
const TOO_MANY_REQUESTS = 429;
const NOT_FOUND = 404;
const SERVER_ERROR = 500;
/** Only a 2xx answer can carry a connection: `{ ok: true }` on an error status is a proxy or a broken route. */
const SUCCESS_MIN = 200;
const SUCCESS_MAX = 299;
/**
 * The most of the route's answer that is read. A real answer (a connection, what `onVerified` added, or an
 * error) is a few KB; a misrouted download or a proxy's error page could be any size, and reading it whole
 * would cost that much memory before any check could refuse it.
 */
export const MAX_ROUTE_ANSWER_BYTES = 64 * 1024;
/** Redirect statuses, as `redirect: 'manual'` shows them outside a browser (a browser says `opaqueredirect`). */
const REDIRECT_MIN = 300;
const REDIRECT_MAX = 399;

/** The answer's JSON, or `null` when it is not JSON (an HTML error page, an empty body). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The answer's text, at most `MAX_ROUTE_ANSWER_BYTES`; a larger answer is refused unread. */
async function readAnswer(response: Response, signal: AbortSignal): Promise<string> {
  let text: string | null;
  try {
    text = await readCappedText(response, MAX_ROUTE_ANSWER_BYTES, signal);
  } catch (error) {
    if (signal.aborted) throw toHarnessConnectError(error);
    throw new HarnessConnectError('unavailable', { status: response.status, detail: `harness-connect: the route's answer broke off (${String(error)}).` });
  }
  if (text === null) {
    throw new HarnessConnectError('unknown', {
      status: response.status,
      detail: `harness-connect: the route answered HTTP ${response.status} with more than ${MAX_ROUTE_ANSWER_BYTES} bytes; a route's answer is a few KB, so this is not it (a proxy's page, a misrouted download). The rest was not read.`,
    });
  }
  return text;
}

/** A failure the route did not describe as a Harness error: told by its HTTP status. */
function routeFailure(response: Response, answer: unknown): HarnessConnectError {
  const { status } = response;
  const refusal = isPlainObject(answer) && isPlainObject(answer.error) ? answer.error : null;
  const said = refusal && typeof refusal.code === 'string' ? ` (${refusal.code})` : '';
  const detail = `harness-connect: the route answered HTTP ${status}${said} without a connection or a Harness error.`;
  if (status === TOO_MANY_REQUESTS) {
    return new HarnessConnectError('rate_limited', { status, detail, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) });
  }
  if (refusal?.code === 'request_timeout') return new HarnessConnectError('timeout', { status, detail });
  // No route at that address: the host's set-up, not something a person can retry.
  if (status === NOT_FOUND) return new HarnessConnectError('configuration', { status, detail });
  if (status >= SERVER_ERROR) return new HarnessConnectError('unavailable', { status, detail });
  return new HarnessConnectError('unknown', { status, detail });
}

/**
 * Returns a `connect` that posts `{ apiKey, accountId }` as JSON to your route, with the dialog's abort
 * signal. `init` adds to the request (headers such as a CSRF token, `credentials`); method, body and signal
 * are the client's.
 *
 * @example
 * <HarnessConnect connect={connectThroughRoute('/api/harness/connect')} />
 */
export function connectThroughRoute(url: string | URL, init: RequestInit = {}): HarnessConnectConnect<HarnessRouteConnection> {
  return async (credentials, { signal }) => {
    const headers = new Headers(init.headers);
    headers.set('content-type', 'application/json');
    headers.set('accept', 'application/json');
    let response: Response;
    try {
      // Never followed: a redirect would carry the key to wherever it points (as the core never follows one).
      response = await fetch(url, { ...init, method: 'POST', headers, body: JSON.stringify(credentials), signal, redirect: 'manual' });
    } catch (error) {
      // An abort stays an abort; anything else is the network between the browser and the host's server.
      if (signal.aborted) throw toHarnessConnectError(error);
      throw new HarnessConnectError('unavailable', { detail: `harness-connect: the route could not be reached (${String(error)}).` });
    }
    if (response.type === 'opaqueredirect' || (response.status >= REDIRECT_MIN && response.status <= REDIRECT_MAX)) {
      throw new HarnessConnectError('configuration', {
        status: response.status || null,
        detail: 'harness-connect: the route answered with a redirect; the key is never sent on to another address. Point connectThroughRoute at the route itself.',
      });
    }
    // Read as unknown and checked: a proxy or a host's own middleware may answer anything.
    const answer = parseJson(await readAnswer(response, signal));
    const succeeded = response.status >= SUCCESS_MIN && response.status <= SUCCESS_MAX;
    if (succeeded && isPlainObject(answer) && answer.ok === true && isPlainObject(answer.connection)) {
      const { connection } = answer as unknown as HarnessConnectHandlerSuccess;
      // Only a connection for the account the person entered counts: anything else is a broken (or hostile) route.
      if (connection.provider !== 'harness' || connection.accountId !== credentials.accountId) {
        throw new HarnessConnectError('configuration', {
          detail: `harness-connect: the route answered a connection that is not the Harness account ${credentials.accountId}.`,
        });
      }
      return { ...connection, answer };
    }
    if (isPlainObject(answer) && answer.ok === false && isHarnessConnectError(answer.error)) {
      throw toHarnessConnectError(answer.error, credentials.apiKey);
    }
    throw routeFailure(response, answer);
  };
}
