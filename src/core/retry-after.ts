/**
 * Reading `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP date, as a bounded wait.
 */

/**
 * The longest wait a `Retry-After` may ask for. Harness's own 429s carry none (shared harness-api.md); a
 * longer wait is no advice a person in a dialog can follow, and an unbounded one (`1e308`) would print as
 * `Infinity` wherever it is passed on.
 */
export const MAX_RETRY_AFTER_MS = 10 * 60 * 1000;

const MS_PER_SECOND = 1000;

/** `Retry-After` as delay-seconds (RFC 9110: digits; a fraction is tolerated). `1e308` or `-1` are not. */
const DELAY_SECONDS = /^\d+(?:\.\d+)?$/;

/**
 * `Retry-After` as an HTTP date starts with a day name (`Wed, 21 Oct 2099 …`, `Wednesday, 21-Oct-99 …`,
 * `Wed Oct 21 …`). Checked before `Date.parse`, which reads almost anything as a date (`-1` is 2001).
 */
const HTTP_DATE = /^[A-Za-z]{3}/;

function clampRetryAfter(ms: number): number {
  return Math.min(Math.max(0, Math.round(ms)), MAX_RETRY_AFTER_MS);
}

/**
 * `Retry-After` in seconds or as an HTTP date, in milliseconds from `now`, within 0 … `MAX_RETRY_AFTER_MS`.
 * `null` when absent or unreadable (`soon`, `Infinity`, `-1`, `1e308`).
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (DELAY_SECONDS.test(trimmed)) return clampRetryAfter(Number(trimmed) * MS_PER_SECOND);
  if (!HTTP_DATE.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : clampRetryAfter(date - now);
}

/**
 * A wait in milliseconds passed on by someone else (a serialised error's `retryAfterMs`), bounded the way a
 * `Retry-After` is: a finite number clamped to 0 … `MAX_RETRY_AFTER_MS`, else `null`.
 */
export function retryAfterMsOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? clampRetryAfter(value) : null;
}
