/**
 * The guide: the step indicator and the two steps that explain where the key and the account identifier
 * come from (after Harness's own "Connect with API key" instructions, in our words). Every string comes
 * from the catalogue; the linking part of Harness's guide (fill in, Connect, confirmation) is the flow
 * itself, and speaks of the host's product (`{app}`).
 */
import type { ReactNode } from 'react';
import type { HarnessPermissionRequirement } from '../core/permissions.js';
import type { HarnessConnectExisting } from './types.js';
import type { HarnessConnectStep } from './flow.js';
import { rich, useI18n } from './i18n/index.js';
import { WarningIcon } from './icons.js';
import type { UseHarnessConnectResult } from './use-harness-connect.js';
import { WholeIds } from './whole-ids.js';

export interface StepIndicatorProps {
  /** This opening's steps (two for a reconnect). */
  steps: readonly HarnessConnectStep[];
  current: HarnessConnectStep;
  done: Readonly<Record<HarnessConnectStep, boolean>>;
}

/** A step's place in the indicator: the one shown, one whose outcome is there, or one still to come. */
function stepState(step: HarnessConnectStep, current: HarnessConnectStep, done: StepIndicatorProps['done']) {
  if (step === current) return 'current';
  return done[step] ? 'done' : 'upcoming';
}

/**
 * A compact indicator: "Step 1 of 3" and a dot per step, on one line at any width. The list itself (named
 * "Progress", the current step marked) is what a screen reader reads: each step's name, and whether it is done.
 */
export function StepIndicator({ steps, current, done }: StepIndicatorProps) {
  const { t, f, locale } = useI18n('StepIndicator');
  // The step numbers in the locale's own digits (Arabic-Indic for `ar`).
  const numbers = new Intl.NumberFormat(locale);
  const position = steps.indexOf(current) + 1;
  return (
    <div className="progress">
      <ol className="steps" part="progress" aria-label={t.progress}>
        {steps.map((step) => (
          <li
            key={step}
            part="step-indicator"
            aria-current={step === current ? 'step' : undefined}
            data-step={step}
            data-state={stepState(step, current, done)}
          >
            <span className="vh">
              {t.steps[step]}
              {done[step] ? ` ${t.done}` : null}
            </span>
          </li>
        ))}
      </ol>
      {/* Said by the list already: shown for the eye only. */}
      <p className="step-count" part="step-count" aria-hidden="true">
        {f(t.stepOf, { current: numbers.format(position), total: numbers.format(steps.length) })}
      </p>
    </div>
  );
}

export interface GuideStepProps {
  titleId: string;
  /** The flow the step moves: Next, and at the start of the row skip to the form (first step) or Back. */
  flow: UseHarnessConnectResult<unknown>;
}

/** A guide step: its heading, what to do, then the row of actions with Next as the primary one. */
function StepFrame({ step, titleId, flow, children }: GuideStepProps & { step: 'key' | 'account'; children: ReactNode }) {
  const { t } = useI18n('StepFrame');
  return (
    <section className="step" part="step" aria-labelledby={titleId} data-step={step}>
      <h3 id={titleId} part="step-title">
        {t.steps[step]}
      </h3>
      {children}
      <div className="actions" part="actions">
        {step === 'key' ? (
          <button type="button" className="start" part="button link" data-variant="link" onClick={() => flow.goTo('connect')}>
            {t.skip}
          </button>
        ) : (
          <button type="button" className="start" part="button" onClick={flow.back}>
            {t.back}
          </button>
        )}
        <button type="button" part="button primary" data-variant="primary" data-autofocus="" data-next="" onClick={flow.next}>
          {t.next}
        </button>
      </div>
    </section>
  );
}

export interface KeyStepProps extends GuideStepProps {
  /** In a reconnect: the stored connection being renewed (the intro is about a new token for the same principal). */
  existing: HarnessConnectExisting | undefined;
  /** The access note's id: the dialog is described by it while this step shows. */
  noteId: string;
  /** What the host needs the key to be able to do; their labels are named in the note. */
  requiredPermissions: readonly HarnessPermissionRequirement[] | undefined;
}

export function KeyStep({ noteId, requiredPermissions, existing, ...props }: KeyStepProps) {
  const i18n = useI18n('KeyStep');
  const { t, f, locale } = i18n;
  const labels = (requiredPermissions ?? []).flatMap((requirement) => (requirement.label ? [requirement.label] : []));
  return (
    <StepFrame step="key" {...props}>
      <div id={noteId} className="callout" part="note callout warning" data-tone="warning">
        <WarningIcon />
        <p>
          {t.note}
          {labels.length > 0 ? ` ${f(t.needsPermissions, { permissions: new Intl.ListFormat(locale, { type: 'unit' }).format(labels) })}` : null}
        </p>
      </div>
      {existing ? (
        <p>
          <WholeIds text={f(t.reconnectFor, { account: existing.accountName ?? existing.accountId })} ids={[existing.accountId]} />{' '}
          {existing.principal?.name ? f(t.reconnectKeyIntro, { who: existing.principal.name }) : f(t.reconnectKeyIntroUnnamed)}
        </p>
      ) : (
        <p>{f(t.keyIntro)}</p>
      )}
      <ol>
        {t.keySteps.map((text, index) => (
          <li key={index}>{rich(text, i18n)}</li>
        ))}
      </ol>
    </StepFrame>
  );
}

/** What the account step's address bar shows after `/account/`: an id of the usual shape, made up. */
const EXAMPLE_ACCOUNT_ID = 'abc123DEF456ghi789JKL0';

/**
 * A browser's address bar, drawn in HTML and CSS, on the Harness the host set up, with the account
 * identifier highlighted: the person sees where to look. On a narrow screen it breaks only after a slash.
 */
function AddressBar({ harnessUrl }: { harnessUrl: string }) {
  const host = new URL(harnessUrl).host;
  return (
    <p className="address-bar" part="address-bar" dir="ltr">
      <svg className="icon-inline lock" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
        <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      {/* Each part unbreakable, a break allowed after each slash: never inside the host or the id. */}
      <span className="url">
        <span className="url-part url-muted">https://</span>
        <span className="url-part">{host}/</span>
        <wbr />
        <span className="url-part">ng/account/</span>
        <wbr />
        <span className="url-part">
          <mark>{EXAMPLE_ACCOUNT_ID}</mark>/
        </span>
        <wbr />
        <span className="url-part">home/get-started</span>
      </span>
    </p>
  );
}

export function AccountStep(props: GuideStepProps) {
  const { t, harnessUrl } = useI18n('AccountStep');
  return (
    <StepFrame step="account" {...props}>
      <p>{t.accountIntro}</p>
      <AddressBar harnessUrl={harnessUrl} />
      <p>{t.accountExample}</p>
    </StepFrame>
  );
}
