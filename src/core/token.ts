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
  wrong_prefix: 'Harness API keys start with pat. or sat. Copy the whole token.',
  wrong_segment_count: 'This key is incomplete. Copy the whole token again.',
  bad_characters: 'This key has characters Harness keys never have. Copy it again.',
  firstgen_key: 'This is an older FirstGen key. Create a token under My API Keys in your Harness profile.',
  too_long: 'Too long for a Harness API key. Paste only the token.',
};

const UPPERCASE_PREFIX_MESSAGE = 'Harness needs the start in lower case: pat. or sat.';

function failure(problem: HarnessTokenProblem, message = HARNESS_TOKEN_PROBLEM_MESSAGES[problem]): HarnessTokenParseFailure {
  return { ok: false, problem, message };
}

/** A display hint that reveals nothing that grants access. */
export function tokenHint(kind: HarnessTokenKind, accountId: string | null, secret: string): string {
  const tail = secret.length > HINT_SECRET_CHARS * 2 ? secret.slice(-HINT_SECRET_CHARS) : '';
  return accountId === null ? `${kind}.…${tail}` : `${kind}.${accountId}.…${tail}`;
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
  if (token.length === 0) return failure('empty');
  if (token.length > MAX_TOKEN_LENGTH) return failure('too_long');
  if (!TOKEN_CHARACTERS.test(token)) {
    return FIRSTGEN_KEY.test(token) ? failure('firstgen_key') : failure('bad_characters');
  }
  const segments = token.split('.');
  const prefix = segments[0]!;
  if (segments.length === 1) return FIRSTGEN_KEY.test(token) ? failure('firstgen_key') : failure('wrong_prefix');
  if (prefix !== 'pat' && prefix !== 'sat') {
    const lower = prefix.toLowerCase();
    return lower === 'pat' || lower === 'sat' ? failure('wrong_prefix', UPPERCASE_PREFIX_MESSAGE) : failure('wrong_prefix');
  }
  if ((segments.length !== 3 && segments.length !== 4) || segments.some((segment) => segment.length === 0)) {
    return failure('wrong_segment_count');
  }
  const kind: HarnessTokenKind = prefix;
  const cleaned = token !== input;
  if (segments.length === 3) {
    const [, tokenId, secret] = segments as [string, string, string];
    return { ok: true, token, kind, format: 'legacy', accountId: null, tokenId, hint: tokenHint(kind, null, secret), cleaned };
  }
  const [, accountId, tokenId, secret] = segments as [string, string, string, string];
  return { ok: true, token, kind, format: 'current', accountId, tokenId, hint: tokenHint(kind, accountId, secret), cleaned };
}
