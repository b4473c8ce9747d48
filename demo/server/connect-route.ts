/**
 * `POST /api/harness/connect`: harness-connect/server's route, put behind Shipyard's checks (same origin, a
 * rate limit) and wired to its database. Three uses, told apart by the query:
 *
 *   (none)              link a new account; one already linked is refused with 409 and nothing is written
 *   ?replace=<account>  the same, replacing that account's link (sent after the person agreed)
 *   ?renew=<account>    Reconnect: the key must be for that account and act as the principal stored for it
 *                       (read from the database, never from the request); the stored key is replaced
 */
import { createHarnessConnectHandler, HarnessConnectError } from '../../src/server/index.ts';
import { ALREADY_LINKED_STATUS, RENEW_PARAM, REPLACE_PARAM } from '../shared/connect-route.ts';
import { SHIPYARD_REQUIRED_PERMISSIONS } from '../shared/required-permissions.ts';
import type { AccountStore, LinkedAccount } from './accounts.ts';
import type { HarnessTarget } from './harness-target.ts';
import { crossOrigin, json, tooManyAttempts } from './http-answers.ts';
import { CLIENT_ADDRESS_HEADER } from './node-adapter.ts';
import type { FixedWindowLimiter } from './rate-limit.ts';
import { isSameOrigin } from './same-origin.ts';

const HTTP_NOT_FOUND = 404;

/** The account a request renews, from its query; `null` for a new link. */
function renewedAccount(request: Request): string | null {
  const value = new URL(request.url).searchParams.get(RENEW_PARAM);
  return value === null || value === '' ? null : value;
}

function replacedAccount(request: Request): string | null {
  return new URL(request.url).searchParams.get(REPLACE_PARAM);
}

const nameOf = (account: Pick<LinkedAccount, 'accountName' | 'accountId'>) => account.accountName ?? account.accountId;

/**
 * Answers in the route's own shape (a serialised `HarnessConnectError`), so the widget shows the message
 * as it shows Harness's, and `connectThroughRoute` keeps the HTTP status for the page to act on.
 */
function refusal(status: number, message: string, detail: string): Response {
  const error = new HarnessConnectError('unknown', { message, detail, status, retryable: false, field: null });
  return json(status, { ok: false, error: error.toJSON() });
}

function alreadyLinked(existing: LinkedAccount): Response {
  return refusal(
    ALREADY_LINKED_STATUS,
    `${nameOf(existing)} is already linked to Shipyard. To renew its key, use Reconnect on the Accounts page.`,
    `shipyard: account ${existing.accountId} is already linked; send ${REPLACE_PARAM}=${existing.accountId} to replace it.`,
  );
}

function notLinked(accountId: string): Response {
  return refusal(
    HTTP_NOT_FOUND,
    'This account is no longer linked to Shipyard. Close this window and connect it again from Integrations.',
    `shipyard: ${RENEW_PARAM}=${accountId} names no linked account.`,
  );
}

/** Thrown when the row a reconnect renews went away (or changed hands) while Harness was being asked. */
function linkChanged(): HarnessConnectError {
  return new HarnessConnectError('unknown', {
    message: 'This link changed while you were reconnecting (it was disconnected or replaced). Reload the Accounts page, then try again.',
    retryable: false,
    field: null,
  });
}

export interface ConnectRouteOptions {
  store: AccountStore;
  harness: HarnessTarget;
  limiter: FixedWindowLimiter;
}

export function createConnectRoute({ store, harness, limiter }: ConnectRouteOptions): (request: Request) => Promise<Response> {
  /**
   * Links refused because the account is already linked, by request: the handler answers them as verified
   * (200), and the wrapper below turns that into the 409 the page asks the person about.
   */
  const refused = new WeakMap<Request, LinkedAccount>();

  const handler = createHarnessConnectHandler({
    baseUrl: harness.baseUrl,
    allowedHosts: harness.allowedHosts,
    requiredPermissions: SHIPYARD_REQUIRED_PERMISSIONS,
    egressIps: harness.egressIps,
    async beforeVerify(request) {
      // Shipyard has no sign-in; an app with one answers 401 here when the request has no session, and
      // counts attempts per user rather than per address.
      if (!isSameOrigin(request)) return crossOrigin();
      const verdict = limiter.take(request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown');
      if (!verdict.allowed) return tooManyAttempts(verdict.retryAfterSeconds);
      const renew = renewedAccount(request);
      if (renew !== null && (await store.get(renew)) === null) return notLinked(renew);
      return undefined;
    },
    async resolveExpected(request) {
      const renew = renewedAccount(request);
      if (renew === null) return null;
      // The database's word: which account and which user or service account this link is for.
      const expected = await store.expected(renew);
      if (expected === null) throw linkChanged();
      return expected;
    },
    async onVerified(connection, { apiKey, request }) {
      // `apiKey` is sealed by the store before it reaches the database, and goes nowhere else.
      const renew = renewedAccount(request);
      if (renew !== null) {
        const renewed = await store.renew(renew, connection, apiKey);
        if (renewed === null) throw linkChanged();
        return { outcome: 'renewed' };
      }
      const replace = replacedAccount(request) === connection.accountId;
      const linked = await store.link(connection, apiKey, { replace });
      if (linked.status === 'already_linked') {
        refused.set(request, linked.existing);
        return undefined;
      }
      return { outcome: linked.status };
    },
  });

  return async (request) => {
    const response = await handler(request);
    const existing = refused.get(request);
    return existing === undefined ? response : alreadyLinked(existing);
  };
}
