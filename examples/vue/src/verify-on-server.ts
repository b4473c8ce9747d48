import type { HarnessCredentials } from 'harness-connect/element';

/** The fixture personal access token of src/testing/fixtures.ts (HARNESS_FIXTURE_TOKENS.pat): fake, never a real key. */
const FIXTURE_PAT = 'pat.QckRHsqq_el0PWRb2kqkgU.9X2XyKdHizBGT0LrAcAYWAPq.bh8as5pih1J286f35yAD';

/** How long the stand-in "server" takes to answer, so the widget's busy state shows. */
const ANSWER_DELAY_MS = 300;

/** Resolves after `ms`, or rejects when the person cancels or closes the dialog first. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/**
 * A real app posts the credentials to its own server, which verifies them with `harness-connect/server` and
 * stores the key there (never in the browser):
 *
 *   const response = await fetch('/api/harness/connect', {
 *     method: 'POST',
 *     headers: { 'content-type': 'application/json' },
 *     body: JSON.stringify(credentials),
 *     signal,
 *   });
 *   const answer = await response.json();
 *   if (!answer.ok) throw answer.error; // a serialised HarnessConnectError: shown at its field or in a banner
 *   return answer.connection;
 *
 * or, in one line, `connectThroughRoute('/api/harness/connect')` from `harness-connect/element`, which also
 * rebuilds the route's errors and refuses any answer that is not the account asked for.
 *
 * This example has no server: the fixture key passes, any other is refused as Harness would refuse it.
 */
export async function verifyOnServer(credentials: HarnessCredentials, signal: AbortSignal) {
  await wait(ANSWER_DELAY_MS, signal);
  if (credentials.apiKey !== FIXTURE_PAT) {
    // A plain object is enough: the widget reads `name` and `code` (and `field`, `message`, `retryable`).
    throw {
      name: 'HarnessConnectError',
      code: 'invalid_token',
      field: 'apiKey',
      message: 'Harness did not accept this API key. Check that you copied the whole token and that it has not been deleted.',
    };
  }
  return {
    accountId: credentials.accountId,
    accountName: 'Acme Platform',
    principal: { kind: 'user', identifier: 'ada', name: 'Ada Lovelace', email: 'ada@acme.example' },
    expiresAt: '2031-01-01T00:00:00.000Z',
  };
}
