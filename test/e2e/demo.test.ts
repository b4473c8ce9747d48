/**
 * The demo app (demo/), end to end, as a person uses it: Shipyard's dev server with its backend and the
 * Harness mock, driven in Debian's Chromium by playwright-core.
 */
import { mkdir } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONNECT_ATTEMPTS_PER_WINDOW, type DemoApiPlugin, type DemoBackend } from '../../demo/server/api.ts';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/fixtures.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { SHIPYARD_START_TIMEOUT_MS, removeShipyardDataDir, resetShipyard, startShipyard, useShipyardDataDir } from '../support/shipyard.ts';

const SCREENSHOTS = 'test-results/screenshots';
const secretOf = (token: string) => token.slice(token.lastIndexOf('.') + 1);

let dataDir: string;
let server: ViteDevServer;
let api: DemoApiPlugin['api'];
/** The running backend: its account store is what Shipyard has linked. */
let backend: DemoBackend;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every /api/* answer the page received, for the leak check. */
let apiBodies: Array<{ url: string; body: string }>;

beforeAll(async () => {
  dataDir = await useShipyardDataDir('demo');
  ({ server, origin, api, backend } = await startShipyard());
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  await mkdir(SCREENSHOTS, { recursive: true });
}, SHIPYARD_START_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeShipyardDataDir(dataDir);
});

/** The ids of the linked accounts, as stored. */
async function linkedIds(): Promise<string[]> {
  return (await backend.store.list()).map((account) => account.accountId);
}

beforeEach(async () => {
  await resetShipyard({ api, backend });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  page = await context.newPage();
  apiBodies = [];
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    // A 204 has no body to read.
    void response.text().then(
      (body) => apiBodies.push({ url: response.url(), body }),
      () => apiBodies.push({ url: response.url(), body: '' }),
    );
  });
});

afterEach(async () => {
  await context?.close();
});

const dialog = () => page.getByRole('dialog', { name: 'Connect Harness' });

async function openForm(): Promise<void> {
  await page.goto(`${origin}/#/integrations`);
  await expect(page.getByRole('heading', { level: 1, name: 'Integrations' }).isVisible()).resolves.toBe(true);
  await page.getByRole('button', { name: 'Connect Harness' }).click();
  await dialog().waitFor();
  await dialog().getByRole('button', { name: 'I already have an API key' }).click();
  await dialog().getByLabel('API Key').waitFor();
}

async function connectWith(token: string): Promise<void> {
  await openForm();
  await dialog().getByLabel('API Key').fill(token);
  await dialog().getByLabel('API Key').press('Enter');
}

