/**
 * Shipyard's linked Harness accounts, in its database (see migrations/001_connections.sql). The key is kept,
 * because an app must call Harness with it later (a health check, the projects list), and kept sealed: it
 * is opened only in this process, for a call to Harness, and never answered, logged or written in clear.
 */
import type {
  HarnessConnectErrorCode,
  HarnessConnectionHealth,
  HarnessConnectionStatus,
  HarnessExpectedConnection,
  HarnessPermissionRequirement,
  HarnessPrincipal,
  HarnessVerifiedConnection,
} from '../../src/server/index.ts';
import type { Database } from './database.ts';
import type { KeyBox } from './key-box.ts';

/** What a check found, as the Accounts page shows it. */
export interface LastCheck {
  status: HarnessConnectionStatus;
  /** ISO 8601. */
  checkedAt: string;
  /** The error code behind any status but `ok` and `expiring`. */
  errorCode: HarnessConnectErrorCode | null;
  /** The required permissions Harness said the key lacks (`permissions_missing`); `[]` otherwise. */
  missing: HarnessPermissionRequirement[];
}

/** What Shipyard tells its pages about a linked account. Never the key. */
export interface LinkedAccount {
  accountId: string;
  /** `null` when Harness would not name it (a service account without `core_account_view`). */
  accountName: string | null;
  /** Who the key acts as: a person or a service account. */
  principal: HarnessPrincipal;
  tokenKind: HarnessVerifiedConnection['tokenKind'];
  /** Safe to display: the token's prefix, account and the last characters of its secret at most. */
  tokenHint: string;
  tokenName: string | null;
  /** ISO 8601; `null` when the key never expires. */
  expiresAt: string | null;
  /** ISO 8601: when the account was linked (or its link replaced). */
  linkedAt: string;
  /** ISO 8601: when a reconnect last replaced the key; `null` until one does. */
  renewedAt: string | null;
  lastCheck: LastCheck;
}

export type LinkOutcome =
  | { status: 'linked' | 'replaced'; account: LinkedAccount }
  /** Already linked and no replacement was asked for: nothing was written. */
  | { status: 'already_linked'; existing: LinkedAccount };

export interface AccountStore {
  list(): Promise<LinkedAccount[]>;
  get(accountId: string): Promise<LinkedAccount | null>;
  /** The account and principal a reconnect of this account must keep, from the database; `null` when not linked. */
  expected(accountId: string): Promise<HarnessExpectedConnection | null>;
  /** Links an account. One already linked is replaced only when `replace` says so. */
  link(connection: HarnessVerifiedConnection, apiKey: string, options: { replace: boolean }): Promise<LinkOutcome>;
  /**
   * Replaces the key of a linked account with a verified key of the same principal, in one statement (one
   * transaction): the old sealed key is overwritten, never kept beside the new one. `null` when the account
   * is no longer linked, or its link now names another principal (replaced meanwhile in another tab).
   */
  renew(accountId: string, connection: HarnessVerifiedConnection, apiKey: string): Promise<LinkedAccount | null>;
  /** Stores a health check's result; `null` when the account is no longer linked. */
  recordCheck(accountId: string, health: HarnessConnectionHealth): Promise<LinkedAccount | null>;
  /** The stored key, opened: for a call to Harness from this server only. `null` when not linked. */
  readKey(accountId: string): Promise<string | null>;
  /** The stored key's token id and expiry (for the mock's Simulate controls); `null` when not linked. */
  tokenOf(accountId: string): Promise<{ tokenId: string; expiresAt: string | null } | null>;
  /** True when the account was linked. */
  unlink(accountId: string): Promise<boolean>;
  clear(): Promise<void>;
}

/** A row of `harness_connections` without the sealed key, as PGlite returns it. */
interface AccountRow {
  account_id: string;
  account_name: string | null;
  principal_kind: HarnessPrincipal['kind'];
  principal_identifier: string | null;
  principal_name: string | null;
  principal_email: string | null;
  token_kind: LinkedAccount['tokenKind'];
  token_hint: string;
  token_name: string | null;
  expires_at: Date | null;
  linked_at: Date;
  renewed_at: Date | null;
  last_check_status: HarnessConnectionStatus;
  last_check_at: Date;
  last_check_error: HarnessConnectErrorCode | null;
  last_check_missing: unknown;
}

