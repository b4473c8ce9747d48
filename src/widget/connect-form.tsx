/**
 * The credentials form: react-hook-form with the core's checks as its resolver, so the form and the verifier
 * cannot disagree. Errors sit under the field they concern, whether found locally or by `connect`; a failure
 * without a field is a banner.
 */
import { useId, useState, type ClipboardEvent, type FormEvent } from 'react';
import type { FieldErrors } from 'react-hook-form';
import { parseAccountIdentifier, type HarnessAccountParseResult } from '../core/account.js';
import type { HarnessCredentials } from '../core/credentials.js';
import { HARNESS_CONNECT_ERROR_MESSAGES, type HarnessConnectError, type HarnessCredentialField } from '../core/errors.js';
import type { HarnessTokenParseResult } from '../core/token.js';
import { CredentialField } from './credential-field.js';
import { ErrorBanner } from './error-banner.js';
import type { CredentialsForm, CredentialsFormValues } from './credentials-form.js';
import { errorText, rich, useI18n, type I18n } from './i18n/index.js';
import { pluralText } from './i18n/plural.js';
import type { HarnessConnectExisting } from './types.js';
import { MAX_RETRY_WAIT_MS, type UseHarnessConnectResult } from './use-harness-connect.js';
import { SECOND_MS, useSecondsUntil } from './use-seconds-until.js';

export interface ConnectFormProps<TResult> {
  titleId: string;
  /** The flow: its status, its error (a failure not tied to a field is a banner) and its actions. */
  flow: UseHarnessConnectResult<TResult>;
  form: CredentialsForm;
  /** The Harness the widget was set up for (`baseUrl`), named in a failure's details. */
  baseUrl: string | undefined;
  /** The host's outbound addresses, for an IP allow-list refusal. */
  egressIps: readonly string[] | undefined;
  /** In a reconnect: the stored connection being renewed; its account is fixed. */
  existing: HarnessConnectExisting | undefined;
  /** The API Key field's text, parsed (the session parses each field once per change). */
  token: HarnessTokenParseResult;
  /** The Account Identifier field's text, parsed. */
  account: HarnessAccountParseResult;
}

const FIELDS: readonly HarnessCredentialField[] = ['apiKey', 'accountId'];

/** `table[key]` when `key` is one of its own keys: problem codes arrive as plain strings from the form state. */
/** While a wait lasts, Enter and the button do nothing (the hook would ignore the attempt anyway). */
function holdSubmit(event: FormEvent<HTMLFormElement>) {
  event.preventDefault();
}

/**
 * A reconnect refused as `principal_mismatch`, in words that name who the new key acts as (the error's
 * `principal`, from Harness) and, when the stored connection says it, whom it should act as. `null` when
 * neither name is known, or when the host gave its own message: the catalogue's general text then stands.
 */
function principalMismatchText(error: HarnessConnectError, existing: HarnessConnectExisting | undefined, { t, f }: I18n): string | null {
  if (error.code !== 'principal_mismatch' || (error.message !== '' && error.message !== HARNESS_CONNECT_ERROR_MESSAGES.principal_mismatch)) return null;
  const who = error.principal?.name ?? error.principal?.email ?? null;
  if (who === null) return null;
  const expected = existing?.principal?.name ?? null;
  return expected === null || expected === who ? f(t.principalMismatchWho, { who }) : f(t.principalMismatchNamed, { who, expected });
}

