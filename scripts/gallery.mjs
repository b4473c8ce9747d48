#!/usr/bin/env node
/**
 * `npm run gallery`: every story of the built Storybook rendered in Chromium in light and dark, in English,
 * Arabic and Japanese, 1024 and 320 px wide, plus Windows-style forced colours (English and Arabic, both
 * widths); axe run on each. Writes gallery/ (not committed): one PNG and one thumbnail per render,
 * gallery/index.html to look through them (grouped by story, each thumbnail linking to the full size, axe
 * violations and plays that did not finish listed) and gallery/report.json.
 *
 *   npm run gallery                       build Storybook, render everything (several minutes)
 *   npm run gallery -- --only success     only stories whose id contains "success"
 *   npm run gallery -- --no-build         reuse storybook-static/ as it is
 *   npm run gallery -- --jobs 1           pages rendered at once (default 2)
 *   npm run gallery -- --docs             only the README's images, written to docs/
 *
 * A story is rendered alone (iframe.html?id=…) with the toolbar's globals in the URL, and its play function
 * runs as in Storybook: the picture is the state the play leaves. A play that fails or does not finish is
 * shown as such in the index, with the picture of where it stopped.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';
import { writeIndex, writeThumbnail } from './gallery-index.mjs';
import { runAxe, serveStatic, settle } from './visual.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STORYBOOK_DIR = join(root, 'storybook-static');
const OUT_DIR = join(root, 'gallery');

const LOCALES = ['en', 'ar', 'ja'];
const SCHEMES = ['light', 'dark'];
/** Window sizes: a laptop, and the narrowest phone a page must work on (WCAG 1.4.10 reflow's 320 CSS px). */
const SIZES = [
  { width: 1024, height: 768 },
  { width: 320, height: 640 },
];
/** Forced colours (Windows high contrast) in both directions; the language's script matters less there. */
const FORCED_COLORS_LOCALES = ['en', 'ar'];

/**
 * How long a story may take from navigation to the end of its play. Stories play in about 1 s (2 s on a busy
 * 2-core machine); a play still running after this is stuck and shown as such. (A play that fails with an
 * uncaught error is known at once; see recordStorybookEvents.)
 */
const PLAY_TIMEOUT_MS = 8_000;

/** Storybook's own furniture in the story's page, left out of axe's run (as the a11y addon does). */
const STORYBOOK_FURNITURE = ['.sb-wrapper', '#storybook-docs', '#storybook-highlights-root'];

/** The README's pictures, written by `npm run gallery -- --docs`: what a first look at the widget should show. */
const README_IMAGES = [
  { file: 'docs/gallery-guide.png', story: 'harnessconnect--generate-key-step', scheme: 'light', locale: 'en', width: 1024 },
  { file: 'docs/gallery-form-ar-dark.png', story: 'harnessconnect--form-reached-with-next', scheme: 'dark', locale: 'ar', width: 1024 },
  { file: 'docs/gallery-confirmation-ja.png', story: 'harnessconnect--success', scheme: 'light', locale: 'ja', width: 320 },
];

const { values: options } = parseArgs({
  options: {
    only: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    jobs: { type: 'string', default: '2' },
    docs: { type: 'boolean', default: false },
  },
});

function fail(message) {
  console.error(`gallery: ${message}`);
  process.exit(1);
}

