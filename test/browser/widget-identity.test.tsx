import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, within } from '@testing-library/react';
import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import { HarnessConnect, type HarnessConnectProps, type HarnessPermissionRequirement } from '../../src/index.js';
import {
  HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS,
  HARNESS_FIXTURE_TOKEN_IDS as TOKEN_IDS,
  HARNESS_FIXTURE_TOKENS as TOKENS,
  createHarnessMock,
  harnessHandlers,
} from '../../src/testing/index.js';

/** How long a dialog may take to open (its catalogue fetched, React's first commit) before a test gives up. */
const DIALOG_OPENS = { timeout: 10_000 };

// Knowing what was connected, in Chromium with the widget's own verifier against the Harness mock (msw's
// service worker): the account's name, who the key acts as, its expiry, the permissions the host needs, and
// renewing a stored connection.

const mock = createHarnessMock();
const SELF_MANAGED = 'https://harness.acme.internal';
const worker = setupWorker(...harnessHandlers({ mock }).handlers, ...harnessHandlers({ mock, baseUrl: SELF_MANAGED }).handlers);

beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
afterEach(() => {
  cleanup();
  mock.reset();
});
afterAll(() => worker.stop());

const PIPELINES: HarnessPermissionRequirement[] = [
  { permission: 'core_pipeline_view', resourceType: 'PIPELINE', label: 'View pipelines' },
  { permission: 'core_pipeline_execute', resourceType: 'PIPELINE', label: 'Execute pipelines' },
];

async function openDialog(props: Partial<HarnessConnectProps> = {}) {
  const onSuccess = vi.fn();
  const onError = vi.fn();
  const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen onSuccess={onSuccess} onError={onError} {...props} />);
  const host = container.querySelector<HTMLElement>('[data-harness-connect]')!;
  const dialogElement = await vi.waitFor(() => {
    const found = host.shadowRoot?.querySelector<HTMLElement>('dialog[open]');
    if (!found) throw new Error('the dialog is not open');
    return found;
    // A language's catalogue is fetched before the dialog opens: on a loaded machine that takes a while.
  }, DIALOG_OPENS);
  return { dialog: within(dialogElement), dialogElement, onSuccess, onError };
}

async function connectWith(dialog: ReturnType<typeof within>, apiKey: string) {
  await userEvent.click(dialog.getByRole('button', { name: 'I already have an API key' }));
  await userEvent.fill(await dialog.findByLabelText('API Key'), apiKey);
  await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
}

describe('the confirmation says what was connected', () => {
  it('names the account and the person, with the expiry date', async () => {
    const { dialog, onSuccess } = await openDialog();
    await connectWith(dialog, TOKENS.pat);
    expect(await dialog.findByRole('heading', { name: 'Acme Platform is connected' })).toBeVisible();
    expect(dialog.getByText('Ada Lovelace (ada@acme.example)')).toBeVisible();
    expect(dialog.getByText('· Person')).toBeVisible();
    expect(dialog.getByText('January 1, 2031')).toBeVisible();
    expect(dialog.queryByText(/This key expires in/)).toBeNull();
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ expiresAt: '2031-01-01T00:00:00.000Z', expiresSoon: false, mode: 'connect' }));
  });

  it('names a service account, without the account name Harness refuses it, and says it never expires', async () => {
    const { dialog } = await openDialog();
    await connectWith(dialog, TOKENS.sat);
    expect(await dialog.findByRole('heading', { name: 'Harness account connected' })).toBeVisible();
    expect(dialog.getByText(/deploy-bot/)).toBeVisible();
    expect(dialog.getByText('· Service account')).toBeVisible();
    expect(dialog.getByText('Never')).toBeVisible();
  });

  it('says plainly when the key expires soon, with the date and the days left', async () => {
    const { dialog, onSuccess } = await openDialog();
    await connectWith(dialog, TOKENS.expiringSoon);
    const warning = await dialog.findByText(/This key expires in \d+ days?, on /);
    expect(warning.textContent).toMatch(/Create one with a longer life so that this app stays connected\./);
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ expiresSoon: true }));
  });
});

