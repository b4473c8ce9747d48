import { useCallback, useEffect, useState } from 'react';
import { disconnectAccount, fetchAccounts, type LinkedAccount } from './api.ts';

export type AccountsState =
  | { status: 'loading'; accounts: null }
  | { status: 'ready'; accounts: LinkedAccount[] }
  | { status: 'error'; accounts: LinkedAccount[] | null; message: string };

export interface UseAccounts {
  state: AccountsState;
  refresh: () => Promise<void>;
  disconnect: (accountId: string) => Promise<void>;
}

/** The linked accounts, loaded once and refreshed after a connect or a disconnect. */
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

  return { state, refresh: load, disconnect };
}
