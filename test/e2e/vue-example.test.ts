/**
 * The Vue example (examples/vue/), end to end: built with its own Vite config (Vue's plugin, the element from
 * source), served as static files, and driven in Debian's Chromium (playwright-core). It proves a Vue host can
 * bind `connect` as a property (`:connect.prop`) and listen to the element's events in a template
 * (`@harness-connect-success`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, hasChromium } from '../../scripts/chromium.mjs';
import { serveStatic, type StaticServer } from '../../scripts/visual.mjs';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');

let outDir: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Uncaught errors and console errors of the page, and every request that left for a Harness host. */
let problems: string[];
let harnessRequests: string[];

describe.skipIf(!hasChromium())('the Vue example', () => {
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'harness-connect-vue-'));
    await build({
      configFile: resolve(ROOT, 'examples/vue/vite.config.ts'),
      // Errors only: bundling React libraries prints a warning per "use client" directive.
      logLevel: 'error',
      mode: 'production',
      build: { outDir, emptyOutDir: true },
    });
    server = await serveStatic(outDir);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    page = await context.newPage();
    problems = [];
    harnessRequests = [];
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
    });
    // The default `connect` would ask Harness from the browser: the example's bound one never does.
    await context.route(/harness\.io/, (route) => {
      harnessRequests.push(route.request().url());
      return route.abort();
    });
    await page.goto(server.origin);
    await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
  });

  afterEach(async () => {
    await context?.close();
  });

  it("opens the dialog from the element's trigger, connects through the bound `connect`, and runs the Vue handler", async () => {
    const status = page.getByRole('status');
    await expect(status.textContent()).resolves.toBe('Not connected.');

    await page.getByRole('button', { name: 'Connect Harness' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect Harness' });
    await dialog.waitFor();

    await page.getByRole('button', { name: 'I already have an API key' }).click();
    await page.getByLabel('API Key', { exact: true }).fill(TOKENS.pat);
    await expect(page.getByLabel('Account Identifier', { exact: true }).inputValue()).resolves.toBe(ACCOUNTS.primary.id);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();

    // The example's `connect` answers with the account's name: the confirmation names it.
    await page.getByRole('heading', { name: 'Acme Platform is connected' }).waitFor();
    // The template's @harness-connect-success handler updated Vue's state, and Vue re-rendered the status.
    await expect.poll(() => status.textContent()).toBe(`Connected Harness account ${ACCOUNTS.primary.id}.`);
    await expect(status.getAttribute('data-state')).resolves.toBe('connected');

    expect(harnessRequests).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows the refusal of the bound `connect` at the key, and the Vue handler for closing runs', async () => {
    await page.getByRole('button', { name: 'Connect Harness' }).click();
    await page.getByRole('button', { name: 'I already have an API key' }).click();
    await page.getByLabel('API Key', { exact: true }).fill(TOKENS.wrongSecret);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();

    const apiKey = page.getByLabel('API Key', { exact: true });
    await expect.poll(() => apiKey.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Not connected: the dialog was closed.');
    expect(harnessRequests).toEqual([]);
  });
});
