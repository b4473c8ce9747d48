/**
 * (a) `<HarnessConnect/>` as a host uses it: a trigger button, a fake `connect` (100 ms), wrapped in React's
 * <Profiler> so the typing page (built against react-dom/profiling) can count commits.
 */
import { Profiler, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HarnessConnect } from 'harness-connect';
import {
  adoptedCss,
  buttonNamed,
  findDialog,
  inputLabelled,
  longTasks,
  measureOpen,
  nextFrame,
  paste,
  until,
} from './measure.ts';
import { HARNESS_FIXTURE_ACCOUNTS, HARNESS_FIXTURE_TOKENS } from '../../src/testing/fixtures.ts';

const TOKEN = HARNESS_FIXTURE_TOKENS.pat;
const ACCOUNT = HARNESS_FIXTURE_ACCOUNTS.primary.id;

let commits = 0;
const connect = async ({ accountId }: { accountId: string }, { signal }: { signal: AbortSignal }) => {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, 100);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
  return { accountId, user: { name: 'Ada Lovelace', email: 'ada@acme.example' }, expiresAt: '2031-01-01T00:00:00.000Z' };
};

const strict = new URLSearchParams(location.search).has('strict');
const app = (
  <Profiler id="harness-connect" onRender={() => void (commits += 1)}>
    <HarnessConnect connect={connect} trigger={<button type="button" id="trigger">Link Harness</button>} />
  </Profiler>
);
createRoot(document.getElementById('root')!).render(strict ? <StrictMode>{app}</StrictMode> : app);

const trigger = () => document.getElementById('trigger') as HTMLButtonElement;

async function close(): Promise<void> {
  buttonNamed('Close')?.click();
  await until(() => !findDialog()?.open, 'the dialog to close');
  await nextFrame();
}

async function openForm(): Promise<HTMLInputElement> {
  await measureOpen(trigger());
  buttonNamed('I already have an API key')!.click();
  await until(() => inputLabelled('API Key') !== null, 'the form');
  await nextFrame();
  return inputLabelled('API Key')!;
}

const bench = {
  ready: () => trigger() !== null,
  /** The dialog's markup and style once open, for the baselines to render the same thing. */
  async snapshot() {
    await measureOpen(trigger());
    const dialog = findDialog()!;
    const root = dialog.getRootNode() as ShadowRoot;
    const result = {
      html: dialog.innerHTML,
      css: adoptedCss(root),
      attributes: Array.from(dialog.attributes, (a) => [a.name, a.value] as [string, string]),
    };
    await close();
    return result;
  },
  async open() {
    const ms = await measureOpen(trigger());
    await nextFrame();
    await close();
    return ms;
  },
  /** Opens on the form and focuses a field; the runner types with real key events. */
  async prepareTyping(field: 'API Key' | 'Account Identifier') {
    const apiKey = await openForm();
    if (field === 'Account Identifier') {
      paste(apiKey, TOKEN);
      const account = inputLabelled('Account Identifier')!;
      account.focus();
      account.select();
      document.execCommand('delete');
      await nextFrame();
      account.focus();
    } else {
      apiKey.focus();
    }
    await nextFrame();
    return { commits, now: performance.now() };
  },
  counters: () => ({ commits, now: performance.now() }),
  longTasksSince: (since: number) => longTasks.filter((t) => t.start >= since),
  longTaskApi: () => PerformanceObserver.supportedEntryTypes.includes('longtask'),
  /** Submits the filled form and waits for the confirmation; returns the window it took. */
  async verify() {
    const start = performance.now();
    buttonNamed('Connect')!.click();
    await until(() => buttonNamed('Done') !== null, 'the confirmation');
    await nextFrame();
    const end = performance.now();
    buttonNamed('Done')!.click();
    await until(() => !findDialog()?.open, 'the dialog to close');
    return { start, end };
  },
  /** Open, skip to the form, paste the key and the account, close: `n` times. */
  async cycles(n: number) {
    for (let i = 0; i < n; i += 1) {
      const apiKey = await openForm();
      paste(apiKey, TOKEN);
      paste(inputLabelled('Account Identifier')!, ACCOUNT);
      await nextFrame();
      await close();
    }
  },
};

(window as unknown as { __bench: typeof bench }).__bench = bench;