function run(command, args) {
  console.log(`gallery: $ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false, cwd: root });
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` failed`);
}

/** The name of one render, also its file name: `dark-ar-320`, `forced-en-1024`. */
const variantName = ({ scheme, locale, width }) => `${scheme}-${locale}-${width}`;

/** Every combination, in the order the index shows them. */
function allVariants() {
  const variants = [];
  for (const { width } of SIZES) {
    for (const scheme of SCHEMES) for (const locale of LOCALES) variants.push({ scheme, locale, width });
    for (const locale of FORCED_COLORS_LOCALES) variants.push({ scheme: 'forced', locale, width });
  }
  return variants;
}

/**
 * Records the events of Storybook's preview channel a render ends with, before any story code runs: the
 * channel is created by the preview's first module, so its global is trapped as it is assigned.
 */
function recordStorybookEvents() {
  const record = { globalTypes: null, finished: null, errors: [] };
  window.__gallery = record;
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value) => {
      channel = value;
      channel.on('setGlobals', ({ globalTypes }) => (record.globalTypes = globalTypes));
      channel.on('storyFinished', ({ status }) => (record.finished = status));
      for (const event of ['playFunctionThrewException', 'storyThrewException', 'storyErrored']) {
        channel.on(event, (error) => record.errors.push(error?.message ?? error?.title ?? String(error)));
      }
      channel.on('storyMissing', (id) => record.errors.push(`no story ${id}`));
    },
  });
  // An error no one catches ends the play for good: a query that times out on a shadow root throws from
  // Testing Library's own timer (its error message cannot print a ShadowRoot), and the play then waits forever.
  window.addEventListener('error', (event) => record.errors.push(`uncaught: ${event.message}`));
  window.addEventListener('unhandledrejection', (event) => record.errors.push(`unhandled rejection: ${event.reason?.message ?? event.reason}`));
}

/** The toolbar's global names and values that give a scheme, a language and no automatic a11y run. */
function globalsFor(globalTypes, { scheme, locale }) {
  const itemsOf = (name) => (globalTypes[name]?.toolbar?.items ?? []).map((item) => (typeof item === 'string' ? item : item.value));
  // The toolbar may offer the scheme as `colorScheme` or among other looks (`look`): whichever has `dark`.
  const schemeGlobal = ['colorScheme', 'look'].find((name) => itemsOf(name).includes('dark'));
  if (schemeGlobal === undefined) fail('the Storybook toolbar has no global offering "dark" (colorScheme or look): update globalsFor');
  if (!itemsOf('locale').includes(locale)) fail(`the Storybook toolbar's locale global does not offer "${locale}"`);
  // Forced colours replace the page's colours: the light scheme underneath, as Windows' own contrast themes do.
  const schemeValue = scheme === 'forced' ? 'light' : scheme;
  // The a11y addon's own axe run is switched off: the gallery runs axe itself, once, with visual.mjs's settings.
  return `${schemeGlobal}:${schemeValue};locale:${locale};a11y.manual:!true`;
}

/** Reads the toolbar's globals from the preview (they decide the URLs of every render). */
async function readGlobalTypes(page, origin) {
  await page.goto(`${origin}/iframe.html`);
  await page.waitForFunction(() => window.__gallery.globalTypes !== null, null, { timeout: PLAY_TIMEOUT_MS });
  return page.evaluate(() => window.__gallery.globalTypes);
}

/** Renders one story in one variant: the picture, axe's violations and how its play ended. */
async function renderStory(page, origin, globalTypes, story, variant) {
  const size = SIZES.find(({ width }) => width === variant.width);
  await page.setViewportSize(size);
  await page.emulateMedia({
    colorScheme: variant.scheme === 'dark' ? 'dark' : 'light',
    forcedColors: variant.scheme === 'forced' ? 'active' : 'none',
  });
  const started = Date.now();
  const url = `${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=${globalsFor(globalTypes, variant)}`;
  await page.goto(url);
  let play = 'played';
  try {
    await page.waitForFunction(() => window.__gallery.finished !== null || window.__gallery.errors.length > 0, null, { timeout: PLAY_TIMEOUT_MS });
  } catch {
    play = 'timed out';
  }
  const { errors, finished } = await page.evaluate(() => window.__gallery);
  if (errors.length > 0 || finished === 'error') play = 'failed';
  await settle(page);
  const picture = await page.screenshot();
  const violations = await runAxe(page, { exclude: STORYBOOK_FURNITURE });
  // What the widget ended up in, as a check that the globals took effect.
  const shown = await page.evaluate(() => {
    const host = document.querySelector('[data-harness-connect]');
    return { lang: host?.shadowRoot?.querySelector('[lang]')?.getAttribute('lang') ?? null, scheme: host?.getAttribute('data-color-scheme') ?? null };
  });
  return { picture, violations, play, errors, shown, ms: Date.now() - started };
}

async function main() {
  const jobs = Number(options.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) fail(`--jobs takes a whole number of pages, got ${options.jobs}`);
  run(process.execPath, [join(root, 'scripts', 'ensure-chromium.mjs')]);
  if (!options['no-build']) run('npm', ['run', 'build-storybook']);

  const index = JSON.parse(readFileSync(join(STORYBOOK_DIR, 'index.json'), 'utf8'));
  const allStories = Object.values(index.entries).filter((entry) => entry.type === 'story');
  const stories = options.only ? allStories.filter((story) => story.id.includes(options.only)) : allStories;
  if (stories.length === 0) fail(`no story id contains "${options.only}"`);

  const tasks = options.docs
    ? README_IMAGES.map(({ story, file, ...variant }) => ({ story: allStories.find((entry) => entry.id === story), variant, docsFile: file }))
    : stories.flatMap((story) => allVariants().map((variant) => ({ story, variant })));
  const missing = tasks.find(({ story }) => story === undefined);
  if (missing) fail(`README_IMAGES names a story Storybook does not have: ${missing.docsFile}`);
  if (!options.docs) {
    rmSync(OUT_DIR, { recursive: true, force: true });
    mkdirSync(OUT_DIR, { recursive: true });
  }

  const server = await serveStatic(STORYBOOK_DIR);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  const results = [];
  const started = Date.now();
  try {
    const pages = await Promise.all(
      Array.from({ length: Math.min(jobs, tasks.length) }, async () => {
        const context = await browser.newContext();
        await context.addInitScript(recordStorybookEvents);
        return context.newPage();
      }),
    );
    const globalTypes = await readGlobalTypes(pages[0], server.origin);
    let next = 0;
    await Promise.all(
      pages.map(async (page) => {
        while (next < tasks.length) {
          const task = tasks[next++];
          const name = variantName(task.variant);
          const result = await renderStory(page, server.origin, globalTypes, task.story, task.variant);
          const entry = { story: task.story, variant: task.variant, name, ...result, picture: undefined };
          if (task.docsFile) {
            if (result.play !== 'played') fail(`the play of ${task.story.id} (${name}) ${result.play}: ${result.errors.join('; ')}`);
            writeFileSync(join(root, task.docsFile), result.picture);
          } else {
            mkdirSync(join(OUT_DIR, task.story.id), { recursive: true });
            writeFileSync(join(OUT_DIR, task.story.id, `${name}.png`), result.picture);
            writeThumbnail(result.picture, join(OUT_DIR, task.story.id, `${name}.thumb.png`));
          }
          results.push(entry);
          const notes = [result.play === 'played' ? '' : `play ${result.play}`, result.violations.length ? `${result.violations.length} axe` : '']
            .filter(Boolean)
            .join(', ');
          console.log(`gallery: [${results.length}/${tasks.length}] ${task.story.id} ${name} ${result.ms} ms${notes ? ` (${notes})` : ''}`);
        }
      }),
    );
  } finally {
    await browser.close();
    await server.close();
  }

  const seconds = Math.round((Date.now() - started) / 1000);
  const violations = results.reduce((sum, result) => sum + result.violations.length, 0);
  const unfinished = results.filter((result) => result.play !== 'played').length;
  if (options.docs) {
    console.log(`gallery: wrote ${README_IMAGES.map(({ file }) => file).join(', ')} (${violations} axe violations)`);
    return;
  }
  const order = new Map(stories.map((story, position) => [story.id, position]));
  const variantOrder = new Map(allVariants().map((variant, position) => [variantName(variant), position]));
  results.sort((a, b) => order.get(a.story.id) - order.get(b.story.id) || variantOrder.get(a.name) - variantOrder.get(b.name));
  writeFileSync(join(OUT_DIR, 'report.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeIndex(OUT_DIR, { stories, results, seconds });
  console.log(`gallery: ${results.length} renders of ${stories.length} stories in ${seconds} s: ${violations} axe violations, ${unfinished} plays failed or unfinished`);
  console.log(`gallery: open ${join(OUT_DIR, 'index.html')}`);
}

await main();
