import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, render, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { HarnessConnect, HarnessConnectError, useHarnessConnect } from '../../src/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { paste } from '../support/paste.js';
import { nextTask, widgetIn } from '../support/widget.js';

// A failure shown in the dialog is the dialog's only: once it closes, nothing in the widget (nor in a
// QueryClient the host shares with it) keeps the error, nor what the error refers to.

afterEach(() => cleanup());

const credentials = { apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id };

/** Every connect mutation the client still knows about, with its state. */
function mutationsIn(queryClient: QueryClient) {
  return queryClient.getMutationCache().getAll().map((mutation) => mutation.state);
}

describe('closing after a failure', () => {
  it('leaves no mutation, and no error, in the host’s QueryClient', async () => {
    const queryClient = new QueryClient();
    const { container } = render(
      <HarnessConnect
        queryClient={queryClient}
        defaultOpen
        connect={async () => {
          throw new HarnessConnectError('unavailable', { detail: 'the host’s server is down' });
        }}
      />,
    );
    const { view, dialog } = await widgetIn(container);
    await userEvent.click(await view.findByRole('button', { name: 'I already have an API key' }));
    paste((await view.findByLabelText('API Key')) as HTMLInputElement, TOKENS.pat);
    await userEvent.click(view.getByRole('button', { name: 'Connect' }));
    await view.findByRole('button', { name: 'Try again' });
    expect(mutationsIn(queryClient)).toEqual([expect.objectContaining({ status: 'error' })]);

    await userEvent.click(view.getByRole('button', { name: 'Close' }));
    await expect.poll(() => dialog.open).toBe(false);
    await nextTask();
    expect(mutationsIn(queryClient)).toEqual([]);
  });

  it('hands a headless host no error after close', async () => {
    const queryClient = new QueryClient();
    const { result } = renderHook(() =>
      useHarnessConnect({
        queryClient,
        connect: async () => {
          throw new HarnessConnectError('unavailable');
        },
      }),
    );
    act(() => result.current.openDialog());
    await act(async () => void (await result.current.submit(credentials)));
    expect(result.current.error).toMatchObject({ code: 'unavailable' });
    act(() => result.current.close());
    await act(nextTask);
    expect(result.current.error).toBeNull();
    expect(mutationsIn(queryClient)).toEqual([]);
  });
});
