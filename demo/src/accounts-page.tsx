import { useState, type RefObject } from 'react';
import type { LinkedAccount } from './api.ts';
import { href } from './router.ts';
import type { UseAccounts } from './use-accounts.ts';

const TOKEN_KINDS: Record<LinkedAccount['tokenKind'], string> = { pat: 'Personal access token', sat: 'Service account token' };

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

function When({ iso, withTime = false }: { iso: string; withTime?: boolean }) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <>{iso}</>;
  if (!withTime) return <time dateTime={iso}>{dateFormat.format(date)}</time>;
  return (
    <time dateTime={iso} className="when">
      <span>{dateFormat.format(date)}</span> <span className="muted">{timeFormat.format(date)}</span>
    </time>
  );
}

/** A token hint that wraps at its dots rather than anywhere. */
function Hint({ hint }: { hint: string }) {
  const parts = hint.split('.');
  return (
    <code className="muted">
      {parts.map((part, index) => (
        <span key={index}>
          {part}
          {index < parts.length - 1 ? (
            <>
              .<wbr />
            </>
          ) : null}
        </span>
      ))}
    </code>
  );
}

function Expiry({ iso, now }: { iso: string | null; now: number }) {
  if (iso === null) return <span className="muted">Never</span>;
  const expired = new Date(iso).getTime() < now;
  return (
    <>
      <When iso={iso} />
      {expired ? <span className="badge badge-danger">Expired</span> : null}
    </>
  );
}

function User({ user }: { user: LinkedAccount['user'] }) {
  if (!user || (!user.name && !user.email)) return <span className="muted">Unknown</span>;
  return (
    <span className="user">
      {user.name ? <span>{user.name}</span> : null}
      {user.email ? <span className="muted">{user.email}</span> : null}
    </span>
  );
}

interface AccountsPageProps {
  headingRef: RefObject<HTMLHeadingElement | null>;
  accounts: UseAccounts;
}

export function AccountsPage({ headingRef, accounts }: AccountsPageProps) {
  const { state, disconnect } = accounts;
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  // When the page was opened: enough to flag a token that has expired.
  const [now] = useState(() => Date.now());

  const onDisconnect = (accountId: string) => {
    setBusy(accountId);
    disconnect(accountId).then(
      () => setMessage(`Disconnected Harness account ${accountId}.`),
      (error: unknown) => setMessage(`Could not disconnect ${accountId}: ${error instanceof Error ? error.message : String(error)}`),
    ).finally(() => setBusy(null));
  };

  const list = state.accounts;
  return (
    <div className="page">
      <div className="page-header">
        <h1 ref={headingRef} tabIndex={-1}>
          Accounts
        </h1>
        <p className="lede">Harness accounts linked to the Northwind Labs workspace.</p>
      </div>

      <p role="status" className="status-line">
        {message}
      </p>
      {state.status === 'error' ? (
        <p role="alert" className="alert">
          The accounts could not be loaded: {state.message}
        </p>
      ) : null}

      <section className="card accounts" aria-labelledby="linked-title" aria-busy={state.status === 'loading'}>
        <h2 id="linked-title">Linked accounts</h2>
        {list === null ? (
          <p className="muted">Loading…</p>
        ) : list.length === 0 ? (
          <div className="empty">
            <p>No Harness account is linked yet.</p>
            <a className="button button-primary" href={href('integrations')}>
              Go to Integrations
            </a>
          </div>
        ) : (
          <div className="table-scroll">
            <table className="accounts-table">
              <caption className="visually-hidden">Linked Harness accounts</caption>
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col">Token</th>
                  <th scope="col">User</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Linked</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((account) => (
                  <tr key={account.accountId} data-account-id={account.accountId}>
                    <th scope="row" data-label="Account" className="cell-account">
                      <code>{account.accountId}</code>
                    </th>
                    <td data-label="Token">
                      <span className="token">
                        <span>{TOKEN_KINDS[account.tokenKind]}</span>
                        <Hint hint={account.tokenHint} />
                      </span>
                    </td>
                    <td data-label="User">
                      <User user={account.user} />
                    </td>
                    <td data-label="Expires" className="cell-date">
                      <Expiry iso={account.expiresAt} now={now} />
                    </td>
                    <td data-label="Linked" className="cell-date">
                      <When iso={account.linkedAt} withTime />
                    </td>
                    <td className="cell-action">
                      <button
                        type="button"
                        className="button button-danger"
                        aria-label={`Disconnect ${account.accountId}`}
                        disabled={busy === account.accountId}
                        onClick={() => onDisconnect(account.accountId)}
                      >
                        {busy === account.accountId ? 'Disconnecting…' : 'Disconnect'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
