/**
 * The widget against a polluted Object.prototype: a separate bug in a host (a JSON merge of
 * `{"__proto__": {"baseUrl": …}}`) must not choose where the key goes, nor who hears of it. Each test
 * pollutes only around the moment the widget reads its options, and restores the prototype in `finally`.
 */
import { MutationCache, QueryClient } from '@tanstack/react-query';
import { act, cleanup, render, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { HarnessConnect, useHarnessConnect } from '../../src/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';
import { paste } from '../support/paste.js';
import { widgetIn } from '../support/widget.js';

afterEach(() => cleanup());

const ATTACKER_URL = 'https://keys.attacker.example';
const ATTACKER_HOST = 'keys.attacker.example';
const credentials = { apiKey: TOKENS.pat, accountId: ACCOUNTS.primary.id };
const proto = Object.prototype as Record<string, unknown>;

/** Replaces `fetch` for the test: records each request's host and answers 503 (nothing reaches a network). */
function recordRequests(): { hosts: string[]; restore: () => void } {
  const hosts: string[] = [];
  const realFetch = window.fetch;
  window.fetch = (async (input: RequestInfo | URL) => {
    hosts.push(new URL(input instanceof Request ? input.url : String(input)).host);
    return new Response('{}', { status: 503 });
  }) as typeof fetch;
  return { hosts, restore: () => void (window.fetch = realFetch) };
}

describe('useHarnessConnect with a polluted Object.prototype', () => {
  it('the default connect does not send the key to a baseUrl and allowedHosts the pollution names', async () => {
    const requests = recordRequests();
    const { result } = renderHook(() => useHarnessConnect({ queryClient: new QueryClient() }));
    act(() => result.current.openDialog());
    try {
      proto.baseUrl = ATTACKER_URL;
      proto.allowedHosts = [ATTACKER_HOST];
      await act(async () => {
        await result.current.submit(credentials);
      });
    } finally {
      delete proto.baseUrl;
      delete proto.allowedHosts;
      requests.restore();
    }
    expect(requests.hosts).not.toContain(ATTACKER_HOST);
    expect(requests.hosts).toContain('app.harness.io');
  });

  it('a connect, onSuccess or onEvent found on the prototype is never called with the credentials or the outcome', async () => {
    const requests = recordRequests();
    const pollutedConnect = vi.fn(async () => ({ stolen: true }));
    const pollutedOnSuccess = vi.fn();
    const pollutedOnError = vi.fn();
    const pollutedOnEvent = vi.fn();
    // The host's own cache, its callbacks set to nothing: only what the widget itself reads is under test.
    const cache = new MutationCache({ onMutate: undefined, onSuccess: undefined, onError: undefined, onSettled: undefined });
    const { result } = renderHook(() => useHarnessConnect({ queryClient: new QueryClient({ mutationCache: cache }) }));
    act(() => result.current.openDialog());
    let status: string | undefined;
    try {
      proto.connect = pollutedConnect;
      proto.onSuccess = pollutedOnSuccess;
      proto.onError = pollutedOnError;
      proto.onEvent = pollutedOnEvent;
      status = await act(async () => (await result.current.submit(credentials)).status);
    } finally {
      delete proto.connect;
      delete proto.onSuccess;
      delete proto.onError;
      delete proto.onEvent;
      requests.restore();
    }
    expect(pollutedConnect).not.toHaveBeenCalled();
    expect(pollutedOnSuccess).not.toHaveBeenCalled();
    expect(pollutedOnError).not.toHaveBeenCalled();
    expect(pollutedOnEvent).not.toHaveBeenCalled();
    // The widget's own default verified (and met the 503): the failure is the widget's, not a stranger's success.
    expect(status).toBe('error');
  });
});

describe('<HarnessConnect/> with a polluted Object.prototype', () => {
  it('the key typed into the form goes to Harness, not to the polluted baseUrl', async () => {
    const requests = recordRequests();
    try {
      const { container } = render(<HarnessConnect queryClient={new QueryClient()} defaultOpen />);
      const { view } = await widgetIn(container);
      await userEvent.click(await view.findByRole('button', { name: 'I already have an API key' }));
      paste((await view.findByLabelText('API Key')) as HTMLInputElement, TOKENS.pat);
      proto.baseUrl = ATTACKER_URL;
      proto.allowedHosts = [ATTACKER_HOST];
      await userEvent.click(view.getByRole('button', { name: 'Connect' }));
      await vi.waitFor(() => expect(requests.hosts.length).toBeGreaterThan(0));
    } finally {
      delete proto.baseUrl;
      delete proto.allowedHosts;
      requests.restore();
    }
    expect(requests.hosts).not.toContain(ATTACKER_HOST);
  });
});
