import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  HARNESS_CONNECT_ERROR_CODES,
  HarnessConnect,
  HarnessConnectError,
  type HarnessConnectErrorCode,
} from '../../src/index.js';
import { HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { widgetIn, type Widget } from '../support/widget.js';

// Every error code a host's `connect` can reject with, shown where the person can act on it. The key is
// filled in one go: how it got into the field is not what these tests are about.
afterEach(() => cleanup());

// `aborted` is no failure to show; `missing_permissions` has a view of its own (test/browser/widget-identity.test.tsx).
const reported = HARNESS_CONNECT_ERROR_CODES.filter(
  (code): code is Exclude<HarnessConnectErrorCode, 'aborted' | 'missing_permissions'> => code !== 'aborted' && code !== 'missing_permissions',
);

/** Skips the guide, fills the key and presses Connect. */
async function submitKey({ view }: Widget) {
  await userEvent.click(await view.findByRole('button', { name: 'I already have an API key' }));
  const apiKey = (await view.findByLabelText('API Key')) as HTMLInputElement;
  const account = view.getByLabelText('Account Identifier') as HTMLInputElement;
  await userEvent.fill(apiKey, TOKENS.pat);
  await userEvent.click(view.getByRole('button', { name: 'Connect' }));
  return { apiKey, account };
}

describe('<HarnessConnect/> errors from connect', () => {
  it.each(reported)('shows %s where it belongs', async (code) => {
    const error = new HarnessConnectError(code);
    const connect = vi.fn(async () => {
      throw error;
    });
    const onError = vi.fn();
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen connect={connect} onError={onError} />);
    const widget = await widgetIn(container);
    const { view } = widget;
    const { apiKey, account } = await submitKey(widget);
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain(error.message);
    expect(onError).toHaveBeenCalledTimes(1);
    if (error.field === null) {
      expect(apiKey).not.toHaveAttribute('aria-invalid');
      expect(account).not.toHaveAttribute('aria-invalid');
      expect(view.queryByRole('button', { name: 'Try again' }) !== null).toBe(error.retryable);
    } else {
      const input = error.field === 'apiKey' ? apiKey : account;
      await expect.element(input).toHaveAttribute('aria-invalid', 'true');
      expect(input.getAttribute('aria-describedby')).toContain(alert.id);
    }
    // Typed values are kept whatever happened.
    expect(apiKey.value).toBe(TOKENS.pat);
  });

  it('does not report an abort by the host as an error', async () => {
    const onError = vi.fn();
    const connect = vi.fn(async () => {
      throw new HarnessConnectError('aborted');
    });
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen connect={connect} onError={onError} />);
    const widget = await widgetIn(container);
    await submitKey(widget);
    await vi.waitFor(() => expect(connect).toHaveBeenCalledTimes(1));
    await expect.element(widget.view.getByRole('button', { name: 'Connect' })).toHaveAttribute('aria-busy', 'false');
    expect(widget.view.queryByRole('alert')).toBeNull();
    expect(onError).not.toHaveBeenCalled();
  });

  it('turns a plain Error from a host into a retryable banner', async () => {
    const onError = vi.fn();
    const connect = vi.fn(async () => {
      throw new Error('database down');
    });
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen connect={connect} onError={onError} />);
    const widget = await widgetIn(container);
    await submitKey(widget);
    await widget.view.findByRole('button', { name: 'Try again' });
    // The host's own text is for developers; the person sees the generic message.
    expect(widget.view.getByRole('alert').textContent).not.toContain('database down');
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'unknown', detail: 'database down' });
  });
});
