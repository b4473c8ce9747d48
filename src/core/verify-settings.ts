/**
 * The verifier's options about identity, permissions and expiry, checked before any request: a host's
 * typo (a permission without a resource type, a mode spelled `optional`) is a `configuration` error at
 * once, not a key refused or accepted for the wrong reason.
 */
import { HarnessConnectError } from './errors.js';
import { ownOption } from './own-option.js';
import { DEFAULT_EXPIRY_WARNING_DAYS } from './expiry.js';
import {
  copyRequirement,
  isPermissionRequirement,
  type HarnessPermissionCheckMode,
  type HarnessPermissionRequirement,
} from './permissions.js';

/** What the verifier asks about and how it reports it, with the defaults filled in. */
export interface VerifySettings {
  requiredPermissions: HarnessPermissionRequirement[];
  permissionCheck: HarnessPermissionCheckMode;
  expiryWarningDays: number;
}

export interface VerifySettingsInput {
  requiredPermissions?: readonly HarnessPermissionRequirement[];
  permissionCheck?: HarnessPermissionCheckMode;
  expiryWarningDays?: number;
}

function refuse(detail: string): HarnessConnectError {
  return new HarnessConnectError('configuration', { detail: `harness-connect: ${detail}` });
}

/** The settings with their defaults, or a thrown `configuration` error naming the option that is wrong. */
export function readVerifySettings(options: VerifySettingsInput): VerifySettings {
  const requiredPermissions = ownOption(options, 'requiredPermissions') ?? [];
  const permissionCheck = ownOption(options, 'permissionCheck') ?? 'required';
  const expiryWarningDays = ownOption(options, 'expiryWarningDays') ?? DEFAULT_EXPIRY_WARNING_DAYS;
  if (!Array.isArray(requiredPermissions)) throw refuse('requiredPermissions must be a list.');
  const wrong = requiredPermissions.findIndex((requirement) => !isPermissionRequirement(requirement));
  if (wrong !== -1) {
    throw refuse(
      `requiredPermissions[${wrong}] needs a non-empty permission and resourceType (strings); scope, resourceIdentifier and label are strings when given.`,
    );
  }
  if (permissionCheck !== 'required' && permissionCheck !== 'advisory') {
    throw refuse(`permissionCheck must be 'required' or 'advisory'.`);
  }
  if (typeof expiryWarningDays !== 'number' || !Number.isFinite(expiryWarningDays) || expiryWarningDays < 0) {
    throw refuse('expiryWarningDays must be a number of days, 0 or more.');
  }
  return { requiredPermissions: requiredPermissions.map(copyRequirement), permissionCheck, expiryWarningDays };
}
