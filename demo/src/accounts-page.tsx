import { useState, type RefObject } from 'react';
import { AccountCard } from './account-card.tsx';
import type { Announce, Notice } from './announce.ts';
import { href } from './router.ts';
import type { UseAccounts } from './use-accounts.ts';
import { useDemoConfig } from './use-config.ts';

interface AccountsPageProps {
  headingRef: RefObject<HTMLHeadingElement | null>;
  accounts: UseAccounts;
}

export function AccountsPage({ headingRef, accounts }: AccountsPageProps) {
  const { state } = accounts;
  const config = useDemoConfig();
  const [notice, setNotice] = useState<Notice | null>(null);
  const announce: Announce = (text, tone) => setNotice({ text, tone });
  // When the page was opened: enough to flag a key that has expired.
  const [now] = useState(() => Date.now());
  const simulate = config?.harness.mode === 'mock';

  const list = state.accounts;
  return (
    <div className="page">
      <div className="page-header">
        <h1 ref={headingRef} tabIndex={-1}>
          Accounts
        </h1>
        <p className="lede">
          Harness accounts linked to the Northwind Labs workspace. Shipyard keeps each key encrypted on its server and
          uses it to list your projects; Check asks Harness whether the key still works.
        </p>
      </div>

      {/* One live region, always there: its tone changes with what it says. */}
      <p role="status" className="status-line" data-tone={notice?.tone}>
        {notice?.text}
      </p>
      {state.status === 'error' ? (
        <p role="alert" className="alert">
          The accounts could not be loaded: {state.message}
        </p>
      ) : null}

      <section className="accounts" aria-labelledby="linked-title" aria-busy={state.status === 'loading'}>
        <h2 id="linked-title">Linked accounts</h2>
        {list === null ? (
          <p className="muted">Loading…</p>
        ) : list.length === 0 ? (
          <div className="empty card">
            <p>No Harness account is linked yet.</p>
            <a className="button button-primary" href={href('integrations')}>
              Go to Integrations
            </a>
          </div>
        ) : (
          list.map((account) => (
            <AccountCard
              key={account.accountId}
              account={account}
              accounts={accounts}
              now={now}
              simulate={simulate}
              announce={announce}
            />
          ))
        )}
      </section>
    </div>
  );
}
