#!/usr/bin/env node
/**
 * Makes sure the Chromium that the browser tests drive is installed, with a font for Japanese.
 *
 * - Chromium already at `$CHROMIUM_PATH` (default `/usr/bin/chromium`) and, on Linux, a font fontconfig
 *   lists for Japanese: exit 0.
 * - Something missing and running as root (a CI machine): `apt-get update` and `apt-get install -y` of the
 *   missing Debian packages (`chromium`, `fonts-noto-cjk`), output streamed; exit 1 with a clear message if
 *   that fails.
 * - Something missing and not root: print what to install and exit 1.
 *
 * The font: without one that covers Japanese, Chromium on Linux draws every kana and kanji as an empty box
 * (the gallery's Japanese pages, a person reviewing them). Debian's Chromium pulls in Latin fonts only
 * (DejaVu, Liberation, whose Arabic DejaVu covers). macOS and Windows ship Japanese fonts, so the check is
 * Linux-only, where fontconfig is how Chromium finds fonts.
 *
 * The path comes from scripts/chromium.mjs, shared with every runner that launches Chromium.
 * Playwright's own browser downloads are never used (`npx playwright install` is not part of this project).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath as configuredChromiumPath } from './chromium.mjs';

const chromiumPath = configuredChromiumPath();

/** Debian's package of Google's Noto Sans/Serif CJK: Japanese, Chinese and Korean in one family. */
const CJK_FONT_PACKAGE = 'fonts-noto-cjk';

/** fontconfig's language tag for Japanese: `fc-list :lang=ja` lists the fonts that cover it. */
const CJK_FONT_LANGUAGE = 'ja';

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

function run(command, args, env = process.env) {
  console.log(`ensure-chromium: $ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false, env });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) {
    const how = result.signal ? `was killed by ${result.signal}` : `exited with code ${result.status}`;
    fail(`\`${command} ${args.join(' ')}\` ${how}; nothing was installed.`);
  }
}

/** True when fontconfig knows a font covering Japanese; false when it knows none or is not installed. */
function hasJapaneseFont() {
  if (process.platform !== 'linux') return true;
  const result = spawnSync('fc-list', [`:lang=${CJK_FONT_LANGUAGE}`, 'family'], { encoding: 'utf8', shell: false });
  return result.status === 0 && result.stdout.trim() !== '';
}

const chromiumFound = existsSync(chromiumPath);
const fontFound = hasJapaneseFont();

if (chromiumFound) console.log(`ensure-chromium: found ${chromiumPath}`);
if (fontFound) console.log('ensure-chromium: found a font for Japanese');
if (chromiumFound && fontFound) process.exit(0);

if (!chromiumFound && process.env.CHROMIUM_PATH !== undefined) {
  // An explicit path that does not exist is a configuration mistake: installing Debian's package would not fix it.
  fail(`CHROMIUM_PATH is set to ${chromiumPath}, which does not exist. Fix the path or unset CHROMIUM_PATH.`);
}

const packages = [...(chromiumFound ? [] : ['chromium']), ...(fontFound ? [] : [CJK_FONT_PACKAGE])];

if (process.getuid?.() === 0) {
  console.log(`ensure-chromium: missing ${packages.join(' and ')}; installing Debian's package${packages.length === 1 ? '' : 's'}.`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', ...packages], { ...process.env, DEBIAN_FRONTEND: 'noninteractive' });
  if (!existsSync(chromiumPath)) fail(`apt-get install chromium succeeded but ${chromiumPath} still does not exist.`);
  if (!hasJapaneseFont()) fail(`apt-get install ${CJK_FONT_PACKAGE} succeeded but fontconfig still lists no font for Japanese.`);
  console.log(`ensure-chromium: installed ${packages.join(' and ')}`);
  process.exit(0);
}

fail(
  [
    ...(chromiumFound ? [] : [`Chromium was not found at ${chromiumPath}; the browser tests need it.`]),
    ...(fontFound ? [] : ['No font for Japanese was found (fc-list :lang=ja is empty): Chromium would draw Japanese text as boxes.']),
    `  Install ${packages.length === 1 ? 'it' : 'them'}:  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`,
    ...(chromiumFound
      ? []
      : ['  or point CHROMIUM_PATH at an existing Chromium/Chrome binary, e.g. CHROMIUM_PATH=/path/to/chrome npm test']),
  ].join('\n'),
);
