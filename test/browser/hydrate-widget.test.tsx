import { QueryClient } from '@tanstack/react-query';
import { act, within } from '@testing-library/react';
import { version } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { userEvent } from 'vitest/browser';
import { HarnessConnect } from '../../src/index.js';
import { shownDialog, widgetOf } from '../support/widget.js';

// Server markup hydrated in Chromium, as a Next.js or Remix page does. Runs in `browser` (React 19) and in
// `browser-react18` (React 18.3): the same file, the React copy chosen by the project's aliases.

/**
 * React 18's server renderer warns about `useLayoutEffect` whenever it meets one, and here, unlike on a real
 * server, `window` exists so the widget picks `useLayoutEffect`. Only that warning is expected while the
 * markup is made; nothing at all while hydrating.
 */
const BROWSER_ONLY_SERVER_WARNING = /useLayoutEffect does nothing on the server/;

let container: HTMLElement | undefined;
let root: Root | undefined;
let consoleError: MockInstance<typeof console.error> | undefined;

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  consoleError?.mockRestore();
  root = undefined;
  container = undefined;
  consoleError = undefined;
});

function serverHtml(element: React.ReactElement): string {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const html = renderToString(element);
    const unexpected = spy.mock.calls.filter((call) => !BROWSER_ONLY_SERVER_WARNING.test(String(call[0])));
    expect(unexpected).toEqual([]);
    return html;
  } finally {
    spy.mockRestore();
  }
}

/** Puts the server's markup in the page and hydrates `element` over it; returns what React complained about. */
async function hydrate(html: string, element: React.ReactElement) {
  container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  const recoverable: unknown[] = [];
  await act(async () => {
    root = hydrateRoot(container!, element, { onRecoverableError: (error) => recoverable.push(error) });
  });
  return { recoverable, consoleErrors: consoleError.mock.calls.map((call) => call.map(String).join(' ')) };
}

function widget(options: { defaultOpen?: boolean; label?: string } = {}) {
  return (
    <HarnessConnect
      queryClient={new QueryClient()}
      defaultOpen={options.defaultOpen}
      connect={async () => {
        throw new Error('not called in these tests');
      }}
      trigger={<button type="button">{options.label ?? 'Connect Harness'}</button>}
    />
  );
}

/** The server's markup as the browser parses it (in a detached element: innerHTML runs no script). */
function parsed(html: string) {
  const body = document.createElement('div');
  body.innerHTML = html;
  return { body, host: body.querySelector<HTMLElement>('[data-harness-connect]')!, view: within(body) };
}

function host(): HTMLElement {
  const element = container!.querySelector<HTMLElement>('[data-harness-connect]');
  if (!element) throw new Error('no harness-connect host element');
  return element;
}

describe(`hydrating the server markup (React ${version})`, () => {
  it('hydrates a closed widget without a mismatch, then opens the dialog from its trigger', async () => {
    const html = serverHtml(widget());
    expect(parsed(html).view.getByRole('button', { name: 'Connect Harness' }).getAttribute('aria-expanded')).toBe('false');

    const { recoverable, consoleErrors } = await hydrate(html, widget());
    expect(recoverable).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // Hydration kept the server's nodes: the trigger is the same element, now live.
    const trigger = within(container!).getByRole('button', { name: 'Connect Harness' });
    expect(container!.querySelectorAll('button')).toHaveLength(1);
    const live = await widgetOf(host());

    await userEvent.click(trigger);
    await shownDialog(live, 'Connect Harness');
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(consoleError!.mock.calls).toEqual([]);
  });

  it('hydrates a widget rendered open (`defaultOpen`) without a mismatch, and shows the dialog', async () => {
    const html = serverHtml(widget({ defaultOpen: true }));
    const server = parsed(html);
    expect(server.host.dataset.state).toBe('open');
    expect(server.body.querySelector('dialog')).toBeNull();

    const { recoverable, consoleErrors } = await hydrate(html, widget({ defaultOpen: true }));
    expect(recoverable).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await shownDialog(await widgetOf(host()), 'Connect Harness');
  });

  it('would notice a mismatch: markup from other props is reported while hydrating', async () => {
    const html = serverHtml(widget({ label: 'Link Harness' }));
    const { recoverable, consoleErrors } = await hydrate(html, widget({ label: 'Connect Harness' }));
    expect(recoverable.length + consoleErrors.length).toBeGreaterThan(0);
  });
});
