/**
 * The confirmation inside the dialog: which Harness account is connected (by name when Harness said it), who
 * the key acts as, and until when it works. Shows what the host's `connect` (or Harness) said about the key,
 * never the key itself; a host's own result may lack any of these facts, and then they are left out.
 */
import { daysUntil } from '../core/expiry.js';
import type { HarnessConnection } from './flow.js';
import { useI18n, withoutBidiControls } from './i18n/index.js';
import { pluralText } from './i18n/plural.js';
import { CheckMark } from './icons.js';

export interface SuccessViewProps<TResult> {
  titleId: string;
  connection: HarnessConnection<TResult>;
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

export function SuccessView<TResult>({ titleId, connection, onDone }: SuccessViewProps<TResult>) {
  const { t, locale, f, brand } = useI18n('SuccessView');
  const result = asDisplayedResult(connection.result);
  const accountName = textOrNull(result.accountName);
  const who = describeWho(result);
  const kind = principalKind(result);
  // The connection's expiry and whether it is soon, as the hook decided them with the host's expiryWarningDays.
  const { expiresAt, expiresSoon } = connection;
  const daysLeft = daysUntil(expiresAt);
  const date = expiresAt !== null && daysLeft !== null ? new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(expiresAt)) : null;
  // `expiresAt: null` in the result itself: the key never expires (a result without it says nothing).
  const neverExpires = result.expiresAt === null;

  // A reconnect kept the same connection and gave it a new key: "renewed", not "connected".
  const renewed = connection.mode === 'reconnect';
  let title: string;
  if (accountName !== null) {
    const named = renewed ? (brand ? t.renewedNamedBrand : t.renewedNamed) : brand ? t.successNamedBrand : t.successNamed;
    title = f(named, { account: accountName });
  } else if (renewed) {
    title = brand ? f(t.renewedBrand) : t.renewedTitle;
  } else {
    title = brand ? f(t.successBrand) : t.successTitle;
  }

  return (
    <section className="step success" part="step success" aria-labelledby={titleId} data-step="success">
      <CheckMark />
      <h3 id={titleId} part="step-title">
        {title}
      </h3>
      <dl>
        <dt>{t.account}</dt>
        <dd>
          {/* Names come from Harness or the host's route: isolated, so that their own direction stays theirs. */}
          {accountName !== null ? (
            <>
              <bdi>{withoutBidiControls(accountName)}</bdi>{' '}
            </>
          ) : null}
          <code dir="ltr">{connection.accountId}</code>
        </dd>
        {who !== null ? (
          <>
            <dt>{t.actsAs}</dt>
            <dd>
              <bdi>{withoutBidiControls(who)}</bdi>
              {kind !== null ? <span className="kind"> · {t.principalKinds[kind]}</span> : null}
            </dd>
          </>
        ) : null}
        <dt>{t.token}</dt>
        <dd>{t.tokenKinds[connection.tokenKind]}</dd>
        {neverExpires ? (
          <>
            <dt>{t.expires}</dt>
            <dd>{t.never}</dd>
          </>
        ) : null}
        {expiresAt !== null && date !== null ? (
          <>
            <dt>{t.expires}</dt>
            <dd>
              <time dateTime={expiresAt}>{date}</time>
            </dd>
          </>
        ) : null}
      </dl>
      {expiresSoon && daysLeft !== null ? (
        <p className="callout" part="callout warning" data-tone="warning">
          {daysLeft === 0
            ? f(t.expiresToday)
            : f(pluralText(t.expiresSoon, daysLeft, locale), { count: new Intl.NumberFormat(locale).format(daysLeft), date })}
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
