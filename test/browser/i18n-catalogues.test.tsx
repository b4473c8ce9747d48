import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { HarnessConnect, HarnessConnectError, type HarnessConnectMessages, type HarnessConnectProps } from '../../src/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import ar from '../../src/widget/i18n/ar.js';
import de from '../../src/widget/i18n/de.js';
import { en } from '../../src/widget/i18n/en.js';
import es from '../../src/widget/i18n/es.js';
import fr from '../../src/widget/i18n/fr.js';
import ja from '../../src/widget/i18n/ja.js';

// Languages: every shipped catalogue complete, `locale` and `messages`, core errors in the chosen
// language, Intl dates, right to left, and white-label wording.

afterEach(() => cleanup());

const CATALOGUES: Record<string, HarnessConnectMessages> = { de, fr, es, ja, ar };

/** Every key path of a catalogue, nested objects and arrays included ("steps.key", "keySteps.2"). */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key));
}

async function renderWidget(props: Partial<HarnessConnectProps<unknown>> = {}) {
  const { container } = render(<HarnessConnect<unknown> queryClient={new QueryClient()} defaultOpen {...props} />);
  const host = container.querySelector<HTMLElement>('[data-harness-connect]')!;
  const view = within(host.shadowRoot as unknown as HTMLElement);
  await view.findByRole('dialog');
  return { host, root: host.shadowRoot!, view };
}

describe('message catalogues', () => {
  const english = keyPaths(en).sort();

  for (const [locale, catalogue] of Object.entries(CATALOGUES)) {
    it(`${locale} has exactly the English keys, each a non-empty string with the same placeholders`, () => {
      expect(keyPaths(catalogue).sort()).toEqual(english);
      for (const path of english) {
        const get = (c: unknown) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], c);
        const text = get(catalogue) as string;
        expect(typeof text, `${locale}.${path}`).toBe('string');
        expect(text.length, `${locale}.${path}`).toBeGreaterThan(0);
        const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(placeholders(text), `${locale}.${path}`).toEqual(placeholders(get(en) as string));
      }
    });
  }

  it('keeps the English contract names exactly', () => {
    expect([en.title, en.apiKey, en.accountId, en.connect, en.close, en.finish]).toEqual([
      'Connect Harness',
      'API Key',
      'Account Identifier',
      'Connect',
      'Close',
      'Done',
    ]);
  });
});

