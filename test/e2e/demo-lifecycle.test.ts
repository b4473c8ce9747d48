/**
 * The life of a linked account in Shipyard (#14), end to end in Chromium: what is linked survives a restart
 * of the server, a revoked key shows up on Check, Reconnect renews the stored key (and refuses another
 * account's or another principal's key without changing anything), and the key is never on disk in clear.
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoApiPlugin, DemoBackend } from '../../demo/server/api.ts';
import { SECRET_FILE } from '../../demo/server/shipyard-secret.ts';
import {
  HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS,
  HARNESS_FIXTURE_TOKEN_IDS as TOKEN_IDS,
  HARNESS_FIXTURE_TOKENS as TOKENS,
} from '../../src/testing/fixtures.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { SHIPYARD_START_TIMEOUT_MS, removeShipyardDataDir, resetShipyard, startShipyard, useShipyardDataDir } from '../support/shipyard.ts';

const ACME = ACCOUNTS.primary.id;
const SCREENSHOTS = 'test-results/screenshots';
const secretOf = (token: string) => token.slice(token.lastIndexOf('.') + 1);

let dataDir: string;
let server: ViteDevServer;
let api: DemoApiPlugin['api'];
let backend: DemoBackend;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** Closes the server (and with it the database and the mock) and starts a new one on the same data. */
async function restartShipyard(): Promise<void> {
  await server.close();
  ({ server, origin, api, backend } = await startShipyard());
}

/** The row as stored, sealed key included: what "nothing stored changed" compares. */
async function storedRow(accountId: string): Promise<Record<string, unknown> | undefined> {
  const result = await backend.db.query<Record<string, unknown>>('SELECT * FROM harness_connections WHERE account_id = $1', [accountId]);
  return result.rows[0];
}

/**
 * How many verifications (`token/validate`) the Harness mock has received so far, or requests of any kind for
 * one account. (The Accounts page lists projects with the stored key as it opens, so a plain count moves.)
 */
function harnessRequests(filter: { accountId?: string } = {}): number {
  return backend.harness.mock!.mock.requests.filter((request) =>
    filter.accountId === undefined ? request.path.endsWith('/token/validate') : request.accountIdentifier === filter.accountId,
  ).length;
}

/** Every file under a directory, with its path. */
async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  dataDir = await useShipyardDataDir('lifecycle');
  ({ server, origin, api, backend } = await startShipyard());
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  await mkdir(SCREENSHOTS, { recursive: true });
}, SHIPYARD_START_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeShipyardDataDir(dataDir);
});

