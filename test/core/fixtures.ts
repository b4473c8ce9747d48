/**
 * The fixture credentials, split into the parts the core tests assert on (derived from the mock's
 * fixtures so there is one source of truth).
 */
import { HARNESS_FIXTURE_ACCOUNTS, HARNESS_FIXTURE_TOKENS } from '../../src/testing/fixtures.js';

const parts = (token: string) => token.split('.');

export const ACCOUNT = HARNESS_FIXTURE_ACCOUNTS.primary.id;
export const OTHER_ACCOUNT = HARNESS_FIXTURE_ACCOUNTS.other.id;
export const PAT = HARNESS_FIXTURE_TOKENS.pat;
export const [, , TOKEN_ID = '', SECRET = ''] = parts(PAT);
export const SAT = HARNESS_FIXTURE_TOKENS.sat;
export const [, , SAT_TOKEN_ID = '', SAT_SECRET = ''] = parts(SAT);
export const LEGACY = HARNESS_FIXTURE_TOKENS.legacy;
export const [, LEGACY_TOKEN_ID = '', LEGACY_SECRET = ''] = parts(LEGACY);
export const OTHER_PAT = HARNESS_FIXTURE_TOKENS.otherAccount;
