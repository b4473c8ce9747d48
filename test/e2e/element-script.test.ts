/**
 * The `<script>` build of `<harness-connect>` and the plain-HTML example (examples/plain-html/), end to end:
 * the script is built from source into a temporary folder, a tiny static server serves the example with a
 * strict Content-Security-Policy, and Debian's Chromium (playwright-core) goes through the flow.
 */
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, hasChromium } from '../../scripts/chromium.mjs';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = 'harness-connect.element.js';
const EXAMPLE = '/examples/plain-html/index.html';

/** Nothing inline anywhere: no inline script or style, no eval, Trusted Types enforced. */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const secretOf = (token: string) => token.slice(token.lastIndexOf('.') + 1);

let outDir: string;
let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Console errors, uncaught errors and CSP violations of the current page. */
let problems: string[];

/** The example's files from the repository, and /dist/harness-connect.element.js from this run's build. */
function serve(outputDir: string): Server {
  return createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      if (pathname === '/favicon.ico') {
        response.writeHead(204).end();
        return;
      }
      const file =
        pathname === `/dist/${SCRIPT}` ? join(outputDir, SCRIPT) : pathname.startsWith('/examples/') ? normalize(join(ROOT, pathname)) : null;
      if (file === null || (!file.startsWith(ROOT + sep) && !file.startsWith(outputDir + sep))) {
        response.writeHead(404).end();
        return;
      }
      try {
        const body = await readFile(file);
        response.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CSP,
          'x-content-type-options': 'nosniff',
        });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
}

