import { cleanPastedKey } from './clean.js';

/**
 * Reading a Harness API token the way Harness does (see shared harness-api.md):
 * `<prefix>.<accountId>.<tokenId>.<secret>`, prefix `pat` (personal) or `sat` (service account), lower
 * case only; or the legacy `pat.<tokenId>.<secret>`, which carries no account id.
 */

export type HarnessTokenKind = 'pat' | 'sat';

/** `current`: the 4-part form with the account id inside; `legacy`: the 3-part form without it. */
export type HarnessTokenFormat = 'current' | 'legacy';

/** Why a value is not a Harness token, as a stable union. */
export type HarnessTokenProblem =
  | 'empty'
  | 'wrong_prefix'
  | 'uppercase_prefix'
  | 'wrong_segment_count'
  | 'bad_characters'
  | 'firstgen_key'
  | 'too_long';

export interface ParsedHarnessToken {
  ok: true;
  /** The cleaned token, as Harness expects it. This is the secret: never log or display it. */
  token: string;
  kind: HarnessTokenKind;
  format: HarnessTokenFormat;
  /** The account identifier the token carries; `null` for the legacy form. */
  accountId: string | null;
  tokenId: string;
  /** Safe to display: the prefix, the account id and the last 4 characters of the secret, e.g. `pat.Ab…_x.…9fQz`. */
  hint: string;
  /** True when cleaning changed what was typed (quotes, spaces, a `Bearer ` prefix were removed). */
  cleaned: boolean;
}

export interface HarnessTokenParseFailure {
  ok: false;
  problem: HarnessTokenProblem;
  /** What is wrong and what to do, for the person who pasted it. Never quotes the input. */
  message: string;
}

export type HarnessTokenParseResult = ParsedHarnessToken | HarnessTokenParseFailure;

/** Harness tokens are about 72 characters; anything much longer is a paste of something else. */
export const MAX_TOKEN_LENGTH = 256;

/** Input beyond this is refused before any cleaning work, so a huge paste costs nothing. */
const MAX_INPUT_LENGTH = 16 * 1024;

/** How many characters of the secret a hint may show. */
export const HINT_SECRET_CHARS = 4;

/** Every character a Harness token is made of. */
const TOKEN_CHARACTERS = /^[A-Za-z0-9._-]+$/;

/**
 * FirstGen API keys have no `pat`/`sat` prefix and no dots; they are long base64-like strings and do
 * not work with the `/ng/api` endpoints.
 */
const FIRSTGEN_KEY = /^[A-Za-z0-9+/=_-]{20,}$/;

export const HARNESS_TOKEN_PROBLEM_MESSAGES: Record<HarnessTokenProblem, string> = {
  empty: 'Paste your Harness API key.',
  wrong_prefix: 'API keys start with pat. or sat. Copy the whole key.',
  uppercase_prefix: 'Write the start in lower case: pat. or sat.',
  wrong_segment_count: 'This key is incomplete. Copy all of it.',
  bad_characters: 'This key has invalid characters. Copy it again.',
  firstgen_key: 'This is an old FirstGen key. Create a token in your Harness profile.',
  too_long: 'Too long for an API key. Paste only the key.',
};

/** The prefixes Harness issues, lower case only. */
const TOKEN_KINDS: readonly string[] = ['pat', 'sat'] satisfies HarnessTokenKind[];

function failure(problem: HarnessTokenProblem): HarnessTokenParseFailure {
  return { ok: false, problem, message: HARNESS_TOKEN_PROBLEM_MESSAGES[problem] };
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a substring (and a
 * concatenation) as a view onto its source, so an account id cut out of a pasted key would keep the WHOLE
 * key alive in any host object that holds on to it: an analytics queue of events, a stored connection.
 * Every string derived from a key that leaves the parser goes through here.
 */
export function detachedCopy(text: string): string {
  // `join` writes the characters into a new flat string; no slice or concatenation of `text` survives.
  return Array.from(text).join('');
}

/** A display hint that reveals nothing that grants access. */
export function tokenHint(kind: HarnessTokenKind, accountId: string | null, secret: string): string {
  const tail = secret.length > HINT_SECRET_CHARS * 2 ? secret.slice(-HINT_SECRET_CHARS) : '';
  return detachedCopy(`${kind}.${accountId === null ? '' : `${accountId}.`}…${tail}`);
}

/**
 * Parses what a person pasted as a Harness API key. Never throws: any input gives a typed result.
 *
 * @example parseHarnessToken('Bearer "pat.AbC….xyz.SECRET"') // { ok: true, kind: 'pat', accountId: 'AbC…', … }
 */
export function parseHarnessToken(input: unknown): HarnessTokenParseResult {
  if (typeof input !== 'string') return failure('empty');
  if (input.length > MAX_INPUT_LENGTH) return failure('too_long');
  const token = cleanPastedKey(input);
  if (!token) return failure('empty');
  if (token.length > MAX_TOKEN_LENGTH) return failure('too_long');
  const validCharacters = TOKEN_CHARACTERS.test(token);
  const [prefix = '', ...parts] = token.split('.');
  // Without a dot it cannot be a Harness token; a long base64-like value is most likely a FirstGen key.
  if (!validCharacters || !parts.length) {
    return failure(FIRSTGEN_KEY.test(token) ? 'firstgen_key' : validCharacters ? 'wrong_prefix' : 'bad_characters');
  }
  if (!TOKEN_KINDS.includes(prefix)) {
    // Harness refuses `PAT.`: say so precisely, since the fix is a single keystroke.
    return failure(TOKEN_KINDS.includes(prefix.toLowerCase()) ? 'uppercase_prefix' : 'wrong_prefix');
  }
  // `<accountId>.<tokenId>.<secret>` or the legacy `<tokenId>.<secret>`, no part empty.
  if (parts.length < 2 || parts.length > 3 || parts.includes('')) return failure('wrong_segment_count');
  const kind = prefix as HarnessTokenKind;
  const accountId = parts.length === 3 ? detachedCopy(parts[0]!) : null;
  const [tokenId, secret] = parts.slice(-2) as [string, string];
  return {
    ok: true,
    token,
    kind,
    format: accountId === null ? 'legacy' : 'current',
    accountId,
    tokenId: detachedCopy(tokenId),
    hint: tokenHint(kind, accountId, secret),
    cleaned: token !== input,
  };
}
