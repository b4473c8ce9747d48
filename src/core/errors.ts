/**
 * The one error type every part of harness-connect speaks: the core's local checks, the verifier, the
 * server handler and (later) the widget, which maps `code` to the field or banner that shows it.
 */
import {
  copyRequirement,
  isPermissionRequirementList,
  type HarnessPermissionRequirement,
  type HarnessPrincipal,
} from './permissions.js';
import { correlationIdOrNull, harnessCodeOrNull, httpStatusOrNull, singleLine } from './answer-facts.js';
import { isHarnessPrincipal } from './principal.js';
import { ownOption } from './own-option.js';
import { retryAfterMsOrNull } from './retry-after.js';

/**
 * What went wrong, as a stable union. Hosts switch on these; new codes are only ever added.
 *
 * | code | meaning | field | retryable |
 * |---|---|---|---|
 * | `malformed_token` | the API key is not a Harness token (checked locally, no request made) | apiKey | no |
 * | `malformed_account` | the account identifier is missing or not an identifier (local) | accountId | no |
 * | `account_mismatch` | the key belongs to another account than the identifier given | accountId | no |
 * | `invalid_token` | Harness rejected the key: mistyped, revoked or deleted | apiKey | no |
 * | `expired_token` | the key has expired | apiKey | no |
 * | `forbidden` | Harness refused access (disabled service account, IP allow-list, proxy) | — | no |
 * | `invalid_request` | Harness could not use the request, usually a wrong account identifier | accountId | no |
 * | `wrong_host` | the base URL does not answer like a Harness API (404, redirect, HTML) | — | no |
 * | `rate_limited` | Harness asked us to slow down (429) | — | yes |
 * | `unavailable` | Harness could not be reached or failed (network, 5xx, unreadable answer) | — | yes |
 * | `timeout` | Harness did not answer in time | — | yes |
 * | `aborted` | the caller cancelled (the user closed the dialog) | — | no |
 * | `configuration` | the integrator's set-up is wrong (a base URL that is not an allowed Harness host) | — | no |
 * | `unknown` | anything else, e.g. a host's own `connect` threw a plain Error | — | yes |
 * | `missing_permissions` | the key is valid but lacks permissions the host requires (`missing`, `granted`) | — | no |
 * | `permissions_unknown` | the key is valid, but Harness could not say what it may do (the ACL call failed) | — | yes |
 * | `revoked_token` | the key was revoked in Harness (`REVOKED_TOKEN`) | apiKey | no |
 * | `account_inactive` | the account is inactive or was deleted (`INACTIVE_ACCOUNT`, `ACCOUNT_DOES_NOT_EXIST`) | accountId | no |
 * | `principal_disabled` | the user or service account behind the key is disabled (`USER_DISABLED`) | — | no |
 * | `ip_not_allowed` | the account's IP allow-list blocks the caller (`NOT_WHITELISTED_IP`; `egressIps`) | — | no |
 * | `principal_mismatch` | the key acts as a different user or service account than the connection it renews | apiKey | no |
 */
export type HarnessConnectErrorCode = (typeof HARNESS_CONNECT_ERROR_CODES)[number];

/** Every code, in the order of the table above (for exhaustive tests and catalogues). */
export const HARNESS_CONNECT_ERROR_CODES = [
  'malformed_token',
  'malformed_account',
  'account_mismatch',
  'invalid_token',
  'expired_token',
  'forbidden',
  'invalid_request',
  'wrong_host',
  'rate_limited',
  'unavailable',
  'timeout',
  'aborted',
  'configuration',
  'unknown',
  'missing_permissions',
  'permissions_unknown',
  'revoked_token',
  'account_inactive',
  'principal_disabled',
  'ip_not_allowed',
  'principal_mismatch',
] as const;

/** The form fields an error can point at. */
export type HarnessCredentialField = 'apiKey' | 'accountId';

