/**
 * Shipyard on the narrowest phone a page is expected to fit (320 CSS px), in Chromium: nothing makes a page
 * wider than the screen (a wider page is zoomed out on a phone, and the connect window is centred on the wider
 * page, off-screen), and an account id stays whole.
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoApiPlugin, DemoBackend } from '../../demo/server/api.ts';
import { HARNESS_FIXTURE_ACCOUNTS as ACCOUNTS, HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/fixtures.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { SHIPYARD_START_TIMEOUT_MS, removeShipyardDataDir, resetShipyard, startShipyard, useShipyardDataDir } from '../support/shipyard.ts';

const ACME = ACCOUNTS.primary.id;
const SCREENSHOTS = 'test-results/screenshots';
/** The narrowest phone screen in common use (an iPhone SE of the first generation), in CSS pixels. */
const NARROW_WIDTH = 320;
const NARROW_HEIGHT = 640;

/** A phone (the meta viewport applies, and a wide page is zoomed out) and a desktop window as narrow. */
const SCREENS: Array<{ name: string; options: BrowserContextOptions }> = [
  {
    name: 'a phone',
    options: { viewport: { width: NARROW_WIDTH, height: NARROW_HEIGHT }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  },
  { name: 'a narrow desktop window', options: { viewport: { width: NARROW_WIDTH, height: NARROW_HEIGHT } } },
];

let dataDir: string;
let server: ViteDevServer;
let api: DemoApiPlugin['api'];
let backend: DemoBackend;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  dataDir = await useShipyardDataDir('narrow');
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
});

afterEach(async () => {
  await context?.close();
});

