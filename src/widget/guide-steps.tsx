/**
 * The guide: the step indicator and the two steps that explain where the key and the account identifier
 * come from (after Harness's own "Connect with API key" instructions, in our words).
 */
import type { ReactNode } from 'react';
import { HARNESS_CONNECT_STEPS, type HarnessConnectStep } from './flow.js';

/** The visible name of each step. */
export const STEP_TITLES: Record<HarnessConnectStep, string> = {
  key: 'Generate a Harness API key',
  account: 'Find your account identifier',
  connect: 'Connect',
};

const HARNESS_SIGN_IN_URL = 'https://app.harness.io';

export interface StepIndicatorProps {
  current: HarnessConnectStep;
  done: ReadonlySet<HarnessConnectStep>;
}

export function StepIndicator({ current, done }: StepIndicatorProps) {
  return (
    <ol className="steps" aria-label="Progress">
      {HARNESS_CONNECT_STEPS.map((step) => {
        const state = step === current ? 'current' : done.has(step) ? 'done' : 'upcoming';
        return (
          <li key={step} part="step-indicator" data-step={step} data-state={state} aria-current={step === current ? 'step' : undefined}>
            <span className="label">{STEP_TITLES[step]}</span>
            {done.has(step) ? <span className="visually-hidden"> (done)</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

export interface GuideStepProps {
  titleId: string;
  onNext: () => void;
  /** The action at the start of the row: skip to the form on the first step, Back after it. */
  onStart: () => void;
}

interface StepFrameProps {
  step: 'key' | 'account';
  titleId: string;
  children: ReactNode;
  /** The action at the start of the row: "I already have an API key" on the first step, Back after it. */
  start: ReactNode;
  onNext: () => void;
}

/** A guide step: its heading, what to do, then the row of actions with Next as the primary one. */
function StepFrame({ step, titleId, children, start, onNext }: StepFrameProps) {
  return (
    <section className="step" part="step" data-step={step} aria-labelledby={titleId}>
      <h3 id={titleId}>{STEP_TITLES[step]}</h3>
      {children}
      <div className="actions">
        {start}
        <button type="button" part="button" data-variant="primary" data-autofocus="" onClick={onNext}>
          Next
        </button>
      </div>
    </section>
  );
}

export function KeyStep({ titleId, onNext, onStart }: GuideStepProps) {
  return (
    <StepFrame
      step="key"
      titleId={titleId}
      onNext={onNext}
      start={
        <button type="button" part="button" data-variant="link" className="start" onClick={onStart}>
          I already have an API key
        </button>
      }
    >
      <p>A personal or service account API key lets this app read your Harness account for you.</p>
      <ol>
        <li>
          Sign in to{' '}
          <a href={HARNESS_SIGN_IN_URL} target="_blank" rel="noopener noreferrer">
            Harness (opens in a new tab)
          </a>
          , select your profile icon at the bottom left, then <strong>Profile Overview</strong>.
        </li>
        <li>
          Under <strong>My API Keys</strong>, select <strong>+ API Key</strong> and name it.
        </li>
        <li>
          Under that key, select <strong>+ Token</strong>. Copy the token at once (Harness shows it only once) and keep it safe.
        </li>
      </ol>
    </StepFrame>
  );
}

export function AccountStep({ titleId, onNext, onStart }: GuideStepProps) {
  return (
    <StepFrame
      step="account"
      titleId={titleId}
      onNext={onNext}
      start={
        <button type="button" part="button" className="start" onClick={onStart}>
          Back
        </button>
      }
    >
      <p>It names your Harness account, and it is in the address bar whenever you are signed in:</p>
      <p>
        <code>app.harness.io/ng/account/{'{ACCOUNT_ID}'}/…</code>
      </p>
      <p>
        At <code>https://app.harness.io/ng/account/abc123DEF456/home/get-started</code>, for example, it is{' '}
        <code>abc123DEF456</code>. Pasting the whole address into the form works too.
      </p>
    </StepFrame>
  );
}
