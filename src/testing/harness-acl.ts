/**
 * `POST /authz/api/acl`: Harness's access-control check, answered for the caller's own principal from
 * the token's permission set (harness-api.md, "Permissions").
 */
import { errorResponse, successResponse } from './harness-envelopes.js';
import { STORED_ACCOUNTS, type StoredToken } from './harness-store.js';
import { isPlainObject } from '../core/is-plain-object.js';

/** One permission asked about, with its scope normalised (absent org and project are null). */
interface PermissionCheck {
  resourceScope: { accountIdentifier: string; orgIdentifier: string | null; projectIdentifier: string | null };
  resourceType: string;
  resourceIdentifier: string | null;
  permission: string;
}

/** A string, or null when absent; undefined when present but not a string (a malformed body). */
function optionalString(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : undefined;
}

function readCheck(item: unknown): PermissionCheck | null {
  if (!isPlainObject(item) || !isPlainObject(item.resourceScope)) return null;
  const { accountIdentifier } = item.resourceScope;
  const orgIdentifier = optionalString(item.resourceScope.orgIdentifier);
  const projectIdentifier = optionalString(item.resourceScope.projectIdentifier);
  const resourceIdentifier = optionalString(item.resourceIdentifier);
  if (
    typeof accountIdentifier !== 'string' ||
    typeof item.resourceType !== 'string' ||
    typeof item.permission !== 'string' ||
    orgIdentifier === undefined ||
    projectIdentifier === undefined ||
    resourceIdentifier === undefined
  ) {
    return null;
  }
  return {
    resourceScope: { accountIdentifier, orgIdentifier, projectIdentifier },
    resourceType: item.resourceType,
    resourceIdentifier,
    permission: item.permission,
  };
}

/** The checks a body asks for, or null when it is not `{ permissions: [...] }` of well-formed checks. */
function readChecks(body: string): PermissionCheck[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (!isPlainObject(parsed) || !Array.isArray(parsed.permissions)) return null;
  const checks: PermissionCheck[] = [];
  for (const item of parsed.permissions) {
    const check = readCheck(item);
    if (!check) return null;
    checks.push(check);
  }
  return checks;
}

/**
 * Answers one ACL request. A permission is granted when the token's set holds it and the scope is in
 * the token's own account (sets are account-wide); an id Harness does not know is simply not granted.
 * The body's `principal`, if any, is ignored: the mock only answers for the caller.
 */
export async function checkAccess(token: StoredToken, request: Request): Promise<Response> {
  if (STORED_ACCOUNTS.get(token.accountIdentifier)?.aclFails) {
    return errorResponse('UNEXPECTED', 'An unexpected error occurred');
  }
  const checks = readChecks(await request.text());
  if (!checks) {
    return errorResponse(
      'INVALID_REQUEST',
      'Expected a JSON body { permissions: [{ resourceScope: { accountIdentifier }, resourceType, permission }] }',
    );
  }
  return successResponse({
    principal: {
      principalIdentifier: token.parentIdentifier,
      // Harness's principal types and its key types share these two names.
      principalType: token.apiKeyType,
    },
    accessControlList: checks.map((check) => ({
      ...check,
      permitted:
        check.resourceScope.accountIdentifier === token.accountIdentifier && token.permissions.includes(check.permission),
    })),
  });
}