/** Default English messages a person can act on. The widget's catalogue may replace them by code. */
export const HARNESS_CONNECT_ERROR_MESSAGES: Record<HarnessConnectErrorCode, string> = {
  malformed_token: 'This is not a Harness API key. Copy the whole token.',
  malformed_account: 'Enter your Harness account identifier.',
  account_mismatch: 'This key belongs to another Harness account. Check the Account Identifier.',
  invalid_token: 'Harness rejected this key. Copy it again or create a new one.',
  expired_token: 'This key has expired. Create a new one in Harness.',
  forbidden: 'Harness refused access for this key. Ask your Harness admin.',
  invalid_request: 'Harness could not find that account. Check the Account Identifier.',
  wrong_host: 'The address this app uses for Harness does not answer like Harness. Contact the app’s support.',
  rate_limited: 'Too many attempts for now. Wait a moment, then try again.',
  unavailable: 'Harness could not be reached. Try again.',
  timeout: 'Harness took too long to answer. Try again.',
  aborted: 'Verification was cancelled.',
  configuration: 'This connection is not set up correctly. Contact the app’s support.',
  unknown: 'Something went wrong. Try again.',
  missing_permissions:
    'This key is missing permissions this app needs. Ask a Harness admin for a role that grants them, or use another key.',
  permissions_unknown: 'Harness could not check what this key may do. Try again.',
  revoked_token: 'This key was revoked in Harness. Create a new one.',
  account_inactive: 'This Harness account is inactive or no longer exists. Check the Account Identifier.',
  principal_disabled: 'The user or service account of this key is disabled in Harness. Ask your Harness admin.',
  ip_not_allowed:
    'Your Harness account’s IP allow-list blocks this app. A Harness admin can allow the app’s addresses in the account settings (Authentication → IP allowlist).',
  principal_mismatch:
    'This key acts as a different user or service account than the connection you are renewing. Use a key of the same one.',
};

/** The field each code concerns by default; `null`: no field, the widget shows a banner. */
const FIELD_OF: Record<HarnessConnectErrorCode, HarnessCredentialField | null> = {
  malformed_token: 'apiKey',
  malformed_account: 'accountId',
  account_mismatch: 'accountId',
  invalid_token: 'apiKey',
  expired_token: 'apiKey',
  forbidden: null,
  invalid_request: 'accountId',
  wrong_host: null,
  rate_limited: null,
  unavailable: null,
  timeout: null,
  aborted: null,
  configuration: null,
  unknown: null,
  missing_permissions: null,
  permissions_unknown: null,
  revoked_token: 'apiKey',
  account_inactive: 'accountId',
  principal_disabled: null,
  ip_not_allowed: null,
  principal_mismatch: 'apiKey',
};

/** Whether trying again can help by default: only for transient failures (and the host's unknown ones). */
const RETRYABLE: Record<HarnessConnectErrorCode, boolean> = {
  malformed_token: false,
  malformed_account: false,
  account_mismatch: false,
  invalid_token: false,
  expired_token: false,
  forbidden: false,
  invalid_request: false,
  wrong_host: false,
  rate_limited: true,
  unavailable: true,
  timeout: true,
  aborted: false,
  configuration: false,
  unknown: true,
  missing_permissions: false,
  permissions_unknown: true,
  revoked_token: false,
  account_inactive: false,
  principal_disabled: false,
  ip_not_allowed: false,
  principal_mismatch: false,
};

