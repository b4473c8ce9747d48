import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import axe from 'axe-core';
import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { HarnessConnect, HarnessConnectError, type HarnessConnectEvent } from '../../src/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS, harnessHandlers } from '../../src/testing/index.js';
import { paste } from '../support/paste.js';
import { nextTask, widgetIn, type Widget } from '../support/widget.js';

// Connecting: the default `connect` against the Harness mock (msw's service worker), or a host's own fake.
// Keys are pasted or filled in one go: typing 72 characters one key at a time is not what these tests are
// about, and on a loaded machine it is what made them time out.
const { handlers, mock } = harnessHandlers();
const worker = setupWorker(...handlers);

beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
afterEach(() => {
  cleanup();
  mock.reset();
});
afterAll(() => worker.stop());

/** Opens on the form: the dialog starts open and "I already have an API key" skips the guide. */
async function openForm({ view }: Widget) {
  await userEvent.click(await view.findByRole('button', { name: 'I already have an API key' }));
  const apiKey = (await view.findByLabelText('API Key')) as HTMLInputElement;
  const account = view.getByLabelText('Account Identifier') as HTMLInputElement;
  return { apiKey, account };
}

function posts() {
  return mock.requests.filter((r) => r.method === 'POST');
}

describe('<HarnessConnect/> connecting', () => {
  it('fills the account identifier from a pasted token, and keeps it editable', async () => {
    const events: HarnessConnectEvent[] = [];
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen onEvent={(e) => events.push(e)} />);
    const { apiKey, account } = await openForm(await widgetIn(container));
    expect(apiKey.type).toBe('password');
    expect(apiKey.getAttribute('autocomplete')).toBe('off');
    expect(apiKey.getAttribute('spellcheck')).toBe('false');
    paste(apiKey, TOKENS.pat);
    await expect.element(account).toHaveValue(ACCOUNTS.primary.id);
    expect(account.readOnly).toBe(false);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['key_pasted', 'account_filled_from_token']));
    expect(events.find((e) => e.type === 'key_pasted')).toMatchObject({ tokenKind: 'pat', format: 'current' });
  });

  it('connects with open, paste, Enter: a key pasted on the guide opens the form with it and its account', async () => {
    const events: HarnessConnectEvent[] = [];
    const onSuccess = vi.fn();
    const { container } = render(
      <HarnessConnect queryClient={new QueryClient()} defaultOpen onEvent={(e) => events.push(e)} onSuccess={onSuccess} />,
    );
    const { root, view } = await widgetIn(container);
    const next = await view.findByRole('button', { name: 'Next' });
    await vi.waitFor(() => expect(root.activeElement).toBe(next));
    // Ctrl+V with focus where it lands on opening: on Next, not in any field.
    paste(next, ` ${TOKENS.pat}\n`);
    const apiKey = (await view.findByLabelText('API Key')) as HTMLInputElement;
    expect(apiKey.value).toBe(TOKENS.pat);
    expect(apiKey.type).toBe('password');
    expect(view.getByLabelText('Account Identifier')).toHaveValue(ACCOUNTS.primary.id);
    await vi.waitFor(() => expect(root.activeElement).toBe(apiKey));
    expect(events.find((e) => e.type === 'key_pasted')).toMatchObject({ tokenKind: 'pat', format: 'current' });
    expect(events.find((e) => e.type === 'account_filled_from_token')).toMatchObject({ accountId: ACCOUNTS.primary.id });

    await userEvent.keyboard('{Enter}');
    await view.findByRole('button', { name: 'Done' });
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ accountId: ACCOUNTS.primary.id, tokenKind: 'pat' });
    expect(posts()).toHaveLength(1);
  });

  it('opens the form from the account step too, and leaves the guide alone for a paste that is not a key', async () => {
    const events: HarnessConnectEvent[] = [];
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen onEvent={(e) => events.push(e)} />);
    const { view } = await widgetIn(container);
    const next = await view.findByRole('button', { name: 'Next' });
    paste(next, 'some notes, not a key');
    expect(view.getByRole('heading', { name: 'Generate a Harness API key' })).toBeVisible();
    expect(events.some((e) => e.type === 'key_pasted')).toBe(false);

    await userEvent.click(next);
    await view.findByRole('heading', { name: 'Find your account identifier' });
    paste(view.getByRole('button', { name: 'Next' }), TOKENS.sat);
    const apiKey = (await view.findByLabelText('API Key')) as HTMLInputElement;
    expect(apiKey.value).toBe(TOKENS.sat);
    expect(events.find((e) => e.type === 'key_pasted')).toMatchObject({ tokenKind: 'sat' });
    // A paste in the form's own fields is the field's: the form stays, the key is not pasted twice.
    paste(apiKey, 'x');
    expect(apiKey.value).toBe(`${TOKENS.sat}x`);
  });

  it('clears an earlier field error when a key pasted on the guide fixes it', async () => {
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen />);
    const widget = await widgetIn(container);
    const { view } = widget;
    const { apiKey } = await openForm(widget);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    await expect.element(apiKey).toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(view.getByRole('button', { name: 'Back' }));
    paste(await view.findByRole('button', { name: 'Next' }), TOKENS.pat);
    const pasted = (await view.findByLabelText('API Key')) as HTMLInputElement;
    expect(pasted.value).toBe(TOKENS.pat);
    await expect.element(pasted).not.toHaveAttribute('aria-invalid');
    expect(view.queryByRole('alert')).toBeNull();
  });

  it('toggles the key between masked and shown', async () => {
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen />);
    const widget = await widgetIn(container);
    const { apiKey } = await openForm(widget);
    const toggle = widget.view.getByRole('button', { name: 'Show API key' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(toggle);
    expect(apiKey.type).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
  });

  it('keeps only the identifier of a pasted Harness address', async () => {
    const events: HarnessConnectEvent[] = [];
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen onEvent={(e) => events.push(e)} />);
    const { account } = await openForm(await widgetIn(container));
    paste(account, `https://app.harness.io/ng/account/${ACCOUNTS.primary.id}/home/get-started`);
    await expect.element(account).toHaveValue(ACCOUNTS.primary.id);
    expect(events.find((e) => e.type === 'account_filled_from_url')).toMatchObject({ accountId: ACCOUNTS.primary.id });
  });

  it('shows a key of another account at Account Identifier, with no request made', async () => {
    const onEvent = vi.fn();
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen onEvent={onEvent} />);
    const widget = await widgetIn(container);
    const { view } = widget;
    const { apiKey, account } = await openForm(widget);
    await userEvent.fill(account, ACCOUNTS.other.id);
    await userEvent.fill(apiKey, TOKENS.pat);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    await expect.element(account).toHaveAttribute('aria-invalid', 'true');
    const error = view.getByRole('alert');
    expect(account.getAttribute('aria-describedby')).toContain(error.id);
    expect(error.textContent).toMatch(/belongs to account .*Account Identifier/);
    expect(apiKey.value).toBe(TOKENS.pat);
    expect(account.value).toBe(ACCOUNTS.other.id);
    expect(posts()).toHaveLength(0);
    expect(onEvent).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'validation_error', issues: [{ field: 'accountId', problem: 'account_mismatch' }] }),
    );
  });

  it('shows Harness rejecting the key at API Key', async () => {
    const onError = vi.fn();
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen onError={onError} />);
    const widget = await widgetIn(container);
    const { view } = widget;
    const { apiKey } = await openForm(widget);
    await userEvent.fill(apiKey, TOKENS.revoked);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    await expect.element(apiKey).toHaveAttribute('aria-invalid', 'true');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(HarnessConnectError);
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'invalid_token', field: 'apiKey' });
    const error = view.getByRole('alert');
    expect(apiKey.getAttribute('aria-describedby')).toContain(error.id);
    expect(apiKey.value).toBe(TOKENS.revoked);
  });

  it('shows a server failure as a banner whose "Try again" then succeeds', async () => {
    mock.setFault('server_error', { times: 1 });
    const onError = vi.fn();
    const onSuccess = vi.fn();
    const events: HarnessConnectEvent[] = [];
    const { container } = render(
      <HarnessConnect queryClient={new QueryClient()} defaultOpen onError={onError} onSuccess={onSuccess} onEvent={(e) => events.push(e)} />,
    );
    const widget = await widgetIn(container);
    const { view } = widget;
    const { apiKey } = await openForm(widget);
    await userEvent.fill(apiKey, TOKENS.pat);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    const retry = await view.findByRole('button', { name: 'Try again' });
    expect(view.getByRole('alert').textContent).toMatch(/could not be reached|try again/i);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'unavailable', retryable: true });
    // The one way to retry is the form's primary button, named for what it does now.
    expect(retry).toHaveAttribute('type', 'submit');
    expect(view.queryByRole('button', { name: 'Connect' })).toBeNull();
    await userEvent.click(retry);
    await view.findByRole('heading', { name: 'Acme Platform is connected' });
    expect(view.getByText('ada@acme.example', { exact: false })).toBeVisible();
    expect(view.getByText('Personal access token')).toBeVisible();
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ provider: 'harness', accountId: ACCOUNTS.primary.id, tokenKind: 'pat' });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['retry', 'verify_error', 'verify_success', 'success']));
  });

  it('aborts a running verification when the dialog closes, and never reports success afterwards', async () => {
    let seenSignal: AbortSignal | null = null;
    let answer: (value: unknown) => void = () => {};
    let answered: Promise<unknown> = Promise.resolve();
    const connect = vi.fn((_: unknown, { signal }: { signal: AbortSignal }) => {
      seenSignal = signal;
      answered = new Promise((resolve) => {
        answer = resolve;
      });
      return answered;
    });
    const onSuccess = vi.fn();
    const onError = vi.fn();
    const onClose = vi.fn();
    const { container } = render(
      <HarnessConnect queryClient={new QueryClient()} defaultOpen connect={connect} onSuccess={onSuccess} onError={onError} onClose={onClose} />,
    );
    const widget = await widgetIn(container);
    const { view } = widget;
    const { apiKey } = await openForm(widget);
    await userEvent.fill(apiKey, TOKENS.pat);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    await expect.element(view.getByRole('button', { name: 'Connect' })).toHaveAttribute('aria-busy', 'true');
    expect(apiKey.readOnly).toBe(true);
    expect(apiKey.value).toBe(TOKENS.pat);
    expect(view.getByRole('button', { name: 'Cancel' })).toBeVisible();
    expect((await axe.run(widget.host)).violations).toEqual([]);
    await userEvent.click(view.getByRole('button', { name: 'Close' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith('dismissed'));
    expect(seenSignal!.aborted).toBe(true);
    // A host whose connect ignores the signal and answers late: once the widget has read the answer, it
    // has dropped it.
    answer({ accountId: ACCOUNTS.primary.id });
    await answered;
    await nextTask();
    expect(onSuccess).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  it('cancels a running verification with Cancel, keeping the typed values', async () => {
    mock.setFault('hang');
    const onError = vi.fn();
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen onError={onError} />);
    const widget = await widgetIn(container);
    const { view } = widget;
    const { apiKey } = await openForm(widget);
    await userEvent.fill(apiKey, TOKENS.pat);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    await userEvent.click(await view.findByRole('button', { name: 'Cancel' }));
    await expect.element(view.getByRole('button', { name: 'Connect' })).toHaveAttribute('aria-busy', 'false');
    expect(apiKey.readOnly).toBe(false);
    expect(apiKey.value).toBe(TOKENS.pat);
    expect(view.queryByRole('alert')).toBeNull();
    expect(onError).not.toHaveBeenCalled();
  });

  it('calls connect once for a double click on Connect', async () => {
    // The host's answer comes only when the test gives it: every click lands while the first call runs.
    let answer: (value: { ok: boolean }) => void = () => {};
    const connect = vi.fn(
      () =>
        new Promise<{ ok: boolean }>((resolve) => {
          answer = resolve;
        }),
    );
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen connect={connect} />);
    const widget = await widgetIn(container);
    const { view } = widget;
    const { apiKey } = await openForm(widget);
    await userEvent.fill(apiKey, TOKENS.sat);
    const submit = view.getByRole('button', { name: 'Connect' });
    await userEvent.dblClick(submit);
    await userEvent.keyboard('{Enter}');
    await expect.element(submit).toHaveAttribute('aria-busy', 'true');
    await expect.poll(() => connect.mock.calls.length).toBe(1);
    answer({ ok: true });
    await view.findByRole('heading', { name: 'Harness account connected' });
    expect(connect).toHaveBeenCalledTimes(1);
    expect(view.getByText('Service account token')).toBeVisible();
  });

  it('leaves the key nowhere after a dismiss: not in the DOM, the shadow root, or the console', async () => {
    const logged = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')];
    const { container, getByRole } = render(
      <HarnessConnect queryClient={new QueryClient()} trigger={<button type="button">Link Harness</button>} />,
    );
    const widget = await widgetIn(container);
    const { view, dialog } = widget;
    await userEvent.click(getByRole('button', { name: 'Link Harness' }));
    const { apiKey } = await openForm(widget);
    await userEvent.fill(apiKey, TOKENS.wrongSecret);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    await expect.element(apiKey).toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(view.getByRole('button', { name: 'Close' }));
    await expect.element(dialog).not.toBeVisible();
    const secret = TOKENS.wrongSecret.split('.').at(-1)!;
    expect(document.body.innerHTML).not.toContain(secret);
    expect(widget.root.innerHTML).not.toContain(secret);
    expect(JSON.stringify(logged.flatMap((spy) => spy.mock.calls))).not.toContain(secret);
    // Opening again starts with an empty form.
    await userEvent.click(getByRole('button', { name: 'Link Harness' }));
    const again = await openForm(widget);
    expect(again.apiKey.value).toBe('');
    logged.forEach((spy) => spy.mockRestore());
  });

  it('leaves the key nowhere after success and Done: not in the DOM, shadow roots, events or onSuccess', async () => {
    const payloads: unknown[] = [];
    const domEvents: unknown[] = [];
    const onClose = vi.fn();
    const { container } = render(
      <HarnessConnect
        queryClient={new QueryClient()}
        defaultOpen
        onEvent={(e) => payloads.push(e)}
        onSuccess={(c) => payloads.push(c)}
        onError={(e) => payloads.push(e)}
        onClose={onClose}
      />,
    );
    const widget = await widgetIn(container);
    const { view } = widget;
    // 'open' has fired by now (defaultOpen); the rest of the session is heard on the host element.
    for (const name of ['submit', 'success', 'close']) {
      widget.host.addEventListener(`harness-connect-${name}`, (e) => domEvents.push((e as CustomEvent).detail));
    }
    const { apiKey } = await openForm(widget);
    await userEvent.fill(apiKey, TOKENS.pat);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    await userEvent.click(await view.findByRole('button', { name: 'Done' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith('completed'));
    const secret = TOKENS.pat.split('.').at(-1)!;
    const everything = [
      document.body.innerHTML,
      ...Array.from(document.querySelectorAll('*'))
        .filter((el) => el.shadowRoot)
        .map((el) => el.shadowRoot!.innerHTML),
      JSON.stringify(payloads),
      JSON.stringify(domEvents),
    ].join('\n');
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(TOKENS.pat);
    expect(domEvents.map((e) => (e as HarnessConnectEvent).type)).toEqual(['submit', 'success', 'close']);
    expect(payloads.some((p) => (p as { tokenHint?: string }).tokenHint?.startsWith('pat.'))).toBe(true);
  });
});