function lookup(table: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export function ConnectForm<TResult>({ titleId, flow, form, baseUrl, egressIps, existing, token, account }: ConnectFormProps<TResult>) {
  const { status, error, submit, back, emit, cancel, retryAt } = flow;
  const id = useId();
  const keyId = `${id}-key`;
  const accountFieldId = `${id}-account`;
  const i18n = useI18n('ConnectForm');
  const { t, f, locale } = i18n;
  const [keyShown, setKeyShown] = useState(false);
  const { handleSubmit, setValue, setFocus, clearErrors, register, formState } = form;
  const verifying = status === 'verifying';
  const banner = error !== null && error.field === null ? error : null;
  // After a failure that may pass on a second attempt, the primary button is the one way to try again.
  const retrying = banner !== null && banner.retryable;
  // A failure that asked to wait (Retry-After): the button counts down and stays unusable until then.
  const waitSeconds = useSecondsUntil(retryAt);
  const waiting = waitSeconds > 0 && !verifying;
  const count = new Intl.NumberFormat(locale).format(waitSeconds);
  // Announced once, with the wait as it began: the button's countdown is not read out each second.
  const askedWait = banner?.retryAfterMs ? Math.ceil(Math.min(banner.retryAfterMs, MAX_RETRY_WAIT_MS) / SECOND_MS) : 0;
  const waitNotice = waiting && askedWait > 0 ? f(pluralText(t.retryWait, askedWait, locale), { count: new Intl.NumberFormat(locale).format(askedWait) }) : '';
  // A wait that outlived the failure that asked for it (the dialog was closed and opened again, or a field
  // changed): nothing on this form says it failed, so the button does not say "Try again", and the status line
  // says why it is held.
  const waitUnexplained = waiting && error === null;
  const statusId = `${id}-status`;

  const onInvalid = (errors: FieldErrors<CredentialsFormValues>) => {
    const issues = FIELDS.flatMap((field) => {
      const fieldError = errors[field];
      return fieldError ? [{ field, problem: fieldError.type }] : [];
    });
    emit('validation_error', { issues });
  };

  /** Checks the fields, then verifies; a failure that names a field puts the focus there. */
  const submitForm = (retry: boolean) =>
    handleSubmit(async (credentials: HarnessCredentials) => {
      const outcome = await submit(credentials, { retry });
      if (outcome.status === 'error' && outcome.error.field !== null) setFocus(outcome.error.field);
    }, onInvalid);

  const onAccountPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const parsed = parseAccountIdentifier(event.clipboardData.getData('text'));
    if (!parsed.ok || parsed.source !== 'url') return;
    // Only the id of a pasted Harness address is kept; the person can still edit it.
    event.preventDefault();
    setValue('accountId', parsed.accountId, { shouldValidate: formState.isSubmitted });
    emit('account_filled_from_url', { accountId: parsed.accountId });
  };

  /** An account identifier pasted as the key goes where it belongs; the key field is free again. */
  const moveKeyToAccount = () => {
    const moved = parseAccountIdentifier(form.getValues('apiKey'));
    if (!moved.ok) return;
    setValue('accountId', moved.accountId, { shouldValidate: formState.isSubmitted });
    setValue('apiKey', '');
    clearErrors('apiKey');
    setFocus('apiKey');
  };
  const keyIsAnAccountId = formState.errors.apiKey?.type === 'looks_like_account_id';

  /** The account ids an error may name: kept whole on one line where it shows them. */
  const ids = {
    token: token.ok ? token.accountId : null,
    typed: account.ok ? account.accountId : null,
    expected: existing ? (existing.accountName ?? existing.accountId) : null,
  };
  const errorIds = [ids.token, ids.typed, existing?.accountId];

  /** A field's error in the catalogue's words: by problem (found locally) or by code (from `connect`). */
  const fieldError = (field: HarnessCredentialField): string | undefined => {
    const local = formState.errors[field];
    if (local) {
      const problems = field === 'apiKey' ? t.keyProblems : t.accountProblems;
      return f(lookup(problems, local.type) ?? local.message ?? '', ids);
    }
    if (error !== null && error.field === field) return principalMismatchText(error, existing, i18n) ?? f(errorText(t, error.code, error.message), ids);
    return undefined;
  };

  return (
    <section className="step" part="step" aria-labelledby={titleId} data-step="connect">
      <h3 id={titleId} part="step-title">
        {t.formTitle}
      </h3>
      <form aria-labelledby={titleId} aria-busy={verifying} data-state={status} noValidate onSubmit={waiting ? holdSubmit : submitForm(retrying)}>
        <CredentialField
          id={keyId}
          label={t.apiKey}
          hint={rich(t.apiKeyHint, i18n)}
          error={fieldError('apiKey')}
          errorIds={errorIds}
          errorAction={
            keyIsAnAccountId ? (
              <button type="button" className="inline-action" part="button link" data-variant="link" onClick={moveKeyToAccount}>
                {t.moveToAccount}
              </button>
            ) : null
          }
          type={keyShown ? 'text' : 'password'}
          data-autofocus=""
          readOnly={verifying}
          {...register('apiKey')}
          addon={
            <button
              type="button"
              part="button icon"
              aria-controls={keyId}
              aria-pressed={keyShown}
              data-variant="icon"
              onClick={() => setKeyShown((shown) => !shown)}
            >
              <span aria-hidden="true">{keyShown ? t.hide : t.show}</span>
              <span className="vh">{t.showKey}</span>
            </button>
          }
        />
        <CredentialField
          id={accountFieldId}
          label={t.accountId}
          hint={existing ? f(t.accountFixedHint) : t.accountHint}
          error={fieldError('accountId')}
          errorIds={errorIds}
          type="text"
          readOnly={verifying || existing !== undefined}
          {...register('accountId')}
          onPaste={onAccountPaste}
        />

        {banner ? <ErrorBanner error={banner} baseUrl={baseUrl} egressIps={egressIps} /> : null}

        <p role="status" id={statusId} className="status" part="status">
          {verifying ? t.verifying : waitUnexplained ? t.waitHeld : waitNotice}
        </p>

        <div className="actions" part="actions">
          <button type="button" className="start" part="button" onClick={verifying ? cancel : back}>
            {verifying ? t.cancel : t.back}
          </button>
          <button
            type="submit"
            part="button primary"
            aria-busy={verifying}
            aria-disabled={verifying || waiting}
            aria-describedby={waitUnexplained ? statusId : undefined}
            data-variant="primary"
            data-state={verifying ? 'verifying' : waiting ? 'waiting' : 'idle'}
          >
            {verifying ? <span className="spinner" aria-hidden="true" /> : null}
            {waiting ? f(waitUnexplained ? t.connectIn : t.retryIn, { count }) : retrying ? t.retry : t.connect}
          </button>
        </div>
      </form>
    </section>
  );
}
