/**
 * The confirmation inside the dialog. Shows what the host's `connect` (or Harness) said about the key,
 * never the key itself. The expiry date is formatted with `Intl` in the widget's locale.
 */
import type { HarnessConnection } from './flow.js';
import { useI18n } from './i18n/index.js';

export interface SuccessViewProps<TResult> {
  titleId: string;
  connection: HarnessConnection<TResult>;
  /** Done: closes the dialog as completed. */
  onDone: () => void;
}

/** The parts of a result shaped like `HarnessTokenVerification` the confirmation shows; a host's own may lack them. */
interface DisplayedResult {
  user?: { name?: unknown; email?: unknown } | null;
  expiresAt?: unknown;
}

function asDisplayedResult(result: unknown): DisplayedResult | null {
  return typeof result === 'object' && result !== null ? (result as DisplayedResult) : null;
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** "Ada Lovelace (ada@acme.example)", or whichever of the two is known. */
function describeUser(result: DisplayedResult | null): string | null {
  const name = textOrNull(result?.user?.name);
  const email = textOrNull(result?.user?.email);
  if (name !== null && email !== null) return `${name} (${email})`;
  return name ?? email;
}

export function SuccessView<TResult>({ titleId, connection, onDone }: SuccessViewProps<TResult>) {
  const { t, locale, f, brand } = useI18n('SuccessView');
  const result = asDisplayedResult(connection.result);
  const user = describeUser(result);
  // `null`: the key never expires; absent (or not a string): the result says nothing about expiry.
  const expiresAt = result?.expiresAt;
  const expiry = typeof expiresAt === 'string' ? new Date(expiresAt) : null;
  const expiryIsDate = expiry !== null && !Number.isNaN(expiry.getTime());
  return (
    <section className="step success" part="step success" aria-labelledby={titleId} data-step="success">
      <h3 id={titleId} part="step-title">
        {brand ? f(t.successBrand) : t.successTitle}
      </h3>
      <dl>
        <dt>{t.account}</dt>
        <dd>
          <code dir="ltr">{connection.accountId}</code>
        </dd>
        {user !== null ? (
          <>
            <dt>{t.user}</dt>
            <dd>{user}</dd>
          </>
        ) : null}
        <dt>{t.token}</dt>
        <dd>{t.tokenKinds[connection.tokenKind]}</dd>
        {expiresAt === null ? (
          <>
            <dt>{t.expires}</dt>
            <dd>{t.never}</dd>
          </>
        ) : null}
        {typeof expiresAt === 'string' ? (
          <>
            <dt>{t.expires}</dt>
            <dd>
              <time dateTime={expiresAt}>
                {expiryIsDate ? new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(expiry) : expiresAt}
              </time>
            </dd>
          </>
        ) : null}
      </dl>
      <div className="actions" part="actions">
        {/* Focus lands here on success: the description makes a screen reader say what happened, too. */}
        <button type="button" part="button primary" aria-describedby={titleId} data-variant="primary" data-autofocus="" onClick={onDone}>
          {t.finish}
        </button>
      </div>
    </section>
  );
}
