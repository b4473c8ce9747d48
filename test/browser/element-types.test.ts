import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { defineHarnessConnectElement, type HarnessConnectElement, type HarnessConnectEvent } from '../../src/element/index.js';

// The element's events as TypeScript sees them: `tsc` (npm run typecheck, which covers test/) checks the
// types below; the test run checks that the listeners are the browser's own (added, heard, removed).

type SuccessEvent = Extract<HarnessConnectEvent, { type: 'success' }>;

const placed: HTMLElement[] = [];
afterEach(async () => {
  for (const element of placed.splice(0)) element.remove();
  await Promise.resolve();
});

describe('<harness-connect> events in TypeScript', () => {
  it('types a harness-connect-<type> listener’s event as a CustomEvent with the widget’s event as detail', () => {
    defineHarnessConnectElement();
    const element = document.createElement('harness-connect');
    document.body.append(element);
    placed.push(element);
    const found = document.querySelector('harness-connect')!;
    expectTypeOf(found).toEqualTypeOf<HarnessConnectElement>();

    const heard: string[] = [];
    const onSuccess = (event: CustomEvent<SuccessEvent>) => {
      expectTypeOf(event.detail.accountId).toEqualTypeOf<string>();
      heard.push(event.detail.accountId);
    };
    found.addEventListener('harness-connect-success', onSuccess);
    found.addEventListener('harness-connect-success', (event) => {
      expectTypeOf(event).toEqualTypeOf<CustomEvent<SuccessEvent>>();
      expectTypeOf(event.detail.mode).toEqualTypeOf<SuccessEvent['mode']>();
    });
    found.addEventListener('harness-connect-close', (event) => {
      expectTypeOf(event.detail.reason).toEqualTypeOf<'completed' | 'dismissed'>();
    });
    // Every other event keeps the DOM's own types.
    found.addEventListener('keydown', (event) => expectTypeOf(event).toEqualTypeOf<KeyboardEvent>());
    found.addEventListener('some-other-event', (event) => expectTypeOf(event).toEqualTypeOf<Event>());
    // @ts-expect-error a success listener is not given a close event's detail
    found.addEventListener('harness-connect-success', (event: CustomEvent<{ reason: string }>) => event.detail.reason);

    const detail = { type: 'success', accountId: 'acc', tokenKind: 'pat', mode: 'connect', sessionId: 's', timestamp: 't' } as SuccessEvent;
    found.dispatchEvent(new CustomEvent('harness-connect-success', { detail }));
    found.removeEventListener('harness-connect-success', onSuccess);
    found.dispatchEvent(new CustomEvent('harness-connect-success', { detail }));
    expect(heard).toEqual(['acc']);
  });
});
