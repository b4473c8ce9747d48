/**
 * A key's expiry, read once for everyone: the verifier's `expiresSoon`, the server's health checks and the
 * widget's confirmation all use these two functions, so they can never disagree about whether a key
 * "expires soon".
 */

/** How many days before its expiry a key counts as expiring soon, unless the host says otherwise. */
export const DEFAULT_EXPIRY_WARNING_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whole days from `now` until `expiresAt` (ISO 8601): 0 on its last day (and after it), `null` for a key that
 * never expires (`null`) or a date that cannot be read.
 */
export function daysUntil(expiresAt: string | null, now = Date.now()): number | null {
  if (expiresAt === null) return null;
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.floor((at - now) / DAY_MS));
}

/**
 * True when fewer than `warningDays` whole days are left before `expiresAt`; false for a key that never
 * expires (`null`) or an unreadable date. A host wants to hear it while the person is still there to make a
 * longer-lived key, not when a nightly sync fails.
 */
export function expiresWithin(expiresAt: string | null, warningDays: number, now = Date.now()): boolean {
  const days = daysUntil(expiresAt, now);
  return days !== null && days < warningDays;
}
