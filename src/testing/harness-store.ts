/**
 * The mock's data: the accounts, users and API tokens Harness would hold for the fixture tokens.
 *
 * Only what Harness itself stores is kept per token (id → account, prefix, secret, metadata), so the
 * validation in `harness-auth.ts` has to work the way Harness does: look the token up by its id, then
 * compare the rest. The `revoked` and `wrongSecret` fixtures deliberately have no entry of their own.
 */
import {
  HARNESS_FIXTURE_ACCOUNTS,
  HARNESS_FIXTURE_PERMISSIONS,
  HARNESS_FIXTURE_TOKENS,
  type HarnessFixtureTokenName,
} from './fixtures.js';
import { splitHarnessToken } from './token-parts.js';

/** A Harness user, as `currentUser` returns it. */
export interface StoredUser {
  uuid: string;
  name: string;
  email: string;
  username: string;
  defaultAccountId: string;
  /** An admin disabled the user: every personal token of theirs answers 401 USER_DISABLED. */
  disabled: boolean;
}

/** An account's lifecycle state, as Harness's `AccountStatus` names the ones the mock needs. */
export type StoredAccountStatus = 'ACTIVE' | 'INACTIVE' | 'DELETED';

/** An account, as `GET /accounts/{id}` returns it. */
export interface StoredAccount {
  identifier: string;
  name: string;
  companyName: string;
  cluster: string;
  status: StoredAccountStatus;
  /** The account's IP allow-list covers API traffic and admits no caller (403 NOT_WHITELISTED_IP). */
  ipAllowListBlocksAll: boolean;
  /** The account's access-control service fails: `POST /authz/api/acl` answers 500. */
  aclFails: boolean;
}

/** One API token as Harness stores it. The secret is compared plainly: this is a mock, not a vault. */
export interface StoredToken {
  tokenId: string;
  accountIdentifier: string;
  prefix: 'pat' | 'sat';
  secret: string;
  name: string;
  apiKeyIdentifier: string;
  apiKeyType: 'USER' | 'SERVICE_ACCOUNT';
  /** A user's id for a personal token, the service account's identifier for a service-account token. */
  parentIdentifier: string;
  email: string;
  username: string;
  validFrom: number;
  /** Epoch ms; 0 means the token never expires (Harness's own convention). */
  validTo: number;
  /** The person behind a personal token; service accounts have none. */
  user: StoredUser | null;
  /** Permission ids granted across the token's account (see `HARNESS_FIXTURE_PERMISSIONS`). */
  permissions: readonly string[];
  /** An admin revoked it: it still exists, and answers 401 REVOKED_TOKEN. */
  revoked: boolean;
}

const A = HARNESS_FIXTURE_ACCOUNTS;

const account = (
  fixture: { id: string; name: string; cluster: string },
  companyName: string,
  traits: Partial<Pick<StoredAccount, 'status' | 'ipAllowListBlocksAll' | 'aclFails'>> = {},
): StoredAccount => ({
  identifier: fixture.id,
  name: fixture.name,
  companyName,
  cluster: fixture.cluster,
  status: traits.status ?? 'ACTIVE',
  ipAllowListBlocksAll: traits.ipAllowListBlocksAll ?? false,
  aclFails: traits.aclFails ?? false,
});

/**
 * Accounts by identifier, which is also the gateway's routing table: an id not here is refused before any
 * token check. Company names are made up to go with the fixture account names.
 */
export const STORED_ACCOUNTS: ReadonlyMap<string, StoredAccount> = new Map(
  [
    account(A.primary, 'Acme Corporation'),
    account(A.other, 'Globex Corporation'),
    account(A.restricted, 'Initech', { ipAllowListBlocksAll: true }),
    account(A.inactive, 'Umbrella Corporation', { status: 'INACTIVE' }),
    account(A.aclUnavailable, 'Hooli', { aclFails: true }),
    account(A.deleted, 'Pied Piper Inc.', { status: 'DELETED' }),
  ].map((a) => [a.identifier, a]),
);

const user = (uuid: string, name: string, email: string, defaultAccountId: string, disabled = false): StoredUser => ({
  uuid,
  name,
  email,
  username: email.slice(0, email.indexOf('@')),
  defaultAccountId,
  disabled,
});

const ADA = user('kQ7tR2mX9vLpZ4nW8sYc1A', 'Ada Lovelace', 'ada@acme.example', A.primary.id);
const CHARLES = user('zaeSYigUsKFyn2BAQ-ZFDk', 'Charles Babbage', 'charles@acme.example', A.primary.id);
const ALAN = user('6jS6QoZ3HxnXINbhUjFXpe', 'Alan Turing', 'alan@acme.example', A.primary.id, true);
const GRACE = user('Hn3bV6cJ0xQe5wTy2uKa7D', 'Grace Hopper', 'grace@globex.example', A.other.id);
const PETER = user('Zr8fM1gS4hPd9kLo6jNq3E', 'Peter Gibbons', 'peter@initech.example', A.restricted.id);
const BARBARA = user('8TP_mtHHGbE1kFlqtViEY9', 'Barbara Liskov', 'barbara@umbrella.example', A.inactive.id);
const MARGARET = user('folZT0Y8AyL-gdp20dWNMV', 'Margaret Hamilton', 'margaret@hooli.example', A.aclUnavailable.id);
const RICHARD = user('7GxA3tqawTfUEiayBT3UHH', 'Richard Hendricks', 'richard@piedpiper.example', A.deleted.id);

