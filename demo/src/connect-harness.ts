/**
 * The widget's `connect` for Shipyard: the credentials go to Shipyard's own route (`connectThroughRoute`),
 * which verifies them with Harness and stores the link. Linking an account that is already linked is refused
 * by the route (409, nothing written); then the person is asked, and only a yes sends the key again with
 * the account to replace.
 */
import {
  connectThroughRoute,
  HarnessConnectError,
  isHarnessConnectError,
  parseAccountIdentifier,
  parseHarnessToken,
  type HarnessConnectConnect,
  type HarnessCredentials,
  type HarnessRouteConnection,
} from 'harness-connect';
import { ALREADY_LINKED_STATUS, connectRouteUrl } from '../shared/connect-route.ts';
import { fetchAccounts, type LinkedAccount } from './api.ts';

/** Asks the person whether to replace an existing link; resolves `false` when the signal aborts. */
export type AskReplace = (existing: LinkedAccount, signal: AbortSignal) => Promise<boolean>;

/** The outcome the route added to its answer (`onVerified`'s fields). */
export type ConnectOutcome = 'linked' | 'replaced' | 'renewed';

export function outcomeOf(connection: HarnessRouteConnection): ConnectOutcome | null {
  const { outcome } = connection.answer;
  return outcome === 'linked' || outcome === 'replaced' || outcome === 'renewed' ? outcome : null;
}

/** The account the credentials are for: the one typed (or pasted as an address), else the one in the key. */
function accountIdOf(credentials: HarnessCredentials): string | null {
  const typed = parseAccountIdentifier(credentials.accountId);
  if (typed.ok) return typed.accountId;
  const token = parseHarnessToken(credentials.apiKey);
  return token.ok ? token.accountId : null;
}

function isAlreadyLinked(error: unknown): boolean {
  return isHarnessConnectError(error) && error.status === ALREADY_LINKED_STATUS;
}

/** What the widget shows when the person keeps the current link: nothing failed, and nothing changed. */
function kept(existing: LinkedAccount): HarnessConnectError {
  const name = existing.accountName ?? existing.accountId;
  return new HarnessConnectError('unknown', {
    message: `Nothing changed: ${name} stays linked with its current key. To renew that key, use Reconnect on the Accounts page.`,
    retryable: false,
    field: null,
  });
}

/** Linking, with the question before a replacement. */
export function createLinkConnect(ask: AskReplace): HarnessConnectConnect<HarnessRouteConnection> {
  const link = connectThroughRoute(connectRouteUrl());
  return async (credentials, context) => {
    try {
      return await link(credentials, context);
    } catch (error) {
      const accountId = accountIdOf(credentials);
      if (!isAlreadyLinked(error) || accountId === null) throw error;
      const existing = (await fetchAccounts(context.signal)).find((account) => account.accountId === accountId);
      // Unlinked in another tab meanwhile: nothing left to replace.
      if (existing === undefined) return link(credentials, context);
      if (!(await ask(existing, context.signal))) throw kept(existing);
      return connectThroughRoute(connectRouteUrl({ replace: accountId }))(credentials, context);
    }
  };
}

/** Reconnect: the route replaces this account's stored key, after checking the key is for it and its principal. */
export function createRenewConnect(accountId: string): HarnessConnectConnect<HarnessRouteConnection> {
  return connectThroughRoute(connectRouteUrl({ renew: accountId }));
}
