/**
 * One linked account: whose it is, who the key acts as, until when, what the last check found, and what a
 * person can do about it (Check, Reconnect, Disconnect; Simulate with the mock). Its projects, listed with
 * the stored key, sit at the bottom.
 */
import { useId, useMemo, useState } from 'react';
import { HarnessConnect } from 'harness-connect';
import { SHIPYARD_REQUIRED_PERMISSIONS } from '../shared/required-permissions.ts';
import { Expiry, Hint, Principal, TOKEN_KINDS, When } from './account-facts.tsx';
import { AccountProjects } from './account-projects.tsx';
import type { Announce, Notice } from './announce.ts';
import type { LinkedAccount } from './api.ts';
import { createRenewConnect } from './connect-harness.ts';
import { HEALTH, standingOf } from './health.ts';
import { useLocale } from './locale.ts';
import { SHIPYARD_BRAND, WIDGET_LOOKS, useLookName, type WidgetLook } from './looks.ts';
import { SimulateMenu } from './simulate-menu.tsx';
import type { UseAccounts } from './use-accounts.ts';

interface AccountCardProps {
  account: LinkedAccount;
  accounts: UseAccounts;
  /** When the page was opened: enough to flag a key that has expired. */
  now: number;
  /** Whether the Simulate menu is offered (the Harness mock only). */
  simulate: boolean;
  announce: Announce;
}

type Busy = 'checking' | 'disconnecting' | null;

export function AccountCard({ account, accounts, now, simulate, announce }: AccountCardProps) {
  const titleId = useId();
  const [busy, setBusy] = useState<Busy>(null);
  const { accountId, lastCheck } = account;
  const name = account.accountName ?? accountId;
  const health = HEALTH[lastCheck.status];
  const standing = standingOf(account);
  const renew = useMemo(() => createRenewConnect(accountId), [accountId]);
  const locale = useLocale();
  const look: WidgetLook = WIDGET_LOOKS[useLookName()];
  const { principal } = account;
  // Shown by the widget ("a new token for Ada Lovelace"); the route checks the key against the database's copy.
  const existing = {
    accountId,
    accountName: account.accountName,
    principal: principal.identifier === null ? null : { kind: principal.kind, identifier: principal.identifier, name: principal.name },
  };

  const act = (kind: Exclude<Busy, null>, work: () => Promise<Notice>, failed: string) => {
    setBusy(kind);
    work()
      .then(
        ({ text, tone }) => announce(text, tone),
        (error: unknown) => announce(`${failed}: ${error instanceof Error ? error.message : String(error)}`, 'danger'),
      )
      .finally(() => setBusy(null));
  };

  const onCheck = () =>
    act(
      'checking',
      async () => {
        const { lastCheck: found } = await accounts.check(accountId);
        const result = HEALTH[found.status];
        // Anything but OK says what it means and what to do (Reconnect, ask an admin, try later).
        const text = found.status === 'ok' ? `Checked ${name}: ${result.label}.` : `Checked ${name}: ${result.label}. ${result.says(found)}`;
        return { text, tone: result.tone };
      },
      `Could not check ${name}`,
    );

  const onDisconnect = () =>
    act(
      'disconnecting',
      async () => {
        await accounts.disconnect(accountId);
        return { text: `Disconnected Harness account ${accountId}.`, tone: 'ok' };
      },
      `Could not disconnect ${accountId}`,
    );

  return (
    <article className="card account" aria-labelledby={titleId} data-account-id={accountId} data-health={lastCheck.status}>
      <div className="account-head">
        <div>
          <h3 id={titleId}>{name}</h3>
          <code className="muted account-id" title={accountId}>
            {accountId}
          </code>
        </div>
        <span className={`badge badge-${standing.tone}`}>{standing.label}</span>
      </div>

      <dl className="facts">
        <div>
          <dt>Acts as</dt>
          <dd>
            <Principal principal={account.principal} />
          </dd>
        </div>
        <div>
          <dt>Key</dt>
          <dd className="token">
            <span>{TOKEN_KINDS[account.tokenKind]}</span>
            <Hint hint={account.tokenHint} />
          </dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd>
            <Expiry account={account} now={now} />
          </dd>
        </div>
        <div>
          <dt>Linked</dt>
          <dd>
            <When iso={account.linkedAt} withTime />
            {account.renewedAt !== null ? (
              <span className="muted">
                Key renewed <When iso={account.renewedAt} withTime />
              </span>
            ) : null}
          </dd>
        </div>
        <div className="fact-wide">
          <dt>Last check</dt>
          <dd className="check" data-check-status={lastCheck.status}>
            <span>
              <span className={`badge badge-${health.tone}`}>{health.label}</span> <When iso={lastCheck.checkedAt} withTime />
            </span>
            <span className="muted">{health.says(lastCheck)}</span>
          </dd>
        </div>
      </dl>

      <div className="account-actions">
        <button type="button" className="button" aria-describedby={titleId} disabled={busy !== null} onClick={onCheck}>
          {busy === 'checking' ? 'Checking…' : 'Check'}
        </button>
        <HarnessConnect
          mode="reconnect"
          connection={existing}
          connect={renew}
          requiredPermissions={SHIPYARD_REQUIRED_PERMISSIONS}
          brand={SHIPYARD_BRAND}
          theme={look.theme}
          colorScheme={look.colorScheme}
          locale={locale}
          trigger={
            <button type="button" className={health.needsReconnect ? 'button button-primary' : 'button'} aria-describedby={titleId}>
              Reconnect
            </button>
          }
          onSuccess={() => {
            announce(`Renewed the key of ${name}.`, 'ok');
            void accounts.refresh();
          }}
        />
        <button
          type="button"
          className="button button-danger"
          aria-describedby={titleId}
          disabled={busy !== null}
          onClick={onDisconnect}
        >
          {busy === 'disconnecting' ? 'Disconnecting…' : 'Disconnect'}
        </button>
        {simulate ? <SimulateMenu account={account} announce={announce} /> : null}
      </div>

      <AccountProjects accountId={accountId} version={`${account.linkedAt}|${account.renewedAt}|${lastCheck.checkedAt}`} />
    </article>
  );
}