/** A connect request from this test process (no browser: no Origin, same client address as Chromium). */
function postConnect(apiKey: string, query = ''): Promise<Response> {
  return fetch(`${origin}/api/harness/connect${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey }),
  });
}

/** The stored rows, sealed keys included: what "nothing stored changed" compares. */
async function storedRows(): Promise<unknown[]> {
  return (await backend.db.query('SELECT * FROM harness_connections ORDER BY account_id')).rows;
}

/** Goes to Accounts and answers the card of each linked account, once the list has loaded. */
async function accountCards() {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Accounts/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
  const section = page.getByRole('region', { name: 'Linked accounts' });
  await section.and(page.locator('[aria-busy="false"]')).waitFor();
  return section.getByRole('article');
}

describe('Shipyard, the demo app', () => {
  it('connects Harness with the pat fixture, lists the account on Accounts, and disconnects it', async () => {
    await page.goto(`${origin}/#/integrations`);
    await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();

    // Copy the key from the fixture hint, as a person trying the demo would.
    await page.getByRole('button', { name: 'Copy the pat key' }).click();
    await page.getByRole('button', { name: 'Copy the pat key' }).filter({ hasText: 'Copied' }).waitFor();

    await page.getByRole('button', { name: 'Connect Harness' }).click();
    await dialog().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/demo.png` });

    await dialog().getByRole('button', { name: 'I already have an API key' }).click();
    const key = dialog().getByLabel('API Key');
    await key.focus();
    await page.keyboard.press('ControlOrMeta+V');
    expect(await key.inputValue()).toBe(TOKENS.pat);
    await key.press('Enter');

    // The confirmation names the account and the person the key acts as, from the route's answer.
    await dialog().getByRole('heading', { name: 'Acme Platform is connected to Shipyard' }).waitFor();
    const confirmation = (await dialog().textContent()) ?? '';
    expect(confirmation).toContain(ACCOUNTS.primary.id);
    expect(confirmation).toContain('Ada Lovelace');
    await page.screenshot({ path: `${SCREENSHOTS}/demo-connected.png` });
    await dialog().getByRole('button', { name: 'Done' }).click();
    await dialog().waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: `Linked Harness account ${ACCOUNTS.primary.id} (Acme Platform)` }).waitFor();

    const cards = await accountCards();
    await expect(cards.count()).resolves.toBe(1);
    const card = page.getByRole('article', { name: 'Acme Platform' });
    await card.getByRole('list', { name: 'Harness projects' }).waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(ACCOUNTS.primary.id);
    expect(text).toContain('Ada Lovelace');
    expect(text).toContain('Personal access token');
    expect(text).toContain('ada@acme.example');
    expect(text).toContain('2031');
    expect(text).toContain('Payments API');
    expect(await card.locator('[data-check-status="ok"]').count()).toBe(1);
    expect(await card.locator('time').count()).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: `${SCREENSHOTS}/demo-accounts.png`, fullPage: true });
    expect(await linkedIds()).toEqual([ACCOUNTS.primary.id]);

    await card.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('status').filter({ hasText: `Disconnected Harness account ${ACCOUNTS.primary.id}` }).waitFor();
    await page.getByText('No Harness account is linked yet.').waitFor();
    expect(await linkedIds()).toEqual([]);
  });

  it('connects with open, paste, Enter when the key is already on the clipboard', async () => {
    await page.goto(`${origin}/#/integrations`);
    await page.getByRole('button', { name: 'Copy the pat key' }).click();
    await page.getByRole('button', { name: 'Copy the pat key' }).filter({ hasText: 'Copied' }).waitFor();

    await page.getByRole('button', { name: 'Connect Harness' }).click();
    await dialog().getByRole('heading', { name: 'Generate a Harness API key' }).waitFor();
    await page.keyboard.press('ControlOrMeta+V');
    const key = dialog().getByLabel('API Key');
    await key.waitFor();
    expect(await key.inputValue()).toBe(TOKENS.pat);
    expect(await dialog().getByLabel('Account Identifier').inputValue()).toBe(ACCOUNTS.primary.id);
    await page.keyboard.press('Enter');

    await dialog().getByRole('heading', { name: 'Acme Platform is connected' }).waitFor();
    expect(await linkedIds()).toEqual([ACCOUNTS.primary.id]);
  });

  it('shows the expired message at the API Key field for the expired fixture, and links nothing', async () => {
    await connectWith(TOKENS.expired);

    const key = dialog().getByLabel('API Key');
    await dialog().getByText('This key has expired.', { exact: false }).waitFor();
    expect(await key.getAttribute('aria-invalid')).toBe('true');
    // The message is the field's description, so a screen reader reads it with the field.
    const describedBy = (await key.getAttribute('aria-describedby')) ?? '';
    const descriptions = await Promise.all(
      describedBy.split(/\s+/).filter(Boolean).map((id) => dialog().locator(`[id="${id}"]`).textContent()),
    );
    expect(descriptions.join(' ')).toContain('This key has expired.');
    await expect(dialog().getByRole('heading', { name: 'Acme Platform is connected' }).count()).resolves.toBe(0);

    await dialog().getByRole('button', { name: 'Close' }).click();
    await dialog().waitFor({ state: 'hidden' });
    expect(await linkedIds()).toEqual([]);
    await accountCards();
    await page.getByText('No Harness account is linked yet.').waitFor();
  });

  it('white-labels the widget as Shipyard and switches its look, touching nothing outside it', async () => {
    await page.goto(`${origin}/#/integrations`);
    await page.getByLabel('Connect window look').selectOption({ label: 'Shipyard, dark' });
    const htmlBefore = await page.evaluate(() => document.documentElement.outerHTML.length);
    await page.getByRole('button', { name: 'Connect Harness' }).click();
    await page.getByRole('dialog', { name: 'Connect Harness to Shipyard' }).waitFor();
    expect(await page.locator('[data-harness-connect]').getAttribute('data-color-scheme')).toBe('dark');
    const surface = await page.evaluate(() => {
      const dialog = document.querySelector('[data-harness-connect]')!.shadowRoot!.querySelector('dialog')!;
      return getComputedStyle(dialog).backgroundColor;
    });
    // A dark surface: every channel well below the light theme's white.
    const channels = surface.match(/\d+/g)!.slice(0, 3).map(Number);
    expect(Math.max(...channels)).toBeLessThan(80);
    await page.screenshot({ path: `${SCREENSHOTS}/demo-dark.png` });
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.documentElement.outerHTML.length)).toBe(htmlBefore);

    // The look is kept in the address, so Reconnect on Accounts wears it too.
    await page.waitForURL((url) => url.searchParams.get('look') === 'dark');
    expect((await postConnect(TOKENS.pat)).status).toBe(200);
    await page.reload();
    const card = (await accountCards()).first();
    await card.getByRole('button', { name: 'Reconnect' }).click();
    await page.getByRole('dialog', { name: 'Reconnect Harness to Shipyard' }).waitFor();
    expect(await page.locator('[data-harness-connect][data-color-scheme]').last().getAttribute('data-color-scheme')).toBe('dark');
  });

  it('opens the connect window in the language picked, right to left for Arabic, and keeps the choice in the address only', async () => {
    await page.goto(`${origin}/#/integrations`);
    const language = page.getByLabel('Connect window language');
    await expect(language.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).resolves.toEqual([
      'en',
      'de',
      'fr',
      'es',
      'ja',
      'ar',
    ]);
    await language.selectOption('ar');
    await page.waitForURL((url) => url.searchParams.get('locale') === 'ar' && url.hash === '#/integrations');

    // The brand is isolated in a right-to-left title (U+2068 … U+2069), so its own direction holds.
    const arabic = page.getByRole('dialog', { name: /^ربط Harness بـ \u2068?Shipyard\u2069?$/u });
    await page.getByRole('button', { name: 'Connect Harness' }).click();
    await arabic.waitFor();
    await arabic.getByRole('heading', { name: 'إنشاء مفتاح API في Harness' }).waitFor();
    const dialogElement = await page.evaluate(() => {
      const dialog = document.querySelector('[data-harness-connect]')!.shadowRoot!.querySelector('dialog')!;
      return { lang: dialog.lang, dir: dialog.dir, direction: getComputedStyle(dialog).direction };
    });
    expect(dialogElement).toEqual({ lang: 'ar', dir: 'rtl', direction: 'rtl' });
    await page.screenshot({ path: `${SCREENSHOTS}/demo-arabic.png` });
    await page.keyboard.press('Escape');
    await arabic.waitFor({ state: 'hidden' });

    // Nothing stored: the address alone carries the choice, to a reload and to the other page.
    await expect(page.evaluate(() => [localStorage.length, sessionStorage.length])).resolves.toEqual([0, 0]);
    await page.reload();
    await expect(page.getByLabel('Connect window language').inputValue()).resolves.toBe('ar');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Accounts/ }).click();
    await page.waitForURL((url) => url.searchParams.get('locale') === 'ar' && url.hash === '#/accounts');

    // And back to English.
    await page.goto(`${origin}/?locale=ar#/integrations`);
    await page.getByLabel('Connect window language').selectOption('en');
    await page.waitForURL((url) => !url.searchParams.has('locale'));
    await page.getByRole('button', { name: 'Connect Harness' }).click();
    await page.getByRole('dialog', { name: 'Connect Harness to Shipyard' }).waitFor();
  });

  it('never puts the key’s secret in the page, an /api answer or the account store', async () => {
    const secret = secretOf(TOKENS.pat);
    await connectWith(TOKENS.pat);
    await dialog().getByRole('heading', { name: 'Acme Platform is connected' }).waitFor();

    const widgetHtml = await page.evaluate(
      () => document.querySelector('[data-harness-connect]')?.shadowRoot?.innerHTML ?? null,
    );
    expect(widgetHtml).toContain('Acme Platform is connected');
    expect(widgetHtml).not.toContain(secret);
    expect(await page.content()).not.toContain(secret);

    await dialog().getByRole('button', { name: 'Done' }).click();
    const cards = await accountCards();
    await expect(cards.count()).resolves.toBe(1);
    // The stored key at work: projects listed, and a check run, both by the server.
    const card = cards.first();
    await card.getByRole('list', { name: 'Harness projects' }).waitFor();
    await card.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Checked Acme Platform: OK.' }).waitFor();
    expect(await page.content()).not.toContain(secret);

    const connectAnswers = apiBodies.filter((a) => a.url.endsWith('/api/harness/connect'));
    expect(connectAnswers).toHaveLength(1);
    expect(apiBodies.some((a) => a.url.endsWith('/api/accounts') && a.body.includes(ACCOUNTS.primary.id))).toBe(true);
    expect(apiBodies.some((a) => a.url.endsWith('/projects') && a.body.includes('Payments API'))).toBe(true);
    expect(apiBodies.some((a) => a.url.endsWith('/check') && a.body.includes('"ok"'))).toBe(true);
    for (const { url, body } of apiBodies) expect(body, url).not.toContain(secret);

    const stored = await backend.store.list();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('asks Harness for two pipeline permissions: the key missing one gets the permissions view, and nothing is linked', async () => {
    await page.goto(`${origin}/#/integrations`);
    await page.getByRole('button', { name: 'Connect Harness' }).click();
    // The first step says what Shipyard will need, from the same list the server checks.
    await dialog().getByText('The key for Shipyard must be able to: View pipelines, Execute pipelines.', { exact: false }).waitFor();
    await dialog().getByRole('button', { name: 'I already have an API key' }).click();
    await dialog().getByLabel('API Key').fill(TOKENS.missingPermission);
    await dialog().getByLabel('API Key').press('Enter');

    await dialog().getByRole('heading', { name: 'This key can’t do everything Shipyard needs' }).waitFor();
    const view = (await dialog().locator('section[data-step="permissions"]').textContent()) ?? '';
    expect(view).toContain('Charles Babbage');
    expect(view).toContain('Acme Platform');
    await expect(dialog().locator('[part~="missing"] li').allTextContents()).resolves.toEqual([
      expect.stringContaining('Execute pipelines'),
    ]);
    await page.screenshot({ path: `${SCREENSHOTS}/demo-permissions.png` });
    expect(await linkedIds()).toEqual([]);
  });

  it('asks before replacing an account that is already linked: Keep changes nothing, Replace links the new key', async () => {
    expect((await postConnect(TOKENS.pat)).status).toBe(200);
    const before = await storedRows();

    // The server never replaces silently: without the person's yes it answers 409 and writes nothing.
    const silent = await postConnect(TOKENS.sat);
    expect(silent.status).toBe(409);
    expect(await silent.json()).toMatchObject({ ok: false, error: { status: 409, message: expect.stringContaining('already linked') } });
    expect(await storedRows()).toEqual(before);

    await connectWith(TOKENS.sat);
    const question = page.getByRole('dialog', { name: 'Replace the link to Acme Platform?' });
    await question.waitFor();
    expect(await question.textContent()).toContain('Ada Lovelace');
    // The safe answer has the focus.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Keep the current link');
    await page.screenshot({ path: `${SCREENSHOTS}/demo-replace.png` });
    await question.getByRole('button', { name: 'Keep the current link' }).click();
    await question.waitFor({ state: 'hidden' });
    await dialog().getByText('Nothing changed: Acme Platform stays linked with its current key.', { exact: false }).waitFor();
    expect(await storedRows()).toEqual(before);
    expect(await backend.store.readKey(ACCOUNTS.primary.id)).toBe(TOKENS.pat);

    await dialog().getByLabel('API Key').press('Enter');
    await question.waitFor();
    await question.getByRole('button', { name: 'Replace' }).click();
    // A service account may not read the account's name: the confirmation says "Harness account".
    await dialog().getByRole('heading', { name: 'Harness account connected to Shipyard' }).waitFor();
    expect(await dialog().textContent()).toContain('deploy-bot');
    await dialog().getByRole('button', { name: 'Done' }).click();
    await page.getByRole('status').filter({ hasText: `Replaced the link to Harness account ${ACCOUNTS.primary.id}` }).waitFor();

    const [account] = await backend.store.list();
    expect(account).toMatchObject({
      accountId: ACCOUNTS.primary.id,
      // The service account may not read the account's name: the one already known stays.
      accountName: 'Acme Platform',
      principal: { kind: 'service_account', name: 'deploy-bot' },
      tokenKind: 'sat',
    });
    expect(await backend.store.readKey(ACCOUNTS.primary.id)).toBe(TOKENS.sat);
  });

  describe('its server', () => {
    /** The requests the Harness mock has received so far. */
    function harnessRequests(): number {
      return backend.harness.mock!.mock.requests.filter((r) => r.method !== 'OPTIONS').length;
    }

    it('gives a client a fixed number of connect attempts a minute; the next gets 429 with Retry-After, and Harness never hears of it', async () => {
      for (let attempt = 0; attempt < CONNECT_ATTEMPTS_PER_WINDOW; attempt += 1) {
        expect((await postConnect(TOKENS.revoked)).status).toBe(422);
      }
      const before = harnessRequests();

      const refused = await postConnect(TOKENS.pat);
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'rate_limited' } });

      // The person in the browser (the same client address) is told to wait, and nothing is linked.
      await connectWith(TOKENS.pat);
      // In the widget's own words (so in the person's language), with the wait the route gave counted down.
      await dialog().getByText('Too many attempts for now. Wait a moment, then try again.').waitFor();
      await dialog().getByRole('button', { name: /^Try again in \d+ s$/ }).waitFor();
      expect(harnessRequests()).toBe(before);
      expect(await linkedIds()).toEqual([]);
    });

    it('refuses every read, change and use of a stored key to a page on another localhost origin (403)', async () => {
      expect((await postConnect(TOKENS.pat)).status).toBe(200);
      expect(await linkedIds()).toEqual([ACCOUNTS.primary.id]);
      const stored = await storedRows();
      const before = harnessRequests();

      // Another app on the same machine: Vite answers its CORS preflights, so only the origin check stands.
      const other = createHttpServer((_request, response) => {
        response.setHeader('content-type', 'text/html');
        response.end('<title>Another local app</title>');
      });
      await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
      let statuses: number[];
      try {
        await page.goto(`http://localhost:${(other.address() as AddressInfo).port}/`);
        statuses = await page.evaluate(
          async ({ target, accountId, apiKey }) => {
            const json = { 'content-type': 'application/json' };
            const calls: Array<[string, RequestInit]> = [
              ['/api/accounts', { method: 'GET' }],
              [`/api/accounts/${accountId}`, { method: 'DELETE' }],
              ['/api/harness/connect', { method: 'POST', headers: json, body: JSON.stringify({ apiKey }) }],
              [`/api/harness/connect?replace=${accountId}`, { method: 'POST', headers: json, body: JSON.stringify({ apiKey }) }],
              [`/api/harness/connect?renew=${accountId}`, { method: 'POST', headers: json, body: JSON.stringify({ apiKey }) }],
              [`/api/accounts/${accountId}/check`, { method: 'POST' }],
              [`/api/accounts/${accountId}/projects`, { method: 'GET' }],
              [`/api/simulate/revoke/${accountId}`, { method: 'POST' }],
              ['/api/simulate/reset', { method: 'POST' }],
            ];
            const answers = await Promise.all(calls.map(([path, init]) => fetch(`${target}${path}`, init)));
            return answers.map((answer) => answer.status);
          },
          { target: origin, accountId: ACCOUNTS.primary.id, apiKey: TOKENS.sat },
        );
      } finally {
        await new Promise((resolve) => other.close(resolve));
      }

      expect(statuses).toEqual([403, 403, 403, 403, 403, 403, 403, 403, 403]);
      expect(await storedRows()).toEqual(stored);
      expect(harnessRequests()).toBe(before);
    });
  });
});
