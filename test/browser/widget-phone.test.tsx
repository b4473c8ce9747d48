import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { HarnessConnect, HarnessConnectError, type HarnessConnectProps } from '../../src/index.js';
import { HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import ar from '../../src/widget/i18n/ar.js';
import { en } from '../../src/widget/i18n/en.js';
import ja from '../../src/widget/i18n/ja.js';

/** How long a dialog may take to open (its catalogue fetched, React's first commit) before a test gives up. */
const DIALOG_OPENS = { timeout: 10_000 };

// A small phone (320 × 568), and the first moments of a dialog in another language: what a person sees.

const PHONE = { width: 320, height: 568 };

afterEach(async () => {
  cleanup();
  await page.viewport(1024, 768);
});

function renderWidget(props: Partial<HarnessConnectProps<unknown>> = {}) {
  const { container } = render(<HarnessConnect<unknown> queryClient={new QueryClient()} defaultOpen connect={async () => ({})} {...props} />);
  return container.querySelector<HTMLElement>('[data-harness-connect]')!;
}

async function openDialog(host: HTMLElement) {
  return vi.waitFor(() => {
    const found = host.shadowRoot?.querySelector<HTMLElement>('dialog[open]');
    if (!found) throw new Error('the dialog is not open');
    return found;
    // A language's catalogue is fetched before the dialog opens: on a loaded machine that takes a while.
  }, DIALOG_OPENS);
}

/** A host's logo as the demo passes it: an inline SVG node. */
function ShipyardLogo() {
  return (
    <svg viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="currentColor" />
    </svg>
  );
}

/** What the demo requires: the labels are named in the access note. */
const SHIPYARD_PERMISSIONS = [
  { permission: 'core_pipeline_view', resourceType: 'PIPELINE', label: 'View pipelines' },
  { permission: 'core_pipeline_execute', resourceType: 'PIPELINE', label: 'Execute pipelines' },
];

const height = (element: Element | null) => element!.getBoundingClientRect().height;

/** Whether an element casts a visible shadow (a transparent or absent one does not count). */
const castsShadow = (element: Element) => {
  const shadow = getComputedStyle(element).boxShadow;
  return shadow !== 'none' && !shadow.startsWith('rgba(0, 0, 0, 0)');
};

describe('on a 320 px phone', () => {
  it('gives the header, the step indicator and the access note at most a quarter of the height', async () => {
    await page.viewport(PHONE.width, PHONE.height);
    const dialog = await openDialog(renderWidget({ brand: { name: 'Shipyard' } }));
    const chrome = height(dialog.querySelector('header')) + height(dialog.querySelector('.progress')) + height(dialog.querySelector('[part~=note]'));
    expect(chrome).toBeLessThanOrEqual(PHONE.height / 4);
    // Nothing runs off the side.
    expect(dialog.scrollWidth).toBeLessThanOrEqual(dialog.clientWidth);
  });

  it.each([
    ['en', en],
    ['ar', ar],
    ['ja', ja],
  ] as const)('keeps the %s header, step indicator and access note within a quarter, with a brand, its logo and the required permissions', async (locale, catalogue) => {
    await page.viewport(PHONE.width, PHONE.height);
    const dialog = await openDialog(
      renderWidget({ locale, brand: { name: 'Shipyard', logo: <ShipyardLogo /> }, requiredPermissions: SHIPYARD_PERMISSIONS }),
    );
    const header = height(dialog.querySelector('header'));
    const progress = height(dialog.querySelector('.progress'));
    const note = height(dialog.querySelector('[part~=note]'));
    // Measured in the language itself, its longer note included.
    expect(dialog.querySelector('[part~=note]')!.textContent).toContain(catalogue.note);
    expect(header + progress + note).toBeLessThanOrEqual(PHONE.height / 4);
    expect(dialog.scrollWidth).toBeLessThanOrEqual(dialog.clientWidth);
  });

  it('shows a shadow above the actions while more of the step lies under them, and none at its end', async () => {
    await page.viewport(PHONE.width, PHONE.height);
    const dialog = await openDialog(
      renderWidget({ brand: { name: 'Shipyard', logo: <ShipyardLogo /> }, requiredPermissions: SHIPYARD_PERMISSIONS }),
    );
    const actions = dialog.querySelector<HTMLElement>('.actions')!;
    // The guide's first step is taller than the phone: its last instruction starts under the actions.
    expect(dialog.scrollHeight).toBeGreaterThan(dialog.clientHeight);
    await expect.poll(() => castsShadow(actions)).toBe(true);
    dialog.scrollTop = dialog.scrollHeight;
    await expect.poll(() => castsShadow(actions)).toBe(false);
  });

  it('shows no such shadow when the whole step fits', async () => {
    const dialog = await openDialog(renderWidget());
    expect(dialog.scrollHeight).toBeLessThanOrEqual(dialog.clientHeight);
    expect(castsShadow(dialog.querySelector('.actions')!)).toBe(false);
  });

  it('scrolls a new failure into view, clear of the sticky actions', async () => {
    await page.viewport(PHONE.width, PHONE.height);
    const dialog = await openDialog(
      renderWidget({
        connect: async () => {
          throw new HarnessConnectError('unavailable');
        },
      }),
    );
    const view = within(dialog);
    await userEvent.click(view.getByRole('button', { name: 'I already have an API key' }));
    await userEvent.fill(view.getByLabelText('API Key'), TOKENS.pat);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    const banner = (await view.findByText('Harness could not be reached. Try again.')).closest<HTMLElement>('[part~=banner]')!;
    const actions = dialog.querySelector('form [part~=actions]')!.getBoundingClientRect();
    await vi.waitFor(() => {
      const box = banner.getBoundingClientRect();
      expect(box.top).toBeGreaterThanOrEqual(dialog.getBoundingClientRect().top);
      // Entirely above the sticky row with "Try again".
      expect(box.bottom).toBeLessThanOrEqual(actions.top + 1);
    });
    expect(view.getByRole('button', { name: 'Try again' })).toBeVisible();
  });
});

describe('a dialog in another language', () => {
  it('never shows English before its own words arrive', async () => {
    const titles: string[] = [];
    const host = renderWidget({ locale: 'ar' });
    // Every title the dialog ever shows while open, from the first frame on.
    const observer = new MutationObserver(() => {
      const dialog = host.shadowRoot?.querySelector('dialog[open]');
      const title = dialog?.querySelector('h2')?.textContent;
      if (title) titles.push(title);
    });
    await vi.waitFor(() => expect(host.shadowRoot).not.toBeNull());
    observer.observe(host.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
    const dialog = await openDialog(host);
    observer.disconnect();
    expect(within(dialog).getByRole('heading', { level: 2 })).toHaveTextContent(ar.title);
    expect(titles).not.toContain(en.title);
  });
});