export interface HarnessConnectErrorOptions {
  /** A user-facing message; defaults to the code's message. */
  message?: string;
  /** Overrides the field the code normally concerns (`null`: no field, show a banner). */
  field?: HarnessCredentialField | null;
  /** Overrides whether trying again can help. */
  retryable?: boolean;
  /** Harness's `correlationId`, to quote to Harness support. */
  correlationId?: string | null;
  /** The HTTP status Harness (or whatever answered) returned. */
  status?: number | null;
  /** Harness's own error code (`INVALID_TOKEN`, `EXPIRED_TOKEN`, …). */
  harnessCode?: string | null;
  /** For developers: what exactly happened. Never contains the key. */
  detail?: string | null;
  /** Milliseconds the server asked us to wait (from `Retry-After`). */
  retryAfterMs?: number | null;
  /** `missing_permissions`: the requirements Harness said the key does not hold. */
  missing?: HarnessPermissionRequirement[] | null;
  /** `missing_permissions`: the requirements it does hold. */
  granted?: HarnessPermissionRequirement[] | null;
  /** `missing_permissions`, `principal_mismatch`: the name of the account that was checked, when Harness said. */
  accountName?: string | null;
  /** `missing_permissions`, `principal_mismatch`: who the key acts as. */
  principal?: HarnessPrincipal | null;
  /** `ip_not_allowed`: the host's outbound addresses, for the admin to allow (when the host passed them). */
  egressIps?: string[] | null;
  cause?: unknown;
}

/** The shape of a `HarnessConnectError` once serialised: what events and server answers carry. */
export interface HarnessConnectErrorJSON {
  name: 'HarnessConnectError';
  code: HarnessConnectErrorCode;
  message: string;
  field: HarnessCredentialField | null;
  retryable: boolean;
  correlationId: string | null;
  status: number | null;
  harnessCode: string | null;
  detail: string | null;
  retryAfterMs: number | null;
  missing: HarnessPermissionRequirement[] | null;
  granted: HarnessPermissionRequirement[] | null;
  accountName: string | null;
  principal: HarnessPrincipal | null;
  egressIps: string[] | null;
}

/**
 * A typed failure. `message` is meant for the end user; `detail` for the developer. Neither ever holds the
 * API key: every constructor path receives only codes, statuses and Harness's own messages (which name the
 * token id, never the secret), and the verifier scrubs the key from anything it passes in.
 */
export class HarnessConnectError extends Error {
  override readonly name = 'HarnessConnectError' as const;
  readonly code: HarnessConnectErrorCode;
  readonly field: HarnessCredentialField | null;
  readonly retryable: boolean;
  readonly correlationId: string | null;
  readonly status: number | null;
  readonly harnessCode: string | null;
  readonly detail: string | null;
  readonly retryAfterMs: number | null;
  readonly missing: HarnessPermissionRequirement[] | null;
  readonly granted: HarnessPermissionRequirement[] | null;
  readonly accountName: string | null;
  readonly principal: HarnessPrincipal | null;
  readonly egressIps: string[] | null;

  constructor(code: HarnessConnectErrorCode, options: HarnessConnectErrorOptions = {}) {
    // Every option is read only when the caller set it (see own-option.ts): a `message`, `field` or `cause` put
    // on Object.prototype by a separate bug must not change every error made after it.
    const option = <K extends keyof HarnessConnectErrorOptions>(name: K) => ownOption(options, name);
    // `Error` installs a `cause` (not enumerable, so never serialised) whenever its options HAVE one, inherited
    // or not: it is handed one only when the caller set it (`undefined` too, which Error keeps as a cause).
    const withCause = Object.hasOwn(options ?? {}, 'cause') ? { cause: option('cause') } : undefined;
    super(option('message') ?? HARNESS_CONNECT_ERROR_MESSAGES[code], withCause);
    this.code = code;
    // `undefined` means "the code's default"; `null` means "no field".
    const field = option('field');
    this.field = field === undefined ? FIELD_OF[code] : field;
    this.retryable = option('retryable') ?? RETRYABLE[code];
    this.correlationId = option('correlationId') ?? null;
    this.status = option('status') ?? null;
    this.harnessCode = option('harnessCode') ?? null;
    this.detail = option('detail') ?? null;
    this.retryAfterMs = option('retryAfterMs') ?? null;
    this.missing = option('missing') ?? null;
    this.granted = option('granted') ?? null;
    this.accountName = option('accountName') ?? null;
    this.principal = option('principal') ?? null;
    this.egressIps = option('egressIps') ?? null;
    // Format the stack now. Until `.stack` is first read, V8 keeps the raw call frames, and with them the
    // scopes of every function on the way here (the parsed token, the form's values): an error kept by the
    // widget's mutation or by a host would keep the API key in memory after the dialog closed.
    void this.stack;
  }

