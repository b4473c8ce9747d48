/**
 * What a host needs a key to be able to do, and what Harness said about it (`POST /authz/api/acl`).
 */

/** One permission a host needs, as Harness's access control names it. */
export interface HarnessPermissionRequirement {
  /** Harness's permission id, e.g. `core_pipeline_view`. */
  permission: string;
  /** The kind of resource, e.g. `PIPELINE`. */
  resourceType: string;
  /** Where it must hold: the account (no scope), an organisation, or a project in one. */
  scope?: { orgIdentifier?: string; projectIdentifier?: string };
  /** One resource, when the host needs only that one. */
  resourceIdentifier?: string;
  /** What a person reads, e.g. "View pipelines". */
  label?: string;
}

/** `required`: a failed permission check fails the connection; `advisory`: the key is accepted unchecked. */
export type HarnessPermissionCheckMode = 'required' | 'advisory';

/** What the permission check found. */
export type HarnessPermissionsResult =
  | { checked: true; granted: HarnessPermissionRequirement[]; missing: HarnessPermissionRequirement[] }
  | { checked: false; reason: 'none_required' | 'unavailable' };

/** Who a key acts as. */
export interface HarnessPrincipal {
  kind: 'user' | 'service_account';
  /** The user's id or the service account's identifier (token/validate's `parentIdentifier`). */
  identifier: string | null;
  name: string | null;
  email: string | null;
}
