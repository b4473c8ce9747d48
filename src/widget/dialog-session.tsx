/**
 * Everything inside the open dialog for one session. Mounted per opening (keyed by the session id), so
 * closing drops the form, and the key with it, from memory and the DOM.
 */
import { useEffect, useId, useMemo, useRef, type ClipboardEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { parseAccountIdentifier } from '../core/account.js';
import type { HarnessCredentials } from '../core/credentials.js';
import type { HarnessPermissionRequirement } from '../core/permissions.js';
import { parseHarnessToken } from '../core/token.js';
import { ConnectForm } from './connect-form.js';
import { credentialsResolver, type CredentialsFormValues } from './credentials-form.js';
import type { HarnessConnectStep } from './flow.js';
import { AccountStep, KeyStep, StepIndicator } from './guide-steps.js';
import { PermissionsView } from './permissions-view.js';
import { SuccessView } from './success-view.js';
import type { HarnessConnectDefaultValues, HarnessConnectExisting } from './types.js';
import type { UseHarnessConnectResult } from './use-harness-connect.js';

export interface DialogSessionProps<TResult> {
  flow: UseHarnessConnectResult<TResult>;
  defaultValues: HarnessConnectDefaultValues | undefined;
  /** The host's `requiredPermissions`, named on the first step. */
  requiredPermissions: readonly HarnessPermissionRequirement[] | undefined;
  /** The id the first step's access note takes (the dialog is described by it). */
  noteId: string;
  /** The host's `baseUrl`, named in a failure's details. */
  baseUrl: string | undefined;
  /** In a reconnect: the stored connection being renewed. */
  existing: HarnessConnectExisting | undefined;
  /** The host's outbound addresses, for an IP allow-list refusal. */
  egressIps: readonly string[] | undefined;
}

const EMPTY_VALUES: CredentialsFormValues = { apiKey: '', accountId: '' };

export function DialogSession<TResult>({
  flow,
  defaultValues,
  requiredPermissions,
  noteId,
  baseUrl,
  existing,
  egressIps,
}: DialogSessionProps<TResult>) {
  const stepTitleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // A reconnect's account is fixed: the stored connection's.
  const fixedAccountId = existing?.accountId;
  // No `mode` options: react-hook-form's defaults check first on submit, then again on every change.
  const form = useForm<CredentialsFormValues, unknown, HarnessCredentials>({
    defaultValues: { apiKey: '', accountId: fixedAccountId ?? defaultValues?.accountId ?? '' },
    resolver: credentialsResolver(fixedAccountId),
  });
  const [apiKey, accountId] = useWatch({ name: ['apiKey', 'accountId'], control: form.control });

  // Each field parsed once per change of its text; the form and the step indicator read these.
  const token = useMemo(() => parseHarnessToken(apiKey), [apiKey]);
  const account = useMemo(() => parseAccountIdentifier(accountId), [accountId]);

  // A current-format key carries its account: it fills the Account Identifier while that is empty.
  const { emit, clearError } = flow;
  useEffect(() => {
    if (!token.ok || token.accountId === null || form.getValues('accountId') !== '') return;
    form.setValue('accountId', token.accountId, { shouldValidate: form.formState.isSubmitted });
    emit('account_filled_from_token', { accountId: token.accountId });
  }, [token, form, emit]);

  // A failure from `connect` describes what was typed then: any change to either field retires it.
  useEffect(() => {
    clearError();
  }, [apiKey, accountId, clearError]);

  // Closing must not leave the key behind: not in react-hook-form's values (reachable after unmount) nor in
  // the detached inputs (their value, and React's value tracker, stay alive in the page's caches).
  useEffect(() => {
    const session = ref.current;
    return () => {
      form.reset(EMPTY_VALUES);
      session?.querySelectorAll('input').forEach((input) => {
        input.value = '';
      });
    };
  }, [form]);

  // A step whose outcome is already there is done: a well-formed key, an account id typed or carried by it.
  const done: Record<HarnessConnectStep, boolean> = {
    key: token.ok,
    account: account.ok || (token.ok && token.accountId !== null),
    connect: flow.status === 'success',
  };

  let view: HarnessConnectStep | 'success' | 'permissions' = flow.step;
  if (flow.connection !== null) view = 'success';
  else if (flow.error?.code === 'missing_permissions') view = 'permissions';
  useEffect(() => {
    // Each view names the element that should have focus when it appears (the first field or primary button).
    ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [view]);

  // Pastes of a key: into the API Key field (reported), or anywhere on a guide step, where a well-formed key
  // goes straight into the form with the account it carries, and the form opens on it: open, paste, Enter.
  const onPaste = (event: ClipboardEvent) => {
    const onGuide = view === 'key' || view === 'account';
    const intoKeyField = (event.target as HTMLInputElement).name === 'apiKey';
    if (!onGuide && !intoKeyField) return;
    const pasted = parseHarnessToken(event.clipboardData.getData('text'));
    // On the guide, only a key counts as one: anything else pasted there is ignored.
    if (onGuide && !pasted.ok) return;
    emit('key_pasted', { tokenKind: pasted.ok ? pasted.kind : null, format: pasted.ok ? pasted.format : null });
    if (!onGuide || !pasted.ok) return;
    event.preventDefault();
    // The key as Harness expects it: stray spaces and line breaks of the copy left out. Checked again if the
    // form was submitted before, so an earlier error on the field does not outlive the key that fixes it.
    form.setValue('apiKey', pasted.token, { shouldValidate: form.formState.isSubmitted });
    flow.goTo('connect');
  };

  return (
    <div className="session" data-step={view} data-state={flow.status} ref={ref} onPaste={onPaste}>
      {/* The confirmation is the end of the road: the indicator gives way to it. */}
      {view !== 'success' ? <StepIndicator steps={flow.steps} current={view === 'permissions' ? 'connect' : view} done={done} /> : null}
      {flow.connection !== null ? (
        <SuccessView
          titleId={stepTitleId}
          connection={flow.connection}
          onDone={() => flow.close('completed')}
        />
      ) : view === 'permissions' && flow.error !== null ? (
        <PermissionsView
          titleId={stepTitleId}
          error={flow.error}
          accountId={form.getValues('accountId') || (token.ok ? (token.accountId ?? '') : '')}
          onUseAnotherKey={() => {
            // Back to the form with the key field empty (and focused: the form's first field takes the focus).
            form.setValue('apiKey', '');
            flow.clearError();
          }}
          onCheckAgain={() => void form.handleSubmit((credentials) => flow.submit(credentials, { retry: true }))()}
        />
      ) : view === 'key' ? (
        <KeyStep titleId={stepTitleId} flow={flow} noteId={noteId} requiredPermissions={requiredPermissions} existing={existing} />
      ) : view === 'account' ? (
        <AccountStep titleId={stepTitleId} flow={flow} />
      ) : (
        <ConnectForm
          titleId={stepTitleId}
          flow={flow}
          form={form}
          baseUrl={baseUrl}
          egressIps={egressIps}
          existing={existing}
          token={token}
          account={account}
        />
      )}
    </div>
  );
}
