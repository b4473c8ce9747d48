/**
 * What a host needs a key to be allowed to do, who the key acts as, and what Harness's access-control check
 * says about it (`POST /authz/api/acl`, shared harness-api.md "Permissions"). Pure: building the request body
 * and reading the answer; the call itself is made by `identity-calls.ts`.
 */
import { isPlainObject } from './is-plain-object.js';
import { ownOption } from './own-option.js';

/** One thing the host needs the key to be allowed to do, e.g. view pipelines. */
export interface HarnessPermissionRequirement {
  /** Harness's permission id, e.g. `core_pipeline_view`. */
  permission: string;
  /** The resource type it applies to, e.g. `PIPELINE`. */
  resourceType: string;
  /** Where it must hold; absent: across the account. */
  scope?: { orgIdentifier?: string; projectIdentifier?: string };
  /** One resource; absent: any resource of the type in the scope. */
  resourceIdentifier?: string;
  /** What a person reads, e.g. `View pipelines`. */
  label?: string;
}

/**
 * What to do when Harness cannot say whether the key holds the requirements (the ACL call failed):
 * `'required'` refuses the key with `permissions_unknown`; `'advisory'` accepts it and reports
 * `permissions: { checked: false, reason: 'unavailable' }`. A requirement Harness says is missing is
 * refused in both modes.
 */
export type HarnessPermissionCheckMode = 'required' | 'advisory';

/** What the verification learnt about the requirements. */
export type HarnessPermissionsResult =
  | { checked: true; granted: HarnessPermissionRequirement[]; missing: HarnessPermissionRequirement[] }
  | { checked: false; reason: 'none_required' | 'unavailable' };

/** Who a key acts as (see `principal.ts` for how it is read from Harness's answers). */
export interface HarnessPrincipal {
  /** From token/validate's `apiKeyType` (`USER` / `SERVICE_ACCOUNT`), else the token's prefix. */
  kind: 'user' | 'service_account';
  /** The user's id or the service account's identifier (token/validate's `parentIdentifier`). */
  identifier: string | null;
  /** The person's full name (`currentUser`) for a personal token when Harness gives it, else the username. */
  name: string | null;
  email: string | null;
}

const isOptionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

/**
 * True when `value` has the shape of a requirement: what a host passes, and what a serialised error
 * carries back (a server's answer is checked before its lists are believed).
 */
export function isPermissionRequirement(value: unknown): value is HarnessPermissionRequirement {
  if (!isPlainObject(value)) return false;
  // Own fields only (see own-option.ts): a polluted prototype adds no scope or resource to a requirement.
  const permission = ownOption(value, 'permission');
  const resourceType = ownOption(value, 'resourceType');
  const scope = ownOption(value, 'scope');
  const scopeFits =
    scope === undefined ||
    (isPlainObject(scope) &&
      isOptionalString(ownOption(scope, 'orgIdentifier')) &&
      isOptionalString(ownOption(scope, 'projectIdentifier')));
  return (
    typeof permission === 'string' &&
    permission !== '' &&
    typeof resourceType === 'string' &&
    resourceType !== '' &&
    scopeFits &&
    isOptionalString(ownOption(value, 'resourceIdentifier')) &&
    isOptionalString(ownOption(value, 'label'))
  );
}

/** True for a list of requirements (each checked by `isPermissionRequirement`). */
export function isPermissionRequirementList(value: unknown): value is HarnessPermissionRequirement[] {
  return Array.isArray(value) && value.every(isPermissionRequirement);
}

/**
 * A requirement with only its own fields: whatever else a host's object (or a serialised error) carries
 * never travels into a result, an error or a server's answer.
 */
export function copyRequirement(requirement: HarnessPermissionRequirement): HarnessPermissionRequirement {
  const copy: HarnessPermissionRequirement = { permission: requirement.permission, resourceType: requirement.resourceType };
  const scope = ownOption(requirement, 'scope');
  if (scope !== undefined) {
    const orgIdentifier = ownOption(scope, 'orgIdentifier');
    const projectIdentifier = ownOption(scope, 'projectIdentifier');
    copy.scope = {};
    if (orgIdentifier !== undefined) copy.scope.orgIdentifier = orgIdentifier;
    if (projectIdentifier !== undefined) copy.scope.projectIdentifier = projectIdentifier;
  }
  const resourceIdentifier = ownOption(requirement, 'resourceIdentifier');
  const label = ownOption(requirement, 'label');
  if (resourceIdentifier !== undefined) copy.resourceIdentifier = resourceIdentifier;
  if (label !== undefined) copy.label = label;
  return copy;
}

