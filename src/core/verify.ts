import { checkHarnessCredentials, type HarnessCredentialsInput } from './credentials.js';
import { HarnessConnectError, isTimeoutError, type HarnessCredentialField } from './errors.js';
import { interpretValidateResponse, type HarnessTokenVerification } from './harness-response.js';
import { resolveHarnessBaseUrl, type HarnessHostOptions } from './hosts.js';

/** Harness answers `token/validate` in well under a second; beyond this assume a hung proxy. */
export const VERIFY_TIMEOUT_MS = 15_000;

/** Answers bigger than this are not Harness's small JSON envelopes; stop reading. */
const MAX_RESPONSE_CHARS = 256 * 1024;

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

/** Replaces the key and its secret part wherever they appear (proxies have echoed headers back). */
export function scrubSecret(text: string, apiKey: string): string {
  let out = text;
  const secret = apiKey.slice(apiKey.lastIndexOf('.') + 1);
  for (const needle of [apiKey, secret]) {
    if (needle.length >= 8) out = out.split(needle).join('[redacted]');
  }
  return out;
}

/** Rejects with the first local issue, on the field it concerns, before any request. */
function localFailure(field: HarnessCredentialField, problem: string, message: string): HarnessConnectError {
  const code = problem === 'account_mismatch' ? 'account_mismatch' : field === 'apiKey' ? 'malformed_token' : 'malformed_account';
  return new HarnessConnectError(code, { field, message, detail: `local check: ${problem}` });
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
  const check = checkHarnessCredentials(credentials);
  if (!check.ok) {
    const [first] = check.issues;
    throw localFailure(first!.field, first!.problem, first!.message);
  }
  const baseUrl = resolveHarnessBaseUrl(options.baseUrl, options);
  if (options.signal?.aborted) throw new HarnessConnectError(isTimeoutError(options.signal.reason) ? 'timeout' : 'aborted');

  const { apiKey, accountId } = check.credentials;
  const url = new URL(`${baseUrl}/ng/api/token/validate`);
  // Harness reads the account from the query; routingId routes the call to the account's cell.
  url.searchParams.set('accountIdentifier', accountId);
  url.searchParams.set('routingId', accountId);

  const controller = new AbortController();
  let stopped: 'aborted' | 'timeout' | null = null;
  const onAbort = () => {
    // A caller's `AbortSignal.timeout()` is a timeout, not a person cancelling.
    stopped ??= isTimeoutError(options.signal?.reason) ? 'timeout' : 'aborted';
    controller.abort();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    stopped ??= 'timeout';
    controller.abort();
  }, options.timeoutMs ?? VERIFY_TIMEOUT_MS);

  const fetchImpl = options.fetch ?? globalThis.fetch;
  try {
    const response = await fetchImpl(url.toString(), {
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'Content-Type': 'text/plain', Accept: 'application/json' },
      body: apiKey,
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    const scrub = (value: string | null) => value && scrubSecret(value, apiKey);
    const header = (name: string) => scrub(response.headers.get(name));
    return interpretValidateResponse(
      {
        status: response.status,
        type: response.type,
        contentType: header('content-type') ?? '',
        correlationHeader: header('x-harness-correlation-id'),
        retryAfter: header('retry-after'),
        body: scrub((await response.text()).slice(0, MAX_RESPONSE_CHARS)) ?? '',
      },
      { accountId, tokenKind: check.tokenKind, tokenId: check.token.tokenId, tokenHint: check.token.hint, baseUrl },
    );
  } catch (error) {
    if (error instanceof HarnessConnectError) throw error;
    if (stopped === 'timeout') {
      throw new HarnessConnectError('timeout', { detail: `no answer from ${baseUrl} within ${options.timeoutMs ?? VERIFY_TIMEOUT_MS} ms` });
    }
    if (stopped === 'aborted') throw new HarnessConnectError('aborted');
    // fetch rejects with a TypeError for a refused or reset connection, DNS failure or CORS block.
    const reason = error instanceof Error ? error.message : String(error);
    throw new HarnessConnectError('unavailable', { detail: scrubSecret(`request to ${baseUrl} failed: ${reason}`, apiKey) });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

export type { HarnessTokenVerification };