/** The parts Harness stores of a fixture token; every seeded fixture is well-formed. */
function parts(token: string): { prefix: 'pat' | 'sat'; tokenId: string; secret: string } {
  const split = splitHarnessToken(token);
  const prefix = split?.prefix;
  if (!split || (prefix !== 'pat' && prefix !== 'sat') || !split.tokenId || !split.secret) {
    throw new Error('harness-mock: a seeded fixture token is malformed');
  }
  return { prefix, tokenId: split.tokenId, secret: split.secret };
}

interface TokenMeta {
  name: string;
  apiKeyIdentifier: string;
  validFrom: number;
  validTo: number;
}

function userToken(fixture: HarnessFixtureTokenName, owner: StoredUser, meta: TokenMeta): StoredToken {
  return {
    ...parts(HARNESS_FIXTURE_TOKENS[fixture]),
    ...meta,
    accountIdentifier: owner.defaultAccountId,
    apiKeyType: 'USER',
    parentIdentifier: owner.uuid,
    email: owner.email,
    username: owner.username,
    user: owner,
    permissions: HARNESS_FIXTURE_PERMISSIONS[fixture],
    revoked: false,
  };
}

const utc = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const DAY_MS = 24 * 60 * 60 * 1000;
/** `expiringSoon` ends this many days after the clock at seeding: inside any "expires soon" warning. */
const EXPIRING_SOON_DAYS = 5;
/** ... and began this many days before it, as a 90-day token created 85 days ago would. */
const EXPIRING_SOON_AGE_DAYS = 85;

/**
 * A fresh token store holding the seeded fixtures. A new Map of new records each call, so run-time
 * changes on one mock (or before `reset()`) never leak into another. `now` is the mock's clock, which
 * `expiringSoon`'s dates are counted from.
 */
export function createSeedTokens(now: number): Map<string, StoredToken> {
  const tokens: StoredToken[] = [
    userToken('pat', ADA, {
      name: 'ci-pipeline',
      apiKeyIdentifier: 'ci_pipeline',
      validFrom: utc('2025-01-01'),
      validTo: utc('2031-01-01'),
    }),
    {
      ...parts(HARNESS_FIXTURE_TOKENS.sat),
      accountIdentifier: A.primary.id,
      name: 'deploy-bot',
      apiKeyIdentifier: 'deploy_bot_key',
      apiKeyType: 'SERVICE_ACCOUNT',
      parentIdentifier: 'deploy_bot',
      email: 'deploy-bot@service.harness.io',
      username: 'deploy-bot',
      validFrom: utc('2025-02-10'),
      validTo: 0,
      user: null,
      permissions: HARNESS_FIXTURE_PERMISSIONS.sat,
      revoked: false,
    },
    userToken('expired', ADA, {
      name: 'old-laptop',
      apiKeyIdentifier: 'old_laptop',
      validFrom: utc('2023-03-01'),
      validTo: utc('2024-03-01'),
    }),
    userToken('otherAccount', GRACE, {
      name: 'globex-cli',
      apiKeyIdentifier: 'globex_cli',
      validFrom: utc('2025-03-15'),
      validTo: utc('2030-03-15'),
    }),
    userToken('restricted', PETER, {
      name: 'initech-ci',
      apiKeyIdentifier: 'initech_ci',
      validFrom: utc('2025-04-01'),
      validTo: 0,
    }),
    // The legacy 3-part token carries no account id: Harness knows its account from the store only.
    userToken('legacy', ADA, {
      name: 'legacy-key',
      apiKeyIdentifier: 'legacy_key',
      validFrom: utc('2022-06-01'),
      validTo: 0,
    }),
    userToken('missingPermission', CHARLES, {
      name: 'dashboards',
      apiKeyIdentifier: 'dashboards',
      validFrom: utc('2025-05-20'),
      validTo: 0,
    }),
    {
      ...userToken('revokedByAdmin', ADA, {
        name: 'shared-laptop',
        apiKeyIdentifier: 'shared_laptop',
        validFrom: utc('2024-11-04'),
        validTo: utc('2030-11-04'),
      }),
      revoked: true,
    },
    userToken('expiringSoon', ADA, {
      name: 'trial-integration',
      apiKeyIdentifier: 'trial_integration',
      validFrom: now - EXPIRING_SOON_AGE_DAYS * DAY_MS,
      validTo: now + EXPIRING_SOON_DAYS * DAY_MS,
    }),
    userToken('disabledUser', ALAN, {
      name: 'release-scripts',
      apiKeyIdentifier: 'release_scripts',
      validFrom: utc('2024-09-09'),
      validTo: 0,
    }),
    userToken('inactiveAccount', BARBARA, {
      name: 'umbrella-ci',
      apiKeyIdentifier: 'umbrella_ci',
      validFrom: utc('2024-07-01'),
      validTo: 0,
    }),
    userToken('aclUnavailable', MARGARET, {
      name: 'hooli-sync',
      apiKeyIdentifier: 'hooli_sync',
      validFrom: utc('2025-06-01'),
      validTo: 0,
    }),
    userToken('deletedAccount', RICHARD, {
      name: 'pied-piper-ci',
      apiKeyIdentifier: 'pied_piper_ci',
      validFrom: utc('2024-02-14'),
      validTo: 0,
    }),
    // A rotation issues a new token under the same API key, for the same user.
    userToken('patRotated', ADA, {
      name: 'ci-pipeline-rotated',
      apiKeyIdentifier: 'ci_pipeline',
      validFrom: utc('2025-09-01'),
      validTo: utc('2032-01-01'),
    }),
  ];
  return new Map(tokens.map((t) => [t.tokenId, t]));
}
