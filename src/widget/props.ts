/**
 * What the host passes in, read defensively: a wrongly typed prop (from a plain-JS host, the custom element,
 * or data typed as `any`) must not take the host's React tree down. Bad values are left out, and development
 * builds say so once.
 */
import { isPermissionRequirement, type HarnessPermissionRequirement } from '../core/permissions.js';
import { parseAccountIdentifier } from '../core/account.js';
import { ownOption } from '../core/own-option.js';
import type { HarnessConnectExisting } from './types.js';

const warned = new Set<string>();

/**
 * A development-only warning, said once per page for each `key` (not on every render). Callers guard the
 * call with `process.env.NODE_ENV !== 'production'` too, so that a production build drops the message itself.
 */
export function warnOnce(key: string, message: string): void {
  if (process.env.NODE_ENV === 'production' || warned.has(key)) return;
  warned.add(key);
  console.warn(`harness-connect: ${message}`);
}

/**
 * The host's props (or the hook's options) as an object that has only what the host set: its own properties,
 * on no prototype. A plain `props.baseUrl` also finds a `baseUrl` on `Object.prototype`, and a separate bug in
 * the host that pollutes it from JSON (`{"__proto__": {"baseUrl": …}}`) would then choose where the default
 * `connect` sends every key, or which `onSuccess` hears of it. Reading through this copy, no option the host
 * left out can be supplied that way, whatever later code reads it.
 */
export function ownProps<T extends object>(props: T | null | undefined): T {
  const own = Object.create(null) as T;
  if (typeof props !== 'object' || props === null) return own;
  // `Object.keys` lists the object's own enumerable properties only: nothing inherited is copied.
  for (const name of Object.keys(props) as (keyof T)[]) own[name] = props[name];
  return own;
}

/** The host's `requiredPermissions`, its well-formed entries only. */
export function requirementsOf(value: unknown): HarnessPermissionRequirement[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [];
  const valid = list.filter(isPermissionRequirement);
  if (process.env.NODE_ENV !== 'production' && (valid.length !== list.length || !Array.isArray(value))) {
    warnOnce('requiredPermissions', 'requiredPermissions must be an array of { permission, resourceType, scope?, resourceIdentifier?, label? } with string fields; the others were left out.');
  }
  return valid;
}

/** The host's `egressIps`, its strings only. */
export function stringsOf(value: unknown, prop: string): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [];
  const valid = list.filter((item): item is string => typeof item === 'string' && item !== '');
  if (process.env.NODE_ENV !== 'production' && (valid.length !== list.length || !Array.isArray(value))) {
    warnOnce(prop, `${prop} must be an array of strings; the others were left out.`);
  }
  return valid;
}

/**
 * The stored connection a reconnect renews, when it is one: an account identifier, and a principal with an
 * identifier when one is given (`principal: null` means "no principal to compare"). `null` for anything else.
 */
export function existingConnectionOf(value: unknown): HarnessConnectExisting | null {
  if (typeof value !== 'object' || value === null) return null;
  const stored = value as Record<string, unknown>;
  const accountId = ownOption(stored, 'accountId');
  const accountName = ownOption(stored, 'accountName');
  const principal = ownOption(stored, 'principal');
  const account = parseAccountIdentifier(accountId);
  if (typeof accountId !== 'string' || !account.ok || account.accountId !== accountId) return null;
  const existing: HarnessConnectExisting = { accountId };
  if (typeof accountName === 'string' && accountName !== '') existing.accountName = accountName;
  if (typeof principal === 'object' && principal !== null) {
    const who = principal as Record<string, unknown>;
    const kind = ownOption(who, 'kind');
    const identifier = ownOption(who, 'identifier');
    const name = ownOption(who, 'name');
    if (typeof identifier === 'string' && identifier !== '') {
      existing.principal = {
        identifier,
        ...(kind === 'user' || kind === 'service_account' ? { kind } : {}),
        ...(typeof name === 'string' ? { name } : {}),
      };
    }
  }
  return existing;
}
