/**
 * The widget's flow as a pure reducer: which step is shown, whether a verification is running, how the
 * last one ended. No React, no DOM: `useHarnessConnect` drives it, and tests can step through it alone.
 */
import type { HarnessConnectError } from '../core/errors.js';
import type { HarnessTokenKind } from '../core/token.js';

/** The guide's steps, in order: create a key, find the account identifier, then the form. */
export const HARNESS_CONNECT_STEPS = ['key', 'account', 'connect'] as const;

export type HarnessConnectStep = (typeof HARNESS_CONNECT_STEPS)[number];

/** `connect` links an account; `reconnect` renews a stored connection's key for the same account. */
export type HarnessConnectMode = 'connect' | 'reconnect';

/** The steps of a reconnect: the account is known, so there is nothing to find. */
export const HARNESS_RECONNECT_STEPS = ['key', 'connect'] as const satisfies readonly HarnessConnectStep[];

/** The steps a mode walks through. */
export function stepsOf(mode: HarnessConnectMode): readonly HarnessConnectStep[] {
  return mode === 'reconnect' ? HARNESS_RECONNECT_STEPS : HARNESS_CONNECT_STEPS;
}

/** `idle`: nothing running; `verifying`: `connect` is pending; `error`: the last attempt failed; `success`: connected. */
export type HarnessConnectStatus = 'idle' | 'verifying' | 'error' | 'success';

/** What the host is told on success. Never holds the API key. */
export interface HarnessConnection<TResult = unknown> {
  provider: 'harness';
  accountId: string;
  tokenKind: HarnessTokenKind;
  /** Safe to display, e.g. `pat.Ab….…9fQz` (see `parseHarnessToken`). */
  tokenHint: string;
  /** What `connect` resolved with. */
  result: TResult;
  /** ISO 8601 time of the successful verification. */
  connectedAt: string;
  /** When the key stops working (ISO 8601), from the result's `expiresAt`; `null` when it never expires or the result does not say. */
  expiresAt: string | null;
  /** True when the key expires within `expiryWarningDays`: ask for a key with a longer life before storing it. */
  expiresSoon: boolean;
  /** `reconnect` when this renewed a stored connection (the `mode` prop). */
  mode: HarnessConnectMode;
}

export interface HarnessConnectFlowState<TResult = unknown> {
  open: boolean;
  /** A fresh id per opening; kept after close so the close can be reported against it. */
  sessionId: string | null;
  /** The steps of this opening, in order (two for a reconnect). */
  steps: readonly HarnessConnectStep[];
  step: HarnessConnectStep;
  status: HarnessConnectStatus;
  error: HarnessConnectError | null;
  connection: HarnessConnection<TResult> | null;
}

export type HarnessConnectFlowAction<TResult = unknown> =
  | { type: 'open'; sessionId: string; steps?: readonly HarnessConnectStep[] }
  | { type: 'close' }
  | { type: 'go'; step: HarnessConnectStep }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'verify_start' }
  | { type: 'verify_success'; connection: HarnessConnection<TResult> }
  | { type: 'verify_error'; error: HarnessConnectError }
  | { type: 'cancel' }
  | { type: 'clear_error' };

export function initialFlowState<TResult = unknown>(): HarnessConnectFlowState<TResult> {
  return { open: false, sessionId: null, steps: HARNESS_CONNECT_STEPS, step: 'key', status: 'idle', error: null, connection: null };
}

export function flowReducer<TResult>(
  state: HarnessConnectFlowState<TResult>,
  action: HarnessConnectFlowAction<TResult>,
): HarnessConnectFlowState<TResult> {
  switch (action.type) {
    case 'open': {
      // Every opening starts over: a new session, the first step, nothing from the last one.
      const steps = action.steps ?? HARNESS_CONNECT_STEPS;
      return { ...initialFlowState<TResult>(), open: true, sessionId: action.sessionId, steps, step: steps[0] ?? 'key' };
    }
    case 'close':
      return { ...initialFlowState<TResult>(), sessionId: state.sessionId };
    case 'go':
    case 'next':
    case 'back': {
      // Steps cannot change while verifying or after success: the form's values are in use or done with.
      if (state.status === 'verifying' || state.status === 'success') return state;
      const { steps } = state;
      const index = steps.indexOf(state.step);
      // Clamped to the steps: Back on the first one stays there, and past the last one there is no step, so
      // Next stays too. A step this opening does not have (the account step of a reconnect, or anything from
      // an untyped `goTo`) is no move at all.
      let step: HarnessConnectStep;
      if (action.type === 'go') step = steps.includes(action.step) ? action.step : state.step;
      else step = steps[Math.max(0, index + (action.type === 'next' ? 1 : -1))] ?? state.step;
      return step === state.step ? state : { ...state, status: 'idle', error: null, step };
    }
    case 'verify_start':
      if (state.status === 'verifying' || state.status === 'success') return state;
      // The step stays: the widget submits from the form, a headless host from wherever its UI is.
      return { ...state, status: 'verifying', error: null };
    case 'verify_success':
      if (state.status !== 'verifying') return state;
      return { ...state, status: 'success', error: null, connection: action.connection };
    case 'verify_error':
      if (state.status !== 'verifying') return state;
      return { ...state, status: 'error', error: action.error };
    case 'cancel':
      if (state.status !== 'verifying') return state;
      return { ...state, status: 'idle', error: null };
    case 'clear_error':
      // The person changed what failed: the old error no longer describes it.
      if (state.status !== 'error') return state;
      return { ...state, status: 'idle', error: null };
  }
}