  /** The serialised shape. `cause` and `stack` stay out: they may hold anything the host threw. */
  toJSON(): HarnessConnectErrorJSON {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      field: this.field,
      retryable: this.retryable,
      correlationId: this.correlationId,
      status: this.status,
      harnessCode: this.harnessCode,
      detail: this.detail,
      retryAfterMs: this.retryAfterMs,
      missing: this.missing,
      granted: this.granted,
      accountName: this.accountName,
      principal: this.principal,
      egressIps: this.egressIps,
    };
  }
}

/** True when `value` is an object whose `name` is `name` (errors cross realms, so `instanceof` is not enough). */
function hasName(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === name;
}

/** True for a `HarnessConnectError`, also one from another copy of the package or realm. */
export function isHarnessConnectError(value: unknown): value is HarnessConnectError {
  return (
    value instanceof HarnessConnectError ||
    (hasName(value, 'HarnessConnectError') &&
      (HARNESS_CONNECT_ERROR_CODES as readonly unknown[]).includes((value as { code?: unknown }).code))
  );
}

/** What stands where the key, its secret or another text kept from an answer was removed. */
const REDACTED = '[redacted]';

/** Shorter needles could match innocent text; real keys and secrets are far longer. */
const MIN_SCRUBBED_LENGTH = 8;

/** `text` with every occurrence of each of `needles` replaced by `[redacted]`. */
export function redact(text: string, needles: readonly string[]): string {
  let redacted = text;
  for (const needle of needles) {
    if (needle !== '') redacted = redacted.replaceAll(needle, REDACTED);
  }
  return redacted;
}

/** Replaces the key and its secret part wherever they appear (proxies have echoed headers back). */
export function scrubSecret(text: string, apiKey: string): string {
  return redact(text, secretNeedles(apiKey));
}

/** What `scrubSecret` removes: the key and its secret part (the text after its last dot), when long enough. */
export function secretNeedles(apiKey: string): string[] {
  const secret = apiKey.slice(apiKey.lastIndexOf('.') + 1);
  return [apiKey, secret].filter((needle) => needle.length >= MIN_SCRUBBED_LENGTH);
}

/**
 * `value` with `map` applied to every string in it, property names included, at any depth (a JSON shape:
 * strings, lists, plain objects; anything else is kept as it is).
 */
export function mapStrings<T>(value: T, map: (text: string) => string): T {
  if (typeof value === 'string') return map(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, map)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [map(key), mapStrings(item, map)])) as T;
  }
  return value;
}

/**
 * `error` with the key and its secret removed from every string it carries (message, detail, harnessCode,
 * correlationId, the account name and principal Harness named, any label), and without a `cause`: a raw
 * rejection can hold the key anywhere (an HTTP client's error keeps the request body in `config.data`), so
 * it is not passed on. Returned as it is when it holds neither the key nor a cause.
 *
 * Runs on parsed values: a JSON body that echoes the key escaped (`\u0070at.…`) holds it only once parsed.
 */
export function withoutSecret(error: HarnessConnectError, apiKey: string): HarnessConnectError {
  const json = error.toJSON();
  const scrubbed = mapStrings(json, (text) => scrubSecret(text, apiKey));
  const unchanged = error.cause === undefined && JSON.stringify(scrubbed) === JSON.stringify(json);
  if (unchanged) return error;
  // An id that held the secret is no id once scrubbed: `[redacted]` is not shaped like one.
  return new HarnessConnectError(error.code, {
    ...scrubbed,
    correlationId: correlationIdOrNull(scrubbed.correlationId),
    harnessCode: harnessCodeOrNull(scrubbed.harnessCode),
  });
}

/**
 * Turns anything thrown (a host's own `connect` rejecting with a plain Error, a DOMException from an
 * abort, a serialised error from a server answer) into a `HarnessConnectError`, keeping one that already
 * is. Given the key that was being verified, removes it from every string of the result and drops the
 * raw `cause` (see `withoutSecret`): a host's backend or HTTP client may well hold it.
 */
