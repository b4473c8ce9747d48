/**
 * The route's limits on a request body, read once when the route is created: a limit a typo turned into
 * `NaN`, a negative number or a string would otherwise switch the limit off without a word.
 */
import { HarnessConnectError } from '../core/errors.js';
import { ownOption } from '../core/own-option.js';
import { readTimeoutMs } from '../core/timeout-option.js';

/** `{ apiKey, accountId }` is under 200 bytes; anything far larger is not a connect request. */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024;

/**
 * A 200-byte body arrives in one packet; one still trickling in after this long is a slow client or an
 * attack that holds the route (and a socket) open.
 */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

export interface BodyLimits {
  maxBodyBytes: number;
  bodyTimeoutMs: number;
}

/** How a refused value is named in the message: a number as it prints, anything else by its type. */
function described(value: unknown): string {
  return typeof value === 'number' ? String(value) : `a ${typeof value}`;
}

/**
 * One limit: its default when left out, else a finite number above 0. Anything else throws a `configuration`
 * error whose message (read by the developer who created the route, not by a person) says what to pass.
 */
function readLimit(value: unknown, name: string, unit: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  const text = `harness-connect: ${name} must be a number of ${unit} greater than 0, e.g. ${fallback} (the default, when left out); got ${described(value)}.`;
  throw new HarnessConnectError('configuration', { message: text, detail: text });
}

/** The route's body limits with their defaults, or a thrown `configuration` error naming the option that is wrong. */
export function readBodyLimits(options: { maxBodyBytes?: unknown; bodyTimeoutMs?: unknown }): BodyLimits {
  return {
    maxBodyBytes: readLimit(ownOption(options, 'maxBodyBytes'), 'maxBodyBytes', 'bytes', DEFAULT_MAX_BODY_BYTES),
    // A timer's delay: checked the same way, and one longer than a timer keeps taken as that longest delay.
    bodyTimeoutMs: readTimeoutMs(ownOption(options, 'bodyTimeoutMs'), 'bodyTimeoutMs', DEFAULT_BODY_TIMEOUT_MS),
  };
}