describe('locale', () => {
  it('loads German on demand: dialog name, labels, buttons, field errors from the core, Intl dates', async () => {
    const { view } = await renderWidget({
      locale: 'de',
      connect: async () => ({ user: { name: 'Ada' }, expiresAt: '2031-03-04T00:00:00.000Z' }),
    });
    const dialog = await view.findByRole('dialog', { name: 'Harness verbinden' });
    expect(dialog.getAttribute('lang')).toBe('de');
    expect(dialog.getAttribute('dir')).toBe('ltr');
    await userEvent.click(view.getByRole('button', { name: 'Ich habe schon einen API-Schlüssel' }));
    const key = await view.findByLabelText('API-Schlüssel');
    const account = view.getByLabelText('Kontokennung');
    // A local check (the core's problem `empty`) in German.
    await userEvent.click(view.getByRole('button', { name: 'Verbinden' }));
    expect(await view.findByText('Fügen Sie Ihren Harness-API-Schlüssel ein.')).toBeTruthy();
    // A prefix only in the wrong case has its own words, also behind a pasted `Bearer`.
    await userEvent.fill(key, `Bearer PAT.${TOKENS.pat.slice(4)}`);
    await userEvent.click(view.getByRole('button', { name: 'Verbinden' }));
    expect(await view.findByText('Schreiben Sie den Anfang klein: pat. oder sat.')).toBeTruthy();
    // The mismatch names both ids.
    await userEvent.fill(key, TOKENS.pat);
    await userEvent.fill(account, ACCOUNTS.other.id);
    await userEvent.click(view.getByRole('button', { name: 'Verbinden' }));
    expect(await view.findByText(`Dieser Schlüssel gehört zu Konto ${ACCOUNTS.primary.id}, nicht ${ACCOUNTS.other.id}. Korrigieren Sie die Kontokennung.`)).toBeTruthy();
    await userEvent.fill(account, ACCOUNTS.primary.id);
    await userEvent.click(view.getByRole('button', { name: 'Verbinden' }));
    expect(await view.findByRole('heading', { name: 'Harness-Konto verbunden' })).toBeTruthy();
    expect(view.getByText(new Intl.DateTimeFormat('de', { dateStyle: 'long' }).format(new Date('2031-03-04T00:00:00.000Z')))).toBeTruthy();
    expect(view.getByText('Persönliches Zugriffstoken')).toBeTruthy();
    expect(view.getByRole('button', { name: 'Fertig' })).toBeTruthy();
  });

  it('maps errors from connect by code, and keeps a host’s own message', async () => {
    let error = new HarnessConnectError('rate_limited');
    const { view } = await renderWidget({ locale: 'fr', connect: async () => Promise.reject(error) });
    await userEvent.click(await view.findByRole('button', { name: 'J’ai déjà une clé d’API' }));
    await userEvent.fill(await view.findByLabelText('Clé d’API'), TOKENS.pat);
    await userEvent.click(view.getByRole('button', { name: 'Connecter' }));
    expect((await view.findByRole('alert')).textContent).toContain('Harness est surchargé. Patientez un instant, puis réessayez.');
    error = new HarnessConnectError('invalid_token', { message: 'Votre clé est refusée par Acme.' });
    await userEvent.click(view.getByRole('button', { name: 'Réessayer' }));
    expect(await view.findByText('Votre clé est refusée par Acme.')).toBeTruthy();
  });

  it('lays Arabic out right to left, with the step indicator mirrored', async () => {
    const { view, root } = await renderWidget({ locale: 'ar' });
    const dialog = await view.findByRole('dialog', { name: 'ربط Harness' });
    expect(dialog.getAttribute('dir')).toBe('rtl');
    const [first, second] = [...root.querySelectorAll<HTMLElement>('li[data-step]')];
    expect(first!.getBoundingClientRect().left).toBeGreaterThan(second!.getBoundingClientRect().left);
    // Numbers through Intl in the locale.
    expect(first!.dataset.n).toBe(new Intl.NumberFormat('ar').format(1));
    // The primary action sits at the inline end: the left in RTL.
    const next = view.getByRole('button', { name: 'التالي' });
    const skip = view.getByRole('button', { name: 'لدي مفتاح API بالفعل' });
    expect(next.getBoundingClientRect().left).toBeLessThan(skip.getBoundingClientRect().left);
  });

  it('falls back to the language of a regional tag, and to English for an unknown one', async () => {
    const { view } = await renderWidget({ locale: 'es-MX' });
    expect(await view.findByRole('dialog', { name: 'Conectar Harness' })).toBeTruthy();
    cleanup();
    const other = await renderWidget({ locale: 'sv' });
    expect(await other.view.findByRole('dialog', { name: 'Connect Harness' })).toBeTruthy();
  });

  it('tells the browser the language of its text, so Japanese gets Japanese glyphs', async () => {
    const { view } = await renderWidget({ locale: 'ja' });
    const title = await view.findByRole('heading', { level: 2 });
    // Chromium's font fallback reads the locale from `lang`: a Han character then takes its Japanese form.
    expect(getComputedStyle(title).getPropertyValue('-webkit-locale')).toBe('"ja"');
    expect(title.matches(':lang(ja)')).toBe(true);
  });

  it('applies messages overrides over the chosen catalogue', async () => {
    const { view } = await renderWidget({ locale: 'de', messages: { next: 'Los', steps: { account: 'Konto-ID' } } });
    expect(await view.findByRole('button', { name: 'Los' })).toBeTruthy();
    expect(view.getByText('Konto-ID')).toBeTruthy();
    expect(view.getByRole('dialog', { name: 'Harness verbinden' })).toBeTruthy();
  });
});

describe('white-label', () => {
  it('names the host’s product, keeps the dialog name meaningful and shows no attribution', async () => {
    const { view, root } = await renderWidget({
      brand: { name: 'Acme', logo: 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg"/%3E' },
      connect: async () => ({}),
    });
    expect(await view.findByRole('dialog', { name: 'Connect Harness to Acme' })).toBeTruthy();
    expect(root.querySelector('img[part=logo]')!.getAttribute('alt')).toBe('');
    expect(view.getByText('A personal or service account API key lets Acme read your Harness account for you.')).toBeTruthy();
    await userEvent.click(view.getByRole('button', { name: 'I already have an API key' }));
    await userEvent.fill(await view.findByLabelText('API Key'), TOKENS.pat);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    expect(await view.findByRole('heading', { name: 'Harness account connected to Acme' })).toBeTruthy();
    expect(root.textContent).not.toMatch(/harness-connect|hub|this app/i);
  });

  it('takes a React node as the logo, and whiteLabel as another name for brand', async () => {
    const { view, root } = await renderWidget({ whiteLabel: { name: 'Nightjar', logo: <svg data-logo="" aria-hidden="true" /> } });
    expect(await view.findByRole('dialog', { name: 'Connect Harness to Nightjar' })).toBeTruthy();
    expect(root.querySelector('[part=logo] svg[data-logo]')).toBeTruthy();
  });
});
