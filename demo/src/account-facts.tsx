/** Small pieces that show what Shipyard knows about a linked account: dates, the token hint, who the key acts as. */
import type { LinkedAccount } from './api.ts';

export const TOKEN_KINDS: Record<LinkedAccount['tokenKind'], string> = {
  pat: 'Personal access token',
  sat: 'Service account token',
};

const PRINCIPAL_KINDS: Record<LinkedAccount['principal']['kind'], string> = {
  user: 'Person',
  service_account: 'Service account',
};

/** A key expiring within this many days is flagged, as the widget's confirmation does by default. */
export const EXPIRY_WARNING_DAYS = 30;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export function When({ iso, withTime = false }: { iso: string; withTime?: boolean }) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <>{iso}</>;
  if (!withTime) return <time dateTime={iso}>{dateFormat.format(date)}</time>;
  return (
    <time dateTime={iso} className="when">
      {dateFormat.format(date)} <span className="muted">{timeFormat.format(date)}</span>
    </time>
  );
}

/** A token hint that wraps at its dots rather than anywhere (not after its `…`: each part stays whole). */
export function Hint({ hint }: { hint: string }) {
  const parts = hint.split('.');
  return (
    <code className="muted token-hint">
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

/** "Ada Lovelace", "the service account deploy-bot", or the identifier when Harness gave no name. */
export function describePrincipal(principal: LinkedAccount['principal']): string {
  const who = principal.name ?? principal.identifier ?? 'an unnamed principal';
  return principal.kind === 'service_account' ? `the service account ${who}` : who;
}

export function Principal({ principal }: { principal: LinkedAccount['principal'] }) {
  return (
    <span className="principal">
      <span>
        {principal.name ?? principal.identifier ?? 'Unknown'} <span className="muted">· {PRINCIPAL_KINDS[principal.kind]}</span>
      </span>
      {principal.email ? <span className="muted">{principal.email}</span> : null}
    </span>
  );
}

export type ExpiryState = 'never' | 'valid' | 'soon' | 'expired';

/**
 * Where the key stands on expiry: by the date (against this browser's clock), or by what Harness said at the
 * last check (its clock is the one that counts, and the Simulate menu can move it).
 */
export function expiryState(account: LinkedAccount, now: number): ExpiryState {
  if (account.lastCheck.status === 'expired') return 'expired';
  if (account.expiresAt === null) return 'never';
  const left = Date.parse(account.expiresAt) - now;
  if (left <= 0) return 'expired';
  if (account.lastCheck.status === 'expiring' || left <= EXPIRY_WARNING_DAYS * MS_PER_DAY) return 'soon';
  return 'valid';
}

export function Expiry({ account, now }: { account: LinkedAccount; now: number }) {
  const state = expiryState(account, now);
  return (
    <span className="expiry" data-expiry={state}>
      {account.expiresAt === null ? <span className="muted">Never</span> : <When iso={account.expiresAt} />}
      {state === 'soon' ? <span className="badge badge-warning">Expires soon</span> : null}
      {state === 'expired' ? <span className="badge badge-danger">Expired</span> : null}
    </span>
  );
}