describe('the permissions the host needs', () => {
  it('names them on the first step', async () => {
    const { dialog } = await openDialog({ requiredPermissions: PIPELINES, brand: { name: 'Shipyard' } });
    expect(dialog.getByText(/The key for Shipyard must be able to: View pipelines, Execute pipelines\./)).toBeVisible();
  });

  it('shows what is missing, what to ask for, and checks the same key again once an admin granted it', async () => {
    const { dialog, dialogElement, onSuccess, onError } = await openDialog({ requiredPermissions: PIPELINES });
    await connectWith(dialog, TOKENS.missingPermission);

    expect(await dialog.findByRole('heading', { name: 'This key can’t do everything this app needs' })).toBeVisible();
    const alert = dialog.getByRole('alert');
    expect(alert.textContent).toContain('Acme Platform');
    expect(within(alert).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Execute pipelines across the whole account']);
    expect(dialog.getByText(/Ask a Harness admin for a role that grants these permissions to/)).toBeVisible();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'missing_permissions' }));
    expect(onSuccess).not.toHaveBeenCalled();
    const checkAgain = dialog.getByRole('button', { name: 'Check again' });
    await vi.waitFor(() => expect(dialogElement.getRootNode()).toHaveProperty('activeElement', checkAgain));

    // An admin grants the role; the same key now passes.
    mock.setPermissions(TOKEN_IDS.missingPermission, ['core_account_view', 'core_pipeline_view', 'core_pipeline_execute']);
    await userEvent.click(checkAgain);
    expect(await dialog.findByRole('heading', { name: 'Acme Platform is connected' })).toBeVisible();
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it('"Use another key" goes back to the form with the key field empty and focused', async () => {
    const { dialog, dialogElement } = await openDialog({ requiredPermissions: PIPELINES });
    await connectWith(dialog, TOKENS.missingPermission);
    await userEvent.click(await dialog.findByRole('button', { name: 'Use another key' }));
    const apiKey = await dialog.findByLabelText('API Key');
    expect(apiKey).toHaveValue('');
    await vi.waitFor(() => expect(dialogElement.getRootNode()).toHaveProperty('activeElement', apiKey));
  });
});

describe("Harness's own refusals", () => {
  it('lists the app’s addresses for an IP allow-list, and copies what support needs (never the key)', async () => {
    await cdp().send('Browser.grantPermissions', { permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] });
    const { dialog } = await openDialog({ egressIps: ['203.0.113.7', '203.0.113.8'] });
    await connectWith(dialog, TOKENS.restricted);
    const alert = await dialog.findByRole('alert');
    expect(alert.textContent).toContain('IP allow-list');
    expect(alert.textContent).toContain('Addresses to allow: 203.0.113.7, 203.0.113.8.');

    await userEvent.click(dialog.getByRole('button', { name: 'Copy details' }));
    await dialog.findByRole('button', { name: 'Details copied' });
    // Read back as a person would: close the dialog (the page behind it is inert while it is open), then paste
    // the clipboard into a text box (a keyboard paste needs no permission).
    await userEvent.keyboard('{Escape}');
    await vi.waitFor(() => expect(dialog.queryByRole('button', { name: 'Details copied' })).toBeNull());
    const pasteTarget = document.createElement('textarea');
    document.body.append(pasteTarget);
    pasteTarget.focus();
    await userEvent.keyboard('{Control>}v{/Control}');
    const copied = pasteTarget.value;
    pasteTarget.remove();
    expect(copied).toContain('Code: ip_not_allowed');
    expect(copied).toMatch(/Harness correlation id: [0-9a-f-]{36}/);
    expect(copied).toContain('Harness: app.harness.io');
    expect(copied).not.toContain(TOKENS.restricted.split('.').at(-1)!);
  });

  it('shows the details to select by hand when the clipboard refuses them', async () => {
    const { dialog } = await openDialog();
    await connectWith(dialog, TOKENS.restricted);
    await dialog.findByRole('alert');
    // A permissions policy or an iframe without clipboard-write: the write rejects.
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Denied', 'NotAllowedError'));
    try {
      await userEvent.click(dialog.getByRole('button', { name: 'Copy details' }));
      expect(await dialog.findByText('The clipboard is not available here: select the details below and copy them.')).toBeVisible();
      const shown = dialog.getByText(/Code: ip_not_allowed/);
      expect(shown).toBeVisible();
      expect(shown.textContent).not.toContain(TOKENS.restricted.split('.').at(-1)!);
      // The button never claims a copy that did not happen.
      expect(dialog.queryByRole('button', { name: 'Details copied' })).toBeNull();
    } finally {
      writeText.mockRestore();
    }
  });

  it.each([
    ['revokedByAdmin', 'This key was revoked in Harness. Create a new one.'],
    ['disabledUser', 'The user or service account of this key is disabled in Harness. Ask your Harness admin.'],
  ] as const)('tells %s precisely', async (fixture, message) => {
    const { dialog } = await openDialog();
    await connectWith(dialog, TOKENS[fixture]);
    expect(await dialog.findByText(message)).toBeVisible();
  });
});

