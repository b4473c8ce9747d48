/**
 * How the mock reads an API key, written once: the seeding (`harness-store.ts`) and the authentication
 * (`harness-auth.ts`) must agree on which segment is the token id, or a fixture could pass one and fail
 * the other.
 */

/** The segments of an API key, named as Harness names them. */
export interface HarnessTokenParts {
  prefix: string;
  /** The account segment of a 4-part key; null for the legacy 3-part form, which carries none. */
  accountId: string | null;
  tokenId: string;
  secret: string;
}

/** `<prefix>.<accountId>.<tokenId>.<secret>`: the form Harness issues today. */
const CURRENT_SEGMENTS = 4;
/** `<prefix>.<tokenId>.<secret>`: the legacy form, still accepted by Harness. */
const LEGACY_SEGMENTS = 3;

/**
 * Splits a key at its dots. Null when it has neither 3 nor 4 segments, which Harness rejects as
 * "Token length not matching"; empty segments are kept as they are, for the lookup to fail on.
 */
export function splitHarnessToken(raw: string): HarnessTokenParts | null {
  const segments = raw.split('.');
  if (segments.length === CURRENT_SEGMENTS) {
    const [prefix = '', accountId = '', tokenId = '', secret = ''] = segments;
    return { prefix, accountId, tokenId, secret };
  }
  if (segments.length === LEGACY_SEGMENTS) {
    const [prefix = '', tokenId = '', secret = ''] = segments;
    return { prefix, accountId: null, tokenId, secret };
  }
  return null;
}
