/**
 * Fixture accounts and tokens the Harness mock is seeded with. The demo, the stories and the tests use
 * these, and the README lists them so a person can try the widget against the mock.
 *
 * They are well-formed but fake: no real Harness account has these identifiers. Plain constants on
 * purpose, so a page can import this file without pulling in msw.
 */
import { ACCOUNT_VIEW, PIPELINE_EXECUTE, PIPELINE_VIEW, PROJECT_VIEW } from './permissions.js';

/** Accounts the mock knows. */
export const HARNESS_FIXTURE_ACCOUNTS = {
  /** The account most fixture tokens belong to. */
  primary: { id: 'QckRHsqq_el0PWRb2kqkgU', name: 'Acme Platform', cluster: 'prod1' },
  /** A second account, to show a token used with the wrong account identifier. */
  other: { id: 'auq3didt_vax1xO2eTDxXE', name: 'Globex Delivery', cluster: 'prod2' },
  /** An account whose IP allow-list covers API traffic and admits no caller: its tokens answer 403 NOT_WHITELISTED_IP. */
  restricted: { id: 'Lq8dVb3NzK0pRt5YwJ2mFe', name: 'Initech Secure', cluster: 'prod3' },
  /** An account that was deactivated (its subscription lapsed): its tokens answer 401 INACTIVE_ACCOUNT. */
  inactive: { id: 'uKF10SjjAqeuwoxm3tqLgW', name: 'Umbrella Labs', cluster: 'prod1' },
  /** An account whose access-control service fails: `POST /authz/api/acl` answers 500, every other call works. */
  aclUnavailable: { id: 'JoqoWMWtUQah9OJTCWgGIo', name: 'Hooli Cloud', cluster: 'prod2' },
  /** An account that was deleted but is still routed by the gateway: its tokens answer 401 ACCOUNT_DOES_NOT_EXIST. */
  deleted: { id: 'taSh6abonB4ifwx64FU1lS', name: 'Pied Piper', cluster: 'prod1' },
} as const;

const A = HARNESS_FIXTURE_ACCOUNTS;

/**
 * The token id (the third segment, or the second of the legacy form) of each fixture token: what
 * `HarnessMock.revoke`, `revokeToken` and `setPermissions` take.
 *
 * @example
 * mock.revoke(HARNESS_FIXTURE_TOKEN_IDS.pat); // the `pat` fixture now answers 401 REVOKED_TOKEN
 */
export const HARNESS_FIXTURE_TOKEN_IDS = {
  pat: '9X2XyKdHizBGT0LrAcAYWAPq',
  sat: 'xj9WBoIN1MSnQrtNUTCF98aU',
  expired: 'lLKN9QWUM2ylPlU6XeLGFb0u',
  revoked: 'Wf3UiYDoJoK00xVEzGEnQdgk',
  otherAccount: '1bmYPoL6xNjhvthzF2jXZT3G',
  restricted: '8N53EmuPUCRqSvEQVdtA0D5q',
  legacy: '3YW3rQPdMpOapVFpkSBlpe3g',
  /** The same token as `pat`: only the secret differs. */
  wrongSecret: '9X2XyKdHizBGT0LrAcAYWAPq',
  missingPermission: 'BKrzkzXz1WZk1emPGsGkFEKV',
  revokedByAdmin: 'FKUnosebxonbfsxaEMEw8Uoc',
  expiringSoon: '63tuOUa9CLKLz30K6Qvv6cRz',
  disabledUser: '0YzTQVRDh3AyOlM6Kxt21AZi',
  inactiveAccount: 'D47k6LjXmEiGHDOwcLIBQPSr',
  aclUnavailable: 'cO3Wha3bdl6bcJsCCJ2RAKEo',
  deletedAccount: 'yK2VAswI74YO7o9y2kioTiow',
  patRotated: 'aDC60BZtcooASaLTApKaq4cW',
} as const;

const ID = HARNESS_FIXTURE_TOKEN_IDS;

/**
 * Tokens the mock knows, by what Harness answers for them.
 * Every token is `<prefix>.<accountId>.<tokenId>.<secret>` unless said otherwise.
 */
