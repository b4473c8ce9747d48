import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { HarnessConnect, HarnessConnectError } from '../../src/index.js';
import ar from '../../src/widget/i18n/ar.js';
import de from '../../src/widget/i18n/de.js';
import es from '../../src/widget/i18n/es.js';
import fr from '../../src/widget/i18n/fr.js';
import ja from '../../src/widget/i18n/ja.js';
import { HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { paste } from '../support/paste.js';
import { widgetIn, type Widget } from '../support/widget.js';

// A failure that says how long to wait (Retry-After, as `retryAfterMs`) holds the person back that long:
// the button counts down, Try again, Connect and Enter do nothing until then, and the wait is said once.

afterEach(() => cleanup());

function rateLimited(retryAfterMs: number) {
  return vi.fn(async () => {
    throw new HarnessConnectError('rate_limited', { retryAfterMs });
  });
}

/** The status line while a wait outlives the failure that asked for it. */
const WAIT_HELD = 'The last attempt asked for a short wait. You can connect when the countdown ends.';

/** The form's own live region (the banner has another, for Copy details). */
function statusOf({ dialog }: Widget): string | null | undefined {
  return dialog.querySelector('form [part="status"]')?.textContent;
}

async function connectOnce({ view }: Widget) {
  await userEvent.click(await view.findByRole('button', { name: 'I already have an API key' }));
  paste((await view.findByLabelText('API Key')) as HTMLInputElement, TOKENS.pat);
  await userEvent.click(view.getByRole('button', { name: 'Connect' }));
}

describe('Retry-After in the widget', () => {
  it('holds Try again and Enter back for the wait, counting down, and says the wait once', async () => {
    const connect = rateLimited(60_000);
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen connect={connect} />);
    const widget = await widgetIn(container);
    await connectOnce(widget);
    const { view } = widget;
    const button = await view.findByRole('button', { name: /^Try again in (60|59) s$/ });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(statusOf(widget)).toBe('You can try again in 60 seconds.');

    // The button is aria-disabled (still focusable): Playwright's click refuses it, a person's click lands.
    button.click();
    button.click();
    await userEvent.click(view.getByLabelText('API Key'));
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => button.textContent).toMatch(/^Try again in 5\d s$/);
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('lets the person try again once the wait has passed', async () => {
    const connect = rateLimited(1_500);
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen connect={connect} />);
    const widget = await widgetIn(container);
    await connectOnce(widget);
    const { view } = widget;
    await view.findByRole('button', { name: /^Try again in [12] s$/ });
    const retry = await view.findByRole('button', { name: 'Try again' }, { timeout: 3_000 });
    expect(retry.getAttribute('aria-disabled')).toBe('false');
    expect(statusOf(widget)).toBe('');
    await userEvent.click(retry);
    await vi.waitFor(() => expect(connect).toHaveBeenCalledTimes(2));
  });

  it('keeps the wait when a field changes, and caps what it shows at two minutes', async () => {
    const connect = rateLimited(600_000);
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen connect={connect} />);
    const widget = await widgetIn(container);
    await connectOnce(widget);
    const { view } = widget;
    await view.findByRole('button', { name: /^Try again in (120|119) s$/ });
    // A change clears the banner; the server's wait is still there, and the status line now says why.
    await userEvent.type(view.getByLabelText('Account Identifier'), 'x');
    await expect.poll(() => widget.dialog.querySelector('[part~="banner"]')).toBeNull();
    view.getByRole('button', { name: /^Connect in 1[12]\d s$/ }).click();
    expect(statusOf(widget)).toBe(WAIT_HELD);
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('after closing and reopening, the held button says "Connect in N s" and the status line says why', async () => {
    const connect = rateLimited(60_000);
    const client = new QueryClient();
    const at = (open: boolean) => <HarnessConnect queryClient={client} connect={connect} open={open} onOpenChange={() => {}} />;
    const { container, rerender } = render(at(true));
    const widget = await widgetIn(container);
    await connectOnce(widget);
    await widget.view.findByRole('button', { name: /^Try again in (60|59) s$/ });
    rerender(at(false));
    rerender(at(true));
    const { view } = widget;
    await userEvent.click(await view.findByRole('button', { name: 'I already have an API key' }));
    const held = await view.findByRole('button', { name: /^Connect in (60|59|58) s$/ });
    expect(held.getAttribute('aria-disabled')).toBe('true');
    expect(statusOf(widget)).toBe(WAIT_HELD);
    // A screen reader on the button hears why it is held.
    await expect.element(held).toHaveAccessibleDescription(WAIT_HELD);
    held.click();
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('counts down in every shipped language', async () => {
    const catalogues = { de, fr, es, ja, ar };
    // In a right-to-left language the number is wrapped in isolation marks (U+2068 … U+2069).
    const expected = {
      de: /^Erneut versuchen in (60|59) s$/,
      fr: /^Réessayer dans (60|59) s$/,
      es: /^Reintentar en (60|59) s$/,
      ja: /^(60|59) 秒後に再試行$/,
      ar: /^إعادة المحاولة بعد \u2068(60|59)\u2069 ث$/,
    };
    for (const [locale, t] of Object.entries(catalogues)) {
      const { container, unmount } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen locale={locale} connect={rateLimited(60_000)} />);
      const { view } = await widgetIn(container);
      await userEvent.click(await view.findByRole('button', { name: t.skip }));
      paste((await view.findByLabelText(t.apiKey)) as HTMLInputElement, TOKENS.pat);
      await userEvent.click(view.getByRole('button', { name: t.connect }));
      await view.findByRole('button', { name: expected[locale as keyof typeof expected] });
      unmount();
    }
  });
});
