import { correlationIdOrNull, harnessCodeOrNull } from './answer-facts.js';
import { HarnessConnectError, scrubSecret, type HarnessConnectErrorCode } from './errors.js';
import type { CheckedHarnessCredentials } from './credentials.js';
import type { HarnessPermissionsResult, HarnessPrincipal } from './permissions.js';
import type { PrincipalFacts } from './principal.js';
import { parseRetryAfter } from './retry-after.js';
import type { HarnessTokenKind } from './token.js';
import { isPlainObject } from './is-plain-object.js';

/**
 * Mapping what Harness (or whatever stands at the base URL) answers to `token/validate` into a typed
 * result or a `HarnessConnectError` (shared harness-api.md, "What a user should be told").
 */

/** What a successful verification tells the host. Holds nothing that grants access. */
export interface HarnessTokenVerification {
  accountId: string;
  tokenKind: HarnessTokenKind;
  tokenId: string;
  /** The name given to the token in Harness. */
  tokenName: string | null;
  /** Safe to display: see `parseHarnessToken`. */
  tokenHint: string;
  /** `USER` for a personal token, `SERVICE_ACCOUNT` for a service account's. */
  apiKeyType: 'USER' | 'SERVICE_ACCOUNT' | null;
  /** The user (or service account) the token acts as, when Harness says (kept for compatibility: see `principal`). */
  user: { name: string | null; email: string | null } | null;
  /** ISO 8601 expiry; `null` when the token never expires. */
  expiresAt: string | null;
  /** The API base that verified it. */
  baseUrl: string;
  correlationId: string | null;
  /** The account's name (`GET /ng/api/accounts/{id}`); `null` when Harness refused or failed, which never fails a verification. */
  accountName: string | null;
  /** Who the key acts as: a person or a service account. */
  principal: HarnessPrincipal;
  /** What Harness said about the host's `requiredPermissions`. */
  permissions: HarnessPermissionsResult;
  /** `expiresAt` is within `expiryWarningDays` (default 30); `false` for a key that never expires. */
  expiresSoon: boolean;
}

/**
 * What token/validate alone tells: the verification without what the calls after it add, and the facts
 * the principal is made from.
 */
export interface ValidatedToken {
  verification: Omit<HarnessTokenVerification, 'accountName' | 'principal' | 'permissions' | 'expiresSoon'>;
  principalFacts: Omit<PrincipalFacts, 'currentUser'>;
}

/** The fields of Harness's envelope this code reads; all optional, because proxies lie. */
interface Envelope {
  status?: unknown;
  code?: unknown;
  message?: unknown;
  correlationId?: unknown;
  data?: unknown;
  responseMessages?: Array<{ code?: unknown; message?: unknown }>;
}

/** The largest time a `Date` holds (100 million days after 1970); beyond it `toISOString` throws. */
const MAX_DATE_MS = 100_000_000 * 24 * 60 * 60 * 1000;

/**
 * Harness's `validTo` for a token created without expiry. TokenDTO's `validTo` is a Java `long`, so a real
 * answer always has a number here; a value beyond what a `Date` holds (a `Long.MAX_VALUE` "never") is read
 * as never expiring too.
 */
const NEVER_EXPIRES = 0;

/** The facts a failure of a 200 answer carries. */
interface AnswerFacts {
  status: number;
  correlationId: string | null;
}

