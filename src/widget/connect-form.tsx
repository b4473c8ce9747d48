/**
 * The credentials form: react-hook-form with the core's zod/mini schema, so the form and the verifier
 * cannot disagree. Errors sit under the field they concern; a failure without a field is a banner.
 */
import { useId, useState, type ClipboardEvent } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { parseAccountIdentifier } from '../core/account.js';
import { checkHarnessCredentials } from '../core/credentials.js';
import type { HarnessConnectErrorCode, HarnessCredentialField } from '../core/errors.js';
import { parseHarnessToken } from '../core/token.js';
import type { HarnessCredentialsSchemaInput, HarnessCredentialsSchemaOutput } from '../core/schema.js';
import { CredentialField } from './credential-field.js';
import { errorText, rich, useI18n } from './i18n/index.js';
import type { UseHarnessConnectResult } from './use-harness-connect.js';

export type HarnessConnectForm = UseFormReturn<HarnessCredentialsSchemaInput, unknown, HarnessCredentialsSchemaOutput>;

export interface ConnectFormProps<TResult> {
  form: HarnessConnectForm;
  titleId: string;
  /** The flow: its status, its error (a failure not tied to a field is a banner) and its actions. */
  flow: UseHarnessConnectResult<TResult>;
}

/** A pasted (or typed) current-format key carries its account: it fills the Account Identifier if that is empty. */
export function fillAccountFromKey<TResult>(form: HarnessConnectForm, flow: UseHarnessConnectResult<TResult>, key: string) {
  const token = parseHarnessToken(key);
  if (token.ok && token.accountId !== null && !form.getValues('accountId')) {
    form.setValue('accountId', token.accountId, { shouldValidate: form.formState.isSubmitted });
    flow.emit('account_filled_from_token', { accountId: token.accountId });
  }
}

export function ConnectForm<TResult>({ titleId, flow, form }: ConnectFormProps<TResult>) {
  const { status, error, submit, back, emit, cancel } = flow;
  const id = useId();
  const { t, f } = useI18n();
  const [keyShown, setKeyShown] = useState(false);
  const { handleSubmit, setValue, getValues, setError, register, formState } = form;
  const verifying = status === 'verifying';
  const banner = error?.field === null ? error : null;

  const onInvalid = () => {
    const check = checkHarnessCredentials(getValues());
    const issues = check.ok ? [] : check.issues.map((issue) => ({ field: issue.field, problem: issue.problem }));
    emit('validation_error', { issues });
  };
  /** Checks the fields, then verifies; a failure that names a field is shown under it. */
  const submitForm = (retry: boolean) =>
    handleSubmit(async (credentials: HarnessCredentialsSchemaOutput) => {
      const outcome = await submit(credentials, { retry });
      if (outcome.status === 'error' && outcome.error.field !== null) {
        setError(outcome.error.field, { type: outcome.error.code, message: outcome.error.message }, { shouldFocus: true });
      }
    }, onInvalid);

  const apiKey = register('apiKey', { onChange: (event: { target: { value: string } }) => fillAccountFromKey(form, flow, event.target.value) });
  const accountId = register('accountId');

  const onAccountPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const parsed = parseAccountIdentifier(event.clipboardData.getData('text'));
    if (!parsed.ok || parsed.source !== 'url') return;
    // Only the id of a pasted Harness address is kept; the person can still edit it.
    event.preventDefault();
    setValue('accountId', parsed.accountId, { shouldValidate: formState.isSubmitted });
    emit('account_filled_from_url', { accountId: parsed.accountId });
  };

  /** A field's error in the catalogue's words: by problem (local checks) or by code (from `connect`). */
  const fieldError = (field: HarnessCredentialField) => {
    const error = formState.errors[field];
    if (!error) return;
    const problems: Record<string, string> = field == 'apiKey' ? t.keyProblems : t.accountProblems;
    const token = parseHarnessToken(getValues('apiKey'));
    const typed = parseAccountIdentifier(getValues('accountId') ?? '');
    return f(
      error.type.startsWith('problem:')
        ? (problems[error.type.slice(8)] ?? error.message!)
        : errorText(t, error.type as HarnessConnectErrorCode, error.message),
      { token: token.ok ? token.accountId : null, typed: typed.ok ? typed.accountId : null },
    );
  };

  return (
    <section className="step" part="step" data-step="connect" aria-labelledby={titleId}>
      <h3 id={titleId} part="step-title">
        {t.formTitle}
      </h3>
      <form
        onSubmit={submitForm(false)}
        noValidate
        data-state={status}
        aria-busy={verifying}
        aria-labelledby={titleId}
      >
        <CredentialField
          id={`${id}-key`}
          label={t.apiKey}
          hint={rich(t.apiKeyHint)}
          error={fieldError('apiKey')}
          type={keyShown ? 'text' : 'password'}
          data-autofocus=""
          readOnly={verifying}
          {...apiKey}
          addon={
            <button
              type="button"
              part="button icon"
              aria-pressed={keyShown}
              aria-controls={`${id}-key`}
              data-variant="icon"
              onClick={() => setKeyShown((shown) => !shown)}
            >
              <span aria-hidden="true">{keyShown ? t.hide : t.show}</span>
              <span className="vh">{t.showKey}</span>
            </button>
          }
        />
        <CredentialField
          id={`${id}-account`}
          label={t.accountId}
          hint={t.accountHint}
          error={fieldError('accountId')}
          type="text"
          readOnly={verifying}
          onPaste={onAccountPaste}
          {...accountId}
        />

        {banner ? (
          <div className="banner" part="error banner" data-code={banner.code} role="alert">
            <span>{errorText(t, banner.code, banner.message)}</span>
            {banner.retryable ? (
              <button type="button" part="button" onClick={() => void submitForm(true)()}>
                {t.retry}
              </button>
            ) : null}
          </div>
        ) : null}

        <p className="status" part="status" role="status">
          {verifying ? t.verifying : ''}
        </p>

        <div className="actions" part="actions">
          <button type="button" part="button" className="start" onClick={verifying ? cancel : back}>
            {verifying ? t.cancel : t.back}
          </button>
          <button
            type="submit"
            part="button primary"
            data-variant="primary"
            aria-busy={verifying}
            aria-disabled={verifying}
            data-state={verifying ? 'verifying' : 'idle'}
          >
            {verifying ? <span aria-hidden="true" className="spinner" /> : null}
            {t.connect}
          </button>
        </div>
      </form>
    </section>
  );
}
