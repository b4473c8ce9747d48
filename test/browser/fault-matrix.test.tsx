/**
 * The fault matrix (issue 6): every way a verification can end, driven through <HarnessConnect/> in Chromium
 * with its default `connect` against the Harness mock (msw's service worker), or a host's `connect` where the
 * case is about the host. For each: the message and where it shows, whether "Try again" is offered, that the
 * typed values survive, that no success follows a failure or a close, no unhandled rejection, no console.error.
 *
 * Elements are found by their accessible role and name only (the widget's contract), never by class or markup.
 */
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  HarnessConnect,
  type HarnessConnectConnect,
  type HarnessConnectEvent,
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

/** A well-formed account identifier no Harness account has. */
const UNKNOWN_ACCOUNT = 'Zq7Unknown0Account0Id1';

let rejections: unknown[];
let consoleError: MockInstance<typeof console.error>;
let fetches: MockInstance<typeof fetch>;
const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);

/** Posts that reached the Harness mock. */
const posts = () => mock.requests.filter((request) => request.method === 'POST');

/**
 * Resolves once every request the page made has ended (answered, failed or aborted) and the widget has run
 * whatever it does with the outcome (promise reactions, no timers): from then on, nothing more can arrive.
 */
async function requestsEnded() {
  await Promise.allSettled(fetches.mock.results.map((result) => result.value));
  await nextTask();
}

beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
beforeEach(() => {
  rejections = [];
  window.addEventListener('unhandledrejection', onRejection);
  consoleError = vi.spyOn(console, 'error');
  fetches = vi.spyOn(window, 'fetch');
});
afterEach(async () => {
  // Unmounting aborts any verification still running.
  cleanup();
  mock.reset();
  // A rejection nobody handled is reported once its request has ended and the reactions to it have run.
  await requestsEnded();
  window.removeEventListener('unhandledrejection', onRejection);
  consoleError.mockRestore();
  fetches.mockRestore();
  expect(rejections).toEqual([]);
  expect(consoleError).not.toHaveBeenCalled();
});
afterAll(() => worker.stop());

/** Renders the widget open, skips to the form, fills it and clicks Connect. */
async function attempt(props: Partial<HarnessConnectProps<unknown>>, apiKeyValue: string, accountValue?: string) {
  const events: HarnessConnectEvent[] = [];
  const onSuccess = vi.fn();
  const onError = vi.fn();
  const onClose = vi.fn();
  const { container } = render(
    <HarnessConnect<unknown>
      queryClient={new QueryClient()}
      defaultOpen
      onEvent={(e) => events.push(e)}
      onSuccess={onSuccess}
      onError={onError}
      onClose={onClose}
      {...props}
    />,
  );
  const { view: shadow, dialog } = await widgetIn(container);
  await userEvent.click(await shadow.findByRole('button', { name: 'I already have an API key' }));
  // A masked key field has no role (a password input is not a textbox): found by its label, the same name.
  const apiKey = (await shadow.findByLabelText('API Key')) as HTMLInputElement;
  const account = shadow.getByRole('textbox', { name: 'Account Identifier' }) as HTMLInputElement;
  paste(apiKey, apiKeyValue, { replace: true });
  if (accountValue !== undefined) {
    // Replaces whatever the token filled in.
    paste(account, accountValue, { replace: true });
    await expect.element(account).toHaveValue(accountValue);
  }
  const typedAccount = account.value;
  await userEvent.click(shadow.getByRole('button', { name: 'Connect' }));
  const types = () => events.map((e) => e.type);
  // The form's primary button: "Connect", or "Try again" after a failure that may pass on a second attempt.
  const verifying = () => shadow.getByRole('button', { name: /^(Connect|Try again)$/ }).getAttribute('aria-busy') === 'true';
  /** The values the person typed are still in the fields. */
  const expectValuesKept = () => {
    expect(apiKey.value).toBe(apiKeyValue);
    expect(account.value).toBe(typedAccount);
  };
  return { shadow, dialog, apiKey, account, events, types, onSuccess, onError, onClose, verifying, expectValuesKept };
}

type Where = 'apiKey' | 'accountId' | 'banner';

interface FaultCase {
  name: string;
  fault?: HarnessFault;
  delayMs?: number;
  apiKey: string;
  accountId?: string;
  connect?: HarnessConnectConnect<unknown>;
  code: string;
  message: RegExp;
  where: Where;
  retry: boolean;
}

/** A `connect` that is the default one with a short timeout, for the hang case. */
const verifyWithShortTimeout: HarnessConnectConnect<unknown> = (credentials, { signal }) =>
  verifyHarnessToken(credentials, { signal, timeoutMs: 300 });

