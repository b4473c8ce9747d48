/**
 * Renewing a stored connection (#14): the route may be told which account and which user or service
 * account a request renews, and then refuses a key for anything else. A reconnect that lands on another
 * account, or on another person's key, would silently swap whose data the app reads.
 */
import { parseAccountIdentifier } from '../core/account.js';
import { reconnectAccountMismatchMessage, type HarnessCredentialsInput } from '../core/credentials.js';
import { HarnessConnectError } from '../core/errors.js';
import type { HarnessTokenVerification } from '../core/harness-response.js';
import type { HarnessPrincipal } from '../core/permissions.js';
import { isSamePrincipal } from '../core/principal.js';
import { parseHarnessToken } from '../core/token.js';
import { isPlainObject } from '../core/is-plain-object.js';
import { ownOption } from '../core/own-option.js';

/** The connection a request renews, as the host's `resolveExpected` names it. */
export interface HarnessExpectedConnection {
  /** The account the stored connection is for: a key for any other is refused before Harness is asked. */
  accountId: string;
  /**
   * Who the stored key acts as (`connection.principal` when it was linked): a key acting as anyone else is
   * refused with `principal_mismatch` after verification. `kind` is compared when given. `null`, or an
   * `identifier` of `null` (a connection stored without one: Harness did not name it), means there is no
   * principal to compare: only the account is.
   */
  principal?: { kind?: HarnessPrincipal['kind'] | null; identifier: string | null } | null;
}

/** The expected connection once checked: a principal, when there is one to compare, has an identifier. */
export interface ExpectedConnection {
  accountId: string;
  principal?: { kind?: HarnessPrincipal['kind']; identifier: string };
}

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * What `resolveExpected` returned, checked: the expected connection, `null` for "not a renewal", or a
 * thrown `configuration` error for anything else (the route must not guess what the host meant).
 */
export function readExpected(value: unknown): ExpectedConnection | null {
  if (value === null || value === undefined) return null;
  const wrong = new HarnessConnectError('configuration', {
    detail:
      "harness-connect: resolveExpected must return { accountId, principal?: { kind?, identifier } } (strings; kind 'user' or 'service_account'; principal or identifier null when none was stored), null or nothing.",
  });
  if (!isPlainObject(value)) throw wrong;
  // Own fields only (see own-option.ts): a polluted prototype adds no principal to compare.
  const accountId = ownOption(value, 'accountId');
  const principal = ownOption(value, 'principal');
  if (!isNonEmptyString(accountId)) throw wrong;
  // A stored row without a principal (README's `principal: stored.principal`): the account alone is compared.
  if (principal === undefined || principal === null) return { accountId };
  if (!isPlainObject(principal)) throw wrong;
  const kind = ownOption(principal, 'kind');
  const identifier = ownOption(principal, 'identifier');
  if (identifier === null) return { accountId };
  if (!isNonEmptyString(identifier)) throw wrong;
  if (kind === undefined || kind === null) return { accountId, principal: { identifier } };
  if (kind !== 'user' && kind !== 'service_account') throw wrong;
  return { accountId, principal: { kind, identifier } };
}

/**
 * The credentials to verify for a renewal: a key that carries no account (the legacy 3-part form) sent
 * without one is verified against the expected account, the only one it may be for.
 */
export function credentialsFor(credentials: HarnessCredentialsInput, expected: ExpectedConnection): HarnessCredentialsInput {
  const typed = credentials.accountId?.trim() ?? '';
  return typed === '' ? { ...credentials, accountId: expected.accountId } : credentials;
}

/**
 * The account the credentials name that is not the one renewed: the one inside a 4-part key first (it is
 * what Harness will check), else the one sent. `null` when neither names another one.
 */
function otherAccountIn(credentials: HarnessCredentialsInput, expected: ExpectedConnection): string | null {
  const token = parseHarnessToken(credentials.apiKey);
  if (token.ok && token.accountId !== null && token.accountId !== expected.accountId) return token.accountId;
  const sent = parseAccountIdentifier(credentials.accountId ?? '');
  if (sent.ok && sent.accountId !== expected.accountId) return sent.accountId;
  return null;
}

/**
 * `account_mismatch` when the key (or the account sent with it) is for another account than the one
 * renewed, decided locally before any request. `null` otherwise: a key that fails the local checks for
 * another reason is then reported by the verifier as it always is.
 */
export function accountMismatch(credentials: HarnessCredentialsInput, expected: ExpectedConnection): HarnessConnectError | null {
  const given = otherAccountIn(credentials, expected);
  if (given === null) return null;
  return new HarnessConnectError('account_mismatch', {
    // The account is fixed in a renewal: the key is what the person changes.
    field: 'apiKey',
    message: reconnectAccountMismatchMessage(given, expected.accountId),
    detail: `harness-connect: resolveExpected named account ${expected.accountId}; the credentials are for ${given}. Harness was not asked.`,
  });
}

/**
 * `principal_mismatch` when the verified key acts as another user or service account than the one
 * renewed (kind compared when given, identifier always; a principal Harness did not name never matches).
 * The error names the account and who the key acts as, so the person can see whose key they used.
 */
export function principalMismatch(verification: HarnessTokenVerification, expected: ExpectedConnection): HarnessConnectError | null {
  const wanted = expected.principal;
  if (wanted === undefined) return null;
  const { principal, accountName } = verification;
  if (isSamePrincipal(wanted, principal)) return null;
  return new HarnessConnectError('principal_mismatch', {
    correlationId: verification.correlationId,
    detail: `harness-connect: resolveExpected named ${wanted.kind ?? 'a principal'} ${wanted.identifier}; the key acts as ${principal.kind} ${principal.identifier ?? '(not named by Harness)'}.`,
    accountName,
    principal,
  });
}
