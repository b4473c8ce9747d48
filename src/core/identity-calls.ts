/**
 * The calls made after token/validate accepted a key: the account's name, the person behind a personal
 * token, and the ACL check of what the host requires (shared harness-api.md, "Who and which account" and
 * "Permissions"). They run in parallel, on the verification's signal, and never throw: a valid key stays
 * valid whatever they meet. Only the ACL's outcome can end the verification, and `verify.ts` decides how.
 */
import { callHarness, successData, type HarnessAnswer, type HarnessCallContext } from './harness-request.js';
import { aclRequestBody, readAclAnswer, type AclVerdict, type HarnessPermissionRequirement } from './permissions.js';
import { correlationIdOrNull } from './answer-facts.js';
import { isPlainObject } from './is-plain-object.js';

/** A non-empty string, else `null`. */
function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The answer's `data` when the call succeeded with a Harness success envelope; `undefined` on anything else. */
async function optionalData(call: () => Promise<HarnessAnswer>): Promise<unknown> {
  try {
    return successData(await call());
  } catch {
    // A refused connection, an abort, a timeout, an oversized answer: no name, and no failure.
    return undefined;
  }
}

/**
 * `GET /ng/api/accounts/{A}` → `data.name`. `null` when Harness refuses (403 NG_ACCESS_DENIED without
 * `core_account_view`, which service accounts often lack), fails, or names another account.
 */
export async function fetchAccountName(context: HarnessCallContext): Promise<string | null> {
  const path = `/ng/api/accounts/${encodeURIComponent(context.accountId)}`;
  const data = await optionalData(() => callHarness({ method: 'GET', path }, context));
  if (!isPlainObject(data)) return null;
  const identifier = text(data.identifier);
  return identifier === null || identifier === context.accountId ? text(data.name) : null;
}

/** What currentUser says about the person: their id (to compare with token/validate's), name and email. */
export interface CurrentUser {
  uuid: string | null;
  name: string | null;
  email: string | null;
}

/**
 * `GET /ng/api/user/currentUser` → the person's id, full name and email (personal tokens only: a service
 * account has no user). `null` when Harness does not answer with a name or an email.
 */
export async function fetchCurrentUser(context: HarnessCallContext): Promise<CurrentUser | null> {
  const data = await optionalData(() => callHarness({ method: 'GET', path: '/ng/api/user/currentUser' }, context));
  if (!isPlainObject(data)) return null;
  const name = text(data.name);
  const email = text(data.email);
  return name === null && email === null ? null : { uuid: text(data.uuid), name, email };
}

/** The ACL check's outcome: Harness's verdict, or why there is none (for the developer's detail). */
export type AclOutcome =
  | { ok: true; verdict: AclVerdict }
  | { ok: false; detail: string; status: number | null; correlationId: string | null };

/** The correlation id of an answer, from its envelope or header, for the developer to quote; only one shaped like an id. */
function correlationIdOf({ response, text: body }: HarnessAnswer): string | null {
  try {
    const envelope: unknown = JSON.parse(body);
    if (isPlainObject(envelope) && correlationIdOrNull(envelope.correlationId) !== null) return correlationIdOrNull(envelope.correlationId);
  } catch {
    // Not JSON: the header, if any.
  }
  return correlationIdOrNull(response.headers.get('x-harness-correlation-id'));
}

/** Who token/validate said the key acts as: what the ACL answer's principal must not contradict. */
export interface ValidatedPrincipal {
  /** token/validate's `parentIdentifier`. */
  identifier: string | null;
  /** token/validate's `apiKeyType`. */
  apiKeyType: 'USER' | 'SERVICE_ACCOUNT' | null;
}

/**
 * Why the ACL answer is not about the key's principal, or `null` when it does not contradict token/validate
 * (a side that names nothing contradicts nothing). Harness checks the caller's own permissions; an answer
 * naming someone else (a proxy's cache, a mixed-up response) says nothing about this key.
 */
function otherPrincipal(verdict: AclVerdict, validated: ValidatedPrincipal): string | null {
  const { principalIdentifier, principalType } = verdict;
  if (principalIdentifier !== null && validated.identifier !== null && principalIdentifier !== validated.identifier) {
    return 'the ACL answer names another principal than token/validate';
  }
  if (principalType !== null && validated.apiKeyType !== null && principalType !== validated.apiKeyType) {
    return `the ACL answer names a principal of type ${principalType}, token/validate a ${validated.apiKeyType} key`;
  }
  return null;
}

/**
 * One `POST /authz/api/acl` for all requirements. A failure of any kind (5xx, 404, a redirect, the
 * network, the timeout, an unreadable or odd answer, an answer about another principal than `validated`)
 * is `ok: false`: never read as granted.
 */
export async function checkPermissions(
  context: HarnessCallContext,
  requirements: readonly HarnessPermissionRequirement[],
  validated: ValidatedPrincipal,
): Promise<AclOutcome> {
  let answer: HarnessAnswer;
  try {
    answer = await callHarness(
      {
        method: 'POST',
        path: '/authz/api/acl',
        body: aclRequestBody(requirements, context.accountId),
        contentType: 'application/json',
      },
      context,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, detail: `harness-connect: the ACL call failed: ${reason}`, status: null, correlationId: null };
  }
  const status = answer.response.status === 0 ? null : answer.response.status;
  const correlationId = correlationIdOf(answer);
  const data = successData(answer);
  if (data === undefined) {
    return { ok: false, detail: `harness-connect: the ACL call answered HTTP ${answer.response.status} without a success envelope.`, status, correlationId };
  }
  const verdict = readAclAnswer(data, requirements, context.accountId);
  if (verdict === null) {
    const detail = 'harness-connect: the ACL answer does not say plainly for every requirement whether it is permitted (no entry, another value than true or false, or entries that contradict each other).';
    return { ok: false, detail, status, correlationId };
  }
  const other = otherPrincipal(verdict, validated);
  if (other !== null) return { ok: false, detail: `harness-connect: ${other}: not an answer about this key.`, status, correlationId };
  return { ok: true, verdict };
}