const failures: FaultCase[] = [
  { name: '401 invalid token', apiKey: TOKENS.wrongSecret, code: 'invalid_token', message: /rejected this key/i, where: 'apiKey', retry: false },
  { name: '401 expired token', apiKey: TOKENS.expired, code: 'expired_token', message: /expired/i, where: 'apiKey', retry: false },
  {
    name: '401 account mismatch (legacy token, other account)',
    apiKey: TOKENS.legacy,
    accountId: ACCOUNTS.other.id,
    code: 'account_mismatch',
    message: /another Harness account/i,
    where: 'accountId',
    retry: false,
  },
  {
    name: '400 (legacy token, unknown account)',
    apiKey: TOKENS.legacy,
    accountId: UNKNOWN_ACCOUNT,
    code: 'invalid_request',
    message: /could not find that account/i,
    where: 'accountId',
    retry: false,
  },
  { name: '403 IP allow-list', apiKey: TOKENS.restricted, code: 'ip_not_allowed', message: /IP allow-list blocks this app/i, where: 'banner', retry: false },
  { name: '404 HTML page', fault: 'not_found', apiKey: TOKENS.pat, code: 'wrong_host', message: /does not answer like Harness/i, where: 'banner', retry: false },
  { name: '429 rate limited', fault: 'rate_limited', apiKey: TOKENS.pat, code: 'rate_limited', message: /too many attempts/i, where: 'banner', retry: true },
  { name: '500 server error', fault: 'server_error', apiKey: TOKENS.pat, code: 'unavailable', message: /could not be reached/i, where: 'banner', retry: true },
  { name: '502 bad gateway', fault: 'bad_gateway', apiKey: TOKENS.pat, code: 'unavailable', message: /could not be reached/i, where: 'banner', retry: true },
  {
    name: '503 service unavailable',
    fault: 'service_unavailable',
    apiKey: TOKENS.pat,
    code: 'unavailable',
    message: /could not be reached/i,
    where: 'banner',
    retry: true,
  },
  { name: 'connection reset', fault: 'reset', apiKey: TOKENS.pat, code: 'unavailable', message: /could not be reached/i, where: 'banner', retry: true },
  {
    name: 'a hang past the timeout (timeoutMs 300)',
    fault: 'hang',
    apiKey: TOKENS.pat,
    connect: verifyWithShortTimeout,
    code: 'timeout',
    message: /too long/i,
    where: 'banner',
    retry: true,
  },
  { name: 'malformed JSON', fault: 'malformed_json', apiKey: TOKENS.pat, code: 'unavailable', message: /could not be reached/i, where: 'banner', retry: true },
  {
    name: "the host's connect throwing a plain Error",
    apiKey: TOKENS.pat,
    connect: async () => {
      throw new Error('database down');
    },
    code: 'unknown',
    message: /something went wrong/i,
    where: 'banner',
    retry: true,
  },
];

