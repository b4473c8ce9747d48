import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HarnessConnectError, useHarnessConnect, type HarnessConnectEvent } from '../../src/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';

// The headless flow, for hosts that render their own UI.
afterEach(() => cleanup());

const credentials = { apiKey: TOKENS.sat, accountId: ACCOUNTS.primary.id };

describe('useHarnessConnect', () => {
  it('walks a session: open, steps, submit, success, close', async () => {
    const events: HarnessConnectEvent[] = [];
    const onSuccess = vi.fn();
    const onClose = vi.fn();
    const { result } = renderHook(() =>
      useHarnessConnect({
        queryClient: new QueryClient(),
        connect: async () => ({ stored: true }),
        onSuccess,
        onClose,
        onEvent: (e) => events.push(e),
      }),
    );
    expect(result.current.open).toBe(false);
    act(() => result.current.openDialog());
    expect(result.current).toMatchObject({ open: true, step: 'key', status: 'idle' });
    act(() => result.current.next());
    expect(result.current.step).toBe('account');
    await act(async () => {
      const outcome = await result.current.submit(credentials);
      expect(outcome.status).toBe('success');
    });
    expect(result.current.status).toBe('success');
    expect(onSuccess).toHaveBeenCalledWith({
      provider: 'harness',
      accountId: ACCOUNTS.primary.id,
      tokenKind: 'sat',
      tokenHint: expect.stringMatching(/^sat\./),
      result: { stored: true },
      connectedAt: expect.any(String),
      expiresAt: null,
      expiresSoon: false,
      mode: 'connect',
    });
    act(() => result.current.close('completed'));
    expect(onClose).toHaveBeenCalledWith('completed');
    expect(events.map((e) => e.type)).toEqual([
      'open',
      'step_view',
      'step_view',
      'submit',
      'verify_start',
      'verify_success',
      'success',
      'close',
    ]);
    expect(JSON.stringify(events)).not.toContain(TOKENS.sat);
  });

  it('reports a failure once, and ignores a submit while one is running', async () => {
    const onError = vi.fn();
    let reject: (e: unknown) => void = () => {};
    const connect = vi.fn(
      () =>
        new Promise((_, r) => {
          reject = r;
        }),
    );
    const { result } = renderHook(() => useHarnessConnect({ queryClient: new QueryClient(), defaultOpen: true, connect, onError }));
    let first: Promise<unknown> = Promise.resolve();
    await act(async () => {
      first = result.current.submit(credentials);
      await expect(result.current.submit(credentials)).resolves.toEqual({ status: 'ignored' });
    });
    await vi.waitFor(() => expect(connect).toHaveBeenCalledTimes(1));
    await act(async () => {
      reject(new HarnessConnectError('rate_limited'));
      await first;
    });
    expect(result.current).toMatchObject({ status: 'error', error: { code: 'rate_limited', retryable: true } });
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
