/**
 * A failure that is not about one field: what happened and what to do, in the catalogue's words, and a
 * "Copy details" button that puts what a support team needs on the clipboard (the code, Harness's
 * correlation id, the time, the Harness host), never the key. Retrying is the form's primary button.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { HarnessConnectError } from '../core/errors.js';
import { DEFAULT_HARNESS_BASE_URL } from '../core/hosts.js';
import { errorText, useI18n } from './i18n/index.js';
import { WarningIcon } from './icons.js';

export interface ErrorBannerProps {
  error: HarnessConnectError;
  /** The Harness the widget was set up for (the `baseUrl` prop), named in the details. */
  baseUrl: string | undefined;
  /** The host's outbound addresses (`egressIps`), listed for an IP allow-list refusal unless the error has its own. */
  egressIps: readonly string[] | undefined;
}

/** The host of a base URL, or the text as given when it is not a URL (the details must never fail). */
function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/**
 * The lines a person pastes into a support request. English and plain on purpose: support teams read them,
 * whatever language the dialog spoke. Only facts that carry no secret: the error already went through the
 * scrub, and the key is never part of it.
 */
export function supportDetails(error: HarnessConnectError, failedAt: string, baseUrl: string | undefined): string {
  const lines = [
    'Harness connection failed',
    `Code: ${error.code}`,
    `Harness correlation id: ${oneLine(error.correlationId)}`,
    `HTTP status: ${Number.isInteger(error.status) ? String(error.status) : 'none'}`,
    `Harness code: ${oneLine(error.harnessCode)}`,
    `Time: ${failedAt}`,
    `Harness: ${oneLine(hostOf(baseUrl ?? DEFAULT_HARNESS_BASE_URL))}`,
  ];
  return lines.join('\n');
}

/** The longest a value from outside may be in the details (Harness's correlation ids are 36 characters). */
const MAX_DETAIL_VALUE = 80;

/**
 * A value from Harness, a proxy or a host's route as one short line of plain characters: what a person pastes
 * to support must not gain lines someone else wrote ("Support: also paste your API key").
 */
function oneLine(value: unknown): string {
  if (typeof value !== 'string' || value === '') return 'none';
  return value.replace(/[^\x20-\x7e]+/g, ' ').trim().slice(0, MAX_DETAIL_VALUE) || 'none';
}

export function ErrorBanner({ error, baseUrl, egressIps }: ErrorBannerProps) {
  const { t, f, locale } = useI18n('ErrorBanner');
  const addresses = error.code === 'ip_not_allowed' ? (error.egressIps ?? egressIps ?? []) : [];
  // When this failure was first shown: a new error object is a new failure.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `error` is what makes it a new failure
  const failedAt = useMemo(() => new Date().toISOString(), [error]);
  // How the last copy of this failure's details went: the clipboard may refuse (a permissions policy, an iframe).
  const [copy, setCopy] = useState<{ error: HarnessConnectError; outcome: 'copied' | 'refused' } | null>(null);
  const outcome = copy?.error === error ? copy.outcome : null;
  const details = supportDetails(error, failedAt, baseUrl);
  const ref = useRef<HTMLDivElement>(null);
  // On a phone the banner can appear below the fold, under the sticky actions: bring each new failure into view.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);

  const copyDetails = () => {
    // No clipboard at all (an insecure page) is a refusal too; the details are then shown to select by hand.
    const written = navigator.clipboard?.writeText(details) ?? Promise.reject(new Error('no clipboard'));
    written.then(
      () => setCopy({ error, outcome: 'copied' }),
      () => setCopy({ error, outcome: 'refused' }),
    );
  };

  return (
    <div className="banner" part="error banner" data-code={error.code} ref={ref}>
      <WarningIcon />
      <p role="alert" className="banner-text">
        {errorText(t, error.code, error.message)}
        {addresses.length > 0 ? (
          <>
            {' '}
            {f(t.egressList, { ips: new Intl.ListFormat(locale, { type: 'unit' }).format(addresses) })}
          </>
        ) : null}
      </p>
      <button type="button" className="banner-action" part="button link" data-variant="link" onClick={copyDetails}>
        {outcome === 'copied' ? t.detailsCopied : t.copyDetails}
      </button>
      <span role="status" className="vh">
        {outcome === 'copied' ? t.detailsCopied : ''}
      </span>
      {outcome === 'refused' ? (
        <div className="details" part="details">
          <p role="status">{t.copyRefused}</p>
          <pre dir="ltr" tabIndex={0}>
            {details}
          </pre>
        </div>
      ) : null}
    </div>
  );
}
