import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { HarnessConnect, HarnessConnectError, type HarnessConnectErrorCode, type HarnessConnectMessages } from '../../src/index.js';
import { HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import ar from '../../src/widget/i18n/ar.js';
import de from '../../src/widget/i18n/de.js';
import { en } from '../../src/widget/i18n/en.js';
import es from '../../src/widget/i18n/es.js';
import fr from '../../src/widget/i18n/fr.js';
import ja from '../../src/widget/i18n/ja.js';

/** How long a dialog may take to open (its catalogue fetched, React's first commit) before a test gives up. */
const DIALOG_OPENS = { timeout: 10_000 };

// Harness's own refusals and the permission check, told in the catalogue's words in every shipped language:
// each code at its field or in its banner, and missing permissions in their own view.

afterEach(() => cleanup());

const CATALOGUES: Record<string, HarnessConnectMessages> = { en, de, fr, es, ja, ar };

/** The codes Harness's own answers and the permission check add; `missing_permissions` has a view of its own. */
const NEW_CODES: HarnessConnectErrorCode[] = [
  'permissions_unknown',
  'revoked_token',
  'account_inactive',
  'principal_disabled',
  'ip_not_allowed',
  'principal_mismatch',
];

async function openForm(locale: string, connect: () => Promise<unknown>) {
  const { container } = render(<HarnessConnect<unknown> queryClient={new QueryClient()} defaultOpen locale={locale} connect={connect} />);
  const host = container.querySelector<HTMLElement>('[data-harness-connect]')!;
  const dialog = await vi.waitFor(() => {
    const found = host.shadowRoot?.querySelector<HTMLElement>('dialog[open]');
    if (!found) throw new Error('the dialog is not open');
    return found;
    // A language's catalogue is fetched before the dialog opens: on a loaded machine that takes a while.
  }, DIALOG_OPENS);
  const t = CATALOGUES[locale]!;
  const view = within(dialog);
  await userEvent.click(view.getByRole('button', { name: t.skip }));
  await userEvent.fill(view.getByLabelText(t.apiKey), TOKENS.pat);
  return { dialog, view, t };
}

describe.each(Object.keys(CATALOGUES))('in %s', (locale) => {
  it('tells each of Harness’s own refusals in the catalogue’s words, where it belongs', async () => {
    const codes = [...NEW_CODES];
    const { dialog, view, t } = await openForm(locale, async () => {
      throw new HarnessConnectError(codes[0]!);
    });
    for (const code of NEW_CODES) {
      // The form's primary button: Connect, or Try again after a retryable failure.
      const submit = dialog.querySelector<HTMLButtonElement>('button[type=submit]')!;
      await userEvent.click(submit);
      const text = await view.findByText(t.errors[code], { exact: false });
      expect(text, code).toBeVisible();
      codes.shift();
    }
  });

  it('shows missing permissions in their own view, in the catalogue’s words', async () => {
    const { view, t } = await openForm(locale, async () => {
      throw new HarnessConnectError('missing_permissions', {
        missing: [{ permission: 'core_pipeline_execute', resourceType: 'PIPELINE', label: 'Execute pipelines' }],
        granted: [],
        accountName: 'Acme Platform',
        principal: { kind: 'user', identifier: 'u1', name: 'Ada Lovelace', email: null },
      });
    });
    await userEvent.click(view.getByRole('button', { name: t.connect }));
    const title = t.permissionsTitle.replace('{app}', t.thisApp);
    // The heading holds the app's name between isolation marks in a right-to-left dialog.
    const heading = await view.findByRole('heading', { level: 3 });
    expect(heading.textContent!.replace(/[\u2068\u2069]/g, '')).toBe(title);
    expect(view.getByRole('button', { name: t.checkAgain })).toBeVisible();
    expect(view.getByRole('button', { name: t.useAnotherKey })).toBeVisible();
    expect(view.getByText('Execute pipelines')).toBeVisible();
  });
});
