/**
 * A host page for the heap-snapshot test (test/e2e/heap.test.ts): `<HarnessConnect/>` with a fake `connect`,
 * and a host that keeps everything the widget hands it (every event, every connection, every error), as an
 * analytics queue or a store would. The key is never in this page's code: the test types it in.
 *
 * `?connect=hang` makes `connect` wait until it is aborted (for Cancel); otherwise it succeeds.
 */
import { createRoot } from 'react-dom/client';
import { HarnessConnect, type HarnessConnectEvent, type HarnessConnection } from '../../../src/index.ts';

interface Kept {
  events: HarnessConnectEvent[];
  connections: HarnessConnection<unknown>[];
  errors: unknown[];
}

const kept: Kept = { events: [], connections: [], errors: [] };
(window as unknown as { kept: Kept }).kept = kept;

const hang = new URLSearchParams(location.search).get('connect') === 'hang';

async function connect({ accountId }: { accountId: string }, { signal }: { signal: AbortSignal }) {
  if (hang) {
    await new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
  }
  return { accountId, user: { name: 'Ada Lovelace', email: 'ada@acme.example' }, expiresAt: null };
}

createRoot(document.getElementById('root')!).render(
  <HarnessConnect<unknown>
    connect={connect}
    trigger={<button type="button">Connect Harness</button>}
    onEvent={(event) => kept.events.push(event)}
    onSuccess={(connection) => kept.connections.push(connection)}
    onError={(error) => kept.errors.push(error)}
  />,
);
