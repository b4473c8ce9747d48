/**
 * A closed dialog leaves no key behind in the tab's memory. A production build of a small host page
 * (test/e2e/heap-host/) that keeps every event, connection and error it is given; a key made up for this run
 * (so it is in no source file) is typed in, the dialog is closed in each way a person closes it, and a heap
 * snapshot taken after garbage collection (CDP HeapProfiler) must not hold the key or its secret.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, hasChromium } from '../../scripts/chromium.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const ACCOUNT_ID = 'QckRHsqq_el0PWRb2kqkgU';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** Letters and digits only, like Harness's own token ids and secrets. */
function randomAlphanumeric(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** A well-formed key that exists only in this run: in no source file, no fixture, no page. */
function freshKey() {
  const tokenId = randomAlphanumeric(24);
  const secret = randomAlphanumeric(20);
  return { key: `pat.${ACCOUNT_ID}.${tokenId}.${secret}`, tokenId, secret };
}

let outDir: string;
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'harness-connect-heap-'));
  await build({
    configFile: false,
    root: resolve(ROOT, 'test/e2e/heap-host'),
    plugins: [react()],
    logLevel: 'warn',
    // React's production build and JSX runtime, as a host ships it, even though Vitest runs this with NODE_ENV=test.
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    oxc: { jsx: { runtime: 'automatic', development: false } },
    build: { outDir, emptyOutDir: true, minify: false },
  });
  server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(outDir, pathname === '/' ? 'index.html' : pathname));
    if (!file.startsWith(outDir + sep)) return void response.writeHead(403).end();
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** Every string in a heap snapshot taken after repeated garbage collection. */
async function heapStrings(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => void chunks.push(chunk));
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i += 1) await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  await cdp.detach();
  return (JSON.parse(chunks.join('')) as { strings: string[] }).strings;
}

/** Opens the dialog, goes to the form and types the key there (CDP's insertText: no script ever holds it). */
async function typeKey(page: Page, key: string) {
  await page.getByRole('button', { name: 'Connect Harness' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect Harness' });
  await dialog.getByRole('button', { name: 'I already have an API key' }).click();
  await dialog.getByLabel('API Key').click();
  await page.keyboard.insertText(key);
  // The account identifier is read from the key: proof that the widget parsed what was typed.
  await expect.poll(() => dialog.getByLabel('Account Identifier').inputValue()).toBe(ACCOUNT_ID);
  return dialog;
}

/** A way to close the dialog, and the host page's query (what its `connect` does, whether it keeps errors). */
interface WayToClose {
  query: string;
  close: (page: Page) => Promise<void>;
}

/** Clicks Connect and waits for `what` (the view the attempt ends on), then presses Escape. */
function failThenEscape(query: string, what: (page: Page) => Promise<void>): WayToClose {
  return {
    query,
    close: async (page) => {
      await page.getByRole('dialog').getByRole('button', { name: 'Connect' }).click();
      await what(page);
      await page.keyboard.press('Escape');
    },
  };
}

const WAYS_TO_CLOSE: Record<string, WayToClose> = {
  'the Close button': {
    query: '',
    close: async (page) => {
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    },
  },
  Escape: {
    query: '',
    close: async (page) => {
      await page.keyboard.press('Escape');
    },
  },
  'Show API key, then Escape': {
    query: '',
    close: async (page) => {
      await page.getByRole('dialog').getByRole('button', { name: 'Show API key' }).click();
      await page.keyboard.press('Escape');
    },
  },
  'Cancel while verifying, then Escape': {
    query: '?connect=hang',
    close: async (page) => {
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Connect' }).click();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.getByRole('button', { name: 'Back' }).waitFor();
      await page.keyboard.press('Escape');
    },
  },
  'a failure banner, then Escape': failThenEscape('?connect=unavailable', async (page) => {
    await page.getByRole('dialog').getByRole('button', { name: 'Try again' }).waitFor();
  }),
  'a failure banner, then Escape, with a host that keeps no error': failThenEscape(
    '?connect=unavailable&keep=none',
    async (page) => {
      await page.getByRole('dialog').getByRole('button', { name: 'Try again' }).waitFor();
    },
  ),
  'a refused key at its field, then Escape': failThenEscape('?connect=invalid_token', async (page) => {
    await page.getByRole('dialog').getByText('Harness rejected this key', { exact: false }).waitFor();
  }),
  'the missing-permissions view, then Close': {
    query: '?connect=missing_permissions',
    close: async (page) => {
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Connect' }).click();
      await dialog.getByRole('button', { name: 'Check again' }).waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
    },
  },
  'success, then Done': {
    query: '',
    close: async (page) => {
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Connect' }).click();
      await dialog.getByRole('button', { name: 'Done' }).click();
    },
  },
};

describe.skipIf(!hasChromium())('a closed dialog leaves no key in the heap', { timeout: 60_000 }, () => {
  for (const [way, { query, close }] of Object.entries(WAYS_TO_CLOSE)) {
    it(`after ${way}`, async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${origin}/${query}`);
        const { key, secret } = freshKey();
        await typeKey(page, key);
        await close(page);
        await page.getByRole('dialog').waitFor({ state: 'hidden' });
        // The host kept what it was given: events (and, after a success, the connection).
        const kept = await page.evaluate(() => {
          const { events, connections } = (window as unknown as { kept: { events: unknown[]; connections: unknown[] } }).kept;
          return { events: events.length, connections: connections.length };
        });
        expect(kept.events).toBeGreaterThan(3);
        expect(kept.connections).toBe(way.startsWith('success') ? 1 : 0);

        const strings = await heapStrings(page);
        const holding = strings.filter((text) => text.includes(secret));
        expect(holding.map((text) => text.replace(secret, '<secret>').slice(0, 120))).toEqual([]);
        expect(strings.some((text) => text.includes(key))).toBe(false);
      } finally {
        await context.close();
      }
    });
  }
});
