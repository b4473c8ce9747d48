import { HarnessConnectError, toHarnessConnectError, withoutSecret, type HarnessConnectErrorJSON } from '../core/errors.js';
import type { HarnessTokenVerification } from '../core/harness-response.js';
import { ownOption } from '../core/own-option.js';
import { parseHarnessToken, type HarnessTokenKind } from '../core/token.js';
import { answer, answeredConnection, answeredExtra, describeUpstreamAnswer, errorAnswer, requestError, withEgressIps } from './answers.js';
import { accountMismatch, credentialsFor, principalMismatch, readExpected, type ExpectedConnection, type HarnessExpectedConnection } from './expected.js';
import { readBodyLimits } from './body-limits.js';
import { parseCredentials } from './credentials-body.js';
import { readBody, type BodyRead } from './read-body.js';
import { verifyHarnessCredentials, type VerifyHarnessCredentialsOptions } from './verify-credentials.js';

/**
 * What the route knows about a key Harness verified: given to `onVerified` to store, and answered to the
 * browser. Never the key. (The widget's own `HarnessConnection`, from `harness-connect`, is what its
 * `onSuccess` receives, with this object as its `result` when the host's `connect` returns it.)
 */
export interface HarnessVerifiedConnection {
  provider: 'harness';
  accountId: string;
  tokenKind: HarnessTokenKind;
  tokenId: string;
  tokenHint: string;
  tokenName: string | null;
  apiKeyType: HarnessTokenVerification['apiKeyType'];
  /**
   * The user (or service account) the key acts as. `onVerified` gets the email; the answer to the browser
   * says `email: null` (and `name: null` for a name that holds an email address) unless the handler is
   * created with `includeEmail: true`.
   */
  user: HarnessTokenVerification['user'];
  expiresAt: string | null;
  verifiedAt: string;
  /** The account's name, when Harness told it (a key without `core_account_view` gets none). */
  accountName: string | null;
  /** Who the key acts as. Its `email` follows the same rule as `user.email`. */
  principal: HarnessTokenVerification['principal'];
  /** What Harness said about `requiredPermissions`. */
  permissions: HarnessTokenVerification['permissions'];
  /** The key expires within `expiryWarningDays` (default 30). */
  expiresSoon: boolean;
}

export interface HarnessVerifiedContext {
  /** The key as Harness accepted it (cleaned of quotes, spaces, prefixes), for the integrator to encrypt and store. Never put in the answer. */
  apiKey: string;
  verification: HarnessTokenVerification;
  request: Request;
}

/** Codes the handler answers for requests it cannot take (beside the `HarnessConnectErrorCode`s). */
export type HarnessConnectHandlerRequestErrorCode =
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'request_timeout'
  | 'bad_request';

export interface HarnessConnectHandlerSuccess {
  ok: true;
  connection: HarnessVerifiedConnection;
  [extra: string]: unknown;
}

export interface HarnessConnectHandlerFailure {
  ok: false;
  error:
    | HarnessConnectErrorJSON
    | { name: 'HarnessConnectHandlerError'; code: HarnessConnectHandlerRequestErrorCode; message: string };
}

export type HarnessConnectHandlerAnswer = HarnessConnectHandlerSuccess | HarnessConnectHandlerFailure;