/** Every column but the sealed key: pages never need it, so ordinary reads never load it. */
const ACCOUNT_COLUMNS = `account_id, account_name, principal_kind, principal_identifier, principal_name, principal_email,
  token_kind, token_hint, token_name, expires_at, linked_at, renewed_at,
  last_check_status, last_check_at, last_check_error, last_check_missing`;

const isoOrNull = (date: Date | null): string | null => (date === null ? null : date.toISOString());

function toAccount(row: AccountRow): LinkedAccount {
  return {
    accountId: row.account_id,
    accountName: row.account_name,
    principal: {
      kind: row.principal_kind,
      identifier: row.principal_identifier,
      name: row.principal_name,
      email: row.principal_email,
    },
    tokenKind: row.token_kind,
    tokenHint: row.token_hint,
    tokenName: row.token_name,
    expiresAt: isoOrNull(row.expires_at),
    linkedAt: row.linked_at.toISOString(),
    renewedAt: isoOrNull(row.renewed_at),
    lastCheck: {
      status: row.last_check_status,
      checkedAt: row.last_check_at.toISOString(),
      errorCode: row.last_check_error,
      missing: Array.isArray(row.last_check_missing) ? (row.last_check_missing as HarnessPermissionRequirement[]) : [],
    },
  };
}

/** A verification counts as a check: the status it would have given, when it was made. */
function checkOf(connection: HarnessVerifiedConnection): [HarnessConnectionStatus, string] {
  return [connection.expiresSoon ? 'expiring' : 'ok', connection.verifiedAt];
}