describe('reconnecting a stored connection', () => {
  const connection = {
    accountId: ACCOUNTS.primary.id,
    accountName: 'Acme Platform',
    principal: { kind: 'user' as const, identifier: 'kQ7tR2mX9vLpZ4nW8sYc1A', name: 'Ada Lovelace' },
  };

  it('is named for it, skips the account step, fixes the account and renews with a new key of the same person', async () => {
    const { dialog, onSuccess } = await openDialog({ mode: 'reconnect', connection });
    expect(dialog.getByRole('heading', { name: 'Reconnect Harness' })).toBeVisible();
    expect(dialog.getByText('Step 1 of 2')).toBeVisible();
    expect(dialog.getByText(/You are renewing the key of the connection to Acme Platform\. Create a new token for Ada Lovelace again, and paste it here\./)).toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: 'Next' }));
    const account = await dialog.findByLabelText('Account Identifier');
    expect(account).toHaveValue(ACCOUNTS.primary.id);
    expect(account).toHaveAttribute('readonly');
    await userEvent.fill(dialog.getByLabelText('API Key'), TOKENS.patRotated);
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
    expect(await dialog.findByRole('heading', { name: 'Connection to Acme Platform renewed' })).toBeVisible();
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ mode: 'reconnect', accountId: ACCOUNTS.primary.id }));
  });

  it('refuses a key of another account at the API Key field, before any request', async () => {
    const { dialog, onSuccess } = await openDialog({ mode: 'reconnect', connection });
    await userEvent.click(dialog.getByRole('button', { name: 'Next' }));
    await userEvent.fill(await dialog.findByLabelText('API Key'), TOKENS.otherAccount);
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
    expect(
      // The id sits in a span of its own (kept whole on one line): the whole error's text is compared.
      await dialog.findByText(
        (_, element) =>
          element?.getAttribute('part') === 'error' &&
          element.textContent === `This key belongs to account ${ACCOUNTS.other.id}, not Acme Platform, the account being reconnected.`,
      ),
    ).toBeVisible();
    expect(dialog.getByLabelText('API Key')).toHaveAttribute('aria-invalid', 'true');
    expect(mock.requests).toEqual([]);
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('refuses a key that acts as someone else after verification, and reports no success', async () => {
    const { dialog, onSuccess, onError } = await openDialog({ mode: 'reconnect', connection });
    await userEvent.click(dialog.getByRole('button', { name: 'Next' }));
    await userEvent.fill(await dialog.findByLabelText('API Key'), TOKENS.sat);
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
    // Who the new key acts as (from Harness), and whom the connection had.
    expect(await dialog.findByText('This key acts as deploy-bot, not Ada Lovelace. Use a key of Ada Lovelace.')).toBeVisible();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'principal_mismatch' }));
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('says renewed with a brand too, in the brand’s words and in another language', async () => {
    const { dialog } = await openDialog({ mode: 'reconnect', connection, brand: { name: 'Shipyard' } });
    await userEvent.click(dialog.getByRole('button', { name: 'Next' }));
    await userEvent.fill(await dialog.findByLabelText('API Key'), TOKENS.patRotated);
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
    expect(await dialog.findByRole('heading', { name: 'Connection of Acme Platform to Shipyard renewed' })).toBeVisible();
    cleanup();

    const german = await openDialog({ mode: 'reconnect', connection, locale: 'de' });
    await userEvent.click(german.dialog.getByRole('button', { name: 'Weiter' }));
    await userEvent.fill(await german.dialog.findByLabelText('API-Schlüssel'), TOKENS.patRotated);
    await userEvent.click(german.dialog.getByRole('button', { name: 'Verbinden' }));
    expect(await german.dialog.findByRole('heading', { name: 'Verbindung zu Acme Platform erneuert' })).toBeVisible();
  });

  it('names who the key acts as even when the stored connection has no name for its principal', async () => {
    const unnamed = { ...connection, principal: { kind: 'user' as const, identifier: connection.principal.identifier } };
    const { dialog } = await openDialog({ mode: 'reconnect', connection: unnamed });
    await userEvent.click(dialog.getByRole('button', { name: 'Next' }));
    await userEvent.fill(await dialog.findByLabelText('API Key'), TOKENS.sat);
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
    expect(
      await dialog.findByText('This key acts as deploy-bot, not as the user or service account of the connection you are renewing. Use a key of that one.'),
    ).toBeVisible();
  });
});

describe('a self-managed Harness', () => {
  it('is reached by the default connect when its host is allowed, and the guide links to it', async () => {
    const { dialog, dialogElement } = await openDialog({ baseUrl: SELF_MANAGED, allowedHosts: ['harness.acme.internal'] });
    expect(dialogElement.querySelector('a')).toHaveAttribute('href', SELF_MANAGED);
    await userEvent.click(dialog.getByRole('button', { name: 'Next' }));
    expect(dialogElement.querySelector('.address-bar')!.textContent).toContain('harness.acme.internal/');
    await userEvent.click(dialog.getByRole('button', { name: 'Next' }));
    await userEvent.fill(await dialog.findByLabelText('API Key'), TOKENS.pat);
    await userEvent.click(dialog.getByRole('button', { name: 'Connect' }));
    expect(await dialog.findByRole('heading', { name: 'Acme Platform is connected' })).toBeVisible();
    expect(mock.requests.every((request) => request.url.startsWith(SELF_MANAGED))).toBe(true);
  });

  it('is refused without allowedHosts, before the key leaves the browser', async () => {
    const { dialog } = await openDialog({ baseUrl: SELF_MANAGED });
    await connectWith(dialog, TOKENS.pat);
    expect(await dialog.findByText('This connection is not set up correctly. Contact the app’s support.')).toBeVisible();
    expect(mock.requests).toEqual([]);
  });
});
