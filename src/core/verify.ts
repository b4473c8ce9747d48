import { checkHarnessCredentials, type HarnessCredentialsInput, type HarnessCredentialsProblem } from './credentials.js';
import {
  HarnessConnectError,
  isTimeoutError,
  withoutSecret,
  type HarnessConnectErrorCode,
  type HarnessCredentialField,
} from './errors.js';
import { interpretValidateResponse, verificationWithoutSecret, type HarnessTokenVerification } from './harness-response.js';
import { resolveHarnessBaseUrl, type HarnessHostOptions } from './hosts.js';
import { readCappedText } from './read-body.js';

/** Harness answers `token/validate` in well under a second; beyond this assume a hung proxy. */
export const VERIFY_TIMEOUT_MS = 15_000;

/**
 * Harness's envelopes are a few KB. An answer bigger than this is not Harness's: it is refused as
 * `wrong_host` after reading this much, and the rest is never downloaded.
 */
const MAX_RESPONSE_KIB = 256;
const MAX_RESPONSE_BYTES = MAX_RESPONSE_KIB * 1024;

export interface VerifyHarnessTokenOptions extends HarnessHostOptions {
  /**
   * The Harness API base, or any Harness page address (only its origin is kept).
   * @default 'https://app.harness.io'
   */
  baseUrl?: string;
  /** A `fetch` to use instead of the global one (a server's instrumented fetch, a test's fake). */
  fetch?: typeof fetch;
  /** Cancels the verification: it then rejects with code `aborted`. */
  signal?: AbortSignal;
  /**
   * Gives up after this long with code `timeout`.
   * @default 15000
   */
  timeoutMs?: number;
}

/** The code of a local check's failure: a mismatch is its own code, else the field's "malformed" one. */
function localErrorCode(field: HarnessCredentialField, problem: HarnessCredentialsProblem): HarnessConnectErrorCode {
  if (problem === 'account_mismatch') return 'account_mismatch';
  return field === 'apiKey' ? 'malformed_token' : 'malformed_account';
}

/** What went wrong while asking Harness, as a `HarnessConnectError` (one thrown on purpose is kept). */
function requestFailure(
  error: unknown,
  stopped: 'aborted' | 'timeout' | undefined,
  baseUrl: string,
  timeoutMs: number,
): HarnessConnectError {
  if (error instanceof HarnessConnectError) return error;
  if (stopped === 'aborted') return new HarnessConnectError('aborted');
  if (stopped === 'timeout') return new HarnessConnectError('timeout', { detail: `no answer from ${baseUrl} within ${timeoutMs} ms` });
  // fetch rejects with a TypeError for a refused or reset connection, DNS failure or CORS block.
  const reason = error instanceof Error ? error.message : String(error);
  return new HarnessConnectError('unavailable', { detail: `request to ${baseUrl} failed: ${reason}` });
}

/**
 * Verifies a Harness API key with `POST {base}/ng/api/token/validate`, the cheapest call Harness offers:
 * it needs no permission and works for personal and service-account tokens.
 *
 * Runs the local checks first and makes no request when they fail. Sends the key only to an allowed host
 * (see `resolveHarnessBaseUrl`), never follows a redirect with it, and never puts it in a URL, an error or
 * a result. Resolves to what Harness says about the token, or rejects with a `HarnessConnectError`.
 */
export async function verifyHarnessToken(
  credentials: HarnessCredentialsInput,
  options: VerifyHarnessTokenOptions = {},
): Promise<HarnessTokenVerification> {
  const { signal } = options;
  const timeoutMs = options.timeoutMs ?? VERIFY_TIMEOUT_MS;
  const check = checkHarnessCredentials(credentials);
  if (!check.ok) {
    // The first local issue, on the field it concerns, before any request. A failed check has at least one.
    const { field, problem, message } = check.issues[0]!;
    throw new HarnessConnectError(localErrorCode(field, problem), { field, message, detail: `local check: ${problem}` });
  }
  const baseUrl = resolveHarnessBaseUrl(options.baseUrl, options);
  // A caller's `AbortSignal.timeout()` is a timeout, not a person cancelling.
  const callerStop = () => (isTimeoutError(signal?.reason) ? 'timeout' : 'aborted');
  if (signal?.aborted) throw new HarnessConnectError(callerStop());

  const { apiKey, accountId } = check.credentials;
  const controller = new AbortController();
  let stopped: 'aborted' | 'timeout' | undefined;
  const stop = (reason: 'aborted' | 'timeout') => {
    // The first reason stands: a timeout after the caller's abort is still an abort.
    if (stopped === undefined) stopped = reason;
    controller.abort();
  };
  const onAbort = () => stop(callerStop());
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  try {
    // Harness reads the account from the query; routingId routes the call to the account's cell.
    const query = new URLSearchParams({ accountIdentifier: accountId, routingId: accountId });
    const response = await (options.fetch ?? fetch)(`${baseUrl}/ng/api/token/validate?${query}`, {
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'Content-Type': 'text/plain', Accept: 'application/json' },
      body: apiKey,
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    const text = await readCappedText(response, MAX_RESPONSE_BYTES, controller.signal);
    if (text === null) {
      throw new HarnessConnectError('wrong_host', {
        status: response.status,
        detail: `harness-connect: ${baseUrl} answered more than ${MAX_RESPONSE_KIB} KiB; Harness's answers are a few KB. Check the base URL.`,
      });
    }
    const verification = interpretValidateResponse(response, (name) => response.headers.get(name) ?? '', text, check, baseUrl);
    return verificationWithoutSecret(verification, apiKey);
  } catch (error) {
    // Every failure leaves with the key removed from all its strings, after parsing (see withoutSecret).
    throw withoutSecret(requestFailure(error, stopped, baseUrl, timeoutMs), apiKey);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

export type { HarnessTokenVerification };
