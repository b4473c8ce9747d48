#!/usr/bin/env node
/**
 * Makes sure the Chromium that the browser tests drive is installed.
 *
 * - Chromium already at `$CHROMIUM_PATH` (default `/usr/bin/chromium`): exit 0.
 * - Missing and running as root (a CI machine): `apt-get update` and `apt-get install -y chromium`, output
 *   streamed; exit 1 with a clear message if that fails.
 * - Missing and not root: print what to install and exit 1.
 *
 * The path comes from scripts/chromium.mjs, shared with every runner that launches Chromium.
 * Playwright's own browser downloads are never used (`npx playwright install` is not part of this project).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath as configuredChromiumPath } from './chromium.mjs';

const chromiumPath = configuredChromiumPath();

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
    fail(`\`${command} ${args.join(' ')}\` ${how}; Chromium is not installed.`);
  }
}

if (existsSync(chromiumPath)) {
  console.log(`ensure-chromium: found ${chromiumPath}`);
  process.exit(0);
}

if (process.env.CHROMIUM_PATH !== undefined) {
  // An explicit path that does not exist is a configuration mistake: installing Debian's package would not fix it.
  fail(`CHROMIUM_PATH is set to ${chromiumPath}, which does not exist. Fix the path or unset CHROMIUM_PATH.`);
}

if (process.getuid?.() === 0) {
  console.log(`ensure-chromium: ${chromiumPath} is missing; installing Debian's chromium package.`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium'], { ...process.env, DEBIAN_FRONTEND: 'noninteractive' });
  if (!existsSync(chromiumPath)) fail(`apt-get install chromium succeeded but ${chromiumPath} still does not exist.`);
  console.log(`ensure-chromium: installed ${chromiumPath}`);
  process.exit(0);
}

fail(
  [
    `Chromium was not found at ${chromiumPath}; the browser tests need it.`,
    '  Install it:  sudo apt-get update && sudo apt-get install -y chromium',
    '  or point CHROMIUM_PATH at an existing Chromium/Chrome binary, e.g. CHROMIUM_PATH=/path/to/chrome npm test',
  ].join('\n'),
);
