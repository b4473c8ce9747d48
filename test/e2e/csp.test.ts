/**
 * Hostile environments (issue 6): the `<script>` build under `Content-Security-Policy: default-src 'self';
 * script-src 'self'; style-src 'self'` (no `unsafe-inline`). The widget renders styled and works end to end,
 * with zero `securitypolicyviolation` events; an error message holding HTML or script is shown as text and
 * never runs (also checked on a page without any CSP, where nothing else would stop it).
 *
 * The page is built here (no file in the repository): an HTML file and its script, both same-origin.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, hasChromium } from '../../scripts/chromium.mjs';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = 'harness-connect.element.js';
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
const HOSTILE = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2;alert(2)</script><b>bold</b>';

const PAGE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>CSP page</title>
    <script src="${SCRIPT}" defer></script>
    <script src="page.js" defer></script>
  </head>
  <body>
    <h1>Strict page</h1>
    <harness-connect trigger-label="Link Harness"></harness-connect>
    <p id="status" role="status">idle</p>
  </body>
</html>
`;

/** The page's own script: a fake connect; `?mode=hostile` rejects with a HarnessConnectError-shaped object. */
const PAGE_JS = `
const element = document.querySelector('harness-connect');
const status = document.getElementById('status');
const hostile = new URLSearchParams(location.search).get('mode') === 'hostile';
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
element.connect = (credentials, { signal }) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      if (hostile) {
        reject({ name: 'HarnessConnectError', code: 'unavailable', field: null, retryable: true, message: ${JSON.stringify(HOSTILE)} });
      } else {
        resolve({ accountId: credentials.accountId, user: { name: 'Ada Lovelace', email: 'ada@acme.example' } });
      }
    }, 100);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
element.addEventListener('harness-connect-success', (event) => {
  status.textContent = 'connected ' + event.detail.accountId;
});
element.addEventListener('harness-connect-verify_error', (event) => {
  status.textContent = 'error ' + event.detail.code;
});
`;

let outDir: string;
let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let dialogsShown: string[];

/** `/csp/…` is served with the policy, `/open/…` without any. */
function serve(): Server {
  return createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname === '/favicon.ico') return void response.writeHead(204).end();
      const [, area, ...rest] = url.pathname.split('/');
      const file = rest.join('/');
      const headers: Record<string, string> = area === 'csp' ? { 'content-security-policy': CSP } : {};
      if (area !== 'csp' && area !== 'open') return void response.writeHead(404).end();
      if (file === 'index.html') return void response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(PAGE_HTML);
      if (file === 'page.js') return void response.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(PAGE_JS);
      if (file === SCRIPT) {
        const body = await readFile(join(outDir, SCRIPT));
        return void response.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(body);
      }
      response.writeHead(404).end();
    })();
  });
}

describe.skipIf(!hasChromium())('the widget under a strict CSP and hostile text', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'harness-connect-csp-'));
    await build({ configFile: resolve(ROOT, 'vite.element.config.ts'), root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    server = serve();
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
    page.setDefaultTimeout(10_000);
    problems = [];
    dialogsShown = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('dialog', (d) => {
      dialogsShown.push(d.message());
      void d.dismiss();
    });
    // Listening from the first byte: a violation during the element script's start-up is caught too.
    await page.addInitScript(() => {
      const early: string[] = [];
      (window as unknown as { __earlyViolations: string[] }).__earlyViolations = early;
      document.addEventListener('securitypolicyviolation', (e) => early.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  });

  afterEach(async () => {
    await context?.close();
  });

  const dialog = () => page.getByRole('dialog', { name: 'Connect Harness' });
  const violations = () => page.evaluate(() => (window as unknown as { __earlyViolations: string[] }).__earlyViolations);

  async function openAndFill(path: string) {
    await page.goto(`${origin}${path}`);
    await page.getByRole('button', { name: 'Link Harness' }).click();
    await dialog().waitFor();
    await dialog().getByRole('button', { name: 'I already have an API key' }).click();
    await dialog().getByLabel('API Key').fill(TOKENS.pat);
    await dialog().getByRole('textbox', { name: 'Account Identifier' }).fill(ACCOUNTS.primary.id);
  }

  it('renders styled and connects end to end with zero violations', async () => {
    const response = await page.goto(`${origin}/csp/index.html`);
    expect(response?.headers()['content-security-policy']).toBe(CSP);
    await openAndFill('/csp/index.html');
    const style = await dialog().evaluate((el) => {
      const s = getComputedStyle(el);
      return { radius: s.borderTopLeftRadius, background: s.backgroundColor, padding: s.paddingTop };
    });
    // Styled by the widget's sheet, not the UA default (a square dialog with a 1em padding and black border).
    expect(Number.parseFloat(style.radius)).toBeGreaterThan(0);
    const connect = dialog().getByRole('button', { name: 'Connect' });
    const buttonBackground = await connect.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(buttonBackground).not.toBe('rgba(0, 0, 0, 0)');
    expect(buttonBackground).not.toBe('transparent');
    // The default button face would be ButtonFace (#efefef in Chromium): a primary button is coloured.
    expect(buttonBackground).not.toBe('rgb(239, 239, 239)');
    await connect.click();
    await dialog().getByRole('heading', { name: 'Harness account connected' }).waitFor();
    await dialog().getByRole('button', { name: 'Done' }).click();
    await dialog().waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('#status').textContent()).toBe(`connected ${ACCOUNTS.primary.id}`);
    expect(await violations()).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('the violation watch works: an inline style is reported', async () => {
    await page.goto(`${origin}/csp/index.html`);
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await expect.poll(violations).toEqual([expect.stringContaining('style-src')]);
  });

  for (const area of ['csp', 'open'] as const) {
    it(`shows an error message holding HTML and script as text, never run (${area === 'csp' ? 'strict CSP' : 'no CSP'})`, async () => {
      await openAndFill(`/${area}/index.html?mode=hostile`);
      const countElements = () =>
        page.evaluate(() => {
          const all: Element[] = [];
          const walk = (root: Document | ShadowRoot) => {
            for (const el of root.querySelectorAll('*')) {
              all.push(el);
              if (el.shadowRoot) walk(el.shadowRoot);
            }
          };
          walk(document);
          return {
            img: all.filter((el) => el.localName === 'img').length,
            script: all.filter((el) => el.localName === 'script').length,
            b: all.filter((el) => el.localName === 'b').length,
          };
        });
      const before = await countElements();
      await dialog().getByRole('button', { name: 'Connect' }).click();
      await expect.poll(() => page.locator('#status').textContent()).toBe('error unavailable');
      const alert = dialog().getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain(HOSTILE);
      // Markup run as HTML would be elements the moment the alert renders (an <img> whose onerror sets
      // __pwned among them): counting them now needs no wait for the handler.
      expect(await countElements()).toEqual(before);
      expect(before.img).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogsShown).toEqual([]);
      if (area === 'csp') expect(await violations()).toEqual([]);
      expect(problems).toEqual([]);
    });
  }
});
