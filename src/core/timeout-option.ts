/**
 * A timeout option as a timer can keep it. Internal: no public entry exports it.
 */
import { HarnessConnectError } from './errors.js';

/**
 * The longest delay `setTimeout` keeps: 2^31-1 ms (about 24.8 days). A longer one (or `Infinity`) overflows
 * and fires at once (https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers, Node's
 * TimeoutOverflowWarning), which would turn a generous timeout into an immediate `timeout`.
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** How a refused value is named in the message: a number as it prints, anything else by its type. */
function described(value: unknown): string {
  return typeof value === 'number' ? String(value) : `a ${typeof value}`;
}

/**
 * `value` as a timer delay: `fallback` when left out, a longer one than a timer keeps as `MAX_TIMER_DELAY_MS`.
 * Anything but a finite number above 0 (`NaN`, `Infinity`, 0, a negative number, a string) throws a
 * `configuration` error naming the option, as the route does for its body limits: a typo must not give up
 * before the request is sent, nor wait for ever.
 */
export function readTimeoutMs(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return Math.min(value, MAX_TIMER_DELAY_MS);
  const text = `harness-connect: ${name} must be a number of milliseconds greater than 0, e.g. ${fallback} (the default, when left out); got ${described(value)}.`;
  throw new HarnessConnectError('configuration', { message: text, detail: text });
}
