import { useCallback, useEffect, useState } from 'react';
import { checkAccount, disconnectAccount, fetchAccounts, type LinkedAccount } from './api.ts';

export type AccountsState =
  | { status: 'loading'; accounts: null }
  | { status: 'ready'; accounts: LinkedAccount[] }
  | { status: 'error'; accounts: LinkedAccount[] | null; message: string };

export interface UseAccounts {
  state: AccountsState;
  refresh: () => Promise<void>;
  disconnect: (accountId: string) => Promise<void>;
  /** Has the server check the account's stored key; resolves with the account as it now stands. */
  check: (accountId: string) => Promise<LinkedAccount>;
}

/** The linked accounts, loaded once and refreshed after a connect, a check, a reconnect or a disconnect. */
export function useAccounts(): UseAccounts {
  const [state, setState] = useState<AccountsState>({ status: 'loading', accounts: null });

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const accounts = await fetchAccounts(signal);
      setState({ status: 'ready', accounts });
    } catch (error) {
      if (signal?.aborted) return;
      setState((previous) => ({
        status: 'error',
        accounts: previous.accounts,
        message: error instanceof Error ? error.message : String(error),
      }));
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const disconnect = useCallback(
    async (accountId: string) => {
      await disconnectAccount(accountId);
      await load();
    },
    [load],
  );

  const check = useCallback(async (accountId: string) => {
    const checked = await checkAccount(accountId);
    setState((previous) =>
      previous.accounts === null
        ? previous
        : { status: 'ready', accounts: previous.accounts.map((account) => (account.accountId === accountId ? checked : account)) },
    );
    return checked;
  }, []);

  return { state, refresh: load, disconnect, check };
}
