import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, within } from '@testing-library/react';
import axe from 'axe-core';
import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent as keyboard } from 'vitest/browser';
import { HarnessConnect, HarnessConnectError, type HarnessConnectEvent } from '../../src/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS, harnessHandlers } from '../../src/testing/index.js';

// Connecting: the default `connect` against the Harness mock (msw's service worker), or a host's own fake.
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

function hostIn(container: HTMLElement): HTMLElement {
  const host = container.querySelector<HTMLElement>('[data-harness-connect]');
  if (!host) throw new Error('no harness-connect host rendered');
  return host;
}

function inShadow(host: HTMLElement) {
  return within(host.shadowRoot as unknown as HTMLElement);
}

/** Opens on the form: the dialog starts open and "I already have an API key" skips the guide. */
async function openForm(host: HTMLElement) {
  const shadow = inShadow(host);
  await keyboard.click(await shadow.findByRole('button', { name: 'I already have an API key' }));
  const apiKey = (await shadow.findByLabelText('API Key')) as HTMLInputElement;
  const account = shadow.getByLabelText('Account Identifier') as HTMLInputElement;
  return { shadow, apiKey, account };
}

/**
 * A paste as Chromium delivers it: a `paste` event carrying the text, then (unless a handler prevented it)
 * the text inserted with real `beforeinput`/`input` events. Playwright's keyboard cannot reach the clipboard
 * in headless Chromium, and user-event's paste does not follow focus into a shadow root.
 */
function paste(input: HTMLElement, text: string) {
  input.focus();
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true });
  if (input.dispatchEvent(event)) document.execCommand('insertText', false, text);
}

function posts() {
  return mock.requests.filter((r) => r.method === 'POST');
}

