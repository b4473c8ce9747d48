import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { HarnessConnect, type HarnessConnectProps } from '../../src/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { BRANDS, EDGE_ACCENTS, LOOKS } from '../../stories/brands.js';
import { shownDialog, widgetIn } from '../support/widget.js';

// Theming in Chromium: custom properties from the page, ::part from the page, no side effects outside the
// widget's own host element, and axe's colour-contrast rule for every shipped look and derived extremes.

const added: HTMLElement[] = [];
afterEach(() => {
  cleanup();
  for (const element of added.splice(0)) element.remove();
});

/** A stylesheet of the host page (the test's document is the host page). */
function hostStyle(css: string) {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  added.push(style);
}

async function renderWidget(props: Partial<HarnessConnectProps<unknown>> = {}) {
  const { container } = render(
    <HarnessConnect<unknown> queryClient={new QueryClient()} defaultOpen connect={async () => ({ ok: true })} {...props} />,
  );
  const widget = await widgetIn(container);
  // Whatever the look or language, the dialog's name has Harness in it once it is shown.
  await shownDialog(widget, /Harness/);
  return widget;
}

const style = (element: Element | null) => getComputedStyle(element!);

describe('theming from the host page', () => {
  it('uses --hc-* custom properties the page sets on an ancestor', async () => {
    hostStyle(`:root { --hc-color-accent: #123456; --hc-color-surface: #fafaf0; --hc-radius: 3px; --hc-font: Georgia, serif; }`);
    const { root } = await renderWidget();
    const dialog = root.querySelector('dialog');
    expect(style(root.querySelector('[data-variant=primary]')).backgroundColor).toBe('rgb(18, 52, 86)');
    expect(style(dialog).backgroundColor).toBe('rgb(250, 250, 240)');
    expect(style(dialog).borderTopLeftRadius).toBe('3px');
    expect(style(dialog).fontFamily).toContain('Georgia');
  });

  it('lets the page style every part with ::part, on the host element', async () => {
    hostStyle(`
      [data-harness-connect]::part(title) { color: rgb(1, 2, 3); }
      [data-harness-connect]::part(primary) { background: rgb(4, 5, 6); }
      [data-harness-connect]::part(input) { border-color: rgb(7, 8, 9); }`);
    const { root, view } = await renderWidget();
    expect(style(root.querySelector('[part~=title]')).color).toBe('rgb(1, 2, 3)');
    expect(style(root.querySelector('[part~=primary]')).backgroundColor).toBe('rgb(4, 5, 6)');
    const partsShown = () => [...root.querySelectorAll('[part]')].flatMap((el) => el.getAttribute('part')!.split(' '));
    const onGuide = partsShown();
    await userEvent.click(view.getByRole('button', { name: 'I already have an API key' }));
    expect(style(await view.findByLabelText('API Key')).borderTopColor).toBe('rgb(7, 8, 9)');
    // Every part a host may need is named, on the guide's first step and on the form.
    const parts = new Set([...onGuide, ...partsShown()]);
    for (const part of ['dialog', 'body', 'header', 'title', 'note', 'progress', 'step-indicator', 'step', 'step-title', 'field', 'label', 'input', 'hint', 'button', 'primary', 'actions', 'status']) {
      expect(parts, part).toContain(part);
    }
  });

  it('writes the theme prop as --hc-* on its own host element, deriving a readable accent foreground', async () => {
    const { host, root } = await renderWidget({ theme: { accent: '#ffe600' } });
    expect(host.style.getPropertyValue('--hc-color-accent')).toBe('#ffe600');
    const primary = style(root.querySelector('[data-variant=primary]'));
    expect(primary.backgroundColor).toBe('rgb(255, 230, 0)');
    expect(primary.color).toBe('rgb(20, 22, 26)');
  });

  it('switches to the dark palette with colorScheme="dark"', async () => {
    const { host, root } = await renderWidget({ colorScheme: 'dark' });
    expect(host.getAttribute('data-color-scheme')).toBe('dark');
    expect(style(root.querySelector('dialog')).backgroundColor).toBe('rgb(23, 26, 33)');
    expect(style(root.querySelector('dialog')).colorScheme).toBe('dark');
  });

  it('drops the default look with unstyled, keeping text for screen readers hidden', async () => {
    const { root, view } = await renderWidget({ unstyled: true });
    const dialog = root.querySelector('dialog')!;
    // The browser's own dialog: no theme colours, corners or font.
    expect(style(root.querySelector('[data-variant=primary]')).backgroundColor).not.toBe('rgb(10, 91, 211)');
    expect(style(dialog).borderTopLeftRadius).toBe('0px');
    expect(style(dialog).fontFamily).not.toContain('system-ui');
    // Visually hidden text stays out of sight but in the accessibility tree.
    await userEvent.click(view.getByRole('button', { name: 'I already have an API key' }));
    const hidden = await view.findByText('Show API key');
    expect(hidden.getBoundingClientRect().width).toBeLessThanOrEqual(1);
    expect(view.getByRole('button', { name: 'Show API key' })).toBeVisible();
  });

  it('changes nothing outside its host element: <html>, <head>, storage', async () => {
    const snapshot = () => ({
      html: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
      body: [...document.body.attributes].map((a) => `${a.name}=${a.value}`).join(' '),
      head: document.head.innerHTML,
      local: localStorage.length,
      session: sessionStorage.length,
      fonts: document.fonts.size,
      sheets: document.styleSheets.length + document.adoptedStyleSheets.length,
    });
    const before = snapshot();
    const widget = await renderWidget({ ...BRANDS.nightjar, locale: 'de' });
    const { view } = widget;
    await shownDialog(widget, 'Harness mit Nightjar verbinden');
    await userEvent.click(view.getByRole('button', { name: 'Ich habe schon einen API-Schlüssel' }));
    await userEvent.fill(await view.findByLabelText('API-Schlüssel'), TOKENS.pat);
    await userEvent.fill(view.getByLabelText('Konto-ID'), ACCOUNTS.primary.id);
    await userEvent.click(view.getByRole('button', { name: 'Verbinden' }));
    await userEvent.click(await view.findByRole('button', { name: 'Fertig' }));
    expect(snapshot()).toEqual(before);
  });
});

async function contrastViolations(host: HTMLElement) {
  const results = await axe.run(host, { runOnly: ['color-contrast'] });
  return results.violations.flatMap((v) => v.nodes.map((n) => `${n.html}: ${n.failureSummary}`));
}

/** The guide (links, muted text), then the form with field errors and a banner-free state. */
async function expectReadable(props: Partial<HarnessConnectProps<unknown>>) {
  const { host, view } = await renderWidget({ ...props, connect: async () => Promise.reject(new Error('x')) });
  expect(await contrastViolations(host)).toEqual([]);
  await userEvent.click(view.getByRole('button', { name: /I already have an API key/ }));
  await userEvent.fill(await view.findByLabelText('API Key'), 'PAT.wrong');
  await userEvent.click(view.getByRole('button', { name: 'Connect' }));
  await view.findAllByRole('alert');
  expect(await contrastViolations(host)).toEqual([]);
  cleanup();
}

describe('colour contrast (axe) for every shipped look and derived extremes', () => {
  for (const [name, look] of Object.entries(LOOKS)) {
    it(`passes for the ${name} look`, async () => {
      await expectReadable(look);
    });
  }
  for (const accent of EDGE_ACCENTS) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`passes for a theme derived from ${accent} (${colorScheme})`, async () => {
        await expectReadable({ theme: { accent }, colorScheme });
      });
    }
  }
});
