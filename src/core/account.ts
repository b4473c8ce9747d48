import { removeSpaces, stripInvisible, stripQuotes } from './clean.js';

/**
 * Reading a Harness account identifier from what a person pastes: the bare id, or the address of any
 * Harness page, where the id is the path or fragment segment right after `account`:
 * `/ng/account/{id}/…` (current UI), `/ng/#/account/{id}/…` (hash-routed UI), `/#/account/{id}/…`
 * (FirstGen), on app.harness.io, a regional or vanity `*.harness.io` host, or a self-managed host.
 */

export type HarnessAccountProblem = 'empty' | 'url_without_account' | 'looks_like_token' | 'bad_characters' | 'too_long';

/** Not an error: the id is used, but the person may want to double-check it. */
export type HarnessAccountWarning = 'unusual_length';

export interface ParsedHarnessAccount {
  ok: true;
  accountId: string;
  /** `url` when the id was taken out of a pasted address. */
  source: 'id' | 'url';
  warning: { code: HarnessAccountWarning; message: string } | null;
}

export interface HarnessAccountParseFailure {
  ok: false;
  problem: HarnessAccountProblem;
  message: string;
}

export type HarnessAccountParseResult = ParsedHarnessAccount | HarnessAccountParseFailure;

/** Harness account identifiers are 22 characters (a base64url UUID); other lengths only earn a warning. */
export const ACCOUNT_ID_LENGTH = 22;

/** Longer than any identifier; also bounds the work done on a huge paste. */
const MAX_ACCOUNT_ID_LENGTH = 64;

/**
 * Input beyond this, once trimmed (one linear pass, as for the key), is refused (`too_long`) before any
 * cleaning work, whose cost grows with the square of the length (see `MAX_TOKEN_INPUT_LENGTH`). Larger than the key's cap: a Harness page address with a pipeline's
 * path and a query of filters runs to a few hundred characters, and 2 KiB is far above any real one.
 */
export const MAX_ACCOUNT_INPUT_LENGTH = 2 * 1024;

const ACCOUNT_ID = /^[A-Za-z0-9_-]+$/;

/** A whole Harness token pasted into the account field (it holds a dot-separated `pat.`/`sat.` prefix). */
const LOOKS_LIKE_TOKEN = /^[ps]at\.[\w-]+\.[\w.-]+$/i;

/** Something with a scheme, a slash or a host-like dot is treated as an address. */
const LOOKS_LIKE_URL = /^[a-z][a-z0-9+.-]*:\/\/|\/|^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]|$)/i;

/** A query, in the address or in its hash route: path segments are read with it cut out. */
const QUERY = /\?[^#]*/g;

/** The segment after `account` in the path or the hash route: `/ng/account/{id}`, `#/account/{id}`, `account/{id}`. */
const ACCOUNT_SEGMENT = /(?:^|[/#])account\/+([^/#]+)/i;

/** Else a query parameter naming the account, as API addresses have. */
const ACCOUNT_PARAMETER = /[?&](?:accountIdentifier|accountId|account)=([^&#]+)/;

export const HARNESS_ACCOUNT_PROBLEM_MESSAGES: Record<HarnessAccountProblem, string> = {
  empty: 'Enter the account identifier: it follows /account/ in Harness addresses.',
  url_without_account: 'This address has no account identifier. Copy one from inside your account.',
  looks_like_token: 'This is an API key. Paste it in the API Key field.',
  bad_characters: 'Use only letters, digits, - and _ in the account identifier.',
  too_long: `Too long for an account identifier (${ACCOUNT_ID_LENGTH} characters).`,
};

export const UNUSUAL_LENGTH_MESSAGE = `Account identifiers usually have ${ACCOUNT_ID_LENGTH} characters. Check none is missing.`;

function failure(problem: HarnessAccountProblem): HarnessAccountParseFailure {
  return { ok: false, problem, message: HARNESS_ACCOUNT_PROBLEM_MESSAGES[problem] };
}

function accepted(accountId: string, source: 'id' | 'url'): HarnessAccountParseResult {
  if (accountId.length > MAX_ACCOUNT_ID_LENGTH) return failure('too_long');
  if (!ACCOUNT_ID.test(accountId)) return failure('bad_characters');
  const warning =
    accountId.length === ACCOUNT_ID_LENGTH ? null : { code: 'unusual_length' as const, message: UNUSUAL_LENGTH_MESSAGE };
  return { ok: true, accountId, source, warning };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Finds the id in an address: the segment after `account` in the path or the hash route, else a query parameter. */
function accountIdFromUrl(value: string): string {
  const segment = ACCOUNT_SEGMENT.exec(value.replace(QUERY, ''))?.[1];
  // An encoded space around a parameter's value is dropped; one inside a segment is reported as it is.
  return segment ? safeDecode(segment) : safeDecode(ACCOUNT_PARAMETER.exec(value)?.[1] ?? '').trim();
}

/**
 * Parses an account identifier or a Harness address holding one. Never throws.
 *
 * @example parseAccountIdentifier('https://app.harness.io/ng/account/abc123DEF456/home/get-started')
 * // { ok: true, accountId: 'abc123DEF456', source: 'url', warning: { code: 'unusual_length', … } }
 */
export function parseAccountIdentifier(input: unknown): HarnessAccountParseResult {
  if (typeof input !== 'string') return failure('empty');
  const trimmed = stripInvisible(input);
  if (trimmed.length > MAX_ACCOUNT_INPUT_LENGTH) return failure('too_long');
  const value = stripQuotes(trimmed);
  if (value.length === 0) return failure('empty');
  const compact = removeSpaces(value);
  if (LOOKS_LIKE_TOKEN.test(compact)) return failure('looks_like_token');
  if (!LOOKS_LIKE_URL.test(compact)) return accepted(compact, 'id');
  const id = accountIdFromUrl(compact);
  return id === '' ? failure('url_without_account') : accepted(id, 'url');
}