describe('<HarnessConnect/> connecting', () => {
  it('fills the account identifier from a pasted token, and keeps it editable', async () => {
    const events: HarnessConnectEvent[] = [];
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen onEvent={(e) => events.push(e)} />);
    const { apiKey, account } = await openForm(hostIn(container));
    expect(apiKey.type).toBe('password');
    expect(apiKey.getAttribute('autocomplete')).toBe('off');
    expect(apiKey.getAttribute('spellcheck')).toBe('false');
    paste(apiKey, TOKENS.pat);
    await vi.waitFor(() => expect(account.value).toBe(ACCOUNTS.primary.id));
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
    const host = hostIn(container);
    const shadow = inShadow(host);
    const next = await shadow.findByRole('button', { name: 'Next' });
    await vi.waitFor(() => expect(host.shadowRoot!.activeElement).toBe(next));
    // Ctrl+V with focus where it lands on opening: on Next, not in any field.
    paste(next, ` ${TOKENS.pat}\n`);
    const apiKey = (await shadow.findByLabelText('API Key')) as HTMLInputElement;
    expect(apiKey.value).toBe(TOKENS.pat);
    expect(apiKey.type).toBe('password');
    expect((shadow.getByLabelText('Account Identifier') as HTMLInputElement).value).toBe(ACCOUNTS.primary.id);
    await vi.waitFor(() => expect(host.shadowRoot!.activeElement).toBe(apiKey));
    expect(events.find((e) => e.type === 'key_pasted')).toMatchObject({ tokenKind: 'pat', format: 'current' });
    expect(events.find((e) => e.type === 'account_filled_from_token')).toMatchObject({ accountId: ACCOUNTS.primary.id });

    await keyboard.keyboard('{Enter}');
    await shadow.findByRole('button', { name: 'Done' });
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ accountId: ACCOUNTS.primary.id, tokenKind: 'pat' });
    expect(posts()).toHaveLength(1);
  });

  it('opens the form from the account step too, and leaves the guide alone for a paste that is not a key', async () => {
    const events: HarnessConnectEvent[] = [];
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen onEvent={(e) => events.push(e)} />);
    const host = hostIn(container);
    const shadow = inShadow(host);
    const next = await shadow.findByRole('button', { name: 'Next' });
    paste(next, 'some notes, not a key');
    expect(shadow.getByRole('heading', { name: 'Generate a Harness API key' })).toBeTruthy();
    expect(events.some((e) => e.type === 'key_pasted')).toBe(false);

    await keyboard.click(next);
    await shadow.findByRole('heading', { name: 'Find your account identifier' });
    paste(shadow.getByRole('button', { name: 'Next' }), TOKENS.sat);
    const apiKey = (await shadow.findByLabelText('API Key')) as HTMLInputElement;
    expect(apiKey.value).toBe(TOKENS.sat);
    expect(events.find((e) => e.type === 'key_pasted')).toMatchObject({ tokenKind: 'sat' });
    // A paste in the form's own fields is the field's: the form stays, the key is not pasted twice.
    paste(apiKey, 'x');
    expect(apiKey.value).toBe(`${TOKENS.sat}x`);
  });

  it('clears an earlier field error when a key pasted on the guide fixes it', async () => {
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen />);
    const host = hostIn(container);
    const { shadow, apiKey } = await openForm(host);
    await keyboard.click(shadow.getByRole('button', { name: 'Connect' }));
    await vi.waitFor(() => expect(apiKey.getAttribute('aria-invalid')).toBe('true'));
    await keyboard.click(shadow.getByRole('button', { name: 'Back' }));
    paste(await shadow.findByRole('button', { name: 'Next' }), TOKENS.pat);
    const pasted = (await shadow.findByLabelText('API Key')) as HTMLInputElement;
    expect(pasted.value).toBe(TOKENS.pat);
    await vi.waitFor(() => expect(pasted.getAttribute('aria-invalid')).toBeNull());
    expect(shadow.queryByRole('alert')).toBeNull();
  });

  it('toggles the key between masked and shown', async () => {
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen />);
    const { shadow, apiKey } = await openForm(hostIn(container));
    const toggle = shadow.getByRole('button', { name: 'Show API key' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await keyboard.click(toggle);
    expect(apiKey.type).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
  });

  it('keeps only the identifier of a pasted Harness address', async () => {
    const events: HarnessConnectEvent[] = [];
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen onEvent={(e) => events.push(e)} />);
    const { account } = await openForm(hostIn(container));
    paste(account, `https://app.harness.io/ng/account/${ACCOUNTS.primary.id}/home/get-started`);
    await vi.waitFor(() => expect(account.value).toBe(ACCOUNTS.primary.id));
    expect(events.find((e) => e.type === 'account_filled_from_url')).toMatchObject({ accountId: ACCOUNTS.primary.id });
  });

  it('shows a key of another account at Account Identifier, with no request made', async () => {
    const onEvent = vi.fn();
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen onEvent={onEvent} />);
    const { shadow, apiKey, account } = await openForm(hostIn(container));
    await keyboard.type(account, ACCOUNTS.other.id);
    await keyboard.type(apiKey, TOKENS.pat);
    await keyboard.click(shadow.getByRole('button', { name: 'Connect' }));
    await vi.waitFor(() => expect(account.getAttribute('aria-invalid')).toBe('true'));
    const error = shadow.getByRole('alert');
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
    const { shadow, apiKey } = await openForm(hostIn(container));
    await keyboard.type(apiKey, TOKENS.revoked);
    await keyboard.click(shadow.getByRole('button', { name: 'Connect' }));
    await vi.waitFor(() => expect(apiKey.getAttribute('aria-invalid')).toBe('true'));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(HarnessConnectError);
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'invalid_token', field: 'apiKey' });
    const error = shadow.getByRole('alert');
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
    const { shadow, apiKey } = await openForm(hostIn(container));
    await keyboard.type(apiKey, TOKENS.pat);
    await keyboard.click(shadow.getByRole('button', { name: 'Connect' }));
    const retry = await shadow.findByRole('button', { name: 'Try again' });
    expect(shadow.getByRole('alert').textContent).toMatch(/could not be reached|try again/i);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'unavailable', retryable: true });
    await keyboard.click(retry);
    await shadow.findByRole('heading', { name: 'Harness account connected' });
    expect(shadow.getByText('ada@acme.example', { exact: false })).toBeTruthy();
    expect(shadow.getByText('Personal access token')).toBeTruthy();
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ provider: 'harness', accountId: ACCOUNTS.primary.id, tokenKind: 'pat' });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['retry', 'verify_error', 'verify_success', 'success']));
  });

  it('aborts a running verification when the dialog closes, and never reports success afterwards', async () => {
    let seenSignal: AbortSignal | null = null;
    let resolveConnect: (value: unknown) => void = () => {};
    const connect = vi.fn((_: unknown, { signal }: { signal: AbortSignal }) => {
      seenSignal = signal;
      return new Promise((resolve) => {
        resolveConnect = resolve;
      });
    });
    const onSuccess = vi.fn();
    const onError = vi.fn();
    const onClose = vi.fn();
    const { container } = render(
      <HarnessConnect queryClient={new QueryClient()} defaultOpen connect={connect} onSuccess={onSuccess} onError={onError} onClose={onClose} />,
    );
    const host = hostIn(container);
    const { shadow, apiKey } = await openForm(host);
    await keyboard.type(apiKey, TOKENS.pat);
    await keyboard.click(shadow.getByRole('button', { name: 'Connect' }));
    await vi.waitFor(() => expect(shadow.getByRole('button', { name: 'Connect' }).getAttribute('aria-busy')).toBe('true'));
    expect(apiKey.readOnly).toBe(true);
    expect(apiKey.value).toBe(TOKENS.pat);
    expect(shadow.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect((await axe.run(host)).violations).toEqual([]);
    await keyboard.click(shadow.getByRole('button', { name: 'Close' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith('dismissed'));
    expect(seenSignal!.aborted).toBe(true);
    // A host whose connect ignores the signal and answers late: the answer is dropped.
    resolveConnect({ accountId: ACCOUNTS.primary.id });
    await new Promise((r) => setTimeout(r, 50));
    expect(onSuccess).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  it('cancels a running verification with Cancel, keeping the typed values', async () => {
    mock.setFault('hang');
    const onError = vi.fn();
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen onError={onError} />);
    const { shadow, apiKey } = await openForm(hostIn(container));
    await keyboard.type(apiKey, TOKENS.pat);
    await keyboard.click(shadow.getByRole('button', { name: 'Connect' }));
    await keyboard.click(await shadow.findByRole('button', { name: 'Cancel' }));
    await vi.waitFor(() => expect(shadow.getByRole('button', { name: 'Connect' }).getAttribute('aria-busy')).toBe('false'));
    expect(apiKey.readOnly).toBe(false);
    expect(apiKey.value).toBe(TOKENS.pat);
    expect(shadow.queryByRole('alert')).toBeNull();
    expect(onError).not.toHaveBeenCalled();
  });

  it('calls connect once for a double click on Connect', async () => {
    const connect = vi.fn(async () => {
      await new Promise((r) => setTimeout(r, 100));
      return { ok: true };
    });
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen connect={connect} />);
    const { shadow, apiKey } = await openForm(hostIn(container));
    await keyboard.type(apiKey, TOKENS.sat);
    await keyboard.dblClick(shadow.getByRole('button', { name: 'Connect' }));
    await keyboard.keyboard('{Enter}');
    await shadow.findByRole('heading', { name: 'Harness account connected' });
    expect(connect).toHaveBeenCalledTimes(1);
    expect(shadow.getByText('Service account token')).toBeTruthy();
  });

  it('leaves the key nowhere after a dismiss: not in the DOM, the shadow root, or the console', async () => {
    const logged = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')];
    const { container, getByRole } = render(
      <HarnessConnect queryClient={new QueryClient()} trigger={<button type="button">Link Harness</button>} />,
    );
    const host = hostIn(container);
    await keyboard.click(getByRole('button', { name: 'Link Harness' }));
    const { shadow, apiKey } = await openForm(host);
    await keyboard.type(apiKey, TOKENS.wrongSecret);
    await keyboard.click(shadow.getByRole('button', { name: 'Connect' }));
    await vi.waitFor(() => expect(apiKey.getAttribute('aria-invalid')).toBe('true'));
    await keyboard.click(shadow.getByRole('button', { name: 'Close' }));
    await vi.waitFor(() => expect(shadow.queryByRole('dialog')).toBeNull());
    const secret = TOKENS.wrongSecret.split('.').at(-1)!;
    expect(document.body.innerHTML).not.toContain(secret);
    expect(host.shadowRoot!.innerHTML).not.toContain(secret);
    expect(JSON.stringify(logged.flatMap((spy) => spy.mock.calls))).not.toContain(secret);
    // Opening again starts with an empty form.
    await keyboard.click(getByRole('button', { name: 'Link Harness' }));
    const again = await openForm(host);
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
    const host = hostIn(container);
    // 'open' has fired by now (defaultOpen); the rest of the session is heard on the host element.
    for (const name of ['submit', 'success', 'close']) {
      host.addEventListener(`harness-connect:${name}`, (e) => domEvents.push((e as CustomEvent).detail));
    }
    const { shadow, apiKey } = await openForm(host);
    await keyboard.type(apiKey, TOKENS.pat);
    await keyboard.click(shadow.getByRole('button', { name: 'Connect' }));
    await keyboard.click(await shadow.findByRole('button', { name: 'Done' }));
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
