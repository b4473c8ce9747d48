/**
 * The route's JSON answers: their statuses, headers and error bodies. Everything the browser (and so the
 * person) receives from `createHarnessConnectHandler` is built here.
 */
import { correlationIdOrNull, harnessCodeOrNull, httpStatusOrNull } from '../core/answer-facts.js';
import {
  HarnessConnectError,
  mapStrings,
  redact,
  scrubSecret,
  type HarnessConnectErrorCode,
  type HarnessConnectErrorJSON,
} from '../core/errors.js';
import type { HarnessPermissionRequirement, HarnessPrincipal } from '../core/permissions.js';
import type { HarnessConnectHandlerAnswer, HarnessConnectHandlerRequestErrorCode, HarnessVerifiedConnection } from './handler.js';

/**
 * The HTTP status of each error code, written out for every code so that a new one cannot answer a
 * status nobody chose. Credential problems (malformed, mismatched, invalid, expired or forbidden key,
 * wrong account) are 422, not 401, so a host's auth middleware does not take them for an expired session.
 */
const STATUS_OF: Record<HarnessConnectErrorCode, number> = {
  malformed_token: 422,
  malformed_account: 422,
  account_mismatch: 422,
  invalid_token: 422,
  expired_token: 422,
  forbidden: 422,
  invalid_request: 422,
  wrong_host: 502,
  rate_limited: 429,
  unavailable: 502,
  timeout: 504,
  // nginx's "client closed request": nobody is left to read the answer.
  aborted: 499,
  configuration: 500,
  unknown: 500,
  missing_permissions: 422,
  // Harness could not answer the ACL call: an upstream failure, like `unavailable`.
  permissions_unknown: 502,
  revoked_token: 422,
  account_inactive: 422,
  principal_disabled: 422,
  ip_not_allowed: 422,
  principal_mismatch: 422,
};

/**
 * The longest wait a `retry-after` header asks for. Harness's limits are counted per minute (and per
 * 10 s per IP); an upstream asking for more than an hour is broken or hostile, and a browser told to wait
 * `Infinity` (what `1e308` seconds printed as) or a day would never try again.
 */
export const MAX_RETRY_AFTER_SECONDS = 3600;

const MS_PER_SECOND = 1000;

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function answer(status: number, body: HarnessConnectHandlerAnswer, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** A refusal of the request itself (method, type, size, shape, time), before any call to Harness. */
export function requestError(
  status: number,
  code: HarnessConnectHandlerRequestErrorCode,
  message: string,
  headers?: Record<string, string>,
): Response {
  return answer(status, { ok: false, error: { name: 'HarnessConnectHandlerError', code, message } }, headers);
}

/**
 * A wait in whole seconds between 0 and `MAX_RETRY_AFTER_SECONDS`, or `null` when there is none to tell
 * (not given, or not a number at all).
 */
export function retryAfterSeconds(retryAfterMs: number | null): number | null {
  if (retryAfterMs === null || Number.isNaN(retryAfterMs)) return null;
  const seconds = Math.ceil(retryAfterMs / MS_PER_SECOND);
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, seconds));
}

/**
 * The longest text an answer carries (an error's `message` or `detail`; a connection's account, token, user
 * and principal names and emails; a permission's label): room for a sentence or two, never for a page that
 * Harness, a proxy or an integrator's database driver sent along.
 */
export const MAX_ANSWER_TEXT_CHARS = 300;

function capped(text: string): string {
  if (text.length <= MAX_ANSWER_TEXT_CHARS) return text;
  return `${text.slice(0, MAX_ANSWER_TEXT_CHARS - 1)}…`;
}

/**
 * The route's own account of an HTTP answer from the Harness address: its status and Harness's code,
 * never its text. Harness's and proxies' messages can name internal hosts and run to kilobytes; they
 * stay on the error given to `onError`, for the integrator's logs.
 */
export function describeUpstreamAnswer(error: HarnessConnectError): string | null {
  if (error.status === null) return null;
  const harnessCode = harnessCodeOrNull(error.harnessCode);
  const code = harnessCode === null ? '' : ` (${harnessCode})`;
  return `The Harness API address answered HTTP ${error.status}${code}. The error given to the server's onError has the full answer.`;
}

/**
 * Something shaped like an email address inside a text: a character, `@`, a character, no space between.
 * Harness users are often named by their address (token/validate's `username`, currentUser's `name`), and
 * people put theirs in a token's name.
 */
const HOLDS_EMAIL = /[^\s@]@[^\s@]/;

/**
 * A name as answered: `null` when it holds an email address and the host did not choose to answer emails
 * (see `includeEmail`), else as it is. Hiding the `email` field alone would leave the same address in the name.
 */
function answeredName(name: string | null, includeEmail: boolean): string | null {
  return name !== null && !includeEmail && HOLDS_EMAIL.test(name) ? null : name;
}

/**
 * The principal as the browser may see it: texts without the key and of a sentence's length, and the
 * email (in its own field or as its name) only when the host chose to answer it (see `includeEmail`).
 */
export function answeredPrincipal(
  principal: HarnessPrincipal,
  includeEmail: boolean,
  scrub: (text: string) => string,
): HarnessPrincipal {
  const text = (value: string | null) => (value === null ? null : capped(scrub(value)));
  return {
    kind: principal.kind,
    identifier: text(principal.identifier),
    name: answeredName(text(principal.name), includeEmail),
    email: includeEmail ? text(principal.email) : null,
  };
}

