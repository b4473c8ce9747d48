/**
 * The confirmation inside the dialog: which Harness account is connected (by name when Harness said it), who
 * the key acts as, and until when it works. Shows what the host's `connect` (or Harness) said about the key,
 * never the key itself; a host's own result may lack any of these facts, and then they are left out.
 */
import { keyExpiry } from './expiry.js';
import type { HarnessConnection } from './flow.js';
import { useI18n } from './i18n/index.js';
import { pluralText } from './i18n/plural.js';
import { CheckMark } from './icons.js';

export interface SuccessViewProps<TResult> {
  titleId: string;
  connection: HarnessConnection<TResult>;
  /** The host's `expiryWarningDays`. */
  expiryWarningDays: number | undefined;
  /** Done: closes the dialog as completed. */
  onDone: () => void;
}

/** The parts of a result shaped like `HarnessTokenVerification` the confirmation shows. */
interface DisplayedResult {
  accountName?: unknown;
  principal?: { kind?: unknown; name?: unknown; email?: unknown } | null;
  user?: { name?: unknown; email?: unknown } | null;
  expiresAt?: unknown;
}

function asDisplayedResult(result: unknown): DisplayedResult {
  return typeof result === 'object' && result !== null ? (result as DisplayedResult) : {};
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** "Ada Lovelace (ada@acme.example)", or whichever of the two is known; from the principal, else the user. */
function describeWho(result: DisplayedResult): string | null {
  const who = result.principal ?? result.user;
  const name = textOrNull(who?.name);
  const email = textOrNull(who?.email);
  if (name !== null && email !== null) return `${name} (${email})`;
  return name ?? email;
}

function principalKind(result: DisplayedResult): 'user' | 'service_account' | null {
  const kind = result.principal?.kind;
  return kind === 'user' || kind === 'service_account' ? kind : null;
}

export function SuccessView<TResult>({ titleId, connection, expiryWarningDays, onDone }: SuccessViewProps<TResult>) {
  const { t, locale, f, brand } = useI18n('SuccessView');
  const result = asDisplayedResult(connection.result);
  const accountName = textOrNull(result.accountName);
  const who = describeWho(result);
  const kind = principalKind(result);
  const expiry = keyExpiry(result.expiresAt, new Date(), expiryWarningDays);
  const date = expiry.kind === 'date' ? new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(expiry.date) : null;

  let title: string;
  if (accountName !== null) title = f(brand ? t.successNamedBrand : t.successNamed, { account: accountName });
  else title = brand ? f(t.successBrand) : t.successTitle;

  return (
    <section className="step success" part="step success" aria-labelledby={titleId} data-step="success">
      <CheckMark />
      <h3 id={titleId} part="step-title">
        {title}
      </h3>
      <dl>
        <dt>{t.account}</dt>
        <dd>
          {accountName !== null ? `${accountName} ` : null}
          <code dir="ltr">{connection.accountId}</code>
        </dd>
        {who !== null ? (
          <>
            <dt>{t.actsAs}</dt>
            <dd>
              {who}
              {kind !== null ? <span className="kind"> · {t.principalKinds[kind]}</span> : null}
            </dd>
          </>
        ) : null}
        <dt>{t.token}</dt>
        <dd>{t.tokenKinds[connection.tokenKind]}</dd>
        {expiry.kind === 'never' ? (
          <>
            <dt>{t.expires}</dt>
            <dd>{t.never}</dd>
          </>
        ) : null}
        {expiry.kind === 'date' ? (
          <>
            <dt>{t.expires}</dt>
            <dd>
              <time dateTime={expiry.iso}>{date}</time>
            </dd>
          </>
        ) : null}
      </dl>
      {expiry.kind === 'date' && expiry.soon ? (
        <p className="callout" part="callout warning" data-tone="warning">
          {expiry.daysLeft === 0
            ? f(t.expiresToday)
            : f(pluralText(t.expiresSoon, expiry.daysLeft, locale), {
                count: new Intl.NumberFormat(locale).format(expiry.daysLeft),
                date,
              })}
        </p>
      ) : null}
      <div className="actions" part="actions">
        {/* Focus lands here on success: the description makes a screen reader say what happened, too. */}
        <button type="button" part="button primary" aria-describedby={titleId} data-variant="primary" data-autofocus="" onClick={onDone}>
          {t.finish}
        </button>
      </div>
    </section>
  );
}
