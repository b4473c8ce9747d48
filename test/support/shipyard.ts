/**
 * Shipyard (demo/) for end-to-end tests: its dev server with the backend and the Harness mock, on a data
 * directory of the test's own, as `npm start` runs it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { DEMO_API_PLUGIN_NAME, type DemoApiPlugin, type DemoBackend } from '../../demo/server/api.ts';

/** A first start creates the database (Postgres's initdb, in WebAssembly): several seconds on a busy machine. */
export const SHIPYARD_START_TIMEOUT_MS = 120_000;

export interface Shipyard {
  server: ViteDevServer;
  origin: string;
  api: DemoApiPlugin['api'];
  /** The running backend: its account store is what Shipyard has linked. */
  backend: DemoBackend;
}

/**
 * A fresh data directory for Shipyard, named after the test file, with Harness as the mock whatever the shell
 * exports. Call before `startShipyard`.
 */
export async function useShipyardDataDir(name: string): Promise<string> {
  delete process.env.HARNESS_BASE_URL;
  delete process.env.SHIPYARD_SECRET;
  const dataDir = await mkdtemp(join(tmpdir(), `shipyard-${name}-`));
  process.env.SHIPYARD_DATA_DIR = dataDir;
  return dataDir;
}

export async function removeShipyardDataDir(dataDir: string | undefined): Promise<void> {
  delete process.env.SHIPYARD_DATA_DIR;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}

/** Starts Shipyard's dev server on a free port. */
export async function startShipyard(): Promise<Shipyard> {
  const server = await createServer({
    configFile: 'demo/vite.config.ts',
    logLevel: 'warn',
    server: { port: 0, strictPort: true, hmr: false },
  });
  await server.listen();
  const origin = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
  const plugin = server.config.plugins.find((p) => p.name === DEMO_API_PLUGIN_NAME) as DemoApiPlugin | undefined;
  if (!plugin) throw new Error('the demo API plugin is not in demo/vite.config.ts');
  const { api } = plugin;
  return { server, origin, api, backend: await api.backend() };
}

/** Nothing linked, the mock as seeded, the rate limits' counts at zero: each test starts from the same Shipyard. */
export async function resetShipyard({ api, backend }: Pick<Shipyard, 'api' | 'backend'>): Promise<void> {
  await backend.store.clear();
  backend.harness.mock!.mock.reset();
  api.connectLimiter.reset();
  api.harnessCallLimiter.reset();
}
