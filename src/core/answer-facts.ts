/**
 * The short facts an error passes on from an answer: Harness's own code, its correlation id, the HTTP
 * status. "Copy details" puts them on a person's clipboard one per line, and the server route answers them
 * to the browser, so each is believed only in its own shape wherever it is read (a Harness or proxy answer,
 * a serialised error): anything else in its place is no such fact, and becomes `null`.
 */

/** Harness's own codes (`INVALID_TOKEN`, `NG_ACCESS_DENIED`, …): anything else in their place is not one. */
export const HARNESS_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** Harness's correlation ids are UUIDs; allow any short run of letters, digits and dashes. */
export const CORRELATION_ID = /^[A-Za-z0-9-]{1,64}$/;

/** The range of HTTP status codes (RFC 9110 §15: three digits, 1xx to 5xx). */
const MIN_HTTP_STATUS = 100;
const MAX_HTTP_STATUS = 599;

/** Every way text breaks a line: CR, LF, vertical tab, form feed, NEL and the Unicode line and paragraph separators. */
const LINE_BREAKS = /[\r\n\v\f\u0085\u2028\u2029]+/g;

/** `value` when it is a string `pattern` matches whole, else `null`. */
function shaped(value: unknown, pattern: RegExp): string | null {
  return typeof value === 'string' && pattern.test(value) ? value : null;
}

/** A Harness error code, or `null` for anything not shaped like one. */
export function harnessCodeOrNull(value: unknown): string | null {
  return shaped(value, HARNESS_CODE);
}

/** A correlation id, or `null` for anything not shaped like one. */
export function correlationIdOrNull(value: unknown): string | null {
  return shaped(value, CORRELATION_ID);
}

/** An HTTP status (a whole number from 100 to 599), or `null`. */
export function httpStatusOrNull(value: unknown): number | null {
  const isStatus = typeof value === 'number' && Number.isInteger(value) && value >= MIN_HTTP_STATUS && value <= MAX_HTTP_STATUS;
  return isStatus ? value : null;
}

/** `text` on one line: each run of line breaks becomes one space, so it cannot start a line of its own. */
export function singleLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ');
}
