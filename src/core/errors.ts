/**
 * The one error type every part of harness-connect speaks: the core's local checks, the verifier, the
 * server handler and (later) the widget, which maps `code` to the field or banner that shows it.
 */

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
  wrong_host: 'That address is not a Harness API. Check the region or URL.',
  rate_limited: 'Harness is busy. Wait a moment, then try again.',
  unavailable: 'Harness could not be reached. Try again.',
  timeout: 'Harness took too long to answer. Try again.',
  aborted: 'Verification was cancelled.',
  configuration: 'This connection is not set up correctly. Contact the app’s support.',
  unknown: 'Something went wrong. Try again.',
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

  constructor(code: HarnessConnectErrorCode, options: HarnessConnectErrorOptions = {}) {
    // `options` may carry a `cause`, which `Error` installs (not enumerable, so never serialised).
    super(options.message ?? HARNESS_CONNECT_ERROR_MESSAGES[code], options);
    this.code = code;
    // `undefined` means "the code's default"; `null` means "no field".
    this.field = options.field === undefined ? FIELD_OF[code] : options.field;
    this.retryable = options.retryable ?? RETRYABLE[code];
    this.correlationId = options.correlationId ?? null;
    this.status = options.status ?? null;
    this.harnessCode = options.harnessCode ?? null;
    this.detail = options.detail ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
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

/** What stands where the key or its secret was removed. */
const REDACTED = '[redacted]';

/** Shorter needles could match innocent text; real keys and secrets are far longer. */
const MIN_SCRUBBED_LENGTH = 8;

/** Replaces the key and its secret part wherever they appear (proxies have echoed headers back). */
export function scrubSecret(text: string, apiKey: string): string {
  const secret = apiKey.slice(apiKey.lastIndexOf('.') + 1);
  let scrubbed = text;
  for (const needle of [apiKey, secret]) {
    if (needle.length >= MIN_SCRUBBED_LENGTH) scrubbed = scrubbed.replaceAll(needle, REDACTED);
  }
  return scrubbed;
}

/** `text` without the key, or `null` for `null`. */
function scrubNullable(text: string | null, apiKey: string): string | null {
  return text === null ? null : scrubSecret(text, apiKey);
}

/**
 * `error` with the key and its secret removed from every string it carries (message, detail, harnessCode,
 * correlationId), and without a `cause`: a raw rejection can hold the key anywhere (an HTTP client's error
 * keeps the request body in `config.data`), so it is not passed on. Returned as it is when it holds
 * neither the key nor a cause.
 *
 * Runs on parsed values: a JSON body that echoes the key escaped (`\u0070at.…`) holds it only once parsed.
 */
export function withoutSecret(error: HarnessConnectError, apiKey: string): HarnessConnectError {
  const scrubbed = {
    ...error.toJSON(),
    message: scrubSecret(error.message, apiKey),
    detail: scrubNullable(error.detail, apiKey),
    harnessCode: scrubNullable(error.harnessCode, apiKey),
    correlationId: scrubNullable(error.correlationId, apiKey),
  };
  const unchanged =
    error.cause === undefined &&
    scrubbed.message === error.message &&
    scrubbed.detail === error.detail &&
    scrubbed.harnessCode === error.harnessCode &&
    scrubbed.correlationId === error.correlationId;
  return unchanged ? error : new HarnessConnectError(error.code, scrubbed);
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
  if (isHarnessConnectError(value)) {
    // A serialised error (from a server answer or another realm): its fields are the constructor's options.
    const { field, message, retryable } = value as Partial<HarnessConnectErrorJSON>;
    return new HarnessConnectError(value.code, {
      ...value,
      message: typeof message === 'string' ? message : undefined,
      // Absent or not a field: the code's own default (`null` is kept: "no field, show a banner").
      field: field === null || field === 'apiKey' || field === 'accountId' ? field : undefined,
      retryable: typeof retryable === 'boolean' ? retryable : undefined,
    });
  }
  if (isTimeoutError(value)) return new HarnessConnectError('timeout', { cause: value });
  if (isAbortError(value)) return new HarnessConnectError('aborted', { cause: value });
  // A host's own error: its text is for developers, not necessarily fit for the end user.
  return new HarnessConnectError('unknown', { detail: textOf(value), cause: value });
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
