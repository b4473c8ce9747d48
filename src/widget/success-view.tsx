/**
 * The confirmation inside the dialog. Shows what the host's `connect` (or Harness) said about the key,
 * never the key itself. The expiry date is formatted with `Intl` in the widget's locale.
 */
import { useI18n } from './i18n/index.js';
import type { UseHarnessConnectResult } from './use-harness-connect.js';

export interface SuccessViewProps<TResult> {
  titleId: string;
  /** The flow after a success: its connection, and the close that Done completes. */
  flow: UseHarnessConnectResult<TResult>;
}

export function SuccessView<TResult>({ titleId, flow }: SuccessViewProps<TResult>) {
  const { t, locale, f, brand } = useI18n();
  const connection = flow.connection!;
  // Reads the user and expiry from a result shaped like `HarnessTokenVerification`; a host's own result may lack them.
  const result = (typeof connection.result == 'object' ? connection.result : null) as {
    user?: { name?: unknown; email?: unknown } | null;
    expiresAt?: unknown;
  } | null;
  const name = typeof result?.user?.name == 'string' ? result.user.name : null;
  const email = typeof result?.user?.email == 'string' ? result.user.email : null;
  const user = name && email ? `${name} (${email})` : (name ?? email);
  // `null`: the key never expires; absent (or not a string): the result says nothing.
  const expiresAt = result?.expiresAt;
  const date = typeof expiresAt == 'string' ? new Date(expiresAt) : null;
  return (
    <section className="step success" part="step success" data-step="success" aria-labelledby={titleId}>
      <h3 id={titleId} part="step-title">
        {brand ? f(t.successBrand) : t.successTitle}
      </h3>
      <dl>
        <dt>{t.account}</dt>
        <dd>
          <code>{connection.accountId}</code>
        </dd>
        {user ? (
          <>
            <dt>{t.user}</dt>
            <dd>{user}</dd>
          </>
        ) : null}
        <dt>{t.token}</dt>
        <dd>{t.tokenKinds[connection.tokenKind]}</dd>
        {expiresAt === null || date ? (
          <>
            <dt>{t.expires}</dt>
            <dd>
              {date ? (
                <time dateTime={expiresAt as string}>
                  {isNaN(+date) ? (expiresAt as string) : date.toLocaleDateString(locale, { dateStyle: 'long' })}
                </time>
              ) : (
                t.never
              )}
            </dd>
          </>
        ) : null}
      </dl>
      <div className="actions" part="actions">
        {/* Focus lands here on success: the description makes a screen reader say what happened, too. */}
        <button type="button" part="button primary" data-variant="primary" data-autofocus="" aria-describedby={titleId} onClick={() => flow.close('completed')}>
          {t.finish}
        </button>
      </div>
    </section>
  );
}