export const HARNESS_FIXTURE_TOKENS = {
  /** A personal access token of Ada Lovelace in the primary account, expiring on 2031-01-01; may do everything. */
  pat: `pat.${A.primary.id}.${ID.pat}.bh8as5pih1J286f35yAD`,
  /** A token of the service account "deploy-bot" in the primary account that never expires; no `core_account_view`. */
  sat: `sat.${A.primary.id}.${ID.sat}.fLTsuQ3YtZ4V1dlDTpKq`,
  /** A personal access token that expired on 2024-03-01. */
  expired: `pat.${A.primary.id}.${ID.expired}.uSTxZ5KM3eR56RxlshpK`,
  /** A token that was deleted: Harness no longer finds it ("Token not found"). */
  revoked: `pat.${A.primary.id}.${ID.revoked}.dpuv2g6glEiBsMr2pjWc`,
  /** A valid token of the other account. */
  otherAccount: `pat.${A.other.id}.${ID.otherAccount}.suf92jhy35tX157hHx8M`,
  /** A valid token of the restricted account: Harness answers 403 NOT_WHITELISTED_IP for it. */
  restricted: `pat.${A.restricted.id}.${ID.restricted}.YQYZid8h9TH8lgGCnCXH`,
  /** The legacy 3-part form `pat.<tokenId>.<secret>` of a valid primary-account token: it carries no account id. */
  legacy: `pat.${ID.legacy}.GsYXExxm699GqgHGQ1Pb`,
  /** The primary PAT with a wrong secret: well-formed, but Harness rejects it. */
  wrongSecret: `pat.${A.primary.id}.${ID.wrongSecret}.WRONGsecretWRONG1234`,
  /** A personal token of Charles Babbage, a viewer: may view pipelines but not execute them. */
  missingPermission: `pat.${A.primary.id}.${ID.missingPermission}.MBFRWGXF5lGdqQg2epOr`,
  /** A personal token of Ada that an admin revoked: Harness answers 401 REVOKED_TOKEN. */
  revokedByAdmin: `pat.${A.primary.id}.${ID.revokedByAdmin}.nv0Bw5S5xP6o2clqIrZW`,
  /** A valid personal token of Ada that expires 5 days after the mock's clock at seeding. */
  expiringSoon: `pat.${A.primary.id}.${ID.expiringSoon}.VOjcx3ZlhydbkNFBaVin`,
  /** A personal token of Alan Turing, whose user was disabled: Harness answers 401 USER_DISABLED. */
  disabledUser: `pat.${A.primary.id}.${ID.disabledUser}.jdwfT20zDFdlEV8EokHF`,
  /** A personal token in the inactive account: Harness answers 401 INACTIVE_ACCOUNT. */
  inactiveAccount: `pat.${A.inactive.id}.${ID.inactiveAccount}.0D2giDXVE531wfJnH0ib`,
  /** A valid personal token in the account whose ACL call answers 500. */
  aclUnavailable: `pat.${A.aclUnavailable.id}.${ID.aclUnavailable}.hyDIfsaLQNEdA1LnGzrn`,
  /** A personal token in the deleted account: Harness answers 401 ACCOUNT_DOES_NOT_EXIST. */
  deletedAccount: `pat.${A.deleted.id}.${ID.deletedAccount}.KQBlBCxi8b8NFFi4Bmk6`,
  /** A second valid personal token of Ada in the primary account (a rotated key), expiring on 2032-01-01. */
  patRotated: `pat.${A.primary.id}.${ID.patRotated}.hAbD2IDoc0hK5e0g7cvp`,
} as const;

export type HarnessFixtureTokenName = keyof typeof HARNESS_FIXTURE_TOKENS;

/** What an account admin's role grants, as far as the mock's routes and fixtures care. */
const ADMIN = [ACCOUNT_VIEW, PROJECT_VIEW, PIPELINE_VIEW, PIPELINE_EXECUTE] as const;

/**
 * The permission set each fixture token is seeded with, as its roles grant it in Harness. The mock
 * answers from it: `GET /ng/api/accounts/{id}` needs `core_account_view`, `GET /ng/api/projects` needs
 * `core_project_view`, and `POST /authz/api/acl` reports each permission asked for. A permission here
 * holds across the token's whole account (every org and project); any other account gets none.
 * `HarnessMock.setPermissions` replaces a token's set at run time.
 */
export const HARNESS_FIXTURE_PERMISSIONS: Readonly<Record<HarnessFixtureTokenName, readonly string[]>> = {
  pat: ADMIN,
  /** A deploy bot's role: projects and pipelines, but not the account's settings. */
  sat: [PROJECT_VIEW, PIPELINE_VIEW, PIPELINE_EXECUTE],
  expired: ADMIN,
  revoked: ADMIN,
  otherAccount: ADMIN,
  restricted: ADMIN,
  legacy: ADMIN,
  /** The same token as `pat`, so the same set. */
  wrongSecret: ADMIN,
  /** A viewer's role: everything but `core_pipeline_execute`. */
  missingPermission: [ACCOUNT_VIEW, PROJECT_VIEW, PIPELINE_VIEW],
  revokedByAdmin: ADMIN,
  expiringSoon: ADMIN,
  disabledUser: ADMIN,
  inactiveAccount: ADMIN,
  aclUnavailable: ADMIN,
  deletedAccount: ADMIN,
  patRotated: ADMIN,
};
