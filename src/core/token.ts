import { ACCOUNT_ID_LENGTH } from './account.js';
import { cleanPastedKey, stripInvisible } from './clean.js';

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
  | 'too_long'
  | 'looks_like_account_id'
  | 'looks_like_url';

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

/**
 * Input beyond this, once trimmed, is refused (`too_long`) before any cleaning work. Cleaning peels quotes and
 * prefixes one layer per pass, so its cost grows with the square of the length, and it runs on every change
 * of the field and twice per request on the route: 16 KiB of `";` took about 225 ms. Trimming (spaces, line
 * breaks and invisible characters at the ends, removed in one linear pass) comes first: a key copied from an
 * editor with a line of padding after it is still a key. A key is about 72 characters; with a header line, a
 * variable name and quotes a real paste stays under 200, far below this.
 */
export const MAX_TOKEN_INPUT_LENGTH = 1024;

/** How many characters of the secret a hint may show. */
export const HINT_SECRET_CHARS = 4;

/** Every character a Harness token is made of. */
const TOKEN_CHARACTERS = /^[A-Za-z0-9._-]+$/;

/**
 * An address pasted as a key: a `scheme://` (cleaning takes `https:` for a `name:` prefix and leaves `//`,
 * so the scheme is optional here), a host name followed by a path, query or fragment
 * (`app.harness.io/ng/account/…`), or a bare Harness host (`app.harness.io`, `acme.harness.io`).
 */
