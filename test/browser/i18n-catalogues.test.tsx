import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { HarnessConnect, HarnessConnectError, type HarnessConnectProps } from '../../src/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { shownDialog, widgetIn } from '../support/widget.js';

// Languages as a person meets them: `locale` and `messages`, core errors in the chosen language, Intl dates,
// right to left, and white-label wording. That every catalogue is complete is in test/widget/.

afterEach(() => cleanup());

async function renderWidget(props: Partial<HarnessConnectProps<unknown>> = {}) {
  const { container } = render(<HarnessConnect<unknown> queryClient={new QueryClient()} defaultOpen {...props} />);
  return widgetIn(container);
}

describe('locale', () => {
  it('loads German on demand: dialog name, labels, buttons, field errors from the core, Intl dates', async () => {
    const widget = await renderWidget({
      locale: 'de',
      connect: async () => ({ user: { name: 'Ada' }, expiresAt: '2031-03-04T00:00:00.000Z' }),
    });
    const { view } = widget;
    const dialog = await shownDialog(widget, 'Harness verbinden');
    expect(dialog.getAttribute('lang')).toBe('de');
    expect(dialog.getAttribute('dir')).toBe('ltr');
    await userEvent.click(view.getByRole('button', { name: 'Ich habe schon einen API-Schlüssel' }));
    const key = await view.findByLabelText('API-Schlüssel');
    const account = view.getByLabelText('Konto-ID');
    // A local check (the core's problem `empty`) in German.
    await userEvent.click(view.getByRole('button', { name: 'Verbinden' }));
    expect(await view.findByText('Fügen Sie Ihren Harness-API-Schlüssel ein.')).toBeVisible();
    // A prefix only in the wrong case has its own words, also behind a pasted `Bearer`.
    await userEvent.fill(key, `Bearer PAT.${TOKENS.pat.slice(4)}`);
    await userEvent.click(view.getByRole('button', { name: 'Verbinden' }));
    expect(await view.findByText('Schreiben Sie den Anfang klein: pat. oder sat.')).toBeVisible();
    // The mismatch names both ids.
    await userEvent.fill(key, TOKENS.pat);
    await userEvent.fill(account, ACCOUNTS.other.id);
    await userEvent.click(view.getByRole('button', { name: 'Verbinden' }));
    // The ids sit in spans of their own (kept whole on one line): the whole error's text is compared.
    expect(
      await view.findByText(
        (_, element) =>
          element?.getAttribute('part') === 'error' &&
          element.textContent === `Dieser Schlüssel gehört zum Konto ${ACCOUNTS.primary.id}, nicht zu ${ACCOUNTS.other.id}. Korrigieren Sie die Konto-ID.`,
      ),
    ).toBeVisible();
    await userEvent.fill(account, ACCOUNTS.primary.id);
    await userEvent.click(view.getByRole('button', { name: 'Verbinden' }));
    await view.findByRole('heading', { name: 'Harness-Konto verbunden' });
    expect(view.getByText(new Intl.DateTimeFormat('de', { dateStyle: 'long' }).format(new Date('2031-03-04T00:00:00.000Z')))).toBeVisible();
    expect(view.getByText('Persönliches Zugriffstoken')).toBeVisible();
    expect(view.getByRole('button', { name: 'Fertig' })).toBeVisible();
  });

  it('maps errors from connect by code, and keeps a host’s own message', async () => {
    let error = new HarnessConnectError('rate_limited');
    const { view } = await renderWidget({ locale: 'fr', connect: async () => Promise.reject(error) });
    await userEvent.click(await view.findByRole('button', { name: 'J’ai déjà une clé d’API' }));
    await userEvent.fill(await view.findByLabelText('Clé d’API'), TOKENS.pat);
    await userEvent.click(view.getByRole('button', { name: 'Connecter' }));
    expect((await view.findByRole('alert')).textContent).toContain('Trop de tentatives pour le moment. Patientez un instant, puis réessayez.');
    error = new HarnessConnectError('invalid_token', { message: 'Votre clé est refusée par Acme.' });
    await userEvent.click(view.getByRole('button', { name: 'Réessayer' }));
    expect(await view.findByText('Votre clé est refusée par Acme.')).toBeVisible();
  });

  it('lays Arabic out right to left, with the step indicator mirrored', async () => {
    const widget = await renderWidget({ locale: 'ar' });
    const { view, root } = widget;
    const dialog = await shownDialog(widget, 'ربط Harness');
    expect(dialog.getAttribute('dir')).toBe('rtl');
    const [first, second] = [...root.querySelectorAll<HTMLElement>('li[data-step]')];
    expect(first!.getBoundingClientRect().left).toBeGreaterThan(second!.getBoundingClientRect().left);
    // Numbers through Intl in the locale: "Step 1 of 3" in Arabic-Indic digits.
    const count = root.querySelector('[part~=step-count]')!;
    // (Each number sits between Unicode isolation marks, so that it keeps its own direction.)
    expect(count.textContent!.replace(/[\u2068\u2069]/g, '')).toBe(`الخطوة ${new Intl.NumberFormat('ar').format(1)} من ${new Intl.NumberFormat('ar').format(3)}`);
    // The primary action sits at the inline end: the left in RTL.
    const next = view.getByRole('button', { name: 'التالي' });
    const skip = view.getByRole('button', { name: 'لدي مفتاح API بالفعل' });
    expect(next.getBoundingClientRect().left).toBeLessThan(skip.getBoundingClientRect().left);
  });

  it('falls back to the language of a regional tag, and to English for an unknown one', async () => {
    await shownDialog(await renderWidget({ locale: 'es-MX' }), 'Conectar Harness');
    cleanup();
    await shownDialog(await renderWidget({ locale: 'sv' }), 'Connect Harness');
  });

  it('tells the browser the language of its text, so Japanese gets Japanese glyphs', async () => {
    const { view } = await renderWidget({ locale: 'ja' });
    const title = await view.findByRole('heading', { level: 2 });
    // Chromium's font fallback reads the locale from `lang`: a Han character then takes its Japanese form.
    expect(getComputedStyle(title).getPropertyValue('-webkit-locale')).toBe('"ja"');
    expect(title.matches(':lang(ja)')).toBe(true);
  });

  it('applies messages overrides over the chosen catalogue', async () => {
    const widget = await renderWidget({ locale: 'de', messages: { next: 'Los', steps: { account: 'Konto finden' } } });
    await shownDialog(widget, 'Harness verbinden');
    expect(widget.view.getByRole('button', { name: 'Los' })).toBeVisible();
    expect(widget.view.getByText('Konto finden')).toBeVisible();
  });
});