/** A requirement as answered: the host's own, its label capped like every text. */
function answeredRequirement(requirement: HarnessPermissionRequirement): HarnessPermissionRequirement {
  return requirement.label === undefined ? requirement : { ...requirement, label: capped(requirement.label) };
}

function answeredRequirements(list: HarnessPermissionRequirement[] | null): HarnessPermissionRequirement[] | null {
  return list === null ? null : list.map(answeredRequirement);
}

/** How the route answers what an error says about the account and the principal. */
export interface ErrorAnswerOptions {
  /** Answer the principal's email (see the handler's `includeEmail`). */
  includeEmail: boolean;
}

/**
 * The answer for a failed verification or a failed save, with the status its code calls for. `detail` is
 * the route's own description (the error's own detail is for `onError` only); `apiKey`, when known, is
 * removed from every text the answer takes from the error.
 */
export function errorAnswer(
  error: HarnessConnectError,
  detail: string | null,
  apiKey: string | null,
  options: ErrorAnswerOptions,
): Response {
  /** The text without the key: a proxy may echo it in ways the verifier's scrub of the raw body missed. */
  function scrub(text: string): string {
    if (apiKey === null) return text;
    return scrubSecret(text, apiKey);
  }
  const harnessCode = error.harnessCode === null ? null : scrub(error.harnessCode);
  const correlationId = error.correlationId === null ? null : scrub(error.correlationId);
  const seconds = retryAfterSeconds(error.retryAfterMs);
  const headers: Record<string, string> = {};
  if (seconds !== null) headers['retry-after'] = String(seconds);
  const body: HarnessConnectErrorJSON = {
    name: 'HarnessConnectError',
    code: error.code,
    message: capped(scrub(error.message)),
    field: error.field,
    retryable: error.retryable,
    correlationId: correlationIdOrNull(correlationId),
    status: httpStatusOrNull(error.status),
    harnessCode: harnessCodeOrNull(harnessCode),
    detail: detail === null ? null : capped(scrub(detail)),
    retryAfterMs: seconds === null ? null : seconds * MS_PER_SECOND,
    // The host's own requirements and addresses; the account's name and the principal come from Harness.
    missing: answeredRequirements(error.missing),
    granted: answeredRequirements(error.granted),
    accountName: error.accountName === null ? null : capped(scrub(error.accountName)),
    principal: error.principal === null ? null : answeredPrincipal(error.principal, options.includeEmail, scrub),
    egressIps: error.egressIps,
  };
  return answer(STATUS_OF[error.code], { ok: false, error: body }, headers);
}

/**
 * The connection as the browser receives it: without the key in any text Harness supplied, each text
 * capped to `MAX_ANSWER_TEXT_CHARS`, and with the emails (and names that hold one) only when the host
 * asked for them.
 */
export function answeredConnection(connection: HarnessVerifiedConnection, includeEmail: boolean, apiKey: string): HarnessVerifiedConnection {
  const scrub = (text: string) => scrubSecret(text, apiKey);
  const text = (value: string | null) => (value === null ? null : capped(scrub(value)));
  const { user, permissions } = connection;
  return {
    ...connection,
    tokenId: capped(scrub(connection.tokenId)),
    tokenName: answeredName(text(connection.tokenName), includeEmail),
    accountName: text(connection.accountName),
    user: user === null ? null : { name: answeredName(text(user.name), includeEmail), email: includeEmail ? text(user.email) : null },
    principal: answeredPrincipal(connection.principal, includeEmail, scrub),
    permissions: permissions.checked
      ? { checked: true, granted: permissions.granted.map(answeredRequirement), missing: permissions.missing.map(answeredRequirement) }
      : permissions,
  };
}

/** The emails Harness named for the connection's user and principal. */
function emailsOf(connection: HarnessVerifiedConnection): string[] {
  const emails = [connection.user?.email, connection.principal.email];
  return emails.filter((email): email is string => typeof email === 'string' && email !== '');
}

/**
 * The fields `onVerified` returned, as the browser receives them: what JSON makes of them (a `Date` becomes
 * its ISO text, as before), with the key and its secret removed from every string and property name at any
 * depth and, unless `includeEmail`, the emails Harness named too. A host that answers the row it stored
 * (`{ row: { ...connection, apiKey } }`) must not hand the key, or the email it chose to keep, to the browser.
 */
export function answeredExtra(
  extra: Record<string, unknown>,
  connection: HarnessVerifiedConnection,
  includeEmail: boolean,
  apiKey: string,
): Record<string, unknown> {
  const hidden = includeEmail ? [] : emailsOf(connection);
  const plain = JSON.parse(JSON.stringify(extra)) as Record<string, unknown>;
  return mapStrings(plain, (text) => redact(scrubSecret(text, apiKey), hidden));
}

/** `error` with the host's outbound addresses, when it is the IP allow-list's refusal and the host gave them. */
export function withEgressIps(error: HarnessConnectError, egressIps: readonly string[] | undefined): HarnessConnectError {
  if (error.code !== 'ip_not_allowed' || egressIps === undefined) return error;
  return new HarnessConnectError(error.code, { ...error.toJSON(), egressIps: [...egressIps], cause: error.cause });
}
