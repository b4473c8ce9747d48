import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, within } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent as keyboard } from 'vitest/browser';
import {
  HARNESS_CONNECT_ERROR_CODES,
  HarnessConnect,
  HarnessConnectError,
  type HarnessConnectErrorCode,
} from '../../src/index.js';
import { HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';

// Every error code a host's `connect` can reject with, shown where the person can act on it.
afterEach(() => cleanup());

function hostIn(container: HTMLElement): HTMLElement {
  const host = container.querySelector<HTMLElement>('[data-harness-connect]');
  if (!host) throw new Error('no harness-connect host rendered');
  return host;
}

const reported = HARNESS_CONNECT_ERROR_CODES.filter((code): code is Exclude<HarnessConnectErrorCode, 'aborted'> => code !== 'aborted');

describe('<HarnessConnect/> errors from connect', () => {
  it.each(reported)('shows %s where it belongs', async (code) => {
    const error = new HarnessConnectError(code);
    const connect = vi.fn(async () => {
      throw error;
    });
    const onError = vi.fn();
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen connect={connect} onError={onError} />);
    const shadow = within(hostIn(container).shadowRoot as unknown as HTMLElement);
    await keyboard.click(await shadow.findByRole('button', { name: 'I already have an API key' }));
    const apiKey = (await shadow.findByLabelText('API Key')) as HTMLInputElement;
    const account = shadow.getByLabelText('Account Identifier') as HTMLInputElement;
    await keyboard.type(apiKey, TOKENS.pat);
    await keyboard.click(shadow.getByRole('button', { name: 'Connect' }));
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    const alert = await shadow.findByRole('alert');
    expect(alert.textContent).toContain(error.message);
    if (error.field === null) {
      expect(apiKey.getAttribute('aria-invalid')).toBeNull();
      expect(account.getAttribute('aria-invalid')).toBeNull();
      expect(shadow.queryByRole('button', { name: 'Try again' }) !== null).toBe(error.retryable);
    } else {
      const input = error.field === 'apiKey' ? apiKey : account;
      expect(input.getAttribute('aria-invalid')).toBe('true');
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
    const shadow = within(hostIn(container).shadowRoot as unknown as HTMLElement);
    await keyboard.click(await shadow.findByRole('button', { name: 'I already have an API key' }));
    await keyboard.type(await shadow.findByLabelText('API Key'), TOKENS.pat);
    await keyboard.click(shadow.getByRole('button', { name: 'Connect' }));
    await vi.waitFor(() => expect(connect).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(shadow.getByRole('button', { name: 'Connect' }).getAttribute('aria-busy')).toBe('false'));
    expect(shadow.queryByRole('alert')).toBeNull();
    expect(onError).not.toHaveBeenCalled();
  });

  it('turns a plain Error from a host into a retryable banner', async () => {
    const onError = vi.fn();
    const connect = vi.fn(async () => {
      throw new Error('database down');
    });
    const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen connect={connect} onError={onError} />);
    const shadow = within(hostIn(container).shadowRoot as unknown as HTMLElement);
    await keyboard.click(await shadow.findByRole('button', { name: 'I already have an API key' }));
    await keyboard.type(await shadow.findByLabelText('API Key'), TOKENS.pat);
    await keyboard.click(shadow.getByRole('button', { name: 'Connect' }));
    await shadow.findByRole('button', { name: 'Try again' });
    // The host's own text is for developers; the person sees the generic message.
    expect(shadow.getByRole('alert').textContent).not.toContain('database down');
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'unknown', detail: 'database down' });
  });
});

describe('<HarnessConnect/> on a server', () => {
  it('renders only the host element and the trigger', () => {
    const html = renderToString(<HarnessConnect defaultOpen trigger={<button type="button">Link Harness</button>} />);
    expect(html).toContain('data-harness-connect');
    expect(html).toContain('aria-haspopup="dialog"');
    expect(html).not.toContain('<dialog');
    expect(html).not.toContain('Connect Harness');
  });
});
