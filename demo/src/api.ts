/** Shipyard's calls to its own backend (demo/server/api.ts). */
import type { HarnessConnectContext, HarnessCredentials } from 'harness-connect';
import type { HarnessConnectHandlerAnswer, HarnessVerifiedConnection } from 'harness-connect/server';
import type { AccountsAnswer, DemoConfig } from '../server/api.ts';
import type { LinkedAccount } from '../server/accounts.ts';

export type { DemoConfig, HarnessVerifiedConnection, LinkedAccount };

async function readJson<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
  return (await response.json()) as T;
}

export async function fetchConfig(signal?: AbortSignal): Promise<DemoConfig> {
  return readJson(await fetch('/api/config', { signal }));
}

export async function fetchAccounts(signal?: AbortSignal): Promise<LinkedAccount[]> {
  return (await readJson<AccountsAnswer>(await fetch('/api/accounts', { signal }))).accounts;
}

export async function disconnectAccount(accountId: string): Promise<void> {
  const response = await fetch(`/api/accounts/${encodeURIComponent(accountId)}`, { method: 'DELETE' });
  // 404: already gone (another tab), which is what the person wanted.
  if (!response.ok && response.status !== 404) throw new Error(`The server answered ${response.status}.`);
}

/**
 * The widget's `connect`: the server verifies the key with Harness and links the account. A failure is
 * thrown as the serialised error the server answered, so the widget shows it at its field (or in a banner).
 */
export async function connectHarness(credentials: HarnessCredentials, { signal }: HarnessConnectContext): Promise<HarnessVerifiedConnection> {
  const response = await fetch('/api/harness/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey: credentials.apiKey, accountId: credentials.accountId }),
    signal,
  });
  const answer = (await response.json().catch(() => null)) as HarnessConnectHandlerAnswer | null;
  if (!answer) throw new Error(`The server answered ${response.status} without JSON.`);
  if (!answer.ok) throw answer.error;
  return answer.connection;
}
