/**
 * The page the visual and accessibility tests (test/visual/views.test.ts) render the widget's views on:
 * `<HarnessConnect/>` open on a plain page, with the default `connect` asking the Harness mock (msw's
 * service worker answers https://app.harness.io). The URL says how:
 *
 *   ?scheme=light|dark   the widget's colorScheme
 *   &locale=en|ar        its language
 *   &setup=<name>        one of SETUPS below (props a host would pass)
 *   &fault=<fault>       a HarnessFault the mock answers every request with (a banner, a hang)
 *
 * The test then walks to a view with clicks and typing, as a person does. `<html data-ready>` says the
 * worker runs and the widget is mounted.
 */
import { setupWorker } from 'msw/browser';
import { createRoot } from 'react-dom/client';
import { HarnessConnect, type HarnessConnectProps } from '../../../src/index.ts';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, harnessHandlers, type HarnessFault } from '../../../src/testing/index.ts';

/** Props of the host set-ups the views need, by name. */
const SETUPS: Record<string, Partial<HarnessConnectProps>> = {
  /** The widget as most hosts start: no options. */
  plain: {},
  /** A host that needs to view and run pipelines: named on the first step, checked after Harness accepts a key. */
  permissions: {
    requiredPermissions: [
      { permission: 'core_pipeline_view', resourceType: 'PIPELINE', label: 'View pipelines' },
      { permission: 'core_pipeline_execute', resourceType: 'PIPELINE', label: 'Run pipelines' },
    ],
  },
  /** Renewing the key of a stored connection. */
  reconnect: {
    mode: 'reconnect',
    connection: {
      accountId: ACCOUNTS.primary.id,
      accountName: ACCOUNTS.primary.name,
      principal: { kind: 'user', identifier: 'ada', name: 'Ada Lovelace' },
    },
  },
};

const params = new URLSearchParams(location.search);
const setup = SETUPS[params.get('setup') ?? 'plain'];
if (setup === undefined) throw new Error(`test page: no setup named ${params.get('setup')}`);
const scheme = params.get('scheme') === 'dark' ? 'dark' : 'light';
const locale = params.get('locale') ?? 'en';
const fault = params.get('fault') as HarnessFault | null;

const { handlers, mock } = harnessHandlers();
if (fault !== null) mock.setFault(fault);
await setupWorker(...handlers).start({ quiet: true, onUnhandledRequest: 'bypass' });

createRoot(document.getElementById('root')!).render(<HarnessConnect defaultOpen colorScheme={scheme} locale={locale} {...setup} />);
document.documentElement.dataset.ready = 'true';
