/**
 * Undoing what copying and pasting does to a value: surrounding quotes, header and variable prefixes,
 * spaces, line breaks and invisible characters picked up from chat apps, terminals and rich text.
 */

/** Zero-width and invisible formatting characters that chat apps and rich text slip into copied text. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/** Any whitespace, including non-breaking spaces and line breaks inside a wrapped paste. */
const WHITESPACE = /\s+/g;

/** Straight, typographic and backtick quotes, paired or not. */
const QUOTES = new Set(['"', "'", '`', '\u2018', '\u2019', '\u201C', '\u201D', '\u00AB', '\u00BB']);

/** Removes invisible characters and trims. */
export function stripInvisible(input: string): string {
  return input.replace(INVISIBLE, '').trim();
}

/** Removes every whitespace and invisible character. */
export function removeSpaces(input: string): string {
  return input.replace(INVISIBLE, '').replace(WHITESPACE, '');
}

/**
 * Peels quotes (and a trailing `,` or `;` from a copied JSON or code line) off both ends, repeatedly,
 * so `"pat.…",` and `'"pat.…"'` both come out bare.
 */
export function stripQuotes(input: string): string {
  let value = input.trim();
  for (;;) {
    const before = value;
    value = value.replace(/[,;]+$/, '').trim();
    if (value.length > 0 && QUOTES.has(value[0]!)) value = value.slice(1).trim();
    if (value.length > 0 && QUOTES.has(value[value.length - 1]!)) value = value.slice(0, -1).trim();
    if (value === before) return value;
  }
}

/**
 * Prefixes people paste along with a key: an HTTP header line, an Authorization scheme, or a shell or
 * dotenv assignment such as `export HARNESS_API_KEY=`. Each is matched at the start, case-insensitively.
 */
const KEY_PREFIXES = [
  /^authorization\s*:\s*/i,
  /^bearer\s+/i,
  /^x-api-key\s*[:=]\s*/i,
  // Only when something follows: a bare base64 FirstGen key may end in `=`.
  /^(?:export\s+)?[A-Z_][A-Z0-9_]*\s*[:=]\s*(?=\S)/i,
];

/** Cleans a pasted API key: prefixes, quotes, spaces and invisible characters anywhere in it. */
export function cleanPastedKey(input: string): string {
  let value = stripInvisible(input);
  for (;;) {
    const before = value;
    value = stripQuotes(value);
    for (const prefix of KEY_PREFIXES) value = value.replace(prefix, '');
    if (value === before) break;
  }
  return removeSpaces(value);
}
