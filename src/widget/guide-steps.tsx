/**
 * The guide: the step indicator and the two steps that explain where the key and the account identifier
 * come from (after Harness's own "Connect with API key" instructions, in our words). Every string comes
 * from the catalogue; the linking part of Harness's guide (fill in, Connect, confirmation) is the flow
 * itself, and speaks of the host's product (`{app}`).
 */
import type { ReactNode } from 'react';
import { HARNESS_CONNECT_STEPS, type HarnessConnectStep } from './flow.js';
import { rich, useI18n } from './i18n/index.js';
import type { UseHarnessConnectResult } from './use-harness-connect.js';

export interface StepIndicatorProps {
  current: HarnessConnectStep;
  done: Readonly<Record<HarnessConnectStep, boolean>>;
}

export function StepIndicator({ done, current }: StepIndicatorProps) {
  const { t, locale } = useI18n();
  return (
    <ol className="steps" part="progress" aria-label={t.progress}>
      {HARNESS_CONNECT_STEPS.map((step, i) => {
        const state = step === current ? 'current' : done[step] ? 'done' : 'upcoming';
        return (
          <li
            key={step}
            part="step-indicator"
            data-step={step}
            data-state={state}
            aria-current={step === current ? 'step' : undefined}
            data-n={(i + 1).toLocaleString(locale)}
          >
            <span className="label">{t.steps[step]}</span>
            {done[step] ? <span className="vh"> {t.done}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

export interface GuideStepProps {
  titleId: string;
  /** The flow the step moves: Next, and at the start of the row skip to the form (first step) or Back. */
  flow: UseHarnessConnectResult<unknown>;
}

/** A guide step: its heading, what to do, then the row of actions with Next as the primary one. */
function StepFrame({ titleId, flow, children, step }: GuideStepProps & { step: 'key' | 'account'; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="step" part="step" data-step={step} aria-labelledby={titleId}>
      <h3 id={titleId} part="step-title">
        {t.steps[step]}
      </h3>
      {children}
      <div className="actions" part="actions">
        {step == 'key' ? (
          <button type="button" part="button link" className="start" onClick={() => flow.goTo('connect')} data-variant="link">
            {t.skip}
          </button>
        ) : (
          <button type="button" part="button" className="start" onClick={flow.back}>
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

export function KeyStep(props: GuideStepProps) {
  const { t, f } = useI18n();
  return (
    <StepFrame step="key" {...props}>
      <p>{f(t.keyIntro)}</p>
      <ol>
        {t.keySteps.map((text, i) => (
          <li key={i}>{rich(text)}</li>
        ))}
      </ol>
    </StepFrame>
  );
}

export function AccountStep(props: GuideStepProps) {
  const { t } = useI18n();
  return (
    <StepFrame step="account" {...props}>
      <p>{t.accountIntro}</p>
      <p>{rich(t.accountFormat)}</p>
      <p>{rich(t.accountExample)}</p>
    </StepFrame>
  );
}
