import { MutationCache, QueryClient } from '@tanstack/react-query';
import { cleanup, render, within } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { HarnessConnect, HarnessConnectError, type HarnessConnectProps } from '../../src/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';

/** How long a dialog may take to open (its catalogue fetched, React's first commit) before a test gives up. */
const DIALOG_OPENS = { timeout: 10_000 };

// What an attacker, a broken proxy and a careless host found in the widget, each as a person or host sees it.

afterEach(() => cleanup());

/** The open dialog of a rendered widget, queried as an element (testing-library can print it on failure). */
async function openDialog(container: HTMLElement) {
  const host = container.querySelector<HTMLElement>('[data-harness-connect]')!;
  const dialog = await vi.waitFor(() => {
    const found = host.shadowRoot?.querySelector('dialog[open]');
    if (!found) throw new Error('the dialog is not open');
    return found as HTMLElement;
    // A language's catalogue is fetched before the dialog opens: on a loaded machine that takes a while.
  }, DIALOG_OPENS);
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

describe('a result that holds the key', () => {
  it('reaches neither the confirmation, onSuccess, the success event nor a host QueryClient', async () => {
    const secret = TOKENS.pat.split('.').at(-1)!;
    const seen: unknown[] = [];
    const queryClient = new QueryClient({ mutationCache: new MutationCache({ onSuccess: (data) => void seen.push(data) }) });
    const onSuccess = vi.fn();
    const events: unknown[] = [];
    const { container } = render(
      <HarnessConnect<unknown>
        queryClient={queryClient}
        defaultOpen
        onSuccess={onSuccess}
        onEvent={(event) => events.push(event)}
        connect={async ({ apiKey, accountId }) => ({
          accountId,
          // A route that echoes what it was sent, and an HTTP client's response that keeps its request.
          accountName: `Acme ${apiKey}`,
          stored: { apiKey },
          response: Object.assign(Object.create({ kind: 'response' }), { config: { data: JSON.stringify({ apiKey }) } }),
        })}
      />,
    );
    const dialog = await openDialog(container);
    await userEvent.click(dialog.getByRole('button', { name: 'I already have an API key' }));
    await userEvent.fill(dialog.getByLabelText('API Key'), TOKENS.pat);
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    const shown = container.querySelector('[data-harness-connect]')!.shadowRoot!.innerHTML;
    expect(shown).not.toContain(secret);
    for (const value of [onSuccess.mock.calls[0]![0], ...seen, ...events]) expect(reachableText(value)).not.toContain(secret);
  });
});

describe('a reconnect without a usable stored connection', () => {
  it.each([
    ['no connection', undefined],
    ['an empty one', {}],
    ['a stored row with other field names', { account_id: 'QckRHsqq_el0PWRb2kqkgU' }],
  ])('with %s, refuses before calling connect, as the host’s set-up error', async (_name, connection) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const connect = vi.fn(async () => ({}));
    const onSuccess = vi.fn();
    const { container } = renderWidget({ mode: 'reconnect', connection: connection as never, connect, onSuccess });
    const dialog = await openDialog(container);
    await userEvent.click(dialog.getByRole('button', { name: 'I already have an API key' }));
    await userEvent.fill(dialog.getByLabelText('API Key'), TOKENS.otherAccount);
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
    expect(await dialog.findByText('This connection is not set up correctly. Contact the app’s support.')).toBeVisible();
    expect(connect).not.toHaveBeenCalled();
    expect(onSuccess).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('refuses a result that does not say who the key acts as, when the stored connection names its principal', async () => {
    const onSuccess = vi.fn();
    const { container } = renderWidget({
      mode: 'reconnect',
      connection: { accountId: ACCOUNTS.primary.id, principal: { kind: 'user', identifier: 'kQ7tR2mX9vLpZ4nW8sYc1A' } },
      connect: async ({ accountId }) => ({ accountId }),
      onSuccess,
    });
    const dialog = await openDialog(container);
    await userEvent.click(dialog.getByRole('button', { name: 'I already have an API key' }));
    await userEvent.fill(dialog.getByLabelText('API Key'), TOKENS.pat);
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
    expect(await dialog.findByText(/acts as a different user or service account/)).toBeVisible();
    expect(onSuccess).not.toHaveBeenCalled();
  });
});

describe('wrongly typed props from a host', () => {
  it.each([
    ['requiredPermissions as a string', { requiredPermissions: 'core_pipeline_view' }],
    ['requiredPermissions with a null entry', { requiredPermissions: [null] }],
    ['a permission label that is a number', { requiredPermissions: [{ permission: 'core_pipeline_view', resourceType: 'PIPELINE', label: 5 }] }],
    ['a null theme', { theme: null }],
    ['keySteps overridden with a string', { messages: { keySteps: 'x' } }],
  ])('%s: the dialog still opens and the host app stands', async (_name, props) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const caught = vi.fn();
    const { container } = render(
      <Boundary onCatch={caught}>
        <HarnessConnect<unknown> queryClient={new QueryClient()} defaultOpen connect={async () => ({})} {...(props as object)} />
      </Boundary>,
    );
    const dialog = await openDialog(container);
    expect(dialog.getByRole('heading', { name: 'Generate a Harness API key' })).toBeVisible();
    expect(caught).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('egressIps with numbers: an IP allow-list refusal still shows', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = renderWidget({
      egressIps: [1, 2, '203.0.113.7'] as never,
      connect: async () => {
        throw new HarnessConnectError('ip_not_allowed');
      },
    });
    const dialog = await openDialog(container);
    await userEvent.click(dialog.getByRole('button', { name: 'I already have an API key' }));
    await userEvent.fill(dialog.getByLabelText('API Key'), TOKENS.pat);
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
    expect((await dialog.findByRole('alert')).textContent).toContain('Addresses to allow: 203.0.113.7.');
    vi.restoreAllMocks();
  });
});

describe('names from outside', () => {
  it('cannot reorder the text around them (a right-to-left override in an account name)', async () => {
    const { container } = renderWidget({ connect: async ({ accountId }) => ({ accountId, accountName: 'Acme\u202E', principal: null }) });
    const dialog = await openDialog(container);
    await userEvent.click(dialog.getByRole('button', { name: 'I already have an API key' }));
    await userEvent.fill(dialog.getByLabelText('API Key'), TOKENS.pat);
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
    const heading = await dialog.findByRole('heading', { name: 'Acme is connected' });
    expect(heading.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});
