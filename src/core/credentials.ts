import { ownOption } from './own-option.js';
import { parseAccountIdentifier, type HarnessAccountProblem } from './account.js';
import type { HarnessCredentialField } from './errors.js';
import { parseHarnessToken, type HarnessTokenKind, type HarnessTokenProblem, type ParsedHarnessToken } from './token.js';

/**
 * The local checks that run before any request: each field on its own, then the two together. The
 * form's schema and the verifier both call `checkHarnessCredentials`, so they can never disagree.
 */

/** What a person typed in the form (or what a server received). */
export interface HarnessCredentialsInput {
  apiKey: string;
  /** Optional when the API key carries the account id (the current 4-part form). */
  accountId?: string | undefined;
}

/** Credentials after cleaning: the token as Harness expects it and the account id it belongs to. */
export interface HarnessCredentials {
  apiKey: string;
  accountId: string;
}

export type HarnessCredentialsProblem =
  | HarnessTokenProblem
  | HarnessAccountProblem
  | 'account_required'
  | 'account_mismatch';

export interface HarnessCredentialsIssue {
  field: HarnessCredentialField;
  problem: HarnessCredentialsProblem;
  message: string;
}

export interface CheckedHarnessCredentials {
  ok: true;
  credentials: HarnessCredentials;
  token: ParsedHarnessToken;
  tokenKind: HarnessTokenKind;
  /** True when the account id was read out of the token because none was typed. */
  accountIdFromToken: boolean;
}

export interface FailedHarnessCredentials {
  ok: false;
  /** At most one issue per field, API key first. */
  issues: HarnessCredentialsIssue[];
}

export type HarnessCredentialsCheck = CheckedHarnessCredentials | FailedHarnessCredentials;

export const ACCOUNT_REQUIRED_MESSAGE = 'This older key has no account in it: enter the Account Identifier too.';

/**
 * Names both ids (they are not secret) so the person can see which one to change. `{token}` is the account
 * the key belongs to, `{typed}` the one entered; the widget's catalogues use the same placeholders.
 */
export const ACCOUNT_MISMATCH_MESSAGE = 'This key belongs to account {token}, not {typed}. Correct the Account Identifier.';

export function accountMismatchMessage(tokenAccountId: string, typedAccountId: string): string {
  // Functions as replacements: a string replacement would read `$&` and the like in it as patterns.
  return ACCOUNT_MISMATCH_MESSAGE.replace('{token}', () => tokenAccountId).replace('{typed}', () => typedAccountId);
}

/**
 * A reconnect given a key of another account: the account is fixed, so the key is what to change. `{token}`
 * is the key's account, `{expected}` the one being reconnected (its name when known). The widget's
 * catalogues use the same placeholders.
 */
export const RECONNECT_ACCOUNT_MISMATCH_MESSAGE = 'This key belongs to account {token}, not {expected}, the account being reconnected.';

export function reconnectAccountMismatchMessage(tokenAccountId: string, expected: string): string {
  return RECONNECT_ACCOUNT_MISMATCH_MESSAGE.replace('{token}', () => tokenAccountId).replace('{expected}', () => expected);
}

function issue(field: HarnessCredentialField, problem: HarnessCredentialsProblem, message: string): HarnessCredentialsIssue {
  return { field, problem, message };
}

/**
 * Checks credentials without any network call. Never throws.
 *
 * A wrong account identifier makes Harness answer 401 "invalid token", indistinguishable from a bad key;
 * comparing the id inside the token with the one typed here tells the person which field is wrong.
 */
export function checkHarnessCredentials(input: Partial<HarnessCredentialsInput> | null | undefined): HarnessCredentialsCheck {
  const issues: HarnessCredentialsIssue[] = [];
  // Own fields only (see own-option.ts): a polluted prototype fills in no account.
  const token = parseHarnessToken(ownOption(input, 'apiKey') ?? '');
  if (!token.ok) issues.push(issue('apiKey', token.problem, token.message));
  const account = parseAccountIdentifier(ownOption(input, 'accountId') ?? '');
  // A blank account field is fine here: the token may carry the id (checked below).
  if (!account.ok && account.problem !== 'empty') issues.push(issue('accountId', account.problem, account.message));
  if (!token.ok || issues.length > 0) return { ok: false, issues };

  const typedId = account.ok ? account.accountId : null;
  // The typed id wins; a legacy token carries none, a current one its own.
  const accountId = typedId ?? token.accountId;
  if (accountId === null) {
    return { ok: false, issues: [issue('accountId', 'account_required', ACCOUNT_REQUIRED_MESSAGE)] };
  }
  if (token.accountId !== null && typedId !== null && token.accountId !== typedId) {
    return { ok: false, issues: [issue('accountId', 'account_mismatch', accountMismatchMessage(token.accountId, typedId))] };
  }
  return {
    ok: true,
    credentials: { apiKey: token.token, accountId },
    token,
    tokenKind: token.kind,
    accountIdFromToken: typedId === null,
  };
}
