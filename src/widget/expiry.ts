/**
 * What the confirmation says about a key's expiry: never, a date far enough away, or soon (within the
 * host's `expiryWarningDays`), with the whole days left. Pure: the clock is a parameter.
 */

/** How many days before its expiry a key counts as expiring soon, unless the host says otherwise. */
export const DEFAULT_EXPIRY_WARNING_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export type KeyExpiry =
  /** The result says nothing about expiry (a host's own `connect` result without `expiresAt`). */
  | { kind: 'unknown' }
  /** `expiresAt: null`: the key never expires. */
  | { kind: 'never' }
  /** A date: `daysLeft` whole days from now (0 on its last day), `soon` within the warning window. */
  | { kind: 'date'; date: Date; iso: string; daysLeft: number; soon: boolean };

/** Reads `expiresAt` from a verification result (an ISO 8601 string, or `null` for never). */
export function keyExpiry(expiresAt: unknown, now: Date, warningDays = DEFAULT_EXPIRY_WARNING_DAYS): KeyExpiry {
  if (expiresAt === null) return { kind: 'never' };
  if (typeof expiresAt !== 'string') return { kind: 'unknown' };
  const date = new Date(expiresAt);
  if (Number.isNaN(date.getTime())) return { kind: 'unknown' };
  const daysLeft = Math.max(0, Math.floor((date.getTime() - now.getTime()) / DAY_MS));
  return { kind: 'date', date, iso: expiresAt, daysLeft, soon: daysLeft < warningDays };
}