export function createAccountStore(db: Database, keyBox: KeyBox): AccountStore {
  async function get(accountId: string): Promise<LinkedAccount | null> {
    const result = await db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM harness_connections WHERE account_id = $1`, [accountId]);
    const row = result.rows[0];
    return row === undefined ? null : toAccount(row);
  }

  return {
    async list() {
      const result = await db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM harness_connections ORDER BY linked_at DESC`);
      return result.rows.map(toAccount);
    },

    get,

    async expected(accountId) {
      const result = await db.query<Pick<AccountRow, 'principal_kind' | 'principal_identifier'>>(
        'SELECT principal_kind, principal_identifier FROM harness_connections WHERE account_id = $1',
        [accountId],
      );
      const row = result.rows[0];
      if (row === undefined) return null;
      // A principal Harness never named cannot be compared: the account alone is then what a reconnect keeps.
      if (row.principal_identifier === null) return { accountId };
      return { accountId, principal: { kind: row.principal_kind, identifier: row.principal_identifier } };
    },

    async link(connection, apiKey, { replace }) {
      const { accountId, principal } = connection;
      // Sealed before the transaction: the database never sees the key, and the transaction stays short.
      const { iv, sealed } = await keyBox.seal(apiKey, accountId);
      const [status, checkedAt] = checkOf(connection);
      return db.transaction(async (tx): Promise<LinkOutcome> => {
        const found = await tx.query<AccountRow>(
          `SELECT ${ACCOUNT_COLUMNS} FROM harness_connections WHERE account_id = $1 FOR UPDATE`,
          [accountId],
        );
        const existing = found.rows[0];
        if (existing !== undefined && !replace) return { status: 'already_linked', existing: toAccount(existing) };
        const written = await tx.query<AccountRow>(
          `INSERT INTO harness_connections (
             account_id, account_name, principal_kind, principal_identifier, principal_name, principal_email,
             token_kind, token_id, token_hint, token_name, expires_at, key_iv, key_sealed,
             linked_at, renewed_at, last_check_status, last_check_at, last_check_error, last_check_missing)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now(), NULL, $14, $15, NULL, '[]'::jsonb)
           ON CONFLICT (account_id) DO UPDATE SET
             -- A key that may not read the account's name (a service account's) keeps the name already known.
             account_name = COALESCE(EXCLUDED.account_name, harness_connections.account_name), principal_kind = EXCLUDED.principal_kind,
             principal_identifier = EXCLUDED.principal_identifier, principal_name = EXCLUDED.principal_name,
             principal_email = EXCLUDED.principal_email, token_kind = EXCLUDED.token_kind,
             token_id = EXCLUDED.token_id, token_hint = EXCLUDED.token_hint, token_name = EXCLUDED.token_name,
             expires_at = EXCLUDED.expires_at, key_iv = EXCLUDED.key_iv, key_sealed = EXCLUDED.key_sealed,
             linked_at = EXCLUDED.linked_at, renewed_at = NULL, last_check_status = EXCLUDED.last_check_status,
             last_check_at = EXCLUDED.last_check_at, last_check_error = NULL, last_check_missing = '[]'::jsonb
           RETURNING ${ACCOUNT_COLUMNS}`,
          [
            accountId,
            connection.accountName,
            principal.kind,
            principal.identifier,
            principal.name,
            principal.email,
            connection.tokenKind,
            connection.tokenId,
            connection.tokenHint,
            connection.tokenName,
            connection.expiresAt,
            iv,
            sealed,
            status,
            checkedAt,
          ],
        );
        return { status: existing === undefined ? 'linked' : 'replaced', account: toAccount(written.rows[0]!) };
      });
    },

    async renew(accountId, connection, apiKey) {
      const { principal } = connection;
      const { iv, sealed } = await keyBox.seal(apiKey, accountId);
      const [status, checkedAt] = checkOf(connection);
      // The WHERE repeats the principal check the route made against this row: if the link was replaced by
      // another principal's between that check and now, nothing is written.
      const result = await db.query<AccountRow>(
        `UPDATE harness_connections SET
           account_name = COALESCE($2, account_name), principal_name = $3, principal_email = $4,
           token_kind = $5, token_id = $6, token_hint = $7, token_name = $8, expires_at = $9,
           key_iv = $10, key_sealed = $11, renewed_at = now(),
           last_check_status = $12, last_check_at = $13, last_check_error = NULL, last_check_missing = '[]'::jsonb
         WHERE account_id = $1 AND principal_kind = $14
           AND (principal_identifier IS NULL OR principal_identifier = $15)
         RETURNING ${ACCOUNT_COLUMNS}`,
        [
          accountId,
          connection.accountName,
          principal.name,
          principal.email,
          connection.tokenKind,
          connection.tokenId,
          connection.tokenHint,
          connection.tokenName,
          connection.expiresAt,
          iv,
          sealed,
          status,
          checkedAt,
          principal.kind,
          principal.identifier,
        ],
      );
      const row = result.rows[0];
      return row === undefined ? null : toAccount(row);
    },

    async recordCheck(accountId, health) {
      const verified = health.status === 'ok' || health.status === 'expiring';
      const result = await db.query<AccountRow>(
        `UPDATE harness_connections SET
           last_check_status = $2, last_check_at = $3, last_check_error = $4, last_check_missing = $5::jsonb,
           expires_at = CASE WHEN $6::boolean THEN $7::timestamptz ELSE expires_at END
         WHERE account_id = $1
         RETURNING ${ACCOUNT_COLUMNS}`,
        [
          accountId,
          health.status,
          health.checkedAt,
          health.error?.code ?? null,
          JSON.stringify(health.missing ?? []),
          // Only a key that verified tells its expiry; a failed check leaves the one stored.
          verified,
          health.expiresAt,
        ],
      );
      const row = result.rows[0];
      return row === undefined ? null : toAccount(row);
    },

    async readKey(accountId) {
      const result = await db.query<{ key_iv: Uint8Array; key_sealed: Uint8Array }>(
        'SELECT key_iv, key_sealed FROM harness_connections WHERE account_id = $1',
        [accountId],
      );
      const row = result.rows[0];
      if (row === undefined) return null;
      return keyBox.open({ iv: row.key_iv, sealed: row.key_sealed }, accountId);
    },

    async tokenOf(accountId) {
      const result = await db.query<{ token_id: string; expires_at: Date | null }>(
        'SELECT token_id, expires_at FROM harness_connections WHERE account_id = $1',
        [accountId],
      );
      const row = result.rows[0];
      return row === undefined ? null : { tokenId: row.token_id, expiresAt: isoOrNull(row.expires_at) };
    },

    async unlink(accountId) {
      const result = await db.query('DELETE FROM harness_connections WHERE account_id = $1', [accountId]);
      return (result.affectedRows ?? 0) > 0;
    },

    async clear() {
      await db.query('DELETE FROM harness_connections');
    },
  };
}
