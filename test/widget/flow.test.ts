import { describe, expect, expectTypeOf, it } from 'vitest';
import { HarnessConnectError } from '../../src/core/index.js';
import {
  HARNESS_CONNECT_EVENT_NAMES,
  HARNESS_CONNECT_STEPS,
  HarnessConnect,
  type HarnessConnectEvent,
  type HarnessConnectEventName,
  type HarnessConnectOnSuccess,
  type HarnessTokenVerification,
} from '../../src/index.js';
import { flowReducer, initialFlowState, type HarnessConnection } from '../../src/widget/flow.js';

// The flow's reducer alone: no React, no DOM.
const connection: HarnessConnection<null> = {
  provider: 'harness',
  accountId: 'QckRHsqq_el0PWRb2kqkgU',
  tokenKind: 'pat',
  tokenHint: 'pat.QckRHsqq_el0PWRb2kqkgU.…8as5',
  result: null,
  connectedAt: '2026-01-01T00:00:00.000Z',
  expiresAt: null,
  expiresSoon: false,
  mode: 'connect',
};

function opened() {
  return flowReducer(initialFlowState<null>(), { type: 'open', sessionId: 's1' });
}

describe('flowReducer', () => {
  it('starts every opening on the first step with a new session', () => {
    const state = opened();
    expect(state).toMatchObject({ open: true, sessionId: 's1', step: 'key', status: 'idle', error: null });
    const moved = flowReducer(state, { type: 'go', step: 'connect' });
    const reopened = flowReducer(flowReducer(moved, { type: 'close' }), { type: 'open', sessionId: 's2' });
    expect(reopened).toMatchObject({ sessionId: 's2', step: 'key' });
  });

  it('walks only the steps of the opening: a reconnect has no account step', () => {
    let state = flowReducer(initialFlowState<null>(), { type: 'open', sessionId: 's1', steps: ['key', 'connect'] });
    expect(state).toMatchObject({ steps: ['key', 'connect'], step: 'key' });
    state = flowReducer(state, { type: 'next' });
    expect(state.step).toBe('connect');
    expect(flowReducer(state, { type: 'go', step: 'account' })).toBe(state);
    expect(flowReducer(state, { type: 'back' }).step).toBe('key');
  });

  it('keeps the closed session id, to report the close against it', () => {
    expect(flowReducer(opened(), { type: 'close' })).toMatchObject({ open: false, sessionId: 's1' });
  });

  it('walks the steps with next and back, within bounds', () => {
    let state = opened();
    state = flowReducer(state, { type: 'back' });
    expect(state.step).toBe('key');
    state = flowReducer(state, { type: 'next' });
    state = flowReducer(state, { type: 'next' });
    state = flowReducer(state, { type: 'next' });
    expect(state.step).toBe('connect');
    expect(flowReducer(state, { type: 'back' }).step).toBe('account');
  });

  it('does not change steps while verifying, and ignores a second start', () => {
    const verifying = flowReducer(flowReducer(opened(), { type: 'go', step: 'connect' }), { type: 'verify_start' });
    expect(verifying).toMatchObject({ step: 'connect', status: 'verifying' });
    expect(flowReducer(verifying, { type: 'back' })).toBe(verifying);
    expect(flowReducer(verifying, { type: 'verify_start' })).toBe(verifying);
  });

  it('drops outcomes that arrive when nothing is verifying', () => {
    const idle = opened();
    expect(flowReducer(idle, { type: 'verify_success', connection })).toBe(idle);
    expect(flowReducer(idle, { type: 'verify_error', error: new HarnessConnectError('unknown') })).toBe(idle);
  });

  it('records an error, clears it on the next attempt, and ends in success', () => {
    let state = flowReducer(opened(), { type: 'verify_start' });
    state = flowReducer(state, { type: 'verify_error', error: new HarnessConnectError('unavailable') });
    expect(state).toMatchObject({ status: 'error', error: { code: 'unavailable' } });
    state = flowReducer(state, { type: 'verify_start' });
    expect(state).toMatchObject({ status: 'verifying', error: null });
    state = flowReducer(state, { type: 'verify_success', connection });
    expect(state).toMatchObject({ status: 'success', connection });
  });

  it('returns to idle on cancel', () => {
    const state = flowReducer(flowReducer(opened(), { type: 'verify_start' }), { type: 'cancel' });
    expect(state).toMatchObject({ status: 'idle', step: 'key' });
  });
});

describe('the stable lists', () => {
  it('names every event and step', () => {
    expect(HARNESS_CONNECT_EVENT_NAMES).toEqual([
      'open',
      'step_view',
      'key_pasted',
      'account_filled_from_token',
      'account_filled_from_url',
      'validation_error',
      'submit',
      'verify_start',
      'verify_success',
      'verify_error',
      'retry',
      'cancel',
      'success',
      'close',
    ]);
    expect(HARNESS_CONNECT_STEPS).toEqual(['key', 'account', 'connect']);
  });
});

// Type tests: `tsc` (the typecheck step of `npm test`) is what checks them; at run time they do nothing.
describe('the types', () => {
  it('types the connection after what connect returns', () => {
    expectTypeOf<Parameters<HarnessConnectOnSuccess>[0]['result']>().toEqualTypeOf<HarnessTokenVerification>();
    expectTypeOf<Parameters<HarnessConnectOnSuccess<{ id: number }>>[0]['result']>().toEqualTypeOf<{ id: number }>();
    // The component infers TResult from `connect` and hands it to onSuccess, as it does for JSX props.
    // Written as a call that never runs: only its types matter.
    const _element = () =>
      HarnessConnect({
        connect: async () => ({ id: 1 }),
        onSuccess: (connected) => expectTypeOf(connected.result).toEqualTypeOf<{ id: number }>(),
      });
  });

  it('narrows an event by its type', () => {
    expectTypeOf<HarnessConnectEvent['type']>().toEqualTypeOf<HarnessConnectEventName>();
    expectTypeOf<Extract<HarnessConnectEvent, { type: 'close' }>['reason']>().toEqualTypeOf<'completed' | 'dismissed'>();
    expectTypeOf<Extract<HarnessConnectEvent, { type: 'step_view' }>['step']>().toEqualTypeOf<'key' | 'account' | 'connect'>();
  });
});
