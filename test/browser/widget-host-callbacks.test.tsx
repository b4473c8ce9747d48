import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, render, renderHook } from '@testing-library/react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { HarnessConnect, HarnessConnectError, useHarnessConnect, type HarnessConnectEvent } from '../../src/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { paste } from '../support/paste.js';
import { shownDialog, widgetIn, type Widget } from '../support/widget.js';

// A host's callback that throws (an analytics mapping without one event type, an onSuccess with a bug) is
// the host's bug: it is reported as an uncaught error would be, and the person's flow goes on.

const credentials = { apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id };

/** What `reportError` reported: it reaches `window`'s `error` event, as a host's error tracking sees it. */
let reported: unknown[] = [];
function onWindowError(event: ErrorEvent) {
  reported.push(event.error);
  // Handled here: not an unexpected error of the test run.
  event.preventDefault();
}
beforeEach(() => {
  reported = [];
  window.addEventListener('error', onWindowError);
});
afterEach(() => {
  window.removeEventListener('error', onWindowError);
  cleanup();
});

async function connectFromForm({ view }: Widget) {
  await userEvent.click(await view.findByRole('button', { name: 'I already have an API key' }));
  paste((await view.findByLabelText('API Key')) as HTMLInputElement, TOKENS.pat);
  await userEvent.click(view.getByRole('button', { name: 'Connect' }));
}

describe('a host onEvent that throws', () => {
  it('on "open": the host page stays, the dialog opens, the throw is reported', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const uncaught: unknown[] = [];
    const root = createRoot(container, { onUncaughtError: (error) => uncaught.push(error) });
    act(() =>
      root.render(
        <main>
          <p>Host content</p>
          <HarnessConnect
            queryClient={new QueryClient()}
            defaultOpen
            connect={async () => ({})}
            onEvent={(event) => {
              if (event.type === 'open') throw new Error('analytics not ready');
            }}
          />
        </main>,
      ),
    );
    try {
      await shownDialog(await widgetIn(container));
      expect(container.textContent).toContain('Host content');
      expect(uncaught).toEqual([]);
      expect(reported).toEqual([expect.objectContaining({ message: 'analytics not ready' })]);
    } finally {
      act(() => root.unmount());
      container.remove();
    }
  });

  it('on "submit": connect is still called and the attempt succeeds', async () => {
    const connect = vi.fn(async () => ({ accountId: ACCOUNTS.primary.id }));
    const { result } = renderHook(() =>
      useHarnessConnect({
        queryClient: new QueryClient(),
        connect,
        onEvent: (event) => {
          if (event.type === 'submit') throw new TypeError("Cannot read properties of undefined (reading 'name')");
        },
      }),
    );
    act(() => result.current.openDialog());
    const outcome = await act(async () => result.current.submit(credentials));
    expect(outcome.status).toBe('success');
    expect(connect).toHaveBeenCalledTimes(1);
    expect(result.current.status).toBe('success');
    expect(reported).toHaveLength(1);
    // The key was in hand: a fresh Error with the thrown message, saying which callback threw.
    expect((reported[0] as Error).message).toBe(
      "harness-connect: the host's onEvent threw: Cannot read properties of undefined (reading 'name')",
    );
  });

  it('on "submit", throwing a null-prototype object: the attempt is not stuck and goes on to connect', async () => {
    const connect = vi.fn(async () => ({ accountId: ACCOUNTS.primary.id }));
    const { result } = renderHook(() =>
      useHarnessConnect({
        queryClient: new QueryClient(),
        connect,
        onEvent: (event) => {
          if (event.type === 'submit') throw Object.create(null);
        },
      }),
    );
    act(() => result.current.openDialog());
    const outcome = await act(async () => result.current.submit(credentials));
    expect(outcome.status).toBe('success');
    expect(connect).toHaveBeenCalledTimes(1);
    expect(reported).toHaveLength(1);
    expect((reported[0] as Error).message).toBe("harness-connect: the host's onEvent threw: (a value without a readable message)");
  });

  it('an async onEvent that rejects is reported, not left unhandled', async () => {
    const { result } = renderHook(() =>
      useHarnessConnect({ queryClient: new QueryClient(), connect: async () => ({}), onEvent: async () => Promise.reject(new Error('offline')) }),
    );
    act(() => result.current.openDialog());
    await vi.waitFor(() => expect(reported).toContainEqual(expect.objectContaining({ message: 'offline' })));
  });
});

describe('a host onSuccess or onError that throws', () => {
  it('onSuccess: the confirmation shows, Done closes, and the report never holds the key', async () => {
    const events: HarnessConnectEvent[] = [];
    const onClose = vi.fn();
    const { container } = render(
      <HarnessConnect
        queryClient={new QueryClient()}
        defaultOpen
        connect={async () => ({ accountId: ACCOUNTS.primary.id })}
        onEvent={(event) => events.push(event)}
        onClose={onClose}
        onSuccess={() => {
          // A host bug that happens to quote the key it had from elsewhere.
          throw new Error(`could not store ${TOKENS.pat}`);
        }}
      />,
    );
    const widget = await widgetIn(container);
    await connectFromForm(widget);
    await userEvent.click(await widget.view.findByRole('button', { name: 'Done' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith('completed'));
    expect(events.map((event) => event.type)).toContain('success');
    expect(reported).toHaveLength(1);
    expect(String((reported[0] as Error).message)).toContain('could not store');
    expect(String((reported[0] as Error).message)).not.toContain(TOKENS.pat);
    expect(String((reported[0] as Error).stack)).not.toContain(TOKENS.pat);
  });

  it('onError: the banner shows and Try again reaches connect again', async () => {
    const connect = vi.fn(async () => {
      throw new HarnessConnectError('unavailable');
    });
    const { container } = render(
      <HarnessConnect
        queryClient={new QueryClient()}
        defaultOpen
        connect={connect}
        onError={() => {
          throw new Error('error tracker down');
        }}
      />,
    );
    const widget = await widgetIn(container);
    await connectFromForm(widget);
    await expect.element(await widget.view.findByRole('alert')).toBeVisible();
    await userEvent.click(await widget.view.findByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(connect).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(reported).toHaveLength(2));
  });

  it('onOpenChange and onClose: closing still closes', async () => {
    const { container } = render(
      <HarnessConnect
        queryClient={new QueryClient()}
        defaultOpen
        connect={async () => ({})}
        onOpenChange={() => {
          throw new Error('router not ready');
        }}
        onClose={() => {
          throw new Error('close handler broken');
        }}
      />,
    );
    const widget = await widgetIn(container);
    await shownDialog(widget);
    await userEvent.click(widget.view.getByRole('button', { name: 'Close' }));
    await vi.waitFor(() => expect(widget.dialog.open).toBe(false));
    expect(reported.map((error) => (error as Error).message)).toEqual(['router not ready', 'close handler broken']);
  });
});
