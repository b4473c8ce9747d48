/**
 * A host page for the heap-snapshot test (test/e2e/heap.test.ts): `<HarnessConnect/>` with a fake `connect`,
 * and a host that keeps everything the widget hands it (every event, every connection, every error), as an
 * analytics queue or a store would. The key is never in this page's code: the test types it in.
 *
 * `?connect=` picks what `connect` does: `hang` waits until it is aborted (for Cancel); `unavailable` fails with
 * a banner; `invalid_token` fails at the key's field; `missing_permissions` shows the permissions view;
 * otherwise it succeeds. `?keep=none` makes a host that keeps no error (only the widget could still hold one).
 */
import { createRoot } from 'react-dom/client';
import { HarnessConnect, HarnessConnectError, type HarnessConnectEvent, type HarnessConnection } from '../../../src/index.ts';

interface Kept {
  events: HarnessConnectEvent[];
  connections: HarnessConnection<unknown>[];
  errors: unknown[];
}

const kept: Kept = { events: [], connections: [], errors: [] };
(window as unknown as { kept: Kept }).kept = kept;

const search = new URLSearchParams(location.search);
const mode = search.get('connect');
const keepsErrors = search.get('keep') !== 'none';

async function connect({ accountId }: { accountId: string }, { signal }: { signal: AbortSignal }) {
  if (mode === 'unavailable') throw new HarnessConnectError('unavailable');
  if (mode === 'invalid_token') throw new HarnessConnectError('invalid_token');
  if (mode === 'missing_permissions') {
    throw new HarnessConnectError('missing_permissions', {
      missing: [{ permission: 'core_pipeline_execute', resourceType: 'PIPELINE', label: 'Run pipelines' }],
      granted: [],
    });
  }
  if (mode === 'hang') {
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
    onError={(error) => {
      if (keepsErrors) kept.errors.push(error);
    }}
  />,
);
