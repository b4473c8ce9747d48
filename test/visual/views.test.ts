/**
 * The widget's views as a person sees them, in Chromium at 1024 × 768:
 * - the main views in English, light and dark, look as their committed baselines do (test/visual/baselines/,
 *   compared with a tolerance for font hinting: see compare.ts); update them with
 *   `UPDATE_BASELINES=1 npx vitest run --project visual`;
 * - axe finds nothing in any view, light and dark, left to right (English) and right to left (Arabic), and
 *   again with forced colours (Windows high contrast) in both directions.
 *
 * The views are rendered on a small page (test/visual/page/) built with Vite once for the file, the default
 * `connect` answered by the Harness mock through msw's service worker; views.ts says how each is reached.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { PNG } from 'pngjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, hasChromium } from '../../scripts/chromium.mjs';
import { runAxe, serveStatic, settle, type StaticServer } from '../../scripts/visual.mjs';
import type { HarnessConnectMessages } from '../../src/index.ts';
import ar from '../../src/widget/i18n/ar.ts';
import { en } from '../../src/widget/i18n/en.ts';
import { compareWithBaseline, countDifferences, MAX_DIFFERING_SHARE } from './compare.ts';
import { VIEWS, type View } from './views.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WINDOW = { width: 1024, height: 768 };
const CATALOGUES: Record<'en' | 'ar', HarnessConnectMessages> = { en, ar };

const VARIANTS = [
  { scheme: 'light', locale: 'en' },
  { scheme: 'dark', locale: 'en' },
  { scheme: 'light', locale: 'ar' },
  { scheme: 'dark', locale: 'ar' },
] as const;

type Variant = (typeof VARIANTS)[number];

/**
 * Forced colours are checked over the light scheme. Over the dark one Chromium paints the text in CanvasText
 * but reports the dark scheme's own text colour as the computed `-webkit-text-fill-color`, which axe reads:
 * every text then fails color-contrast, until the widget's forced-colours styles set its text colours to
 * system colours too.
 */
const FORCED_COLORS_SCHEMES: readonly Variant['scheme'][] = ['light'];

let outDir: string;
let server: StaticServer;
let browser: Browser;
let page: Page;

/** Opens the test page for a view and walks to it; answers once it is painted, the pointer out of the way. */
async function show(view: View, { scheme, locale }: Variant, forcedColors: 'active' | 'none' = 'none') {
  await page.emulateMedia({ forcedColors });
  const query = new URLSearchParams({ scheme, locale, setup: view.setup, ...(view.fault ? { fault: view.fault } : {}) });
  await page.goto(`${server.origin}/?${query}`);
  await page.locator('html[data-ready]').waitFor();
  await view.reach(page, CATALOGUES[locale]);
  // The pointer rests where the last click was, over whatever the new view put there: move it off.
  await page.mouse.move(0, 0);
  await settle(page);
}

const screenshot = () => page.screenshot({ animations: 'disabled', caret: 'hide' });

describe.skipIf(!hasChromium())("the widget's views", () => {
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'harness-connect-views-'));
    await build({
      configFile: false,
      root: resolve(ROOT, 'test/visual/page'),
      // msw's service worker script, served from the root as in the stories.
      publicDir: resolve(ROOT, 'public'),
      plugins: [react()],
      logLevel: 'warn',
      // A production build (React's and the widget's) as hosts ship it, although Vitest runs with NODE_ENV=test.
      mode: 'production',
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      oxc: { jsx: { runtime: 'automatic', development: false } },
      build: { outDir, emptyOutDir: true },
    });
    server = await serveStatic(outDir);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
    page = await (await browser.newContext({ viewport: WINDOW, deviceScaleFactor: 1 })).newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  for (const view of VIEWS) {
    for (const variant of VARIANTS) {
      const compared = view.baseline && variant.locale === 'en';
      const forced = FORCED_COLORS_SCHEMES.includes(variant.scheme);
      const checks = [compared ? 'looks as its baseline' : null, 'axe finds nothing', forced ? 'also in forced colours' : null].filter(Boolean);
      it(`${view.name}, ${variant.scheme}, ${variant.locale}: ${checks.join(', ')}`, async () => {
        await show(view, variant);
        if (compared) {
          const comparison = compareWithBaseline(`${view.name}-${variant.scheme}`, await screenshot());
          expect.soft(comparison.status === 'same' || comparison.status === 'updated', 'message' in comparison ? comparison.message : '').toBe(true);
        }
        expect.soft(await runAxe(page)).toEqual([]);
        if (forced) {
          await page.emulateMedia({ forcedColors: 'active' });
          await settle(page);
          expect.soft(await runAxe(page), 'in forced colours').toEqual([]);
        }
      });
    }
  }

  // The tolerance must not swallow a change a person would notice: the accent colour turned another blue is one.
  it('the comparison sees a change of the accent colour to another blue', async () => {
    await show(VIEWS[0]!, VARIANTS[0]);
    const before = PNG.sync.read(await screenshot());
    await page.evaluate(() => document.querySelector<HTMLElement>('[data-harness-connect]')!.style.setProperty('--hc-color-accent', '#2563eb'));
    await settle(page);
    const after = PNG.sync.read(await screenshot());
    expect(countDifferences(before, after, null)).toBeGreaterThan(before.width * before.height * MAX_DIFFERING_SHARE);
  });
});
