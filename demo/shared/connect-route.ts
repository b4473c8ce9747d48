/**
 * How the pages address Shipyard's connect route (demo/server/connect-route.ts). Plain constants, shared by
 * the server and the pages so neither can misspell what the other reads.
 */

/** The route: verifies `{ apiKey, accountId }` with Harness, then links (or renews) the account. */
export const CONNECT_ROUTE = '/api/harness/connect';

/**
 * Names the linked account a request renews (Reconnect). The route reads the account and the principal to
 * expect from its database, never from the request: this only says which row.
 */
export const RENEW_PARAM = 'renew';

/**
 * Allows replacing the link of an account that is already linked: its id, sent only after the person said
 * yes. Without it the route answers 409 and writes nothing.
 */
export const REPLACE_PARAM = 'replace';

/** The status of "already linked": the page asks the person, then sends `REPLACE_PARAM`. */
export const ALREADY_LINKED_STATUS = 409;

/** The route's address for linking, replacing (`replace`) or renewing (`renew`) one account. */
export function connectRouteUrl(options: { renew?: string; replace?: string } = {}): string {
  const query = new URLSearchParams();
  if (options.renew !== undefined) query.set(RENEW_PARAM, options.renew);
  if (options.replace !== undefined) query.set(REPLACE_PARAM, options.replace);
  const search = query.toString();
  return search === '' ? CONNECT_ROUTE : `${CONNECT_ROUTE}?${search}`;
}
