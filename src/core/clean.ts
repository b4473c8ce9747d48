/**
 * Undoing what copying and pasting does to a value: surrounding quotes, header and variable prefixes,
 * spaces, line breaks and invisible characters picked up from chat apps, terminals and rich text.
 */

/** Zero-width and invisible formatting characters that chat apps and rich text slip into copied text. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;


/**
 * One straight, typographic or backtick quote (paired or not) at the start, or one at the end, where a
 * `,` or `;` from a copied JSON or code line may also sit. One character per side per pass keeps the
 * pattern linear on long pastes.
 */
const EDGE_QUOTE = /^["'`\u2018\u2019\u201C\u201D\u00AB\u00BB]|["'`\u2018\u2019\u201C\u201D\u00AB\u00BB,;]$/g;

/**
 * Prefixes people paste along with a key, matched at the start, case-insensitively: an HTTP header line,
 * an Authorization scheme, or a shell or dotenv assignment such as `export HARNESS_API_KEY=` (only when
 * something other than `=` follows: an older base64 Harness key may end in `=` or `==`).
 */
const KEY_PREFIX =
  /^(?:authorization\s*:\s*|bearer\s+|x-api-key\s*[:=]\s*|(?:export\s+)?[A-Z_][A-Z0-9_]*\s*[:=]\s*(?=[^\s=]))/i;

/** Removes invisible characters and trims. */
export function stripInvisible(input: string): string {
  return input.replace(INVISIBLE, '').trim();
}

/**
 * Removes every whitespace character (non-breaking spaces, line breaks of a wrapped paste). Callers have
 * already run `stripInvisible`.
 */
export function removeSpaces(input: string): string {
  return input.replace(/\s/g, '');
}

/** Repeats `step` until it changes nothing: pastes nest quotes and prefixes in any order. */
function untilStable(value: string, step: (value: string) => string): string {
  let current = value;
  let before: string;
  do {
    before = current;
    current = step(current);
  } while (current !== before);
  return current;
}

/** Peels quotes and trailing `,`/`;` off both ends, so `"pat.…",` and `'"pat.…"'` both come out bare. */
export function stripQuotes(input: string): string {
  return untilStable(input.trim(), (value) => value.replace(EDGE_QUOTE, '').trim());
}

/** Cleans a pasted API key: prefixes, quotes, spaces and invisible characters anywhere in it. */
export function cleanPastedKey(input: string): string {
  return removeSpaces(untilStable(stripInvisible(input), (value) => stripQuotes(value).replace(KEY_PREFIX, '')));
}