export function toHarnessConnectError(value: unknown, apiKey?: string): HarnessConnectError {
  const error = toError(value);
  return apiKey === undefined || apiKey === '' ? error : withoutSecret(error, apiKey);
}

function toError(value: unknown): HarnessConnectError {
  if (value instanceof HarnessConnectError) return value;
  if (isHarnessConnectError(value)) return revive(value);
  if (isTimeoutError(value)) return new HarnessConnectError('timeout', { cause: value });
  if (isAbortError(value)) return new HarnessConnectError('aborted', { cause: value });
  // A host's own error: its text is for developers, not necessarily fit for the end user.
  return new HarnessConnectError('unknown', { detail: textOf(value), cause: value });
}

/**
 * A serialised error (from a server answer, a proxy in front of it, or another realm) rebuilt from its own
 * fields, each believed only in its own shape and otherwise absent: a status is an HTTP status, a wait is
 * bounded like `Retry-After`, Harness's code and correlation id are shaped like them, texts are strings, and
 * the texts a person reads on one line have no line breaks. So "Copy details" (which prints the code, the
 * correlation id and the status a line each) is never fed extra lines or `[object Object]`. Nothing else it
 * carries (a `cause`, a stray field) is passed on.
 */
function revive(value: HarnessConnectError): HarnessConnectError {
  const fields: Record<string, unknown> = { ...value };
  const { field, message, detail, retryable, status, retryAfterMs, correlationId, harnessCode } = fields;
  const { missing, granted, accountName, principal, egressIps } = fields;
  return new HarnessConnectError(value.code, {
    message: typeof message === 'string' ? singleLine(message) : undefined,
    // Absent or not a field: the code's own default (`null` is kept: "no field, show a banner").
    field: field === null || field === 'apiKey' || field === 'accountId' ? field : undefined,
    retryable: typeof retryable === 'boolean' ? retryable : undefined,
    status: httpStatusOrNull(status),
    retryAfterMs: retryAfterMsOrNull(retryAfterMs),
    correlationId: correlationIdOrNull(correlationId),
    harnessCode: harnessCodeOrNull(harnessCode),
    detail: typeof detail === 'string' ? detail : null,
    // The lists and the principal are shown to people: believed only in their own shape, else absent.
    missing: isPermissionRequirementList(missing) ? missing.map(revivedRequirement) : null,
    granted: isPermissionRequirementList(granted) ? granted.map(revivedRequirement) : null,
    accountName: typeof accountName === 'string' ? singleLine(accountName) : null,
    principal: isHarnessPrincipal(principal) ? copyPrincipal(principal) : null,
    egressIps: isStringList(egressIps) ? egressIps.map(singleLine) : null,
  });
}

/** A requirement's own fields, its label (a line of a list) on one line. */
function revivedRequirement(requirement: HarnessPermissionRequirement): HarnessPermissionRequirement {
  const copy = copyRequirement(requirement);
  if (copy.label !== undefined) copy.label = singleLine(copy.label);
  return copy;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Only the principal's own fields, each on one line: nothing else a serialised error carries is passed on. */
function copyPrincipal({ kind, identifier, name, email }: HarnessPrincipal): HarnessPrincipal {
  const line = (text: string | null) => (text === null ? null : singleLine(text));
  return { kind, identifier: line(identifier), name: line(name), email: line(email) };
}

/** The text of something thrown: an Error's message, a thrown string, else nothing. */
function textOf(value: unknown): string | null {
  if (value instanceof Error) return value.message;
  if (typeof value === 'string') return value;
  return null;
}

/** True for the reason `AbortSignal.timeout()` aborts with. */
export function isTimeoutError(value: unknown): boolean {
  return hasName(value, 'TimeoutError');
}

/** True for the error `fetch` and `AbortSignal` raise when a request is cancelled. */
export function isAbortError(value: unknown): boolean {
  return hasName(value, 'AbortError');
}
