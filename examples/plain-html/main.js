// The page's code, in a file of its own: no inline <script>, so a CSP with `script-src 'self'` allows it.
// dist/harness-connect.element.js (loaded before this file, both `defer`) has defined <harness-connect>.

/** The fixture personal access token of src/testing/fixtures.ts (HARNESS_FIXTURE_TOKENS.pat): fake, never a real key. */
const FIXTURE_PAT = 'pat.QckRHsqq_el0PWRb2kqkgU.9X2XyKdHizBGT0LrAcAYWAPq.bh8as5pih1J286f35yAD';

const element = document.querySelector('harness-connect');
const status = document.getElementById('status');

/** Resolves after `ms`, or rejects with an AbortError when the person closes the dialog first. */
function wait(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

// Verifies the credentials. A real page posts them to its own server, which verifies them with
// `harness-connect/server` and stores the key there (never in the browser):
//
//   const response = await fetch('/api/harness/connect', {
//     method: 'POST',
//     headers: { 'content-type': 'application/json' },
//     body: JSON.stringify(credentials),
//     signal,
//   });
//   const body = await response.json();
//   if (!body.ok) throw body.error; // { name: 'HarnessConnectError', code, field, message, retryable }
//   return body.connection;
//
// or, in one line, `element.connect = HarnessConnect.connectThroughRoute('/api/harness/connect')`, which also
// rebuilds the route's errors and refuses any answer that is not the account asked for.
//
// This example fakes it: the fixture key passes, any other is rejected as Harness would reject it.
element.connect = async (credentials, { signal }) => {
  await wait(300, signal);
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
    user: { name: 'Ada Lovelace', email: 'ada@acme.example' },
    expiresAt: '2031-01-01T00:00:00.000Z',
  };
};

// The widget's events arrive as DOM events on the element; none carries the key.
element.addEventListener('harness-connect-success', (event) => {
  status.textContent = `Connected Harness account ${event.detail.accountId}.`;
  status.dataset.state = 'connected';
});

element.addEventListener('harness-connect-close', (event) => {
  if (event.detail.reason === 'dismissed' && status.dataset.state !== 'connected') {
    status.textContent = 'Not connected: the dialog was closed.';
  }
});