describe('fault matrix: the default connect against the Harness mock', () => {
  it('success: the confirmation, onSuccess once, no error', async () => {
    const run = await attempt({}, TOKENS.pat);
    // The account's name, from Harness: the fixture's account is "Acme Platform".
    await run.shadow.findByRole('heading', { name: 'Acme Platform is connected' });
    expect(run.onSuccess).toHaveBeenCalledTimes(1);
    expect(run.onSuccess.mock.calls[0]![0]).toMatchObject({ provider: 'harness', accountId: ACCOUNTS.primary.id, tokenKind: 'pat' });
    expect(run.onError).not.toHaveBeenCalled();
    expect(run.shadow.queryByRole('alert')).toBeNull();
    expect(run.types()).toEqual(expect.arrayContaining(['submit', 'verify_start', 'verify_success', 'success']));
    expect(run.types()).not.toContain('verify_error');
    await userEvent.click(run.shadow.getByRole('button', { name: 'Done' }));
    await vi.waitFor(() => expect(run.onClose).toHaveBeenCalledWith('completed'));
  });

  it.each(failures)('$name: $code at $where, retry offered: $retry', async (c) => {
    if (c.fault) mock.setFault(c.fault, { times: 1 });
    const run = await attempt(c.connect ? { connect: c.connect } : {}, c.apiKey, c.accountId);
    await vi.waitFor(() => expect(run.onError).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(run.onError.mock.calls[0]![0]).toMatchObject({ name: 'HarnessConnectError', code: c.code });
    await vi.waitFor(() => expect(run.verifying()).toBe(false));
    const alert = await run.shadow.findByRole('alert');
    expect(alert.textContent).toMatch(c.message);
    if (c.where === 'banner') {
      expect(run.apiKey.getAttribute('aria-invalid')).not.toBe('true');
      expect(run.account.getAttribute('aria-invalid')).not.toBe('true');
    } else {
      const field = c.where === 'apiKey' ? run.apiKey : run.account;
      const other = c.where === 'apiKey' ? run.account : run.apiKey;
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(field.getAttribute('aria-describedby')).toContain(alert.id);
      expect(other.getAttribute('aria-invalid')).not.toBe('true');
    }
    expect(run.shadow.queryByRole('button', { name: 'Try again' }) !== null).toBe(c.retry);
    if (c.code === 'unknown') expect(alert.textContent).not.toContain('database down');
    run.expectValuesKept();
    // No success afterwards, late or otherwise: every request has ended, none was retried unasked.
    await requestsEnded();
    expect(posts().length).toBeLessThanOrEqual(1);
    expect(run.onSuccess).not.toHaveBeenCalled();
    expect(run.types()).not.toContain('success');
    expect(run.types()).not.toContain('verify_success');
    expect(run.types().filter((t) => t === 'verify_error')).toHaveLength(1);
    // A retryable failure with the mock's fault used up: "Try again" connects.
    if (c.retry && c.fault && !c.connect) {
      await userEvent.click(run.shadow.getByRole('button', { name: 'Try again' }));
      await run.shadow.findByRole('heading', { name: 'Acme Platform is connected' });
      expect(run.onSuccess).toHaveBeenCalledTimes(1);
      expect(run.types()).toContain('retry');
    }
  });

  it('a 10 s slow answer: verifying while Harness has the request; Cancel keeps the values and reports nothing', async () => {
    mock.setFault('slow', { delayMs: 10_000, times: 1 });
    const run = await attempt({}, TOKENS.pat);
    await vi.waitFor(() => expect(posts()).toHaveLength(1));
    expect(run.verifying()).toBe(true);
    expect(run.shadow.getByRole('status').textContent).toMatch(/checking/i);
    expect(run.apiKey.readOnly).toBe(true);
    await userEvent.click(run.shadow.getByRole('button', { name: 'Cancel' }));
    await vi.waitFor(() => expect(run.verifying()).toBe(false));
    expect(run.shadow.queryByRole('alert')).toBeNull();
    expect(run.apiKey.readOnly).toBe(false);
    run.expectValuesKept();
    expect(run.types()).toContain('cancel');
    // The aborted request has ended and the widget has heard it: no error from it.
    await requestsEnded();
    expect(run.onError).not.toHaveBeenCalled();
    expect(run.onSuccess).not.toHaveBeenCalled();
    expect(run.types()).not.toContain('success');
  });

  it('the person closing mid-verification: dismissed, aborted, no success or error afterwards', async () => {
    mock.setFault('hang');
    const run = await attempt({}, TOKENS.pat);
    await vi.waitFor(() => expect(run.verifying()).toBe(true));
    await userEvent.click(run.shadow.getByRole('button', { name: 'Close' }));
    await vi.waitFor(() => expect(run.onClose).toHaveBeenCalledWith('dismissed'));
    expect(run.dialog).not.toBeVisible();
    await requestsEnded();
    expect(run.types().slice(-2)).toEqual(['cancel', 'close']);
    expect(run.onError).not.toHaveBeenCalled();
    expect(run.onSuccess).not.toHaveBeenCalled();
  });
});

describe("fault matrix: the host's connect", () => {
  /** A host's connect that never settles until its signal aborts; `answers` are its promises. */
  function untilAborted() {
    const signals: AbortSignal[] = [];
    const answers: Promise<unknown>[] = [];
    const connect: HarnessConnectConnect<unknown> = (_credentials, { signal }) => {
      signals.push(signal);
      const answer = new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
      answers.push(answer);
      return answer;
    };
    /** Every answer has settled and the widget has run whatever it does with it. */
    const settled = async () => {
      await Promise.allSettled(answers);
      await nextTask();
    };
    return { connect, signals, settled };
  }

  it('a connect that never settles until aborted: Cancel aborts its signal, keeps the values, reports nothing', async () => {
    const host = untilAborted();
    const run = await attempt({ connect: host.connect }, TOKENS.pat);
    await vi.waitFor(() => expect(run.verifying()).toBe(true));
    expect(host.signals).toHaveLength(1);
    await userEvent.click(run.shadow.getByRole('button', { name: 'Cancel' }));
    await vi.waitFor(() => expect(run.verifying()).toBe(false));
    expect(host.signals[0]!.aborted).toBe(true);
    expect(run.shadow.queryByRole('alert')).toBeNull();
    expect(run.shadow.queryByRole('button', { name: 'Try again' })).toBeNull();
    run.expectValuesKept();
    await host.settled();
    expect(run.onError).not.toHaveBeenCalled();
    expect(run.onSuccess).not.toHaveBeenCalled();
    expect(run.types().filter((t) => t === 'cancel')).toHaveLength(1);
  });

  it('a connect that never settles, closed mid-verification: aborted, dismissed, nothing after', async () => {
    const host = untilAborted();
    const run = await attempt({ connect: host.connect }, TOKENS.pat);
    await vi.waitFor(() => expect(run.verifying()).toBe(true));
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(run.onClose).toHaveBeenCalledWith('dismissed'));
    expect(host.signals[0]!.aborted).toBe(true);
    await host.settled();
    expect(run.onError).not.toHaveBeenCalled();
    expect(run.onSuccess).not.toHaveBeenCalled();
    expect(run.types().slice(-2)).toEqual(['cancel', 'close']);
  });
});