export interface HarnessConnectHandlerOptions extends Omit<VerifyHarnessCredentialsOptions, 'signal'> {
  /**
   * Runs for every POST before anything else: before the body is read and before any call to Harness.
   * Check the host's session, its CSRF defence and a rate limit here (the route alone would answer anyone
   * who can reach it, and tell a holder of stolen keys which ones work). Return a `Response` to answer
   * with it, e.g. a 401 when there is no session or a 429 from a limiter, or nothing to go on. If it
   * throws, or returns anything but a `Response` or nothing, the route answers 500 and calls no one.
   */
  beforeVerify?: (request: Request) => Response | void | Promise<Response | void>;
  /**
   * Answer the user's email in `connection.user.email` and `connection.principal.email` (and an error's
   * `principal.email`). Off by default (the answer then says `null`): the answer goes to the browser, and an
   * email tells whoever holds a key whose it is. Off, a `tokenName`, `user.name` or `principal.name` that
   * holds an email address (Harness users are often named by theirs) is answered `null` too. `onVerified`
   * always receives them all.
   * @default false
   */
  includeEmail?: boolean;
  /**
   * The addresses this server calls Harness from. Copied onto an `ip_not_allowed` error (the answer and
   * `onError`), so the person can hand them to the Harness admin who edits the account's IP allow-list.
   */
  egressIps?: readonly string[];
  /**
   * Names the connection a request renews (a reconnect), e.g. from the URL or your session: its account, and
   * who the stored key acts as. Then a key for another account is refused with `account_mismatch` before
   * Harness is asked, and a key acting as another user or service account with `principal_mismatch` after
   * verification; `onVerified` runs for neither. Return `null` or nothing for a new connection. Runs after
   * the body is read (read the URL, headers or session, not the body). If it throws, or returns another
   * shape, the route answers 500 and calls no one.
   */
  resolveExpected?: (
    request: Request,
  ) => HarnessExpectedConnection | null | undefined | Promise<HarnessExpectedConnection | null | undefined>;
  /**
   * Called once the key is verified: store the connection (encrypt the key), then return fields to add
   * to the answer, e.g. `{ connectionId }`. They are answered as JSON makes them, with the key and its
   * secret removed from every string at any depth (and the user's email, unless `includeEmail`): return
   * what the browser needs, not the stored row. A rejection answers 500 and the connection is not reported.
   * It is handed a copy of the connection: what it writes onto it is its own, and never answered. Fields JSON
   * cannot hold (a BigInt, a cycle) are left out of the answer, which still reports the connection, and
   * `onError` gets a `configuration` error saying so.
   */
  onVerified?: (
    connection: HarnessVerifiedConnection,
    context: HarnessVerifiedContext,
  ) => Record<string, unknown> | void | Promise<Record<string, unknown> | void>;
  /**
   * Observes every failure (for logs and metrics). The error never holds the key, and never a `cause`: when
   * one of your hooks throws, its `detail` names the hook and what it threw (an Error's name and message,
   * the key removed), not the thrown value, which may hold the key anywhere. It may be async; if it throws or
   * rejects, the answer is sent all the same.
   */
  onError?: (error: HarnessConnectError, request: Request) => void | Promise<void>;
  /**
   * The largest body read; a larger one is answered 413 `payload_too_large`. A number above 0: anything
   * else (`NaN`, a negative number, a string) throws a `configuration` error when the route is created.
   * @default 8192
   */
  maxBodyBytes?: number;
  /**
   * How long the body may take to arrive; a slower one is answered 408 `request_timeout`. A number above
   * 0, checked like `maxBodyBytes`.
   * @default 10000
   */
  bodyTimeoutMs?: number;
}

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
const JSON_CONTENT_TYPE = /^application\/json\s*(?:;|$)/i;

/** What a person sees when the host's `beforeVerify` failed: nothing they did, and trying again may work. */
const COULD_NOT_CHECK = 'Your request could not be checked. Try again.';

/** Where the answer's detail sends a developer when a host's callback threw. */
const SEE_ON_ERROR = "the error given to the server's onError says what it threw.";

function ignore(): void {}

/**
 * What a host's hook threw, for the developer's detail: an Error's name and message, a thrown string, else
 * its type. The thrown value itself is not passed on as `cause`: an HTTP client's or a database driver's
 * error can hold the key anywhere (`config.data`, the failed query), out of reach of any scrub.
 */
function thrownText(caught: unknown): string {
  if (caught instanceof Error) return `${caught.name}: ${caught.message}`;
  return typeof caught === 'string' ? caught : `a ${typeof caught}`;
}

/** `error` without its `cause`, for when no key is known to scrub (the body is not read yet). */
function withoutCause(error: HarnessConnectError): HarnessConnectError {
  return error.cause === undefined ? error : new HarnessConnectError(error.code, error.toJSON());
}

/** The error for a host hook that threw: `unknown`, with what it threw in the detail and no cause. */
function hookFailure(hook: string, caught: unknown, message: string): HarnessConnectError {
  return new HarnessConnectError('unknown', { message, detail: `${hook} threw ${thrownText(caught)}` });
}

