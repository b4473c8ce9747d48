/**
 * Secret hygiene (issue 6): every flow of the fault matrix driven with a recognisable key, then the key and its
 * last 20 characters searched for everywhere a page can keep or send text: the DOM (every shadow root, every
 * attribute, every input's value), the console, every callback and DOM event payload, the storages, cookies,
 * the URL and history, and every request to a host other than the allowed Harness base. Expected: zero.
 *
 * Also the base URL refusals: `javascript:`, `data:`, plain `http:` to a non-local host, a non-Harness host
 * without allow-listing: a configuration banner, `onError` with code `configuration`, and no request at all.
 */
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, within } from '@testing-library/react';
import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  HarnessConnect,
  type HarnessConnectConnect,
  type HarnessConnectProps,
} from '../../src/index.js';
import { verifyHarnessToken } from '../../src/core/index.js';
import {
  HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS,
  HARNESS_FIXTURE_TOKENS as TOKENS,
  harnessHandlers,
  type HarnessFault,
} from '../../src/testing/index.js';
import { paste } from '../support/paste.js';
import { nextTask, widgetIn } from '../support/widget.js';

const { handlers, mock } = harnessHandlers();
const worker = setupWorker(...handlers);

/** The only origin the key may be sent to in these tests. */
const ALLOWED_ORIGIN = 'https://app.harness.io';

/** A made-up, well-formed key of the primary account whose secret is easy to spot. */
const RECOGNISABLE = `pat.${ACCOUNTS.primary.id}.AbCdEfGhIjKlMnOpQrStUvWx.ZZsecretZZsecretZZse`;

interface SentRequest {
  via: 'fetch' | 'msw';
  url: string;
  headers: string;
  body: string;
}

let sent: SentRequest[];
/** Every request the page made and every recording of one still being read: settled, nothing more comes. */
let pending: Promise<unknown>[];
let payloads: unknown[];
let consoleSpies: MockInstance[];
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table', 'group', 'groupCollapsed'] as const;

const originalFetch = window.fetch;

/** Records every fetch the page makes, with its headers and body, before passing it on. */
function recordingFetch(...args: Parameters<typeof fetch>): ReturnType<typeof fetch> {
  const request = new Request(args[0], args[1]);
  const init = args[1];
  const headers = JSON.stringify([...request.headers.entries()]);
  const body = typeof init?.body === 'string' ? init.body : init?.body === undefined || init.body === null ? '' : '[non-string body]';
  sent.push({ via: 'fetch', url: request.url, headers, body });
  const response = originalFetch(...args);
  pending.push(response);
  return response;
}

/** Resolves once every request has ended and been recorded, and the widget has reacted to its outcome. */
async function requestsEnded() {
  await Promise.allSettled(pending);
  await nextTask();
}

beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  worker.events.on('request:start', ({ request }) => {
    const recorded = request
      .clone()
      .text()
      .then(
        (body) => sent.push({ via: 'msw', url: request.url, headers: JSON.stringify([...request.headers.entries()]), body }),
        () => sent.push({ via: 'msw', url: request.url, headers: JSON.stringify([...request.headers.entries()]), body: '' }),
      );
    pending.push(recorded);
  });
});
beforeEach(() => {
  sent = [];
  pending = [];
  payloads = [];
  window.fetch = recordingFetch;
  consoleSpies = CONSOLE_METHODS.map((method) => vi.spyOn(console, method));
});
afterEach(() => {
  cleanup();
  mock.reset();
  window.fetch = originalFetch;
  consoleSpies.forEach((spy) => spy.mockRestore());
});
afterAll(() => worker.stop());

/** Every piece of text the DOM holds: nodes' text, every attribute, input values, in every shadow root. */
function domText(): string {
  const parts: string[] = [document.documentElement.outerHTML];
  const walk = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      if (node instanceof Element) {
        for (const attribute of node.attributes) parts.push(attribute.value);
        if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) parts.push(node.value);
        if (node.shadowRoot) walk(node.shadowRoot);
      } else {
        parts.push(node.nodeValue ?? '');
      }
    }
  };
  walk(document);
  return parts.join('\n');
}

/** Where the key could have ended up, place by place. */
function places(): Record<string, string> {
  return {
    dom: domText(),
    console: JSON.stringify(consoleSpies.flatMap((spy) => spy.mock.calls), (_k, v: unknown) => (v instanceof Error ? `${v.name}: ${v.message}` : v)),
    payloads: JSON.stringify(payloads),
    localStorage: JSON.stringify({ ...localStorage }),
    sessionStorage: JSON.stringify({ ...sessionStorage }),
    cookie: document.cookie,
    url: location.href,
    history: JSON.stringify(history.state),
    foreignRequests: JSON.stringify(sent.filter((r) => new URL(r.url).origin !== ALLOWED_ORIGIN)),
    requestUrls: JSON.stringify(sent.map((r) => r.url)),
  };
}

