import { MutationCache, QueryClient } from '@tanstack/react-query';
import { cleanup, render, within } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { HarnessConnect, HarnessConnectError, type HarnessConnectProps } from '../../src/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';

// What an attacker, a broken proxy and a careless host found in the widget, each as a person or host sees it.

afterEach(() => cleanup());

/** The open dialog of a rendered widget, queried as an element (testing-library can print it on failure). */
async function openDialog(container: HTMLElement) {
  const host = container.querySelector<HTMLElement>('[data-harness-connect]')!;
  const dialog = await vi.waitFor(() => {
    const found = host.shadowRoot?.querySelector('dialog[open]');
    if (!found) throw new Error('the dialog is not open');
    return found as HTMLElement;
  });
  return within(dialog);
}

function renderWidget(props: Partial<HarnessConnectProps<unknown>> = {}) {
  return render(<HarnessConnect<unknown> queryClient={new QueryClient()} defaultOpen connect={async () => ({})} {...props} />);
}

/** Records what a host's error boundary would catch. */
class Boundary extends Component<{ children: ReactNode; onCatch: (error: unknown) => void }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onCatch(error);
  }
  override render() {
    return this.state.failed ? <p>the host app is gone</p> : this.props.children;
  }
}

describe('an invalid locale', () => {
  it.each(['en_US', 'xx-!!', '', 'de_DE.UTF-8'])('"%s" opens the dialog in English instead of taking the host app down', async (locale) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const caught = vi.fn();
    const { container } = render(
      <Boundary onCatch={caught}>
        <p>host content</p>
        <HarnessConnect<unknown> queryClient={new QueryClient()} defaultOpen locale={locale} connect={async () => ({})} />
      </Boundary>,
    );
    const dialog = await openDialog(container);
    expect(dialog.getByRole('heading', { name: 'Connect Harness' })).toBeVisible();
    // The step numbers are formatted with Intl: the first place an invalid tag threw.
    expect(dialog.getByRole('list', { name: 'Progress' })).toBeVisible();
    expect(caught).not.toHaveBeenCalled();
    expect(container.textContent).toContain('host content');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`harness-connect: locale "${locale}"`));
    warn.mockRestore();
  });

  it('formats the confirmation date with an invalid locale too', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = renderWidget({ locale: 'en_US', connect: async () => ({ expiresAt: '2031-01-01T00:00:00.000Z' }) });
    const dialog = await openDialog(container);
    await userEvent.click(dialog.getByRole('button', { name: 'I already have an API key' }));
    await userEvent.fill(dialog.getByLabelText('API Key'), TOKENS.pat);
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
    expect(await dialog.findByText('January 1, 2031')).toBeVisible();
    vi.restoreAllMocks();
  });
});

describe('an error from connect', () => {
  it('is cleared as soon as either field changes, so it never sits beside a new key', async () => {
    const { container } = renderWidget({
      connect: async () => {
        throw new HarnessConnectError('forbidden');
      },
    });
    const dialog = await openDialog(container);
    await userEvent.click(dialog.getByRole('button', { name: 'I already have an API key' }));
    const apiKey = dialog.getByLabelText('API Key');
    await userEvent.fill(apiKey, TOKENS.pat);
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
    expect(await dialog.findByText('Harness refused access for this key. Ask your Harness admin.')).toBeVisible();

    // Another key: the refusal was about the old one.
    await userEvent.fill(apiKey, TOKENS.sat);
    expect(dialog.queryByText('Harness refused access for this key. Ask your Harness admin.')).toBeNull();
    expect(dialog.queryByRole('alert')).toBeNull();
  });

  it('at a field is cleared when the other field changes, too', async () => {
    const { container } = renderWidget({
      connect: async () => {
        throw new HarnessConnectError('invalid_request');
      },
    });
    const dialog = await openDialog(container);
    await userEvent.click(dialog.getByRole('button', { name: 'I already have an API key' }));
    await userEvent.fill(dialog.getByLabelText('API Key'), TOKENS.legacy);
    const account = dialog.getByLabelText('Account Identifier');
    await userEvent.fill(account, ACCOUNTS.other.id);
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
    await vi.waitFor(() => expect(account.getAttribute('aria-invalid')).toBe('true'));
    // The error took the focus to the field it is about.
    expect(account.getRootNode()).toHaveProperty('activeElement', account);

    await userEvent.fill(account, ACCOUNTS.primary.id);
    expect(account.getAttribute('aria-invalid')).toBeNull();
  });
});