/**
 * A standard `(Request) => Promise<Response>` route that verifies `{ apiKey, accountId }` posted as JSON,
 * for Express (through an adapter), Next.js route handlers, Hono, Remix, Deno, Bun and Workers.
 *
 * @example
 * // app/api/harness/connect/route.ts (Next.js)
 * export const POST = createHarnessConnectHandler({ onVerified: async (c, { apiKey }) => ({ connectionId: await save(c, apiKey) }) });
 */
export function createHarnessConnectHandler(options: HarnessConnectHandlerOptions = {}): (request: Request) => Promise<Response> {
  // Checked now, not per request: a limit that is not one would otherwise switch itself off silently.
  const { maxBodyBytes, bodyTimeoutMs } = readBodyLimits(options);
  // Each option read once, and only when the host set it (see own-option.ts).
  const onError = ownOption(options, 'onError');
  const onVerified = ownOption(options, 'onVerified');
  const beforeVerify = ownOption(options, 'beforeVerify');
  const resolveExpected = ownOption(options, 'resolveExpected');
  const egressIps = ownOption(options, 'egressIps');
  const includeEmail = ownOption(options, 'includeEmail') === true;

  /** Tells `onError`, if given. A logger that throws or rejects must not cost the person their answer. */
  function report(error: HarnessConnectError, request: Request): void {
    if (!onError) return;
    try {
      // An async `onError`'s rejection is caught too: left unhandled, it would end a Node process.
      Promise.resolve(onError(error, request)).catch(ignore);
    } catch {
      // Nothing to do: the error was the integrator's to log, and the answer goes out regardless.
    }
  }

  /**
   * Reports the error and answers it; `detail` is what the answer says happened (see `errorAnswer`). `onError`
   * gets it without a `cause` and, when the key is known, without the key in any of its strings (the rule of
   * `toHarnessConnectError(value, apiKey)`): a host's own error may carry either.
   */
  function failure(caught: HarnessConnectError, request: Request, detail: string | null, apiKey: string | null): Response {
    const error = apiKey === null ? withoutCause(caught) : withoutSecret(caught, apiKey);
    report(error, request);
    return errorAnswer(error, detail, apiKey, { includeEmail });
  }

  /** What the request renews (`null`: a new connection), or the 500 answer when the host's hook failed. */
  async function runResolveExpected(request: Request, apiKey: string): Promise<ExpectedConnection | null | Response> {
    if (!resolveExpected) return null;
    try {
      return readExpected(await resolveExpected(request));
    } catch (caught) {
      if (caught instanceof HarnessConnectError) return failure(caught, request, caught.detail, apiKey);
      const error = hookFailure('resolveExpected', caught, COULD_NOT_CHECK);
      return failure(error, request, `resolveExpected threw; ${SEE_ON_ERROR}`, apiKey);
    }
  }

  /** The hook's own answer, a 500 when it fails, or `null` to go on. */
  async function runBeforeVerify(request: Request): Promise<Response | null> {
    if (!beforeVerify) return null;
    let returned: unknown;
    try {
      returned = await beforeVerify(request);
    } catch (caught) {
      const error = hookFailure('beforeVerify', caught, COULD_NOT_CHECK);
      return failure(error, request, `beforeVerify threw; ${SEE_ON_ERROR}`, null);
    }
    if (returned instanceof Response) return returned;
    if (returned === undefined || returned === null) return null;
    // Going on would verify for whoever the hook meant to refuse (`return { status: 401 }`, say).
    const detail = 'beforeVerify returned something that is not a Response; return a Response to answer, or nothing to go on.';
    return failure(new HarnessConnectError('unknown', { message: COULD_NOT_CHECK, detail }), request, detail, null);
  }

  return async function harnessConnectHandler(request: Request): Promise<Response> {
    if (request.method !== 'POST') {
      return requestError(405, 'method_not_allowed', 'Send a POST request with a JSON body { apiKey, accountId }.', { allow: 'POST' });
    }
    const early = await runBeforeVerify(request);
    if (early !== null) return early;
    const contentType = request.headers.get('content-type') ?? '';
    if (!JSON_CONTENT_TYPE.test(contentType)) {
      return requestError(415, 'unsupported_media_type', 'Send the credentials as JSON (Content-Type: application/json).');
    }
    const declaredLength = request.headers.get('content-length');
    if (declaredLength !== null && Number(declaredLength) > maxBodyBytes) {
      return requestError(413, 'payload_too_large', `The body must be at most ${maxBodyBytes} bytes.`);
    }

    let body: BodyRead;
    try {
      body = await readBody(request, maxBodyBytes, bodyTimeoutMs);
    } catch {
      // The client went away mid-body, or its stream failed. Answer all the same: a route that throws
      // leaves the framework to answer, or the socket hanging.
      return requestError(400, 'bad_request', 'The body could not be read. Send the request again.');
    }
    if (body.status === 'too_large') return requestError(413, 'payload_too_large', `The body must be at most ${maxBodyBytes} bytes.`);
    if (body.status === 'timeout') {
      return requestError(408, 'request_timeout', `The body did not arrive within ${bodyTimeoutMs} ms. Send the request again.`);
    }
    const sent = parseCredentials(body.text);
    if (sent instanceof Response) return sent;

    // The key as Harness accepts it (quotes, spaces and prefixes removed): for the integrator to store, and
    // to scrub from answers.
    const parsed = parseHarnessToken(sent.apiKey);
    const cleanKey = parsed.ok ? parsed.token : sent.apiKey;

    const expected = await runResolveExpected(request, cleanKey);
    if (expected instanceof Response) return expected;
    const otherAccount = expected === null ? null : accountMismatch(sent, expected);
    if (otherAccount !== null) return failure(otherAccount, request, otherAccount.detail, cleanKey);
    const credentials = expected === null ? sent : credentialsFor(sent, expected);

    let verification: HarnessTokenVerification;
    try {
      verification = await verifyHarnessCredentials(credentials, { ...options, signal: request.signal });
    } catch (caught) {
      const error = withEgressIps(toHarnessConnectError(caught, cleanKey), egressIps);
      return failure(error, request, describeUpstreamAnswer(error), cleanKey);
    }
    const otherPrincipal = expected === null ? null : principalMismatch(verification, expected);
    if (otherPrincipal !== null) return failure(otherPrincipal, request, otherPrincipal.detail, cleanKey);
    // Named fields only: a connection never takes on whatever a verification may carry in future.
    const { tokenKind, tokenId, tokenHint, tokenName, apiKeyType, user, expiresAt } = verification;
    const { accountName, principal, permissions, expiresSoon } = verification;
    const connection: HarnessVerifiedConnection = {
      provider: 'harness',
      accountId: verification.accountId,
      tokenKind,
      tokenId,
      tokenHint,
      tokenName,
      apiKeyType,
      user,
      expiresAt,
      verifiedAt: new Date().toISOString(),
      accountName,
      principal,
      permissions,
      expiresSoon,
    };
    let returned: Record<string, unknown> | void = undefined;
    if (onVerified) {
      try {
        // A deep copy: a host that decorates the object it is handed (`Object.assign(connection, { apiKey })`)
        // changes its own copy, never the connection the answer is built from.
        returned = await onVerified(structuredClone(connection), { apiKey: cleanKey, verification, request });
      } catch (caught) {
        // A HarnessConnectError thrown on purpose is answered with its code and message; anything else is a
        // failed save. Either way its detail (a database's text, say) is for onError only.
        if (caught instanceof HarnessConnectError) return failure(caught, request, describeUpstreamAnswer(caught), cleanKey);
        const error = hookFailure('onVerified', caught, 'The connection could not be saved. Try again.');
        return failure(error, request, `onVerified threw; ${SEE_ON_ERROR}`, cleanKey);
      }
    }
    let extra: Record<string, unknown> = {};
    // Only an object adds fields (spreading a string would add one per character).
    if (typeof returned === 'object' && returned !== null) {
      try {
        extra = answeredExtra(returned, connection, includeEmail, cleanKey);
      } catch (caught) {
        // The connection is stored by now: answering a failure would have the person connect it twice. The
        // answer goes without the extra fields, and the developer learns why.
        const detail = `harness-connect: the fields onVerified returned could not be serialised as JSON (${thrownText(caught)}); the connection was stored and answered without them. Return JSON values (no BigInt, no cycles).`;
        report(withoutSecret(new HarnessConnectError('configuration', { detail }), cleanKey), request);
      }
    }
    const answered = answeredConnection(connection, includeEmail, cleanKey);
    // `ok` and `connection` last: the integrator's fields cannot overwrite them.
    return answer(200, { ...extra, ok: true, connection: answered });
  };
}