describe.skipIf(!hasChromium())('the <script> build in a plain HTML page', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'harness-connect-element-'));
    await build({ configFile: resolve(ROOT, 'vite.element.config.ts'), root: ROOT, logLevel: 'warn', build: { outDir } });
    server = serve(outDir);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto(`${origin}${EXAMPLE}`);
    await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
  });

  afterEach(async () => {
    await context?.close();
  });

  const dialog = () => page.getByRole('dialog', { name: 'Connect Harness' });
  const status = () => page.getByRole('status');

  async function openForm() {
    await page.getByRole('button', { name: 'Connect Harness' }).click();
    await dialog().waitFor();
    await dialog().getByRole('button', { name: 'I already have an API key' }).click();
    await dialog().getByLabel('API Key').waitFor();
  }

  it('is served under a strict CSP and defines the element from the built file', async () => {
    const response = await page.request.get(`${origin}/dist/${SCRIPT}`);
    expect(response.headers()['content-security-policy']).toBe(CSP);
    expect(await page.evaluate(() => customElements.get('harness-connect') !== undefined)).toBe(true);
    expect(await page.evaluate(() => typeof (window as unknown as { HarnessConnect?: unknown }).HarnessConnect)).toBe('object');
    await expect(status().textContent()).resolves.toBe('Not connected.');
    expect(problems).toEqual([]);
    // The watch works: an inline style attribute is a violation under this policy, and it is heard.
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await expect.poll(() => problems.some((p) => p.includes('CSP violation: style-src'))).toBe(true);
  });

  it('connects with the fixture key after a rejected one, and reports it through DOM events', async () => {
    await openForm();
    const apiKey = dialog().getByLabel('API Key');
    const account = dialog().getByLabel('Account Identifier');
    await apiKey.fill(TOKENS.otherAccount);
    await account.fill(ACCOUNTS.other.id);
    await dialog().getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => apiKey.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog().getByRole('alert').textContent()).toMatch(/API key/i);

    await apiKey.fill(TOKENS.pat);
    await account.fill(ACCOUNTS.primary.id);
    await apiKey.press('Enter');
    await dialog().getByRole('heading', { name: 'Harness account connected' }).waitFor();
    expect(await dialog().textContent()).toContain('ada@acme.example');
    await dialog().getByRole('button', { name: 'Done' }).click();
    await dialog().waitFor({ state: 'hidden' });
    await expect.poll(() => status().textContent()).toBe(`Connected Harness account ${ACCOUNTS.primary.id}.`);
    expect(await page.locator('harness-connect').getAttribute('open')).toBeNull();

    // The key's secret is nowhere in the element, shadow roots and inputs included. (The page itself prints the
    // fixture key as a hint, so the check starts at the element.)
    const html = await page.evaluate(() => {
      const parts: string[] = [];
      const walk = (root: Element | ShadowRoot) => {
        for (const element of root.querySelectorAll('*')) {
          if (element instanceof HTMLInputElement) parts.push(element.value);
          if (element.shadowRoot) {
            parts.push(element.shadowRoot.innerHTML);
            walk(element.shadowRoot);
          }
        }
      };
      const element = document.querySelector('harness-connect')!;
      parts.push(element.outerHTML);
      walk(element);
      return parts.join('\n');
    });
    expect(html).not.toContain(secretOf(TOKENS.pat));
    expect(problems).toEqual([]);
  });

  it('gives the page the route client: connectThroughRoute on the global, the confirmation naming what the route verified', async () => {
    // A host's harness-connect/server route, answered here as it answers.
    await page.route('**/api/harness/connect', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          ok: true,
          connection: {
            provider: 'harness',
            accountId: ACCOUNTS.primary.id,
            accountName: 'Acme Platform',
            principal: { kind: 'user', identifier: 'ada', name: 'Ada Lovelace', email: null },
            tokenKind: 'pat',
            expiresAt: null,
          },
        }),
      }),
    );
    await page.evaluate(() => {
      const global = (window as unknown as { HarnessConnect: { connectThroughRoute: (url: string) => unknown } }).HarnessConnect;
      (document.querySelector('harness-connect') as unknown as { connect: unknown }).connect = global.connectThroughRoute('/api/harness/connect');
    });
    await openForm();
    await dialog().getByLabel('API Key').fill(TOKENS.pat);
    await dialog().getByLabel('API Key').press('Enter');
    await dialog().getByRole('heading', { name: 'Acme Platform is connected' }).waitFor();
    expect(await dialog().textContent()).toContain('Ada Lovelace');
    expect(problems).toEqual([]);
  });

  it('tells the page when the dialog is dismissed, and returns focus to the trigger', async () => {
    await openForm();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
    await expect.poll(() => status().textContent()).toBe('Not connected: the dialog was closed.');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Connect Harness');
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!hasChromium())('the ES-module <script> build copied alone into a vendor folder', { timeout: 60_000 }, () => {
  it('is one file: it defines the element and loads a language with nothing beside it', async () => {
    const out = await mkdtemp(join(tmpdir(), 'harness-connect-element-esm-'));
    const vendor = await mkdtemp(join(tmpdir(), 'harness-connect-vendor-'));
    let vendorServer: Server | undefined;
    let vendorBrowser: Browser | undefined;
    try {
      await build({ configFile: resolve(ROOT, 'vite.element.config.ts'), root: ROOT, logLevel: 'warn', build: { outDir: out } });
      // Exactly what an integrator copies: the one file, nothing else of the build.
      await copyFile(join(out, 'harness-connect.element.mjs'), join(vendor, 'harness-connect.element.mjs'));
      const page = `<!doctype html><html lang="en"><title>Vendor</title>
        <script type="module" src="/vendor/harness-connect.element.mjs"></script>
        <harness-connect locale="de" open></harness-connect>`;
      const requested: string[] = [];
      vendorServer = createServer((request, response) => {
        const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
        requested.push(pathname);
        if (pathname === '/') return void response.writeHead(200, { 'content-type': TYPES['.html'] }).end(page);
        if (pathname !== '/vendor/harness-connect.element.mjs') return void response.writeHead(404).end();
        void readFile(join(vendor, 'harness-connect.element.mjs')).then((body) =>
          response.writeHead(200, { 'content-type': TYPES['.mjs'] }).end(body),
        );
      });
      await new Promise<void>((done) => vendorServer!.listen(0, '127.0.0.1', done));
      vendorBrowser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
      const tab = await (await vendorBrowser.newContext()).newPage();
      await tab.goto(`http://127.0.0.1:${(vendorServer.address() as AddressInfo).port}/`);
      // German: the catalogue that the library build loads as a chunk of its own is inside this one file.
      await tab.getByRole('dialog', { name: 'Harness verbinden' }).waitFor();
      expect(requested.filter((path) => path !== '/' && path !== '/favicon.ico')).toEqual(['/vendor/harness-connect.element.mjs']);
    } finally {
      await vendorBrowser?.close();
      await new Promise((done) => (vendorServer ? vendorServer.close(done) : done(undefined)));
      await rm(out, { recursive: true, force: true });
      await rm(vendor, { recursive: true, force: true });
    }
  });
});

describe('harness-connect/element in Node (no DOM)', () => {
  it('imports without touching a DOM, and defining there does nothing', async () => {
    expect(typeof HTMLElement).toBe('undefined');
    const { defineHarnessConnectElement, HarnessConnectElement, HARNESS_CONNECT_TAG_NAME } = await import('../../src/element/index.ts');
    expect(HARNESS_CONNECT_TAG_NAME).toBe('harness-connect');
    expect(defineHarnessConnectElement()).toBe(HarnessConnectElement);
    expect(typeof customElements).toBe('undefined');
  });
});
