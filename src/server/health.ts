/**
 * The health of a stored connection (#14): is the key a host saved still good, for a nightly job or an
 * on-demand "Check" button. A key that stopped working is an answer here, not an exception.
 */
import { HarnessConnectError, toHarnessConnectError, type HarnessConnectErrorCode, type HarnessConnectErrorJSON } from '../core/errors.js';
import type { HarnessTokenVerification } from '../core/harness-response.js';
import type { HarnessPermissionRequirement } from '../core/permissions.js';
import { isPlainObject } from '../core/is-plain-object.js';
import { ownOption } from '../core/own-option.js';
import { verifyHarnessCredentials } from './verify-credentials.js';

/**
 * What a check found:
 * - `ok`: the key works (and holds every `requiredPermissions`);
 * - `expiring`: it works, and expires within `expiryWarningDays` (default 30);
 * - `expired`, `revoked`: Harness says so; the person must make a new key (reconnect);
 * - `invalid`: Harness refuses the key or its account for good (deleted token, wrong secret, inactive or
 *   deleted account, disabled user, IP allow-list, another account, a stored value that is not a key);
 * - `permissions_missing`: the key works but lacks a required permission (`missing` lists them);
 * - `unreachable`: nothing could be told this time (Harness down, slow or rate limiting, an answer that is
 *   not Harness's, such as a proxy's or WAF's 401 or 403 page or a bare 400, the ACL call failing): check
 *   again later, and do not mark the connection broken.
 */
export type HarnessConnectionStatus = 'ok' | 'expiring' | 'expired' | 'revoked' | 'invalid' | 'permissions_missing' | 'unreachable';

/** The result of one check. Never holds the key. */
export interface HarnessConnectionHealth {
  status: HarnessConnectionStatus;
  /** ISO 8601 expiry when the key verified; `null` when it never expires or the check could not tell. */
  expiresAt: string | null;
  /**
   * The required permissions Harness said the key lacks: `[]` when it verified (or none were required),
   * the list for `permissions_missing`, `null` when the check could not tell.
   */
  missing: HarnessPermissionRequirement[] | null;
  /** When the check ended (ISO 8601). */
  checkedAt: string;
  /** The failure, serialised, for every status but `ok` and `expiring`. */
  error?: HarnessConnectErrorJSON;
  /** What Harness said about the key, for `ok` and `expiring`. */
  verification?: HarnessTokenVerification;
}

export interface CheckHarnessConnectionOptions {
  /** The account the connection was stored for. */
  accountId: string;
  /** @default 'https://app.harness.io' */
  baseUrl?: string;
  allowedHosts?: readonly string[];
  /** Checked with one ACL call, as when the connection was made. */
  requiredPermissions?: readonly HarnessPermissionRequirement[];
  /** @default 30 */
  expiryWarningDays?: number;
  fetch?: typeof fetch;
  /** Stops the check: it then rejects with code `aborted` (nothing was found, so there is no status). */
  signal?: AbortSignal;
  /** Per check, capped at 30 s like every server verification. @default 15000 */
  timeoutMs?: number;
}

/**
 * The status of every error code. `null`: the check throws instead, because it is not about the key: the
 * caller cancelled (`aborted`) or the host's set-up is wrong (`configuration`: a base URL that is not an
 * allowed host, a malformed requirement), which a status would hide in a report nobody reads.
 */
export const HARNESS_CONNECTION_STATUS_OF: Readonly<Record<HarnessConnectErrorCode, HarnessConnectionStatus | null>> = {
  malformed_token: 'invalid',
  malformed_account: 'invalid',
  account_mismatch: 'invalid',
  invalid_token: 'invalid',
  expired_token: 'expired',
  forbidden: 'invalid',
  invalid_request: 'invalid',
  wrong_host: 'unreachable',
  rate_limited: 'unreachable',
  unavailable: 'unreachable',
  timeout: 'unreachable',
  aborted: null,
  configuration: null,
  unknown: 'unreachable',
  missing_permissions: 'permissions_missing',
  permissions_unknown: 'unreachable',
  revoked_token: 'revoked',
  account_inactive: 'invalid',
  principal_disabled: 'invalid',
  ip_not_allowed: 'invalid',
  principal_mismatch: 'invalid',
};

/**
 * An error with this status came from reading a 200 success envelope strictly (`valid: false`, another
 * account, a past `validTo`): Harness's own answer, even without an error code.
 */
const HTTP_OK = 200;

/**
 * True for an error made from an HTTP answer that is not Harness's: a failure status without Harness's own
 * code. Harness's error envelopes always name one (`ErrorCode.java`; its `FailureDTO` too); a page or an
 * empty answer with a 400, 401 or 403 comes from whatever stands in between (a proxy's sign-in, a WAF's
 * block, a load balancer), and says nothing about the key.
 */
function isFromOutsideHarness(error: HarnessConnectError): boolean {
  return error.status !== null && error.status !== HTTP_OK && error.harnessCode === null;
}

/**
 * The status for a failed check: `unreachable` for a verdict on the key that did not come from Harness
 * (see `isFromOutsideHarness`), a network-side problem to check again later, never a reason to tell the
 * person their key is broken; else the code's own.
 */
function statusOf(error: HarnessConnectError): HarnessConnectionStatus | null {
  const status = HARNESS_CONNECTION_STATUS_OF[error.code];
  return status === 'invalid' && isFromOutsideHarness(error) ? 'unreachable' : status;
}

/**
 * Checks a stored key the way it was verified when linked (`verifyHarnessCredentials`: a bounded timeout,
 * one retry for a 5xx or a network failure, the same permission check in `'required'` mode). Resolves with
 * a status for every credential problem and every failure to reach Harness; rejects only with `aborted`
 * (the signal) or `configuration` (the host's set-up).
 *
 * One check makes two to four requests to Harness (token/validate, the account, the current user for a
 * personal token, the ACL when permissions are required). For many connections use
 * `checkHarnessConnections`, which bounds how many run at once.
 */
export async function checkHarnessConnection(apiKey: string, options: CheckHarnessConnectionOptions): Promise<HarnessConnectionHealth> {
  // `as unknown`: a JavaScript caller may pass anything; the declared type stays for what follows.
  if (!isPlainObject(options as unknown)) {
    throw new HarnessConnectError('configuration', {
      detail: 'harness-connect: checkHarnessConnection(apiKey, options) needs options with at least the accountId the connection was stored for.',
    });
  }
  // The rest copies own fields only; `accountId` too is read only when the caller set it (see own-option.ts).
  const { accountId: _accountId, ...verifyOptions } = options;
  const accountId = ownOption(options, 'accountId') as string;
  let verification: HarnessTokenVerification;
  try {
    verification = await verifyHarnessCredentials({ apiKey, accountId }, { ...verifyOptions, permissionCheck: 'required' });
  } catch (caught) {
    // The verifier's errors are already scrubbed of the key; anything else thrown is scrubbed here.
    const error = caught instanceof HarnessConnectError ? caught : toHarnessConnectError(caught, apiKey);
    const status = statusOf(error);
    if (status === null) throw error;
    return {
      status,
      expiresAt: null,
      missing: status === 'permissions_missing' ? (error.missing ?? []) : null,
      checkedAt: new Date().toISOString(),
      error: error.toJSON(),
    };
  }
  return {
    status: verification.expiresSoon ? 'expiring' : 'ok',
    expiresAt: verification.expiresAt,
    missing: [],
    checkedAt: new Date().toISOString(),
    verification,
  };
}