const LOOKS_LIKE_URL =
  /^(?:[a-z][a-z0-9+.-]*:)?\/\/|^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?[/?#]|^(?:[a-z0-9-]+\.)*harness\.io(?::\d+)?$/i;

/** The characters of an account identifier (see account.ts). */
const ACCOUNT_ID_CHARACTERS = /^[A-Za-z0-9_-]+$/;

/**
 * Older Harness API keys (from before `pat.`/`sat.` tokens) do not work with the `/ng/api` endpoints. Their
 * format is not documented, so the check is narrow: standard base64 (letters, digits, `+`, `/`, at most two
 * `=` of padding), at least `MIN_OLDER_KEY_LENGTH` characters, with upper case, lower case and digits mixed
 * as in any random key. Words, hyphenated phrases, names with `_`, a token's id or secret on its own (24 and
 * 20 characters) do not match: they are told that keys start with `pat.` or `sat.`.
 */
const OLDER_KEY = /^[A-Za-z0-9+/]+={0,2}$/;
const MIN_OLDER_KEY_LENGTH = 32;

const UPPER_CASE = /[A-Z]/;
const LOWER_CASE = /[a-z]/;
const DIGIT = /[0-9]/;

/**
 * An account identifier pasted as a key: exactly its length and characters, with upper and lower case
 * mixed as in the random ids Harness issues (a lower-case word of that length is not one).
 */
function looksLikeAccountId(value: string): boolean {
  return (
    value.length === ACCOUNT_ID_LENGTH &&
    ACCOUNT_ID_CHARACTERS.test(value) &&
    UPPER_CASE.test(value) &&
    LOWER_CASE.test(value)
  );
}

function looksLikeOlderKey(value: string): boolean {
  return (
    value.length >= MIN_OLDER_KEY_LENGTH &&
    OLDER_KEY.test(value) &&
    UPPER_CASE.test(value) &&
    LOWER_CASE.test(value) &&
    DIGIT.test(value)
  );
}

export const HARNESS_TOKEN_PROBLEM_MESSAGES: Record<HarnessTokenProblem, string> = {
  empty: 'Paste your Harness API key.',
  wrong_prefix: 'API keys start with pat. or sat. Copy the whole key.',
  uppercase_prefix: 'Write the start in lower case: pat. or sat.',
  wrong_segment_count: 'This key is incomplete. Copy all of it.',
  bad_characters: 'This key has invalid characters. Copy it again.',
  firstgen_key: 'This is an older kind of Harness key, which does not work here. Create an API key in your Harness profile.',
  too_long: 'Too long for an API key. Paste only the key.',
  looks_like_account_id: 'This looks like your Account Identifier: it goes in the field below.',
  looks_like_url: 'This is a web address, not an API key. Paste the key itself: it starts with pat. or sat.',
};

/** The parts after the prefix: `<accountId>.<tokenId>.<secret>`, or the legacy `<tokenId>.<secret>`. */
const CURRENT_FORM_PARTS = 3;
const LEGACY_FORM_PARTS = 2;

/** The prefixes Harness issues, lower case only. */
const TOKEN_KINDS: readonly string[] = ['pat', 'sat'] satisfies HarnessTokenKind[];

function failure(problem: HarnessTokenProblem): HarnessTokenParseFailure {
  return { ok: false, problem, message: HARNESS_TOKEN_PROBLEM_MESSAGES[problem] };
}

/**
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

/**
 * A secret must be longer than this for a hint to show its last characters: shown from a short one, they
 * would give away too much of it. (Harness's secrets are 20 characters.)
 */
const MIN_SECRET_LENGTH_FOR_TAIL = HINT_SECRET_CHARS * 2;

/** A display hint that reveals nothing that grants access. */
export function tokenHint(kind: HarnessTokenKind, accountId: string | null, secret: string): string {
  const tail = secret.length > MIN_SECRET_LENGTH_FOR_TAIL ? secret.slice(-HINT_SECRET_CHARS) : '';
  const account = accountId === null ? '' : `${accountId}.`;
  return detachedCopy(`${kind}.${account}…${tail}`);
}

/** What a value without any dot is, as far as it can be told. */
function dotlessProblem(value: string): HarnessTokenProblem {
  if (looksLikeAccountId(value)) return 'looks_like_account_id';
  if (looksLikeOlderKey(value)) return 'firstgen_key';
  return TOKEN_CHARACTERS.test(value) ? 'wrong_prefix' : 'bad_characters';
}

/**
 * Parses what a person pasted as a Harness API key. Never throws: any input gives a typed result.
 *
 * @example parseHarnessToken('Bearer "pat.AbC….xyz.SECRET"') // { ok: true, kind: 'pat', accountId: 'AbC…', … }
 */
export function parseHarnessToken(input: unknown): HarnessTokenParseResult {
  if (typeof input !== 'string') return failure('empty');
  const trimmed = stripInvisible(input);
  if (trimmed.length > MAX_TOKEN_INPUT_LENGTH) return failure('too_long');
  const token = cleanPastedKey(trimmed);
  if (token === '') return failure('empty');
  // Before the length check: a long address is still an address.
  if (LOOKS_LIKE_URL.test(token)) return failure('looks_like_url');
  if (token.length > MAX_TOKEN_LENGTH) return failure('too_long');
  const [prefix = '', ...parts] = token.split('.');
  // Without a dot it cannot be a Harness token: say what it looks like instead.
  if (parts.length === 0) return failure(dotlessProblem(token));
  if (!TOKEN_CHARACTERS.test(token)) return failure('bad_characters');
  if (!TOKEN_KINDS.includes(prefix)) {
    // Harness refuses `PAT.`: say so precisely, since the fix is a single keystroke.
    return failure(TOKEN_KINDS.includes(prefix.toLowerCase()) ? 'uppercase_prefix' : 'wrong_prefix');
  }
  // `<accountId>.<tokenId>.<secret>` or the legacy `<tokenId>.<secret>`, no part empty.
  const knownForm = parts.length === CURRENT_FORM_PARTS || parts.length === LEGACY_FORM_PARTS;
  if (!knownForm || parts.includes('')) return failure('wrong_segment_count');
  const kind = prefix as HarnessTokenKind;
  // The current form starts with the account id; the legacy form has none.
  const current = parts.length === CURRENT_FORM_PARTS;
  const accountId = current && parts[0] !== undefined ? detachedCopy(parts[0]) : null;
  const [tokenId = '', secret = ''] = current ? parts.slice(1) : parts;
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
