/**
 * Soak (issue 6): 80 consecutive connect attempts in one page, one widget, with faults chosen by a seeded
 * PRNG (reproducible: change SEED to explore). Each attempt is submitted from the form with Enter and ends in
 * exactly one outcome (success xor error xor cancel, as `onEvent` reports it). No unhandled rejection, and no
 * growth in DOM nodes or live event listeners between attempt 10 and the last.
 *
 * Why 80 is enough: between the two probes every kind of attempt (success then reopen, cancel, a field
 * error, a Harness fault) happens more than SLACK times (checked below), so a leak of even one node or
 * listener per attempt of any kind ends up larger than the slack.
 */
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, within } from '@testing-library/react';
import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { HarnessConnect, type HarnessConnectEvent } from '../../src/index.js';
import { HARNESS_FIXTURE_TOKENS as TOKENS, harnessHandlers, type HarnessFault } from '../../src/testing/index.js';
import { paste } from '../support/paste.js';
import { painted, widgetIn } from '../support/widget.js';

const SEED = 0x6a55;
const ATTEMPTS = 80;
/** Attempts whose DOM and listeners are compared; both end the same way (a retryable banner). */
const FIRST_PROBE = 10;
/** Allowed difference in DOM nodes and listeners between the probes. */
const SLACK = 4;

/** mulberry32: a tiny seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Plan =
  | { kind: 'fault'; fault: HarnessFault }
  | { kind: 'invalid' }
  | { kind: 'success' }
  | { kind: 'cancel' };

const FAULTS: HarnessFault[] = ['rate_limited', 'server_error', 'bad_gateway', 'service_unavailable', 'not_found', 'malformed_json', 'reset', 'html'];

function planFor(random: () => number, index: number): Plan {
  if (index === FIRST_PROBE || index === ATTEMPTS) return { kind: 'fault', fault: 'server_error' };
  const r = random();
  if (r < 0.1) return { kind: 'success' };
  if (r < 0.25) return { kind: 'cancel' };
  if (r < 0.35) return { kind: 'invalid' };
  return { kind: 'fault', fault: FAULTS[Math.floor(random() * FAULTS.length)]! };
}

// Live listeners, counted by wrapping EventTarget before anything renders.
const listeners = new Map<EventTarget, Map<string, Set<EventListenerOrEventListenerObject>>>();
const originalAdd = EventTarget.prototype.addEventListener;
const originalRemove = EventTarget.prototype.removeEventListener;
const captureOf = (options: boolean | AddEventListenerOptions | EventListenerOptions | undefined) =>
  typeof options === 'boolean' ? options : Boolean(options?.capture);

function installListenerCount() {
  EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
    // `once` listeners remove themselves unseen; signals are per request and die with it. Neither can pile up.
    if (listener && !(typeof options === 'object' && options.once) && !(this instanceof AbortSignal)) {
      const byType = listeners.get(this) ?? new Map<string, Set<EventListenerOrEventListenerObject>>();
      listeners.set(this, byType);
      const key = `${type}:${captureOf(options)}`;
      const set = byType.get(key) ?? new Set();
      byType.set(key, set);
      set.add(listener);
    }
    return originalAdd.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type, listener, options) {
    if (listener) listeners.get(this)?.get(`${type}:${captureOf(options)}`)?.delete(listener);
    return originalRemove.call(this, type, listener, options);
  };
}

function uninstallListenerCount() {
  EventTarget.prototype.addEventListener = originalAdd;
  EventTarget.prototype.removeEventListener = originalRemove;
  listeners.clear();
}

/** Listeners on the window, the document and every node still in it (shadow roots included). */
function liveListeners(): number {
  let count = 0;
  for (const [target, byType] of listeners) {
    const live = target === window || (target instanceof Node && target.isConnected);
    if (!live) continue;
    for (const set of byType.values()) count += set.size;
  }
  return count;
}

/** DOM nodes and live listeners together. */
function counts() {
  return { nodes: domNodes(), listeners: liveListeners() };
}

/**
 * The counts once they stop changing (the same across two paints): React's passive effects and react-query's
 * notifications run in tasks after a render, and a count taken half-way through them would be noise.
 */
async function settledCounts(): Promise<ReturnType<typeof counts>> {
  let previous = counts();
  return vi.waitFor(async () => {
    await painted();
    const current = counts();
    const same = current.nodes === previous.nodes && current.listeners === previous.listeners;
    previous = current;
    if (!same) throw new Error(`still changing: ${JSON.stringify(current)}`);
    return current;
  });
}

/** Every node of the document and of every shadow root in it. */
function domNodes(): number {
  let count = 0;
  const walk = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      count += 1;
      if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(document);
  return count;
}

let worker: ReturnType<typeof setupWorker>;
let mock: ReturnType<typeof harnessHandlers>['mock'];