describe("a host's own QueryClient", () => {
  it('never sees the raw rejection: its MutationCache and the mutation state get the scrubbed error', async () => {
    const seen: unknown[] = [];
    const queryClient = new QueryClient({ mutationCache: new MutationCache({ onError: (error) => void seen.push(error) }) });
    const secret = TOKENS.pat.split('.').at(-1)!;
    // What an axios error looks like: the request body, with the key, on `config.data`.
    // Its message does not name the key: only the raw object, kept as `cause`, would carry it.
    const axiosLike = Object.assign(new Error('Request failed with status code 401'), {
      isAxiosError: true,
      config: { data: JSON.stringify({ apiKey: TOKENS.pat }) },
    });
    const onError = vi.fn();
    const { container } = render(
      <HarnessConnect<unknown>
        queryClient={queryClient}
        defaultOpen
        onError={onError}
        connect={async () => {
          throw axiosLike;
        }}
      />,
    );
    const dialog = await openDialog(container);
    await userEvent.click(dialog.getByRole('button', { name: 'I already have an API key' }));
    await userEvent.fill(dialog.getByLabelText('API Key'), TOKENS.pat);
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));

    const states = queryClient.getMutationCache().getAll().map((mutation) => mutation.state.error);
    for (const error of [...seen, ...states, onError.mock.calls[0]![0]]) {
      expect(error).toBeInstanceOf(HarnessConnectError);
      expect(reachableText(error)).not.toContain(secret);
    }
    expect(seen).toHaveLength(1);
  });
});

/** Every string reachable from `value` through own properties (enumerable or not) and `cause`. */
function reachableText(value: unknown, seen = new Set<unknown>()): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || seen.has(value)) return '';
  seen.add(value);
  return Reflect.ownKeys(value)
    .map((key) => reachableText((value as Record<PropertyKey, unknown>)[key], seen))
    .join('\n');
}

describe('right to left', () => {
  it('keeps keys, ids, addresses and both inputs left to right, isolated from the Arabic text', async () => {
    const { container } = renderWidget({ locale: 'ar' });
    const dialog = await openDialog(container);
    const dialogElement = container.querySelector('[data-harness-connect]')!.shadowRoot!.querySelector('dialog')!;
    expect(getComputedStyle(dialogElement).direction).toBe('rtl');

    // The account step's drawn address bar, with the id in it.
    await userEvent.click(dialog.getByRole('button', { name: 'التالي' }));
    const addressBar = dialogElement.querySelector<HTMLElement>('[part~=address-bar]')!;
    expect(getComputedStyle(addressBar).direction).toBe('ltr');
    expect(getComputedStyle(addressBar).unicodeBidi).toBe('isolate');
    // Left to right: the address starts at the bar's left edge, not its right one as Arabic text would.
    const bar = addressBar.getBoundingClientRect();
    const start = addressBar.querySelector('.url-part')!.getBoundingClientRect();
    expect(start.left - bar.left).toBeLessThan(bar.right - start.right);

    // The form: the key's hint (`pat.`) and both inputs.
    await userEvent.click(dialog.getByRole('button', { name: 'التالي' }));
    for (const input of dialogElement.querySelectorAll('input')) expect(getComputedStyle(input).direction).toBe('ltr');
    const codes = [...dialogElement.querySelectorAll('code')];
    expect(codes.map((code) => code.textContent)).toEqual(['pat.', 'sat.']);
    for (const code of codes) {
      expect(getComputedStyle(code).direction, code.textContent!).toBe('ltr');
      expect(getComputedStyle(code).unicodeBidi, code.textContent!).toBe('isolate');
    }
  });
});

describe('common paste mistakes', () => {
  it('tells an account identifier in API Key for what it is, and moves it to its field on request', async () => {
    const connect = vi.fn(async () => ({}));
    const { container } = renderWidget({ connect });
    const dialog = await openDialog(container);
    await userEvent.click(dialog.getByRole('button', { name: 'I already have an API key' }));
    const apiKey = dialog.getByLabelText('API Key');
    await userEvent.fill(apiKey, ACCOUNTS.primary.id);
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
    expect(await dialog.findByText('This looks like your Account Identifier: it goes in the field below.')).toBeVisible();
    expect(connect).not.toHaveBeenCalled();

    await userEvent.click(dialog.getByRole('button', { name: 'Move it to Account Identifier' }));
    expect(dialog.getByLabelText('Account Identifier')).toHaveValue(ACCOUNTS.primary.id);
    expect(apiKey).toHaveValue('');
    expect(apiKey.getAttribute('aria-invalid')).toBeNull();
    expect(apiKey.getRootNode()).toHaveProperty('activeElement', apiKey);
  });

  it('tells an address in API Key that it is not a key', async () => {
    const { container } = renderWidget();
    const dialog = await openDialog(container);
    await userEvent.click(dialog.getByRole('button', { name: 'I already have an API key' }));
    await userEvent.fill(dialog.getByLabelText('API Key'), `https://app.harness.io/ng/account/${ACCOUNTS.primary.id}/home/get-started`);
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
    expect(await dialog.findByText(/This is a web address, not an API key\./)).toBeVisible();
    expect(dialog.queryByRole('button', { name: 'Move it to Account Identifier' })).toBeNull();
  });
});
