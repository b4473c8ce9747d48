// Where Chromium is and how it is launched, for every runner: Vitest's browser projects, the e2e tests,
// `npm test`'s install step and the bench. Plain JS so that Node scripts can import it too; types are in
// chromium.d.mts.
import { existsSync } from 'node:fs';

/** Debian's Chromium; `CHROMIUM_PATH` points elsewhere. Playwright's own browser downloads are never used. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
}

export function hasChromium() {
  return existsSync(chromiumPath());
}

/**
 * Flags for a headless Chromium on a machine with no network but loopback: without the background
 * networking flags Chromium floods the closed network with refused connections.
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
]);
