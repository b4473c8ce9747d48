import { ownOption } from './own-option.js';
import { checkHarnessCredentials, type HarnessCredentialsInput, type HarnessCredentialsProblem } from './credentials.js';
import {
  HarnessConnectError,
  isTimeoutError,
  withoutSecret,
  type HarnessConnectErrorCode,
  type HarnessCredentialField,
} from './errors.js';
import { expiresWithin } from './expiry.js';
import { interpretValidateResponse, verificationWithoutSecret, type HarnessTokenVerification } from './harness-response.js';
import { callHarness, type HarnessCallContext } from './harness-request.js';
import { resolveHarnessBaseUrl, type HarnessHostOptions } from './hosts.js';
import { checkPermissions, fetchAccountName, fetchCurrentUser, type AclOutcome } from './identity-calls.js';
import type { HarnessPermissionCheckMode, HarnessPermissionRequirement, HarnessPermissionsResult } from './permissions.js';
import { principalOf } from './principal.js';
import { readTimeoutMs } from './timeout-option.js';
import { readVerifySettings, type VerifySettings } from './verify-settings.js';

/** Harness answers `token/validate` in well under a second; beyond this assume a hung proxy. */
export const VERIFY_TIMEOUT_MS = 15_000;

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
   * Gives up after this long with code `timeout`. One budget for the whole verification: token/validate
   * and the calls after it. A finite number above 0; one beyond what a timer keeps (2^31-1 ms) is taken
   * as that longest delay, and anything else is a `configuration` error before any request.
   * @default 15000
   */
  timeoutMs?: number;
  /**
   * What the key must be allowed to do, checked with one `POST /authz/api/acl` after token/validate. A
   * requirement Harness says is not permitted fails the verification with `missing_permissions`.
   * @default []
   */
  requiredPermissions?: readonly HarnessPermissionRequirement[];
  /**
   * When the ACL call itself fails: `'required'` fails with `permissions_unknown` (retryable), `'advisory'`
   * accepts the key with `permissions: { checked: false, reason: 'unavailable' }`.
   * @default 'required'
   */
  permissionCheck?: HarnessPermissionCheckMode;
  /**
   * A key expiring within this many days is still accepted, with `expiresSoon: true`.
   * @default 30
   */
  expiryWarningDays?: number;
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
/**
 * Verifies a Harness API key with `POST {base}/ng/api/token/validate`, the cheapest call Harness offers:
 * it needs no permission and works for personal and service-account tokens. Once Harness accepts the key,
 * asks in parallel for the account's name, the person behind a personal token and, when the host requires
 * any, the key's permissions (see `identity-calls.ts`), all within the same signal and timeout.
 *
 * Runs the local checks first and makes no request when they fail. Sends the key only to an allowed host
 * (see `resolveHarnessBaseUrl`), never follows a redirect with it, and never puts it in a URL, an error or
 * a result. Resolves to what Harness says about the token, or rejects with a `HarnessConnectError`.
 */
export async function verifyHarnessToken(
  credentials: HarnessCredentialsInput,
  options: VerifyHarnessTokenOptions = {},
): Promise<HarnessTokenVerification> {
  const signal = ownOption(options, 'signal');
  const timeoutMs = readTimeoutMs(ownOption(options, 'timeoutMs'), 'timeoutMs', VERIFY_TIMEOUT_MS);
  const settings = readVerifySettings(options);
  const check = checkHarnessCredentials(credentials);
  if (!check.ok) {
    // The first local issue, on the field it concerns, before any request. A failed check has at least one.
    const { field, problem, message } = check.issues[0]!;
    throw new HarnessConnectError(localErrorCode(field, problem), { field, message, detail: `local check: ${problem}` });
  }
  const baseUrl = resolveHarnessBaseUrl(ownOption(options, 'baseUrl'), options);
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
  const context: HarnessCallContext = { baseUrl, apiKey, accountId, fetch: ownOption(options, 'fetch') ?? fetch, signal: controller.signal };
  try {
    const { response, text } = await callHarness(
      { method: 'POST', path: '/ng/api/token/validate', body: apiKey, contentType: 'text/plain' },
      context,
    );
    const validated = interpretValidateResponse(response, (name) => response.headers.get(name) ?? '', text, check, baseUrl);
    const [accountName, currentUser, acl] = await Promise.all([
      fetchAccountName(context),
      // A service account has no user: Harness's CLI reads token/validate's username and email instead.
      validated.verification.tokenKind === 'pat' ? fetchCurrentUser(context) : null,
      settings.requiredPermissions.length > 0
        ? checkPermissions(context, settings.requiredPermissions, {
            identifier: validated.principalFacts.parentIdentifier,
            apiKeyType: validated.principalFacts.apiKeyType,
          })
        : null,
    ]);
    // The calls after validate swallow their own failures; a caller who cancelled meanwhile gets no success.
    if (stopped === 'aborted') throw new HarnessConnectError('aborted');
    const principal = principalOf({
      ...validated.principalFacts,
      // The ACL answer names the principal too, under either name; token/validate's is the first choice.
      parentIdentifier: validated.principalFacts.parentIdentifier ?? (acl?.ok ? acl.verdict.principalIdentifier : null),
      currentUser,
    });
    const verification: HarnessTokenVerification = {
      ...validated.verification,
      accountName,
      principal,
      permissions: permissionsOf(acl, settings, stopped === 'timeout' ? `no answer from ${baseUrl} within ${timeoutMs} ms` : null),
      expiresSoon: expiresWithin(validated.verification.expiresAt, settings.expiryWarningDays),
    };
    if (verification.permissions.checked && verification.permissions.missing.length > 0) {
      const { missing, granted } = verification.permissions;
      throw new HarnessConnectError('missing_permissions', {
        correlationId: validated.verification.correlationId,
        detail: `harness-connect: Harness says the key lacks ${missing.map((r) => r.permission).join(', ')}.`,
        missing,
        granted,
        accountName,
        principal,
      });
    }
    return verificationWithoutSecret(verification, apiKey);
  } catch (error) {
    // Every failure leaves with the key removed from all its strings, after parsing (see withoutSecret).
    throw withoutSecret(requestFailure(error, stopped, baseUrl, timeoutMs), apiKey);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * What the verification reports about the requirements, from the ACL call's outcome (`null`: none asked).
 * Throws `permissions_unknown` when the call failed and the host requires an answer. `timedOut` replaces the
 * failure's detail when the shared timeout is what ended the call.
 */
function permissionsOf(acl: AclOutcome | null, settings: VerifySettings, timedOut: string | null): HarnessPermissionsResult {
  if (acl === null) return { checked: false, reason: 'none_required' };
  if (acl.ok) return { checked: true, granted: acl.verdict.granted, missing: acl.verdict.missing };
  if (settings.permissionCheck === 'advisory') return { checked: false, reason: 'unavailable' };
  throw new HarnessConnectError('permissions_unknown', {
    status: acl.status,
    correlationId: acl.correlationId,
    detail: timedOut === null ? acl.detail : `harness-connect: the ACL call had ${timedOut}.`,
  });
}

export type { HarnessTokenVerification };
