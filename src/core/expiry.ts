/**
 * Whether a verified key expires soon: a host wants to hear it while the person is still there to make a
 * longer-lived one, not when a nightly sync fails.
 */

/** How many days before its expiry a key counts as expiring soon, unless the host says otherwise. */
export const DEFAULT_EXPIRY_WARNING_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * True when `expiresAt` (ISO 8601) is less than `warningDays` days after `now`; false for a key that never
 * expires (`null`). The same rule as the widget's confirmation, so the two never disagree.
 */
export function expiresWithin(expiresAt: string | null, warningDays: number, now = Date.now()): boolean {
  if (expiresAt === null) return false;
  return Date.parse(expiresAt) - now < warningDays * DAY_MS;
}