describe('white-label', () => {
  it('names the host’s product, keeps the dialog name meaningful and shows no attribution', async () => {
    const widget = await renderWidget({
      brand: { name: 'Acme', logo: 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg"/%3E' },
      connect: async () => ({}),
    });
    const { view, root } = widget;
    await shownDialog(widget, 'Connect Harness to Acme');
    // The logo is decoration beside the product's name: a screen reader skips it.
    expect(root.querySelector('img[part=logo]')).toHaveAttribute('alt', '');
    expect(view.getByText('A personal or service account API key lets Acme read your Harness account for you.')).toBeVisible();
    await userEvent.click(view.getByRole('button', { name: 'I already have an API key' }));
    await userEvent.fill(await view.findByLabelText('API Key'), TOKENS.pat);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    await view.findByRole('heading', { name: 'Harness account connected to Acme' });
    expect(root.textContent).not.toMatch(/harness-connect|hub|this app/i);
  });

  it('takes a React node as the logo, and whiteLabel as another name for brand', async () => {
    const widget = await renderWidget({ whiteLabel: { name: 'Nightjar', logo: <svg data-logo="" aria-hidden="true" /> } });
    await shownDialog(widget, 'Connect Harness to Nightjar');
    expect(widget.root.querySelector('svg[data-logo]')).toBeVisible();
  });
});
