/**
 * Fixture accounts and tokens the Harness mock is seeded with. The demo, the stories and the tests use
 * these, and the README lists them so a person can try the widget against the mock.
 *
 * They are well-formed but fake: no real Harness account has these identifiers.
 */

/** Accounts the mock knows. */
export const HARNESS_FIXTURE_ACCOUNTS = {
  /** The account most fixture tokens belong to. */
  primary: { id: 'QckRHsqq_el0PWRb2kqkgU', name: 'Acme Platform', cluster: 'prod1' },
  /** A second account, to show a token used with the wrong account identifier. */
  other: { id: 'auq3didt_vax1xO2eTDxXE', name: 'Globex Delivery', cluster: 'prod2' },
  /** An account whose IP allow-list rejects every caller: its tokens answer 403. */
  restricted: { id: 'Lq8dVb3NzK0pRt5YwJ2mFe', name: 'Initech Secure', cluster: 'prod3' },
} as const;

const A = HARNESS_FIXTURE_ACCOUNTS;

/**
 * Tokens the mock knows, by what Harness answers for them.
 * Every token is `<prefix>.<accountId>.<tokenId>.<secret>` unless said otherwise.
 */
export const HARNESS_FIXTURE_TOKENS = {
  /** A personal access token of Ada Lovelace in the primary account, expiring on 2031-01-01. */
  pat: `pat.${A.primary.id}.9X2XyKdHizBGT0LrAcAYWAPq.bh8as5pih1J286f35yAD`,
  /** A service-account token in the primary account that never expires. */
  sat: `sat.${A.primary.id}.xj9WBoIN1MSnQrtNUTCF98aU.fLTsuQ3YtZ4V1dlDTpKq`,
  /** A personal access token that expired on 2024-03-01. */
  expired: `pat.${A.primary.id}.lLKN9QWUM2ylPlU6XeLGFb0u.uSTxZ5KM3eR56RxlshpK`,
  /** A token that was deleted (revoked): Harness no longer finds it. */
  revoked: `pat.${A.primary.id}.Wf3UiYDoJoK00xVEzGEnQdgk.dpuv2g6glEiBsMr2pjWc`,
  /** A valid token of the other account. */
  otherAccount: `pat.${A.other.id}.1bmYPoL6xNjhvthzF2jXZT3G.suf92jhy35tX157hHx8M`,
  /** A valid token of the restricted account: Harness answers 403 for it. */
  restricted: `pat.${A.restricted.id}.8N53EmuPUCRqSvEQVdtA0D5q.YQYZid8h9TH8lgGCnCXH`,
  /** The legacy 3-part form `pat.<tokenId>.<secret>` of a valid primary-account token: it carries no account id. */
  legacy: 'pat.3YW3rQPdMpOapVFpkSBlpe3g.GsYXExxm699GqgHGQ1Pb',
  /** The primary PAT with a wrong secret: well-formed, but Harness rejects it. */
  wrongSecret: `pat.${A.primary.id}.9X2XyKdHizBGT0LrAcAYWAPq.WRONGsecretWRONG1234`,
} as const;

export type HarnessFixtureTokenName = keyof typeof HARNESS_FIXTURE_TOKENS;
