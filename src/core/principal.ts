/**
 * Who a key acts as, read from token/validate and currentUser: a person (personal access token) or a
 * service account, as Harness names them.
 */
import type { HarnessPrincipal } from './permissions.js';
import type { HarnessTokenKind } from './token.js';

/** What token/validate and currentUser said about the principal; all optional, because answers vary. */
export interface PrincipalFacts {
  apiKeyType: 'USER' | 'SERVICE_ACCOUNT' | null;
  tokenKind: HarnessTokenKind;
  parentIdentifier: string | null;
  username: string | null;
  email: string | null;
  /** `currentUser`'s id, name and email (personal tokens only; `null` when not asked or not answered). */
  currentUser: { uuid: string | null; name: string | null; email: string | null } | null;
}

/**
 * `currentUser` when it is about the principal: its `uuid` is the principal's identifier, or one of them is
 * not named (nothing to compare). An answer about another user (a proxy's cache, a mixed-up response) must
 * not put a stranger's name on the connection.
 */
function samePerson(facts: PrincipalFacts): PrincipalFacts['currentUser'] {
  const { currentUser, parentIdentifier } = facts;
  if (currentUser === null || currentUser.uuid === null || parentIdentifier === null) return currentUser;
  return currentUser.uuid === parentIdentifier ? currentUser : null;
}

/**
 * The principal from what Harness said. The key type wins over the prefix: Harness compares the prefix with
 * the key type, so they agree on any key it accepted, but the answer is the authority.
 */
export function principalOf(facts: PrincipalFacts): HarnessPrincipal {
  const fromType = facts.apiKeyType === 'SERVICE_ACCOUNT' ? 'service_account' : 'user';
  const fromPrefix = facts.tokenKind === 'sat' ? 'service_account' : 'user';
  const currentUser = samePerson(facts);
  return {
    kind: facts.apiKeyType === null ? fromPrefix : fromType,
    identifier: facts.parentIdentifier,
    name: currentUser?.name ?? facts.username,
    email: facts.email ?? currentUser?.email ?? null,
  };
}

const isNullableString = (value: unknown): boolean => value === null || typeof value === 'string';

/** True when `value` has the shape of a principal (a serialised error's `principal` is checked before it is believed). */
export function isHarnessPrincipal(value: unknown): value is HarnessPrincipal {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, identifier, name, email } = value as Record<string, unknown>;
  return (
    (kind === 'user' || kind === 'service_account') &&
    isNullableString(identifier) &&
    isNullableString(name) &&
    isNullableString(email)
  );
}

/**
 * Whether a key acts as the principal a stored connection expects: the same identifier, and the same kind
 * when the expectation names one. A principal Harness did not identify never matches. The route's
 * `resolveExpected` and the widget's reconnect both decide with this.
 */
export function isSamePrincipal(expected: { kind?: HarnessPrincipal['kind']; identifier: string }, actual: HarnessPrincipal): boolean {
  const sameKind = expected.kind === undefined || expected.kind === actual.kind;
  return sameKind && actual.identifier === expected.identifier;
}
