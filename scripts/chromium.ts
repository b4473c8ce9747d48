import { existsSync } from 'node:fs';

/** Debian's Chromium; `CHROMIUM_PATH` points elsewhere. Playwright's own browser downloads are never used. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
}

export function hasChromium(): boolean {
  return existsSync(chromiumPath());
}

/**
 * Flags for a headless Chromium on a machine with no network but loopback: without the background
 * networking flags Chromium floods the closed network with refused connections.
 */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
] as const;