/** How a value is described in a developer's detail: its kind, never the value (it may echo the key). */
function kindOf(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The `apiKeyType` Harness gives each kind of key: a personal token is a user's, `sat.` a service account's. */
const API_KEY_TYPE_OF: Record<HarnessTokenKind, 'USER' | 'SERVICE_ACCOUNT'> = { pat: 'USER', sat: 'SERVICE_ACCOUNT' };

/**
 * A 200 SUCCESS that is not what Harness answers: a stub, a proxy or a changed API. Trying again cannot
 * heal it, so it is `wrong_host` (not retryable), with a detail naming the field that was wrong.
 */
function notHarness(what: string, facts: AnswerFacts): HarnessConnectError {
  return new HarnessConnectError('wrong_host', {
    ...facts,
    detail: `harness-connect: token/validate answered 200 SUCCESS, but ${what}: that is not Harness's answer.`,
  });
}

/**
 * Checks a 200 SUCCESS the way shared harness-api.md ("token/validate, strictly") says: `data` an object,
 * `data.valid === true`, `data.accountIdentifier` the account asked for, `validTo` 0 or in the future.
 * Returns the account and expiry, or throws: `invalid_token` for `valid: false`, `account_mismatch` for
 * another account, `expired_token` for a past `validTo`, `wrong_host` for anything else.
 */
function strictSuccess(
  data: unknown,
  expectedAccountId: string,
  facts: AnswerFacts,
  now = Date.now(),
): { data: Record<string, unknown>; accountId: string; validTo: number } {
  if (!isPlainObject(data)) throw notHarness(`data is ${kindOf(data)}`, facts);
  const { valid, accountIdentifier, validTo } = data;
  if (valid === false) {
    throw new HarnessConnectError('invalid_token', { ...facts, detail: 'harness-connect: token/validate answered 200 SUCCESS with data.valid is false.' });
  }
  if (valid !== true) throw notHarness(`data.valid is ${kindOf(valid)}, not true`, facts);
  if (typeof accountIdentifier !== 'string') throw notHarness(`data.accountIdentifier is ${kindOf(accountIdentifier)}`, facts);
  if (accountIdentifier === '') throw notHarness('data.accountIdentifier is empty', facts);
  if (accountIdentifier !== expectedAccountId) {
    throw new HarnessConnectError('account_mismatch', {
      ...facts,
      detail: 'harness-connect: token/validate says the key belongs to another account than the one asked for.',
    });
  }
  if (typeof validTo !== 'number') throw notHarness(`data.validTo is ${kindOf(validTo)}`, facts);
  if (!Number.isFinite(validTo)) throw notHarness('data.validTo is not a finite number', facts);
  if (validTo < 0) throw notHarness('data.validTo is negative', facts);
  if (validTo !== NEVER_EXPIRES && validTo <= now) {
    throw new HarnessConnectError('expired_token', { ...facts, detail: 'harness-connect: token/validate answered 200 SUCCESS, but data.validTo is in the past.' });
  }
  return { data, accountId: accountIdentifier, validTo };
}

/** A non-empty string from the answer, else `null`. */
function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A header's value, `null` when absent or empty. */
function headerText(header: (name: string) => string, name: string): string | null {
  const value = header(name);
  return value === '' ? null : value;
}

/**
 * Harness's own codes that say precisely what is wrong (`ErrorCode.java`), read before the generic 401 / 403
 * rules. A Map, not an object: a code such as `toString` from a stray proxy must find nothing.
 */
const HARNESS_CODES: ReadonlyMap<string, HarnessConnectErrorCode> = new Map([
  ['EXPIRED_TOKEN', 'expired_token'],
  ['REVOKED_TOKEN', 'revoked_token'],
  ['INACTIVE_ACCOUNT', 'account_inactive'],
  ['ACCOUNT_DOES_NOT_EXIST', 'account_inactive'],
  ['USER_DISABLED', 'principal_disabled'],
  ['NOT_WHITELISTED_IP', 'ip_not_allowed'],
]);

/** Picks the code for a failed answer (not a redirect) from its HTTP status and Harness's own code and message. */
function codeFor(status: number, harnessCode: string, message: string, html: boolean): HarnessConnectErrorCode {
  if (status === 429) return 'rate_limited';
  // A 200 whose body is neither an envelope nor HTML was cut short on the way: a transient fault.
  if (status >= 500 || (status === 200 && harnessCode === '' && !html)) return 'unavailable';
  const harnessOwn = HARNESS_CODES.get(harnessCode);
  if (harnessOwn !== undefined) return harnessOwn;
  // An HTML page (a proxy's sign-in, a WAF's block), whatever its status: not Harness's API, and no verdict
  // on the key. Telling the person that Harness rejected their key would send them to make another.
  if (html) return 'wrong_host';
  // Harness answers a wrong account as INVALID_TOKEN: "Invalid account token access <id>" or
  // "Invalid accountId in token".
  if (status === 401 || harnessCode === 'INVALID_TOKEN') return /invalid account/i.test(message) ? 'account_mismatch' : 'invalid_token';
  if (status === 402 || status === 403 || harnessCode.includes('ACCESS_DENIED')) return 'forbidden';
  if (status === 404) return 'wrong_host';
  if (status === 400 || status === 422 || harnessCode === 'INVALID_REQUEST') return 'invalid_request';
  return 'unknown';
}

/** What a failed answer held, for the developer's detail: Harness's code and message, or its kind. */
function whatCameBack(harnessCode: string, message: string, html: boolean): string {
  if (harnessCode !== '') return `${harnessCode}: ${message}`;
  if (message !== '') return `no Harness code: ${message}`;
  return html ? 'an HTML page' : 'no Harness envelope';
}

/**
 * `verification` with the key and its secret removed from every string taken from the answer (a proxy or a
 * stub may echo the key into any field, JSON-escaped so that only the parsed value shows it).
 */
export function verificationWithoutSecret(verification: HarnessTokenVerification, apiKey: string): HarnessTokenVerification {
  const scrub = (text: string) => scrubSecret(text, apiKey);
  const scrubNullable = (text: string | null) => (text === null ? null : scrub(text));
  const { user, principal } = verification;
  // accountId was checked equal to the account asked for; tokenHint and baseUrl are the verifier's own;
  // the permissions are the host's own requirements.
  return {
    ...verification,
    tokenId: scrub(verification.tokenId),
    tokenName: scrubNullable(verification.tokenName),
    user: user === null ? null : { name: scrubNullable(user.name), email: scrubNullable(user.email) },
    // An id that held the secret is no id once scrubbed.
    correlationId: correlationIdOrNull(scrubNullable(verification.correlationId)),
    accountName: scrubNullable(verification.accountName),
    principal: {
      kind: principal.kind,
      identifier: scrubNullable(principal.identifier),
      name: scrubNullable(principal.name),
      email: scrubNullable(principal.email),
    },
  };
}

/**
 * Interprets the answer to `POST /ng/api/token/validate`: what it says about the token, or a thrown
 * `HarnessConnectError` unless it is a Harness success envelope for the checked account. What it returns
 * or throws may still hold the key (proxies have echoed it back): the verifier removes it afterwards, from
 * the parsed values (see `verificationWithoutSecret` and `withoutSecret`).
 */
export function interpretValidateResponse(
  response: Pick<Response, 'status' | 'type'>,
  header: (name: string) => string,
  body: string,
  check: CheckedHarnessCredentials,
  baseUrl: string,
): ValidatedToken {
  const { status } = response;
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Not JSON: an HTML page, an empty body or a truncated answer, told apart below.
  }
  const envelope = typeof parsed === 'object' ? (parsed as Envelope | null) : null;
  // Shaped like Harness's own or not taken at all: a proxy's text here would reach "Copy details" and the route.
  const correlationId = correlationIdOrNull(envelope?.correlationId) ?? correlationIdOrNull(headerText(header, 'x-harness-correlation-id'));
  // `opaqueredirect` is what a browser's `redirect: 'manual'` gives for a 3xx.
  const redirected = response.type === 'opaqueredirect' || (status >= 300 && status < 400);

  if (redirected || status !== 200 || envelope?.status !== 'SUCCESS') {
    const first = envelope?.responseMessages?.[0];
    const harnessCode = harnessCodeOrNull(envelope?.code) ?? harnessCodeOrNull(first?.code) ?? '';
    const message = text(envelope?.message) ?? text(first?.message) ?? '';
    const html = !envelope && (header('content-type').includes('html') || /^\s*</.test(body));
    const facts = {
      // A browser's opaque redirect has status 0: no status to report.
      status: status === 0 ? null : status,
      harnessCode: harnessCode === '' ? null : harnessCode,
      correlationId,
      retryAfterMs: parseRetryAfter(headerText(header, 'retry-after')),
    };
    if (redirected) {
      throw new HarnessConnectError('wrong_host', {
        ...facts,
        detail: 'harness-connect: the base URL redirected (a key never follows one). Use the API host.',
      });
    }
    throw new HarnessConnectError(codeFor(status, harnessCode, message, html), {
      ...facts,
      detail: `HTTP ${status} with ${whatCameBack(harnessCode, message, html)}`,
    });
  }

  const { data, accountId, validTo } = strictSuccess(envelope.data, check.credentials.accountId, { status, correlationId });
  const name = text(data.username);
  const email = text(data.email);
  const apiKeyType = data.apiKeyType === 'USER' || data.apiKeyType === 'SERVICE_ACCOUNT' ? data.apiKeyType : null;
  // Harness issues `pat.` keys to users and `sat.` keys to service accounts, and checks both itself: an
  // answer that says otherwise is not Harness's, whatever else it claims.
  if (apiKeyType !== null && apiKeyType !== API_KEY_TYPE_OF[check.tokenKind]) {
    throw notHarness(`data.apiKeyType is ${apiKeyType} for a ${check.tokenKind}. key`, { status, correlationId });
  }
  return {
    verification: {
      accountId,
      tokenKind: check.tokenKind,
      tokenId: text(data.identifier) ?? check.token.tokenId,
      tokenName: text(data.name),
      tokenHint: check.token.hint,
      apiKeyType,
      user: name === null && email === null ? null : { name, email },
      expiresAt: validTo === NEVER_EXPIRES || validTo > MAX_DATE_MS ? null : new Date(validTo).toISOString(),
      baseUrl,
      correlationId,
    },
    principalFacts: { apiKeyType, tokenKind: check.tokenKind, parentIdentifier: text(data.parentIdentifier), username: name, email },
  };
}
