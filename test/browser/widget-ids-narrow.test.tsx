import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { HarnessConnect, type HarnessConnectProps } from '../../src/index.js';

// At 320 px an account identifier is never cut in two: it moves to the next line whole (or scrolls), even
// though ids may hold `-`, where a browser would otherwise break a line.

const PHONE = { width: 320, height: 568 };
/** 22 characters of [A-Za-z0-9_-], hyphens included, as Harness's ids may be. */
const HYPHEN_ID = 'Wd-3kQ_x-R7pLm-2Zt9-Yb';
const OTHER_HYPHEN_ID = 'Qe-8vN_c-T4hJs-6Pw1-Ka';
const KEY_OF_OTHER_ACCOUNT = `pat.${OTHER_HYPHEN_ID}.aB3dE5gH7jK9mN1pQ3sT5vW7.bh8as5pih1J286f35yAD`;
const KEY_OF_ID = `pat.${HYPHEN_ID}.aB3dE5gH7jK9mN1pQ3sT5vW7.bh8as5pih1J286f35yAD`;

afterEach(async () => {
  cleanup();
  await page.viewport(1024, 768);
});

async function openAtPhoneWidth(props: Partial<HarnessConnectProps<unknown>>) {
  await page.viewport(PHONE.width, PHONE.height);
  const { container } = render(<HarnessConnect<unknown> queryClient={new QueryClient()} defaultOpen connect={async () => ({})} {...props} />);
  const host = container.querySelector<HTMLElement>('[data-harness-connect]')!;
  const dialog = await vi.waitFor(() => {
    const found = host.shadowRoot?.querySelector<HTMLElement>('dialog[open]');
    if (!found) throw new Error('the dialog is not open');
    return found;
  });
  return { dialog, view: within(dialog) };
}

/** How many lines each occurrence of `id` in the dialog's text spans (1 when it is whole on one line). */
function linesOf(dialog: HTMLElement, id: string): number[] {
  const counts: number[] = [];
  const walker = dialog.ownerDocument.createTreeWalker(dialog, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (let at = text.indexOf(id); at !== -1; at = text.indexOf(id, at + 1)) {
      const range = dialog.ownerDocument.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + id.length);
      const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
      counts.push(tops.size);
    }
  }
  return counts;
}

describe('account identifiers at 320 px', () => {
  it('stay whole in a reconnect’s first step and in the confirmation', async () => {
    const { dialog, view } = await openAtPhoneWidth({
      mode: 'reconnect',
      connection: { accountId: HYPHEN_ID },
      connect: async () => ({ accountId: HYPHEN_ID }),
    });
    await vi.waitFor(() => expect(linesOf(dialog, HYPHEN_ID).length).toBeGreaterThan(0));
    expect(linesOf(dialog, HYPHEN_ID).every((lines) => lines === 1)).toBe(true);

    await userEvent.click(view.getByRole('button', { name: 'Next' }));
    await userEvent.fill(await view.findByLabelText('API Key'), KEY_OF_ID);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    await view.findByRole('button', { name: 'Done' });
    expect(linesOf(dialog, HYPHEN_ID).length).toBeGreaterThan(0);
    expect(linesOf(dialog, HYPHEN_ID).every((lines) => lines === 1)).toBe(true);
    expect(dialog.scrollWidth).toBeLessThanOrEqual(dialog.clientWidth);
  });

  it('stay whole in the error for a key of another account', async () => {
    const { dialog, view } = await openAtPhoneWidth({ mode: 'reconnect', connection: { accountId: HYPHEN_ID } });
    await userEvent.click(view.getByRole('button', { name: 'Next' }));
    await userEvent.fill(await view.findByLabelText('API Key'), KEY_OF_OTHER_ACCOUNT);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    await vi.waitFor(() => expect(linesOf(dialog, OTHER_HYPHEN_ID).length).toBeGreaterThan(0));
    expect([...linesOf(dialog, OTHER_HYPHEN_ID), ...linesOf(dialog, HYPHEN_ID)].every((lines) => lines === 1)).toBe(true);
    expect(dialog.scrollWidth).toBeLessThanOrEqual(dialog.clientWidth);
  });
});
