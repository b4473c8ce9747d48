/**
 * Well-formed but fake Harness credentials for the core tests (the same shapes as src/testing/fixtures.ts,
 * copied so these tests do not depend on the mock package).
 */
export const ACCOUNT = 'QckRHsqq_el0PWRb2kqkgU';
export const OTHER_ACCOUNT = 'auq3didt_vax1xO2eTDxXE';
export const TOKEN_ID = '9X2XyKdHizBGT0LrAcAYWAPq';
export const SECRET = 'bh8as5pih1J286f35yAD';
export const PAT = `pat.${ACCOUNT}.${TOKEN_ID}.${SECRET}`;
export const SAT_TOKEN_ID = 'xj9WBoIN1MSnQrtNUTCF98aU';
export const SAT_SECRET = 'fLTsuQ3YtZ4V1dlDTpKq';
export const SAT = `sat.${ACCOUNT}.${SAT_TOKEN_ID}.${SAT_SECRET}`;
export const LEGACY_TOKEN_ID = '3YW3rQPdMpOapVFpkSBlpe3g';
export const LEGACY_SECRET = 'GsYXExxm699GqgHGQ1Pb';
export const LEGACY = `pat.${LEGACY_TOKEN_ID}.${LEGACY_SECRET}`;
export const OTHER_PAT = `pat.${OTHER_ACCOUNT}.1bmYPoL6xNjhvthzF2jXZT3G.suf92jhy35tX157hHx8M`;
