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
export type HarnessConnectErrorCode = HarnessConnectErrorCodeList[number];

/** The codes in the order of the table above; `HARNESS_CONNECT_ERROR_CODES` has this type. */
type HarnessConnectErrorCodeList = readonly [
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
];

/** The form fields an error can point at. */
export type HarnessCredentialField = 'apiKey' | 'accountId';

/**
 * Default English messages a person can act on. The widget's catalogue may replace them by code. Keep the
 * keys in the order of the table above: `HARNESS_CONNECT_ERROR_CODES` is read from them.
 */
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

/** Every code, in the order of the table above (for exhaustive tests and catalogues). */
export const HARNESS_CONNECT_ERROR_CODES = Object.keys(HARNESS_CONNECT_ERROR_MESSAGES) as unknown as HarnessConnectErrorCodeList;

/**
 * The field each code concerns and whether retrying can help, as one table: `apiKey`/`accountId` name the
 * field, `retry` marks a transient failure, and a code absent here has neither (shown as a banner).
 */
const TRAITS: Partial<Record<HarnessConnectErrorCode, HarnessCredentialField | 'retry'>> = {
  malformed_token: 'apiKey',
  malformed_account: 'accountId',
  account_mismatch: 'accountId',
  invalid_token: 'apiKey',
  expired_token: 'apiKey',
  invalid_request: 'accountId',
  rate_limited: 'retry',
  unavailable: 'retry',
  timeout: 'retry',
  unknown: 'retry',
};

/** The optional facts an error carries; each is `null` when not known. */
const NULLABLE_KEYS = ['correlationId', 'status', 'harnessCode', 'detail', 'retryAfterMs'] as const;

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
  // `declare`: set by the one `Object.assign` below, so no field initialisers are emitted.
  declare readonly name: 'HarnessConnectError';
  declare readonly code: HarnessConnectErrorCode;
  declare readonly field: HarnessCredentialField | null;
  declare readonly retryable: boolean;
  declare readonly correlationId: string | null;
  declare readonly status: number | null;
  declare readonly harnessCode: string | null;
  declare readonly detail: string | null;
  declare readonly retryAfterMs: number | null;

  constructor(code: HarnessConnectErrorCode, options: HarnessConnectErrorOptions = {}) {
    // `options` may carry a `cause`, which `Error` installs (not enumerable, so never serialised).
    super(options.message ?? HARNESS_CONNECT_ERROR_MESSAGES[code], options);
    const trait = TRAITS[code];
    Object.assign(this, {
      name: 'HarnessConnectError',
      code,
      // `undefined` means "the code's default"; `null` means "no field".
      field: options.field !== undefined ? options.field : trait !== 'retry' && trait ? trait : null,
      retryable: options.retryable ?? trait === 'retry',
    });
    for (const key of NULLABLE_KEYS) Object.assign(this, { [key]: options[key] ?? null });
  }

  toJSON(): HarnessConnectErrorJSON {
    // The constructor's fields are this error's only enumerable own properties; `message`, `cause` and
    // `stack` are not enumerable. `cause` and `stack` stay out: they may hold anything the host threw.
    return { ...this, message: this.message };
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
  return [apiKey, secret].reduce(
    (out, needle) => (needle.length < MIN_SCRUBBED_LENGTH ? out : out.replaceAll(needle, REDACTED)),
    text,
  );
}

/**
 * Turns anything thrown (a host's own `connect` rejecting with a plain Error, a DOMException from an
 * abort, a serialised error from a server answer) into a `HarnessConnectError`, keeping one that already
 * is. Given the key that was being verified, removes it from the message and detail: a host's backend may
 * well echo it in an error text.
 */
export function toHarnessConnectError(value: unknown, apiKey?: string): HarnessConnectError {
  const error = toError(value);
  if (!apiKey) return error;
  const message = scrubSecret(error.message, apiKey);
  const detail = error.detail === null ? null : scrubSecret(error.detail, apiKey);
  if (message === error.message && detail === error.detail) return error;
  return new HarnessConnectError(error.code, { ...error.toJSON(), message, detail });
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
  const detail = value instanceof Error ? value.message : typeof value === 'string' ? value : null;
  return new HarnessConnectError('unknown', { detail, cause: value });
}

/** True for the reason `AbortSignal.timeout()` aborts with. */
export function isTimeoutError(value: unknown): boolean {
  return hasName(value, 'TimeoutError');
}

/** True for the error `fetch` and `AbortSignal` raise when a request is cancelled. */
export function isAbortError(value: unknown): boolean {
  return hasName(value, 'AbortError');
}
