/**
 * The Accounts page's routes:
 *
 *   GET    /api/accounts                 the linked accounts (never a key)
 *   DELETE /api/accounts/:id             unlinks one
 *   POST   /api/accounts/:id/check       checks the stored key with Harness (checkHarnessConnection), stores the result
 *   GET    /api/accounts/:id/projects    the account's Harness projects, listed from here with the stored key
 *
 * All of them answer only Shipyard's own pages (another local app could otherwise read who is linked, or
 * spend a stored key); the two that call Harness with a stored key are also rate-limited per client, so a
 * page left reloading cannot spend the key's Harness quota.
 */
import { checkHarnessConnection } from '../../src/server/index.ts';
import { SHIPYARD_REQUIRED_PERMISSIONS } from '../shared/required-permissions.ts';
import type { AccountStore, LinkedAccount } from './accounts.ts';
import { listHarnessProjects, type HarnessProject, type ProjectsProblem } from './harness-projects.ts';
import type { HarnessTarget } from './harness-target.ts';
import { crossOrigin, failure, json, noContent, notAllowed, notFound, tooManyAttempts } from './http-answers.ts';
import { CLIENT_ADDRESS_HEADER } from './node-adapter.ts';
import type { FixedWindowLimiter } from './rate-limit.ts';
import { isSameOrigin } from './same-origin.ts';

/** What `GET /api/accounts` answers. */
export interface AccountsAnswer {
  accounts: LinkedAccount[];
}

/** What `POST /api/accounts/:id/check` answers: the account with its new `lastCheck`. */
export interface CheckAnswer {
  account: LinkedAccount;
}

/** What `GET /api/accounts/:id/projects` answers. */
export type ProjectsAnswer =
  | { ok: true; projects: HarnessProject[]; total: number }
  | { ok: false; error: { code: ProjectsProblem | 'key_unreadable'; message: string } };

const PROJECTS_PROBLEMS: Record<ProjectsProblem, { status: number; message: string }> = {
  key_refused: {
    status: 422,
    message: 'Harness refused the stored key (revoked, expired or deleted). Reconnect the account with a new key.',
  },
  not_permitted: {
    status: 422,
    message: 'The stored key may not list projects: its role needs the “View projects” permission.',
  },
  unavailable: { status: 502, message: 'Harness could not be reached. Try again in a moment.' },
  not_harness: { status: 502, message: 'The Harness address answered something that is not Harness. Check HARNESS_BASE_URL.' },
};

/** A key sealed under another secret (SHIPYARD_SECRET changed) no longer opens: the person must reconnect. */
function keyUnreadable(): Response {
  return failure(500, {
    code: 'key_unreadable',
    message: 'The stored key could not be opened: Shipyard’s secret is not the one it was sealed under. Reconnect the account.',
  });
}

/** A path segment decoded, or `null` when it is not valid percent-encoding (no account has such an id). */
export function decodedSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export interface AccountRoutesOptions {
  store: AccountStore;
  harness: HarnessTarget;
  /** Counts calls to Harness made with stored keys, per client. */
  limiter: FixedWindowLimiter;
}

type AccountRoute = (request: Request, accountId: string) => Promise<Response>;

export function createAccountRoutes({ store, harness, limiter }: AccountRoutesOptions) {
  const noAccount = (accountId: string) => notFound(`No linked account ${accountId}.`);

  /** The stored key, opened, or the answer to give instead (rate limit, not linked, unreadable). */
  async function storedKey(request: Request, accountId: string): Promise<string | Response> {
    const verdict = limiter.take(request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown');
    if (!verdict.allowed) return tooManyAttempts(verdict.retryAfterSeconds);
    try {
      return (await store.readKey(accountId)) ?? noAccount(accountId);
    } catch {
      return keyUnreadable();
    }
  }

  const check: AccountRoute = async (request, accountId) => {
    const key = await storedKey(request, accountId);
    if (key instanceof Response) return key;
    const health = await checkHarnessConnection(key, {
      accountId,
      baseUrl: harness.baseUrl,
      allowedHosts: harness.allowedHosts,
      requiredPermissions: SHIPYARD_REQUIRED_PERMISSIONS,
      signal: request.signal,
    });
    const account = await store.recordCheck(accountId, health);
    return account === null ? noAccount(accountId) : json(200, { account } satisfies CheckAnswer);
  };

  const projects: AccountRoute = async (request, accountId) => {
    const key = await storedKey(request, accountId);
    if (key instanceof Response) return key;
    const listed = await listHarnessProjects(key, { accountId, baseUrl: harness.baseUrl, signal: request.signal });
    if (listed.ok) return json(200, { ok: true, projects: listed.projects, total: listed.total } satisfies ProjectsAnswer);
    const { status, message } = PROJECTS_PROBLEMS[listed.problem];
    return json(status, { ok: false, error: { code: listed.problem, message } } satisfies ProjectsAnswer);
  };

  const unlink: AccountRoute = async (_request, accountId) => ((await store.unlink(accountId)) ? noContent() : noAccount(accountId));

  /** Routes under /api/accounts/:id, by what follows the id, each with its one method. */
  const ACTIONS: Record<string, { method: string; route: AccountRoute }> = {
    '': { method: 'DELETE', route: unlink },
    '/check': { method: 'POST', route: check },
    '/projects': { method: 'GET', route: projects },
  };

  /** Answers a path under /api/accounts, or `null` when it is none of these routes. */
  return async (request: Request, path: string): Promise<Response | null> => {
    if (path === '/api/accounts') {
      if (request.method !== 'GET') return notAllowed('GET');
      if (!isSameOrigin(request)) return crossOrigin();
      return json(200, { accounts: await store.list() } satisfies AccountsAnswer);
    }
    const match = /^\/api\/accounts\/([^/]+)(|\/check|\/projects)$/.exec(path);
    if (!match) return null;
    const action = ACTIONS[match[2]!]!;
    if (request.method !== action.method) return notAllowed(action.method);
    if (!isSameOrigin(request)) return crossOrigin();
    const accountId = decodedSegment(match[1]!);
    return accountId === null ? noAccount(match[1]!) : action.route(request, accountId);
  };
}