function expectNowhere(key: string) {
  const needles = [key, key.slice(-20)];
  const found = Object.entries(places()).flatMap(([place, text]) => needles.filter((n) => text.includes(n)).map((n) => `${place}: ${n}`));
  expect(found).toEqual([]);
}

const DOM_EVENT_NAMES = ['open', 'step_view', 'key_pasted', 'account_filled_from_token', 'submit', 'verify_start', 'verify_success', 'verify_error', 'retry', 'cancel', 'success', 'close'];

/** Opens the widget, listens to everything it reports, fills the form and clicks Connect. */
async function drive(props: Partial<HarnessConnectProps<unknown>>, key: string, accountId?: string) {
  const domListener = (event: Event) => payloads.push((event as CustomEvent).detail);
  for (const name of DOM_EVENT_NAMES) document.addEventListener(`harness-connect-${name}`, domListener);
  const onClose = vi.fn();
  const onError = vi.fn((e: unknown) => payloads.push(e));
  const { container } = render(
    <HarnessConnect<unknown>
      queryClient={new QueryClient()}
      trigger={<button type="button">Link Harness</button>}
      onEvent={(e) => payloads.push(e)}
      onSuccess={(c) => payloads.push(c)}
      onError={onError}
      onClose={onClose}
      {...props}
    />,
  );
  await userEvent.click(within(container).getByRole('button', { name: 'Link Harness' }));
  const { view: shadow } = await widgetIn(container);
  await userEvent.click(await shadow.findByRole('button', { name: 'I already have an API key' }));
  const apiKey = (await shadow.findByLabelText('API Key')) as HTMLInputElement;
  const account = shadow.getByRole('textbox', { name: 'Account Identifier' }) as HTMLInputElement;
  paste(apiKey, key, { replace: true });
  if (accountId !== undefined) paste(account, accountId, { replace: true });
  // Shown as well as masked: the toggle must not copy the value anywhere either.
  await userEvent.click(shadow.getByRole('button', { name: 'Show API key' }));
  await userEvent.click(shadow.getByRole('button', { name: 'Connect' }));
  const done = () => {
    for (const name of DOM_EVENT_NAMES) document.removeEventListener(`harness-connect-${name}`, domListener);
  };
  return { shadow, apiKey, onClose, onError, done };
}

interface Flow {
  name: string;
  fault?: HarnessFault;
  delayMs?: number;
  key: string;
  accountId?: string;
  connect?: HarnessConnectConnect<unknown>;
  /** How the flow ends: an answer, or the person cancelling or closing while it runs. */
  end: 'success' | 'error' | 'cancel' | 'close';
}

const neverSettles: HarnessConnectConnect<unknown> = (_c, { signal }) =>
  new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));

const flows: Flow[] = [
  { name: 'success (fixture pat)', key: TOKENS.pat, end: 'success' },
  { name: '401 invalid token', key: RECOGNISABLE, end: 'error' },
  { name: '401 expired', key: TOKENS.expired, end: 'error' },
  { name: '401 account mismatch', key: TOKENS.legacy, accountId: ACCOUNTS.other.id, end: 'error' },
  { name: '400 unknown account', key: TOKENS.legacy, accountId: 'Zq7Unknown0Account0Id1', end: 'error' },
  { name: '403', key: TOKENS.restricted, end: 'error' },
  { name: '404 HTML page', fault: 'not_found', key: RECOGNISABLE, end: 'error' },
  { name: '429', fault: 'rate_limited', key: RECOGNISABLE, end: 'error' },
  { name: '500', fault: 'server_error', key: RECOGNISABLE, end: 'error' },
  { name: '502', fault: 'bad_gateway', key: RECOGNISABLE, end: 'error' },
  { name: '503', fault: 'service_unavailable', key: RECOGNISABLE, end: 'error' },
  { name: 'reset', fault: 'reset', key: RECOGNISABLE, end: 'error' },
  { name: 'redirect', fault: 'redirect', key: RECOGNISABLE, end: 'error' },
  { name: 'HTML sign-in page', fault: 'html', key: RECOGNISABLE, end: 'error' },
  { name: 'malformed JSON', fault: 'malformed_json', key: RECOGNISABLE, end: 'error' },
  {
    name: 'hang past the timeout',
    fault: 'hang',
    key: RECOGNISABLE,
    connect: (c, { signal }) => verifyHarnessToken(c, { signal, timeoutMs: 300 }),
    end: 'error',
  },
  { name: '10 s slow answer, cancelled', fault: 'slow', delayMs: 10_000, key: RECOGNISABLE, end: 'cancel' },
  { name: 'closed mid-verification', fault: 'hang', key: RECOGNISABLE, end: 'close' },
  {
    name: "host's connect throwing a plain Error",
    key: RECOGNISABLE,
    connect: async () => {
      throw new Error('database down');
    },
    end: 'error',
  },
  { name: 'a connect that never settles, cancelled', key: RECOGNISABLE, connect: neverSettles, end: 'cancel' },
];

