/**
 * Shipyard's linked Harness accounts: an in-memory store, gone when the server stops.
 */
import type { HarnessVerifiedConnection } from '../../src/server/index.ts';

/** What Shipyard keeps about a linked account, and all the Accounts page shows. Never the key. */
export interface LinkedAccount {
  accountId: string;
  tokenKind: HarnessVerifiedConnection['tokenKind'];
  /** Safe to display: the token's prefix, account and the last characters of its secret at most. */
  tokenHint: string;
  tokenName: string | null;
  user: HarnessVerifiedConnection['user'];
  /** ISO 8601; `null` when the token never expires. */
  expiresAt: string | null;
  /** ISO 8601: when the account was linked (or last re-linked). */
  linkedAt: string;
}

export interface AccountStore {
  list(): LinkedAccount[];
  /** Links an account; linking the same account again replaces the earlier record. */
  link(connection: HarnessVerifiedConnection): LinkedAccount;
  /** True when the account was linked. */
  unlink(accountId: string): boolean;
  clear(): void;
}

export function createAccountStore(): AccountStore {
  const accounts = new Map<string, LinkedAccount>();
  return {
    list: () => [...accounts.values()].sort((a, b) => b.linkedAt.localeCompare(a.linkedAt)),
    link(connection) {
      // Named fields only: whatever else a connection may carry is not kept.
      const { accountId, tokenKind, tokenHint, tokenName, user, expiresAt } = connection;
      const account: LinkedAccount = {
        accountId,
        tokenKind,
        tokenHint,
        tokenName,
        user: user ? { name: user.name, email: user.email } : null,
        expiresAt,
        linkedAt: new Date().toISOString(),
      };
      accounts.set(accountId, account);
      return account;
    },
    unlink: (accountId) => accounts.delete(accountId),
    clear: () => accounts.clear(),
  };
}
