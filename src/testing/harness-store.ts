/**
 * The mock's data: the accounts, users and API tokens Harness would hold for the fixture tokens.
 *
 * Only what Harness itself stores is kept per token (id → account, prefix, secret, metadata), so the
 * validation in `harness-routes.ts` has to work the way Harness does: look the token up by its id, then
 * compare the rest. The `revoked` and `wrongSecret` fixtures deliberately have no entry of their own.
 */
import { HARNESS_FIXTURE_ACCOUNTS, HARNESS_FIXTURE_TOKENS } from './fixtures.js';
import { splitHarnessToken } from './token-parts.js';

/** A Harness user, as `currentUser` returns it. */
export interface StoredUser {
  uuid: string;
  name: string;
  email: string;
  username: string;
  defaultAccountId: string;
}

/** An account, as `GET /accounts/{id}` returns it. */
export interface StoredAccount {
  identifier: string;
  name: string;
  companyName: string;
  cluster: string;
  /** Harness's IP allow-list rejects every caller of this account (403 ACCESS_DENIED). */
  restricted: boolean;
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
}

const A = HARNESS_FIXTURE_ACCOUNTS;

/** Accounts by identifier. Company names are made up to go with the fixture account names. */
export const STORED_ACCOUNTS: ReadonlyMap<string, StoredAccount> = new Map(
  [
    { ...A.primary, companyName: 'Acme Corporation', restricted: false },
    { ...A.other, companyName: 'Globex Corporation', restricted: false },
    { ...A.restricted, companyName: 'Initech', restricted: true },
  ].map((a) => [
    a.id,
    { identifier: a.id, name: a.name, companyName: a.companyName, cluster: a.cluster, restricted: a.restricted },
  ]),
);

const ADA: StoredUser = {
  uuid: 'kQ7tR2mX9vLpZ4nW8sYc1A',
  name: 'Ada Lovelace',
  email: 'ada@acme.example',
  username: 'ada',
  defaultAccountId: A.primary.id,
};
const GRACE: StoredUser = {
  uuid: 'Hn3bV6cJ0xQe5wTy2uKa7D',
  name: 'Grace Hopper',
  email: 'grace@globex.example',
  username: 'grace',
  defaultAccountId: A.other.id,
};
const PETER: StoredUser = {
  uuid: 'Zr8fM1gS4hPd9kLo6jNq3E',
  name: 'Peter Gibbons',
  email: 'peter@initech.example',
  username: 'peter',
  defaultAccountId: A.restricted.id,
};

/** The parts Harness stores of a fixture token; every seeded fixture is well-formed. */
function parts(token: string): { prefix: 'pat' | 'sat'; tokenId: string; secret: string } {
  const split = splitHarnessToken(token);
  const prefix = split?.prefix;
  if (!split || (prefix !== 'pat' && prefix !== 'sat') || !split.tokenId || !split.secret) {
    throw new Error('harness-mock: a seeded fixture token is malformed');
  }
  return { prefix, tokenId: split.tokenId, secret: split.secret };
}

function userToken(
  token: string,
  user: StoredUser,
  meta: { name: string; apiKeyIdentifier: string; validFrom: number; validTo: number },
): StoredToken {
  return {
    ...parts(token),
    ...meta,
    accountIdentifier: user.defaultAccountId,
    apiKeyType: 'USER',
    parentIdentifier: user.uuid,
    email: user.email,
    username: user.username,
    user,
  };
}

const T = HARNESS_FIXTURE_TOKENS;
const utc = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/**
 * A fresh token store holding the seeded fixtures. A new Map each call, so `revokeToken` on one mock
 * (or before `reset()`) never leaks into another.
 */
export function createSeedTokens(): Map<string, StoredToken> {
  const tokens: StoredToken[] = [
    userToken(T.pat, ADA, {
      name: 'ci-pipeline',
      apiKeyIdentifier: 'ci_pipeline',
      validFrom: utc('2025-01-01'),
      validTo: utc('2031-01-01'),
    }),
    {
      ...parts(T.sat),
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
    },
    userToken(T.expired, ADA, {
      name: 'old-laptop',
      apiKeyIdentifier: 'old_laptop',
      validFrom: utc('2023-03-01'),
      validTo: utc('2024-03-01'),
    }),
    userToken(T.otherAccount, GRACE, {
      name: 'globex-cli',
      apiKeyIdentifier: 'globex_cli',
      validFrom: utc('2025-03-15'),
      validTo: utc('2030-03-15'),
    }),
    userToken(T.restricted, PETER, {
      name: 'initech-ci',
      apiKeyIdentifier: 'initech_ci',
      validFrom: utc('2025-04-01'),
      validTo: 0,
    }),
    // The legacy 3-part token carries no account id: Harness knows its account from the store only.
    userToken(T.legacy, ADA, {
      name: 'legacy-key',
      apiKeyIdentifier: 'legacy_key',
      validFrom: utc('2022-06-01'),
      validTo: 0,
    }),
  ];
  return new Map(tokens.map((t) => [t.tokenId, t]));
}