beforeEach(async () => {
  await resetShipyard({ api, backend });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterEach(async () => {
  await context?.close();
});

const connectDialog = () => page.getByRole('dialog', { name: 'Connect Harness to Shipyard' });
const reconnectDialog = () => page.getByRole('dialog', { name: 'Reconnect Harness to Shipyard' });
const acmeCard = () => page.getByRole('article', { name: 'Acme Platform' });

/** Links an account through the Integrations page, as a person does. */
async function linkInBrowser(token: string): Promise<void> {
  await page.goto(`${origin}/#/integrations`);
  await page.getByRole('button', { name: 'Connect Harness' }).click();
  await connectDialog().getByRole('button', { name: 'I already have an API key' }).click();
  await connectDialog().getByLabel('API Key').fill(token);
  await connectDialog().getByLabel('API Key').press('Enter');
  await connectDialog().getByRole('heading', { name: 'Acme Platform is connected to Shipyard' }).waitFor();
  await connectDialog().getByRole('button', { name: 'Done' }).click();
  await connectDialog().waitFor({ state: 'hidden' });
}

/** Links an account the way the page's route does, without a browser (same origin: no Origin header). */
async function linkDirectly(token: string): Promise<void> {
  const response = await fetch(`${origin}/api/harness/connect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey: token }),
  });
  expect(response.status).toBe(200);
}

async function openAccounts(): Promise<void> {
  await page.goto(`${origin}/#/accounts`);
  await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
  await acmeCard().waitFor();
}

/** Opens Reconnect on the Acme card and submits a key. */
async function reconnectWith(token: string): Promise<void> {
  await acmeCard().getByRole('button', { name: 'Reconnect' }).click();
  await reconnectDialog().waitFor();
  await reconnectDialog().getByRole('button', { name: 'I already have an API key' }).click();
  await reconnectDialog().getByLabel('API Key').fill(token);
  await reconnectDialog().getByLabel('API Key').press('Enter');
}

async function projectNames(): Promise<string[]> {
  const list = acmeCard().getByRole('list', { name: 'Harness projects' });
  await list.waitFor();
  return list.getByRole('listitem').locator('.project-name').allTextContents();
}

describe('Shipyard keeps what it links', () => {
  it('link → restart → still linked → revoked in Harness → Check says revoked → Reconnect → Check says ok, projects list again', async () => {
    await linkInBrowser(TOKENS.pat);

    await restartShipyard();
    // A fresh mock and a fresh database handle: only what is on disk carried the link over.
    expect(harnessRequests()).toBe(0);
    expect((await backend.store.list()).map((account) => account.accountId)).toEqual([ACME]);

    await openAccounts();
    const card = acmeCard();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Ada Lovelace');
    expect(text).toContain('Personal access token');
    expect(await projectNames()).toEqual(['Payments API', 'Web Storefront', 'Data Platform']);
    await card.locator('[data-check-status="ok"]').waitFor();

    // An admin revokes the key in Harness: the Simulate menu tells the mock.
    await card.getByText('Simulate').click();
    await page.screenshot({ path: `${SCREENSHOTS}/demo-simulate.png` });
    await card.getByRole('button', { name: 'Revoke the key in Harness' }).click();
    await page.getByRole('status').filter({ hasText: 'Harness now answers REVOKED_TOKEN' }).waitFor();

    await card.getByRole('button', { name: 'Check', exact: true }).click();
    await card.locator('[data-check-status="revoked"]').waitFor();
    expect(await card.locator('[data-check-status]').textContent()).toContain('Revoked');
    await card.getByText('Needs reconnect').waitFor();
    // Not a success: the page says so in the colours of a problem, and says what to do.
    const checked = page.getByRole('status').filter({ hasText: 'Checked Acme Platform: Revoked.' });
    await checked.waitFor();
    expect(await checked.textContent()).toContain('Reconnect with a new key.');
    expect(await checked.getAttribute('data-tone')).toBe('danger');
    const background = (locator: typeof checked) => locator.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(await background(checked)).toBe(await background(card.getByText('Needs reconnect')));
    // The stored key no longer lists projects either.
    await card.locator('[data-problem="key_refused"]').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/demo-revoked.png` });

    await reconnectWith(TOKENS.patRotated);
    await reconnectDialog().getByRole('heading', { name: 'Connection of Acme Platform to Shipyard renewed' }).waitFor();
    expect(await reconnectDialog().textContent()).toContain('Ada Lovelace');
    await reconnectDialog().getByRole('button', { name: 'Done' }).click();
    await reconnectDialog().waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: 'Renewed the key of Acme Platform.' }).waitFor();

    await card.getByRole('button', { name: 'Check', exact: true }).click();
    await card.locator('[data-check-status="ok"]').waitFor();
    await card.getByText('Healthy').waitFor();
    const healthy = page.getByRole('status').filter({ hasText: 'Checked Acme Platform: OK.' });
    expect(await healthy.getAttribute('data-tone')).toBe('ok');
    expect(await background(healthy)).toBe(await background(card.getByText('Healthy')));
    expect(await projectNames()).toEqual(['Payments API', 'Web Storefront', 'Data Platform']);
    expect(await backend.store.readKey(ACME)).toBe(TOKENS.patRotated);
  });

  it('Simulate turns a healthy connection into each kind of "needs reconnect", and Undo brings it back', async () => {
    await linkDirectly(TOKENS.pat);
    await openAccounts();
    const card = acmeCard();
    await card.locator('[data-check-status="ok"]').waitFor();

    /** Runs one simulation from the menu, then Check, and waits for the status it should give. */
    async function simulateThenCheck(action: string, status: string): Promise<string> {
      await card.getByText('Simulate').click();
      await card.getByRole('button', { name: action }).click();
      // The menu closes once the mock has changed.
      await card.getByRole('button', { name: action }).waitFor({ state: 'hidden' });
      await card.getByRole('button', { name: 'Check', exact: true }).click();
      await card.locator(`[data-check-status="${status}"]`).waitFor();
      return (await card.locator('[data-check-status]').textContent()) ?? '';
    }

    const missing = await simulateThenCheck('Take away “Execute pipelines”', 'permissions_missing');
    expect(missing).toContain('Missing permissions');
    expect(missing).toContain('Execute pipelines');
    await card.getByText('Needs reconnect').waitFor();

    await simulateThenCheck('Undo all simulations', 'ok');
    const expired = await simulateThenCheck('Move Harness’s clock past the expiry', 'expired');
    expect(expired).toContain('Expired');
    await card.locator('[data-expiry="expired"]').waitFor();

    await simulateThenCheck('Undo all simulations', 'ok');
    await card.getByText('Healthy').waitFor();
  });

  it('Reconnect with a new key of the same person replaces the stored key in place', async () => {
    await linkDirectly(TOKENS.pat);
    const before = await storedRow(ACME);
    expect(await backend.store.readKey(ACME)).toBe(TOKENS.pat);

    await openAccounts();
    await reconnectWith(TOKENS.patRotated);
    await reconnectDialog().getByRole('heading', { name: 'Connection of Acme Platform to Shipyard renewed' }).waitFor();

    expect(await backend.store.readKey(ACME)).toBe(TOKENS.patRotated);
    const after = await storedRow(ACME);
    expect(after).toBeDefined();
    // The same row, the same principal, a new sealed key under a new IV, and no other row.
    expect(after!.principal_identifier).toBe(before!.principal_identifier);
    expect(after!.token_id).toBe(TOKEN_IDS.patRotated);
    expect(Buffer.from(after!.key_iv as Uint8Array).equals(Buffer.from(before!.key_iv as Uint8Array))).toBe(false);
    expect(Buffer.from(after!.key_sealed as Uint8Array).equals(Buffer.from(before!.key_sealed as Uint8Array))).toBe(false);
    expect(after!.renewed_at).toBeInstanceOf(Date);
    expect(await backend.store.list()).toHaveLength(1);
  });

  it('refuses another account’s key before any request to Harness, and changes nothing', async () => {
    await linkDirectly(TOKENS.pat);
    const before = await storedRow(ACME);
    const requests = harnessRequests();

    await openAccounts();
    await reconnectWith(TOKENS.otherAccount);
    const key = reconnectDialog().getByLabel('API Key');
    await reconnectDialog().locator('input[name="apiKey"][aria-invalid="true"]').waitFor();
    const describedBy = (await key.getAttribute('aria-describedby')) ?? '';
    const said = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => reconnectDialog().locator(`[id="${id}"]`).textContent()));
    expect(said.join(' ')).toContain(ACCOUNTS.other.id);

    // The route refuses it as well, for a client that skips the widget's own check.
    const refused = await fetch(`${origin}/api/harness/connect?renew=${ACME}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: TOKENS.otherAccount }),
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'account_mismatch', field: 'apiKey' } });

    expect(harnessRequests()).toBe(requests);
    expect(harnessRequests({ accountId: ACCOUNTS.other.id })).toBe(0);
    expect(await storedRow(ACME)).toEqual(before);
    expect(await backend.store.readKey(ACME)).toBe(TOKENS.pat);
  });

  it('refuses another principal’s key (the service account) after Harness verified it, and changes nothing', async () => {
    await linkDirectly(TOKENS.pat);
    const before = await storedRow(ACME);
    const requests = harnessRequests();

    await openAccounts();
    await reconnectWith(TOKENS.sat);
    await reconnectDialog().locator('input[name="apiKey"][aria-invalid="true"]').waitFor();
    expect(await reconnectDialog().textContent()).toContain('This key acts as deploy-bot, not');
    await expect(reconnectDialog().getByRole('heading', { name: /renewed/ }).count()).resolves.toBe(0);

    // Harness was asked (the key had to be verified to learn who it acts as), and still nothing changed.
    expect(harnessRequests()).toBeGreaterThan(requests);
    expect(await storedRow(ACME)).toEqual(before);
    expect(await backend.store.readKey(ACME)).toBe(TOKENS.pat);
  });

  it('never writes the key, or its secret part, to disk in clear', async () => {
    await linkDirectly(TOKENS.pat);
    await openAccounts();
    await reconnectWith(TOKENS.patRotated);
    await reconnectDialog().getByRole('heading', { name: 'Connection of Acme Platform to Shipyard renewed' }).waitFor();
    // Closing flushes everything PGlite holds in memory to its files.
    await server.close();

    const files = await filesUnder(dataDir);
    const contents = await Promise.all(files.map(async (file) => ({ file, bytes: await readFile(file) })));
    // The scan sees what is stored in clear (the account id, the hint), so it would see a key too.
    expect(contents.some(({ bytes }) => bytes.includes(ACME))).toBe(true);
    for (const token of [TOKENS.pat, TOKENS.patRotated]) {
      for (const { file, bytes } of contents) {
        expect(bytes.includes(token), file).toBe(false);
        expect(bytes.includes(secretOf(token)), file).toBe(false);
        expect(bytes.includes(Buffer.from(secretOf(token), 'utf16le')), file).toBe(false);
      }
    }
    // The generated secret is the owner's alone.
    expect((await stat(join(dataDir, SECRET_FILE))).mode & 0o777).toBe(0o600);

    ({ server, origin, api, backend } = await startShipyard());
    expect(await backend.store.readKey(ACME)).toBe(TOKENS.patRotated);
  });
});