/** `''` and absent mean the same to Harness: no org, no project, no single resource. */
const orNull = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value);

/** The body of `POST /authz/api/acl`: one check per requirement, `principal` omitted (the caller's own). */
export function aclRequestBody(requirements: readonly HarnessPermissionRequirement[], accountId: string): string {
  return JSON.stringify({
    permissions: requirements.map((requirement) => ({
      resourceScope: {
        accountIdentifier: accountId,
        orgIdentifier: orNull(requirement.scope?.orgIdentifier),
        projectIdentifier: orNull(requirement.scope?.projectIdentifier),
      },
      resourceType: requirement.resourceType,
      resourceIdentifier: orNull(requirement.resourceIdentifier),
      permission: requirement.permission,
    })),
  });
}

/** A string from the answer, `null` for absent, null or `''`; `undefined` when it is something else. */
function answerText(value: unknown): string | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  return typeof value === 'string' ? value : undefined;
}

/** True when one entry of `accessControlList` answers for `requirement` in `accountId`. */
function answersFor(entry: Record<string, unknown>, requirement: HarnessPermissionRequirement, accountId: string): boolean {
  const scope = isPlainObject(entry.resourceScope) ? entry.resourceScope : {};
  const account = answerText(scope.accountIdentifier);
  return (
    entry.permission === requirement.permission &&
    entry.resourceType === requirement.resourceType &&
    // Harness echoes the account it checked; an answer for another account answers nothing asked.
    (account === null || account === accountId) &&
    answerText(scope.orgIdentifier) === orNull(requirement.scope?.orgIdentifier) &&
    answerText(scope.projectIdentifier) === orNull(requirement.scope?.projectIdentifier) &&
    answerText(entry.resourceIdentifier) === orNull(requirement.resourceIdentifier)
  );
}

/** What an ACL answer says: the requirements split by `permitted`, and the principal Harness checked. */
export interface AclVerdict {
  granted: HarnessPermissionRequirement[];
  missing: HarnessPermissionRequirement[];
  /** The principal's identifier as the ACL answer names it (`principalIdentifier`, or the Go SDK's `identifier`). */
  principalIdentifier: string | null;
  /** The principal's type as the ACL answer names it (`principalType`, or the Go SDK's `type`): `USER`, `SERVICE_ACCOUNT`. */
  principalType: string | null;
}

/**
 * What the entries answering one requirement say: `true` or `false` when every one of them says so, `null`
 * when none does, one says something else (a changed API), or they contradict each other. Harness answers
 * each check once; an answer saying both is not one to trust either way.
 */
function verdictOf(entries: readonly Record<string, unknown>[]): boolean | null {
  const [first, ...rest] = entries.map((entry) => entry.permitted);
  if (typeof first !== 'boolean') return null;
  return rest.every((permitted) => permitted === first) ? first : null;
}

/**
 * Reads the `data` of an ACL answer against the requirements asked. `null` when the answer cannot be
 * trusted to answer them all: not an object, no `accessControlList` array, or a requirement whose entries
 * do not all say `permitted: true` or all say `false` (none, another value, or both: never read as granted).
 */
export function readAclAnswer(
  data: unknown,
  requirements: readonly HarnessPermissionRequirement[],
  accountId: string,
): AclVerdict | null {
  if (!isPlainObject(data) || !Array.isArray(data.accessControlList)) return null;
  const entries = data.accessControlList.filter(isPlainObject);
  const granted: HarnessPermissionRequirement[] = [];
  const missing: HarnessPermissionRequirement[] = [];
  for (const requirement of requirements) {
    const verdict = verdictOf(entries.filter((candidate) => answersFor(candidate, requirement, accountId)));
    if (verdict === null) return null;
    if (verdict === true) granted.push(requirement);
    else missing.push(requirement);
  }
  const principal = isPlainObject(data.principal) ? data.principal : {};
  const principalIdentifier = answerText(principal.principalIdentifier) ?? answerText(principal.identifier) ?? null;
  const principalType = answerText(principal.principalType) ?? answerText(principal.type) ?? null;
  return { granted, missing, principalIdentifier, principalType };
}
