/**
 * The confirmation inside the dialog. Shows what the host's `connect` (or Harness) said about the key,
 * never the key itself.
 */
import type { HarnessConnection } from './flow.js';

const TOKEN_KIND_LABELS = { pat: 'Personal access token', sat: 'Service account token' } as const;

interface KnownDetails {
  user: string | null;
  /** `null` when the result says the key never expires; absent when it says nothing. */
  expiresAt?: string | null;
}

/** Reads the user and expiry from a result shaped like `HarnessTokenVerification`; a host's own result may lack them. */
function knownDetails(result: unknown): KnownDetails {
  if (typeof result !== 'object' || result === null) return { user: null };
  const { user, expiresAt } = result as { user?: { name?: unknown; email?: unknown } | null; expiresAt?: unknown };
  const name = typeof user?.name === 'string' ? user.name : null;
  const email = typeof user?.email === 'string' ? user.email : null;
  const who = name && email ? `${name} (${email})` : (name ?? email);
  return { user: who, expiresAt: typeof expiresAt === 'string' || expiresAt === null ? expiresAt : undefined };
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(date);
}

export interface SuccessViewProps<TResult> {
  titleId: string;
  connection: HarnessConnection<TResult>;
  onDone: () => void;
}

export function SuccessView<TResult>({ titleId, connection, onDone }: SuccessViewProps<TResult>) {
  const { user, expiresAt } = knownDetails(connection.result);
  return (
    <section className="step success" part="step" data-step="success" aria-labelledby={titleId}>
      <h3 id={titleId}>Harness account connected</h3>
      <dl>
        <dt>Account</dt>
        <dd>
          <code>{connection.accountId}</code>
        </dd>
        {user ? (
          <>
            <dt>User</dt>
            <dd>{user}</dd>
          </>
        ) : null}
        <dt>Token</dt>
        <dd>{TOKEN_KIND_LABELS[connection.tokenKind]}</dd>
        {expiresAt !== undefined ? (
          <>
            <dt>Expires</dt>
            <dd>{expiresAt ? <time dateTime={expiresAt}>{formatDate(expiresAt)}</time> : 'Never'}</dd>
          </>
        ) : null}
      </dl>
      <div className="actions">
        {/* Focus lands here on success: the description makes a screen reader say what happened, too. */}
        <button type="button" part="button" data-variant="primary" data-autofocus="" aria-describedby={titleId} onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}
