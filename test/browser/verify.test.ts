import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyHarnessToken } from '../../src/core/index.js';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS, harnessHandlers } from '../../src/testing/index.js';

// In Chromium, against the Harness mock served by msw's service worker: the browser's own fetch, with its
// CORS, redirect and abort semantics, which Node's fetch only imitates.
const { handlers, mock } = harnessHandlers();
const worker = setupWorker(...handlers);

beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
afterEach(() => mock.reset());
afterAll(() => worker.stop());

describe('verifyHarnessToken in Chromium', () => {
  it('verifies a pasted personal token and reports the user and expiry', async () => {
    const result = await verifyHarnessToken({ apiKey: `x-api-key: ${TOKENS.pat}` });
    expect(result).toMatchObject({
      accountId: ACCOUNTS.primary.id,
      tokenKind: 'pat',
      user: { email: 'ada@acme.example' },
      expiresAt: '2031-01-01T00:00:00.000Z',
    });
  });

  it('reports an expired token on the API key field', async () => {
    await expect(verifyHarnessToken({ apiKey: TOKENS.expired })).rejects.toMatchObject({ code: 'expired_token', field: 'apiKey' });
  });

  it('never follows a redirect with the key', async () => {
    mock.setFault('redirect');
    await expect(verifyHarnessToken({ apiKey: TOKENS.pat })).rejects.toMatchObject({ code: 'wrong_host' });
    expect(mock.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('turns a reset connection into a retryable unavailable error', async () => {
    mock.setFault('reset');
    await expect(verifyHarnessToken({ apiKey: TOKENS.pat })).rejects.toMatchObject({ code: 'unavailable', retryable: true });
  });

  it('cancels a hanging request when the caller aborts', async () => {
    mock.setFault('hang');
    const controller = new AbortController();
    const pending = verifyHarnessToken({ apiKey: TOKENS.pat }, { signal: controller.signal });
    // Abort once Harness holds the request, not at a guess of when that is.
    await vi.waitFor(() => expect(mock.requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
  });

  it('makes no request at all for a key of another account than the one typed', async () => {
    await expect(verifyHarnessToken({ apiKey: TOKENS.pat, accountId: ACCOUNTS.other.id })).rejects.toMatchObject({
      code: 'account_mismatch',
      field: 'accountId',
    });
    expect(mock.requests).toHaveLength(0);
  });
});
