/**
 * Everything inside the open dialog for one session. Mounted per opening (keyed by the session id), so
 * closing drops the form, and the key with it, from memory and the DOM.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useRef, type ClipboardEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { parseAccountIdentifier } from '../core/account.js';
import { checkHarnessCredentials } from '../core/credentials.js';
import { harnessCredentialsSchema, type HarnessCredentialsSchemaInput, type HarnessCredentialsSchemaOutput } from '../core/schema.js';
import { parseHarnessToken } from '../core/token.js';
import { ConnectForm, fillAccountFromKey } from './connect-form.js';
import type { HarnessConnectStep } from './flow.js';
import { AccountStep, KeyStep, StepIndicator } from './guide-steps.js';
import type { SuccessView as SuccessViewType } from './success-view.js';
import type { HarnessConnectDefaultValues } from './types.js';
import type { UseHarnessConnectResult } from './use-harness-connect.js';

export interface DialogSessionProps<TResult> {
  flow: UseHarnessConnectResult<TResult>;
  defaultValues: HarnessConnectDefaultValues | undefined;
}

const schemaResolver = zodResolver(harnessCredentialsSchema);

/**
 * The confirmation's component, once its chunk is here (see `loadSuccessView`). Always there by the time
 * it renders: a success comes only from a `connect` that waited for it.
 */
let SuccessView!: typeof SuccessViewType;
let successViewLoad: Promise<void> | undefined;

/**
 * Fetches the confirmation, its own chunk (most openings never get that far), once per page. It is
 * prefetched when the dialog opens, and `<HarnessConnect/>` connects only once it is here: a success always
 * has its view, and a fetch that failed is an error to try again, not a connection nobody is shown. A
 * failed fetch is forgotten, so the next call fetches again.
 */
export const loadSuccessView = () =>
  (successViewLoad ??= import('./success-view.js').then(
    (module) => void (SuccessView = module.SuccessView),
    (error: unknown) => {
      successViewLoad = undefined;
      throw error;
    },
  ));

export function DialogSession<TResult>({ defaultValues, flow }: DialogSessionProps<TResult>) {
  const stepTitleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // No `mode` options: react-hook-form's defaults check first on submit, then again on every change.
  const form = useForm<HarnessCredentialsSchemaInput, unknown, HarnessCredentialsSchemaOutput>({
    defaultValues: { apiKey: '', accountId: defaultValues?.accountId ?? '' },
    // The schema decides; each field error's `type` becomes `problem:<problem>` so the view can show the
    // catalogue's words for it (the core's English message stays as the fallback).
    resolver: async (values, context, options) => {
      const result = await schemaResolver(values, context, options);
      const check = checkHarnessCredentials(values);
      if (!check.ok)
        for (const { field, problem } of check.issues) {
          const error = result.errors[field];
          if (error) error.type = 'problem:' + problem;
        }
      return result;
    },
  });
  const [apiKey, accountId] = useWatch({ name: ['apiKey', 'accountId'], control: form.control });

  // A step whose outcome is already there is done: a well-formed key, an account id typed or carried by it.
  const token = parseHarnessToken(apiKey);
  const account = parseAccountIdentifier(accountId ?? '');
  const done: Record<HarnessConnectStep, boolean> = {
    key: token.ok,
    account: account.ok || (token.ok && token.accountId !== null),
    connect: flow.status === 'success',
  };

  // Prefetched on each opening (after the first that loads it, a no-op); a failure shows when connecting.
  useEffect(() => void loadSuccessView().catch(() => {}), []);

  const view = flow.status === 'success' ? 'success' : flow.step;
  useEffect(() => {
    // Each view names the element that should have focus when it appears (the first field or primary button).
    ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [view]);

  // Pastes of a key: into the API Key field (reported), or anywhere on a guide step, where a well-formed key
  // goes straight into the form with the account it carries, and the form opens on it: open, paste, Enter.
  const onPaste = (event: ClipboardEvent) => {
    const text = event.clipboardData.getData('text');
    const pasted = parseHarnessToken(text);
    const guide = view == 'key' || view == 'account';
    if (guide ? !pasted.ok : (event.target as HTMLInputElement).name != 'apiKey') return;
    flow.emit('key_pasted', { tokenKind: pasted.ok ? pasted.kind : null, format: pasted.ok ? pasted.format : null });
    if (!guide || !pasted.ok) return;
    event.preventDefault();
    // The key as Harness expects it: stray spaces and line breaks of the copy left out. Checked again if the
    // form was submitted before, so an earlier error on the field does not outlive the key that fixes it.
    form.setValue('apiKey', pasted.token, { shouldValidate: form.formState.isSubmitted });
    fillAccountFromKey(form, flow, text);
    flow.goTo('connect');
  };

  return (
    <div className="session" ref={ref} data-step={view} data-state={flow.status} onPaste={onPaste}>
      <StepIndicator current={flow.status === 'success' ? 'connect' : flow.step} done={done} />
      {view === 'success' ? (
        <SuccessView titleId={stepTitleId} flow={flow} />
      ) : view === 'key' ? (
        <KeyStep titleId={stepTitleId} flow={flow} />
      ) : view === 'account' ? (
        <AccountStep titleId={stepTitleId} flow={flow} />
      ) : (
        <ConnectForm titleId={stepTitleId} flow={flow} form={form} />
      )}
    </div>
  );
}