/** Links the pat fixture the way the page's route does (same origin: no Origin header). */
async function linkAcme(): Promise<void> {
  const response = await fetch(`${origin}/api/harness/connect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey: TOKENS.pat }),
  });
  expect(response.status).toBe(200);
}

/** How wide the page is laid out, and how wide the window shows it. */
function widths(): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

/** Where the open connect window is, in the window's coordinates (it lives in the widget's shadow root). */
function openDialogBox(): Promise<{ left: number; right: number; top: number; width: number } | null> {
  return page.evaluate(() => {
    for (const host of document.querySelectorAll('[data-harness-connect]')) {
      const dialog = host.shadowRoot?.querySelector('dialog[open]');
      if (!dialog) continue;
      const box = dialog.getBoundingClientRect();
      return { left: box.left, right: box.right, top: box.top, width: box.width };
    }
    return null;
  });
}

async function expectFitsTheScreen(what: string): Promise<void> {
  const { scrollWidth, innerWidth } = await widths();
  expect(scrollWidth, `${what}: the page's width`).toBeLessThanOrEqual(NARROW_WIDTH);
  // A phone shows a wider page zoomed out: the window then reports the page's width, not the screen's.
  expect(innerWidth, `${what}: the window's width`).toBe(NARROW_WIDTH);
}

async function expectDialogOnScreen(what: string): Promise<void> {
  const box = await openDialogBox();
  expect(box, `${what}: an open connect window`).not.toBeNull();
  expect(box!.width, `${what}: the connect window's width`).toBeGreaterThan(0);
  expect(box!.left, `${what}: the connect window's left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.right, `${what}: the connect window's right edge`).toBeLessThanOrEqual(NARROW_WIDTH);
  expect(box!.top, `${what}: the connect window's top edge`).toBeGreaterThanOrEqual(0);
}

describe('Shipyard at 320 px', () => {
  for (const screen of SCREENS) {
    it(`fits every page, and the connect window, on ${screen.name}`, async () => {
      await linkAcme();
      context = await browser.newContext(screen.options);
      page = await context.newPage();
      const shot = screen.options.isMobile ? 'phone' : 'desktop';

      // Integrations, in every look and with the longest names the picker offers.
      await page.goto(`${origin}/#/integrations`);
      await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
      await page.getByRole('button', { name: 'Copy the pat key' }).waitFor();
      await expectFitsTheScreen('Integrations');
      await page.screenshot({ path: `${SCREENSHOTS}/demo-320-${shot}-integrations.png`, fullPage: true });
      await page.getByRole('button', { name: 'Connect Harness' }).click();
      await page.getByRole('dialog', { name: 'Connect Harness to Shipyard' }).waitFor();
      await expectDialogOnScreen('Connect on Integrations');
      await page.screenshot({ path: `${SCREENSHOTS}/demo-320-${shot}-connect.png` });
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Connect Harness to Shipyard' }).waitFor({ state: 'hidden' });

      // Accounts, with a linked account, its projects and the Simulate menu open.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Accounts/ }).click();
      const card = page.getByRole('article', { name: 'Acme Platform' });
      await card.getByRole('list', { name: 'Harness projects' }).waitFor();
      await expectFitsTheScreen('Accounts');
      await card.getByText('Simulate').click();
      await card.getByRole('button', { name: 'Revoke the key in Harness' }).waitFor();
      await expectFitsTheScreen('Accounts with Simulate open');
      await page.screenshot({ path: `${SCREENSHOTS}/demo-320-${shot}-accounts.png`, fullPage: true });
      await card.getByRole('button', { name: 'Reconnect' }).click();
      await page.getByRole('dialog', { name: 'Reconnect Harness to Shipyard' }).waitFor();
      await expectDialogOnScreen('Reconnect on Accounts');
      await page.keyboard.press('Escape');

      // Accounts with nothing linked.
      await backend.store.clear();
      await page.reload();
      await page.getByText('No Harness account is linked yet.').waitFor();
      await expectFitsTheScreen('Accounts, empty');

      // The connect window right to left, in Arabic (the language is in the address).
      await page.goto(`${origin}/?locale=ar#/integrations`);
      await page.getByRole('button', { name: 'Connect Harness' }).click();
      await page.getByRole('dialog', { name: /^ربط Harness/u }).waitFor();
      await expectFitsTheScreen('Integrations in Arabic');
      await expectDialogOnScreen('Connect in Arabic');
    });
  }

  it('keeps an account id whole on the Accounts page, on one line, all of it readable', async () => {
    await linkAcme();
    context = await browser.newContext(SCREENS[0]!.options);
    page = await context.newPage();
    await page.goto(`${origin}/#/accounts`);
    const card = page.getByRole('article', { name: 'Acme Platform' });
    await card.waitFor();

    const id = card.locator('.account-head code');
    /** Whether the id shows on one line, and all of it (not cut by an ellipsis). */
    const shown = () =>
      id.evaluate((element) => {
        const style = getComputedStyle(element);
        return {
          oneLine: element.getBoundingClientRect().height < parseFloat(style.lineHeight) * 1.5,
          clipped: element.scrollWidth > element.clientWidth,
        };
      });
    expect(await id.textContent()).toBe(ACME);
    // The token hint breaks only at its dots: its last four characters stay beside the ellipsis.
    const hintTail = card.locator('.token-hint > span').last();
    expect(await hintTail.textContent()).toMatch(/^…\w{4}$/);
    const tailLines = await hintTail.evaluate((element) => element.getClientRects().length);
    expect(tailLines).toBe(1);
    // Where an id is longer than the card is wide, its end is cut off: the whole id is still there to read.
    expect(await id.getAttribute('title')).toBe(ACME);
    await expect(shown()).resolves.toEqual({ oneLine: true, clipped: false });

    // The wider badge of a broken connection beside the name.
    await card.getByText('Simulate').click();
    await card.getByRole('button', { name: 'Revoke the key in Harness' }).click();
    await card.getByRole('button', { name: 'Revoke the key in Harness' }).waitFor({ state: 'hidden' });
    await card.getByRole('button', { name: 'Check', exact: true }).click();
    await card.getByText('Needs reconnect').waitFor();
    await expect(shown()).resolves.toEqual({ oneLine: true, clipped: false });
    await card.locator('.account-head').screenshot({ path: `${SCREENSHOTS}/demo-320-account-id.png` });
  });
});
