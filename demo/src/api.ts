/** Shipyard's calls to its own backend (demo/server/api.ts). None of them ever carries a stored key back. */
import type { AccountsAnswer, CheckAnswer, DemoConfig, ProjectsAnswer, SimulateAction, SimulateAnswer } from '../server/api.ts';
import type { LinkedAccount } from '../server/accounts.ts';

export type { DemoConfig, LinkedAccount, ProjectsAnswer, SimulateAction };
export type { HarnessProject } from '../server/harness-projects.ts';
export type { LastCheck } from '../server/accounts.ts';

/** The message of a failure answer (`{ ok: false, error: { message } }`), else the HTTP status in words. */
async function failureOf(response: Response): Promise<Error> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: unknown } } | null;
  const message = typeof body?.error?.message === 'string' ? body.error.message : `The server answered ${response.status}.`;
  return new Error(message);
}

async function readJson<T>(response: Response): Promise<T> {
  if (!response.ok) throw await failureOf(response);
  return (await response.json()) as T;
}

export async function fetchConfig(signal?: AbortSignal): Promise<DemoConfig> {
  return readJson(await fetch('/api/config', { signal }));
}

export async function fetchAccounts(signal?: AbortSignal): Promise<LinkedAccount[]> {
  return (await readJson<AccountsAnswer>(await fetch('/api/accounts', { signal }))).accounts;
}

const accountPath = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}`;

export async function disconnectAccount(accountId: string): Promise<void> {
  const response = await fetch(accountPath(accountId), { method: 'DELETE' });
  // 404: already gone (another tab), which is what the person wanted.
  if (!response.ok && response.status !== 404) throw await failureOf(response);
}

/** Has the server check the stored key with Harness; resolves with the account and its new `lastCheck`. */
export async function checkAccount(accountId: string): Promise<LinkedAccount> {
  return (await readJson<CheckAnswer>(await fetch(`${accountPath(accountId)}/check`, { method: 'POST' }))).account;
}

/** The account's Harness projects, listed by the server with the stored key; a failure is an answer too. */
export async function fetchProjects(accountId: string, signal?: AbortSignal): Promise<ProjectsAnswer> {
  const response = await fetch(`${accountPath(accountId)}/projects`, { signal });
  const answer = (await response.json().catch(() => null)) as ProjectsAnswer | null;
  if (answer === null) throw new Error(`The server answered ${response.status}.`);
  return answer;
}

/** Changes what the Harness mock answers for an account's key; resolves with what Harness will now say. */
export async function simulate(action: SimulateAction, accountId: string): Promise<string> {
  const response = await fetch(`/api/simulate/${action}/${encodeURIComponent(accountId)}`, { method: 'POST' });
  return (await readJson<SimulateAnswer>(response)).message;
}

/** Undoes every simulation: the mock as it started. */
export async function resetSimulations(): Promise<string> {
  return (await readJson<SimulateAnswer>(await fetch('/api/simulate/reset', { method: 'POST' }))).message;
}