beforeAll(async () => {
  installListenerCount();
  const harness = harnessHandlers();
  mock = harness.mock;
  worker = setupWorker(...harness.handlers);
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
afterEach(() => cleanup());
afterAll(() => {
  worker.stop();
  uninstallListenerCount();
});

const OUTCOMES = new Set(['success', 'verify_error', 'cancel']);

describe('soak', () => {
  it(`${ATTEMPTS} consecutive attempts with seeded random faults: one outcome each, no growth`, { timeout: 90_000 }, async () => {
    const rejections: unknown[] = [];
    const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
    window.addEventListener('unhandledrejection', onRejection);
    const events: HarnessConnectEvent[] = [];
    const outcomes = () => events.filter((e) => OUTCOMES.has(e.type)).length;
    const { container } = render(
      <HarnessConnect
        queryClient={new QueryClient()}
        trigger={<button type="button">Link Harness</button>}
        onEvent={(e) => events.push(e)}
      />,
    );
    const trigger = within(container).getByRole('button', { name: 'Link Harness' });
    const { view: shadow, dialog } = await widgetIn(container);

    async function openForm() {
      await userEvent.click(trigger);
      await userEvent.click(await shadow.findByRole('button', { name: 'I already have an API key' }));
      return (await shadow.findByLabelText('API Key')) as HTMLInputElement;
    }

    const random = prng(SEED);
    const plans: Plan[] = [];
    const probes: Record<number, { nodes: number; listeners: number }> = {};
    let apiKey = await openForm();
    const started = performance.now();

    for (let i = 1; i <= ATTEMPTS; i += 1) {
      const plan = planFor(random, i);
      plans.push(plan);
      const before = outcomes();
      mock.setFault(null);
      if (plan.kind === 'fault') mock.setFault(plan.fault, { times: 1 });
      if (plan.kind === 'cancel') mock.setFault('hang', { times: 1 });
      paste(apiKey, plan.kind === 'invalid' ? TOKENS.wrongSecret : TOKENS.pat, { replace: true });
      await expect.element(apiKey).toHaveValue(plan.kind === 'invalid' ? TOKENS.wrongSecret : TOKENS.pat);
      await userEvent.keyboard('{Enter}');
      if (plan.kind === 'cancel') {
        await userEvent.click(await shadow.findByRole('button', { name: 'Cancel' }));
      }
      await vi.waitFor(() => expect(outcomes()).toBe(before + 1), { timeout: 3000, interval: 5 });
      if (plan.kind === 'success') {
        await userEvent.click(await shadow.findByRole('button', { name: 'Done' }));
        await expect.element(dialog).not.toBeVisible();
        apiKey = await openForm();
      } else {
        // The form's primary button: "Try again" after a failure that may pass on a second attempt.
        await expect.element(shadow.getByRole('button', { name: /^(Connect|Try again)$/ })).toHaveAttribute('aria-busy', 'false');
      }
      if (i === FIRST_PROBE || i === ATTEMPTS) {
        await shadow.findByRole('button', { name: 'Try again' });
        probes[i] = await settledCounts();
      }
    }
    const elapsed = performance.now() - started;
    window.removeEventListener('unhandledrejection', onRejection);

    // Every attempt (a submit or a retry) ended in exactly one outcome.
    const attempts: string[][] = [];
    for (const event of events) {
      if (event.type === 'submit' || event.type === 'retry') attempts.push([]);
      else if (OUTCOMES.has(event.type)) attempts.at(-1)?.push(event.type);
    }
    expect(attempts).toHaveLength(ATTEMPTS);
    const expected = plans.map((p) => (p.kind === 'success' ? 'success' : p.kind === 'cancel' ? 'cancel' : 'verify_error'));
    expect(attempts.map((outs) => outs.join('+'))).toEqual(expected);
    // Every kind of attempt happens often enough between the probes for a leak of one per attempt to show.
    const between = plans.slice(FIRST_PROBE, ATTEMPTS);
    for (const kind of ['fault', 'invalid', 'success', 'cancel'] as const) {
      expect(between.filter((p) => p.kind === kind).length, `${kind} attempts between the probes`).toBeGreaterThan(SLACK);
    }

    expect(rejections).toEqual([]);
    const first = probes[FIRST_PROBE]!;
    const last = probes[ATTEMPTS]!;
    expect(Math.abs(last.nodes - first.nodes), `DOM nodes ${first.nodes} → ${last.nodes}`).toBeLessThanOrEqual(SLACK);
    expect(Math.abs(last.listeners - first.listeners), `listeners ${first.listeners} → ${last.listeners}`).toBeLessThanOrEqual(SLACK);
    console.info(
      `soak: ${ATTEMPTS} attempts in ${(elapsed / 1000).toFixed(1)} s; DOM nodes ${first.nodes} → ${last.nodes}; listeners ${first.listeners} → ${last.listeners}`,
    );
  });
});