async function runFlow(flow: Flow) {
  if (flow.fault) mock.setFault(flow.fault, { times: 1, delayMs: flow.delayMs ?? 10_000 });
  const run = await drive(flow.connect ? { connect: flow.connect } : {}, flow.key, flow.accountId);
  const verifying = () => run.shadow.queryByRole('button', { name: 'Cancel' }) !== null;
  if (flow.end === 'success') {
    await userEvent.click(await run.shadow.findByRole('button', { name: 'Done' }));
  } else if (flow.end === 'error') {
    await vi.waitFor(() => expect(run.onError).toHaveBeenCalledTimes(1), { timeout: 3000 });
    // While the form is still open, only the input's value holds the key: not an attribute, not text.
    expect(run.apiKey.value).toBe(flow.key);
    const attributesAndText = domText().replace(flow.key, '');
    expect(attributesAndText.split(flow.key).length).toBe(1);
    await userEvent.click(run.shadow.getByRole('button', { name: 'Close' }));
  } else {
    await vi.waitFor(() => expect(verifying()).toBe(true));
    await userEvent.click(run.shadow.getByRole('button', { name: flow.end === 'cancel' ? 'Cancel' : 'Close' }));
    if (flow.end === 'cancel') {
      await vi.waitFor(() => expect(verifying()).toBe(false));
      await userEvent.click(run.shadow.getByRole('button', { name: 'Close' }));
    }
  }
  await vi.waitFor(() => expect(run.onClose).toHaveBeenCalledTimes(1));
  await requestsEnded();
  run.done();
  expect(payloads.length).toBeGreaterThan(3);
  expectNowhere(flow.key);
  // The key went to the allowed Harness base only, and never in a URL.
  for (const request of sent) {
    const carriesKey = `${request.headers}${request.body}`.includes(flow.key.slice(-20));
    if (carriesKey) expect(new URL(request.url).origin).toBe(ALLOWED_ORIGIN);
  }
  if (!flow.connect) expect(sent.some((r) => r.via === 'fetch' && new URL(r.url).origin === ALLOWED_ORIGIN)).toBe(true);
}

describe('secret hygiene: the key is nowhere after any flow', () => {
  it.each(flows)('$name', runFlow);

  // A host's backend may echo the key in its error text: the widget scrubs it with the key it passed.
  it("host's connect throwing an Error that names the key: the key is removed before onError", () =>
    runFlow({
      name: 'host error naming the key',
      key: RECOGNISABLE,
      connect: async (c) => {
        throw new Error(`backend refused ${c.apiKey}`);
      },
      end: 'error',
    }),
  );
});

describe('base URL refusals: a developer error, and no request made', () => {
  const refused = ['javascript:alert(1)', 'data:text/html,x', 'http://example.com', 'https://evil.example'];

  it.each(refused)('refuses %s', async (baseUrl) => {
    const run = await drive({ baseUrl }, TOKENS.pat);
    await vi.waitFor(() => expect(run.onError).toHaveBeenCalledTimes(1));
    expect(run.onError.mock.calls[0]![0]).toMatchObject({ name: 'HarnessConnectError', code: 'configuration', field: null });
    // onError is called as the error is dispatched; the banner shows with the render that follows.
    const banner = await run.shadow.findByRole('alert');
    expect(banner.textContent).toMatch(/not set up correctly/i);
    expect(run.shadow.queryByRole('button', { name: 'Try again' })).toBeNull();
    await requestsEnded();
    expect(sent).toEqual([]);
    expect(mock.requests).toEqual([]);
    await userEvent.click(run.shadow.getByRole('button', { name: 'Close' }));
    run.done();
    expectNowhere(TOKENS.pat);
  });
});
