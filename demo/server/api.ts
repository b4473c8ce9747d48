/**
 * Shipyard's backend, as a Vite plugin: the same routes on the dev server (`vite`) and the preview server
 * (`vite preview`).
 *
 *   POST   /api/harness/connect          verifies a key with harness-connect/server, links or renews the account
 *                                        (connect-route.ts)
 *   GET    /api/accounts                 the linked accounts; DELETE, check and projects per account
 *                                        (account-routes.ts)
 *   POST   /api/simulate/…               with the Harness mock only: revoke, take a permission, expire
 *                                        (simulate-routes.ts)
 *   GET    /api/config                   which Harness the server talks to (the mock or a real one)
 *
 * Linked accounts live in PGlite in `demo/.data/` (`SHIPYARD_DATA_DIR` elsewhere), their keys sealed with
 * AES-256-GCM under `SHIPYARD_SECRET` or a secret generated there on first start: links survive a restart.
 * Changes are taken only from Shipyard's own pages (same origin), and connect attempts and calls to Harness
 * with stored keys are rate-limited per client: the pattern README's "Security" section shows.
 *
 * The vite config is bundled on its own, without the app's aliases: these imports point at the package
 * source directly (an integrator writes `from 'harness-connect/server'`).
 */
import { mkdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { CONNECT_ROUTE } from '../shared/connect-route.ts';
import { createAccountRoutes } from './account-routes.ts';
import { createAccountStore, type AccountStore } from './accounts.ts';
import { createConnectRoute } from './connect-route.ts';
import { openDatabase, PRIVATE_DIRECTORY_MODE, type Database } from './database.ts';
import { startHarness, type HarnessTarget } from './harness-target.ts';
import { json, notAllowed, notFound } from './http-answers.ts';
import { createKeyBox } from './key-box.ts';
import { sendWebResponse, toWebRequest } from './node-adapter.ts';
import { createFixedWindowLimiter, type FixedWindowLimiter } from './rate-limit.ts';
import { loadShipyardSecret, type SecretSource } from './shipyard-secret.ts';
import { createSimulateRoutes } from './simulate-routes.ts';

export type { HarnessTarget } from './harness-target.ts';
export type { AccountsAnswer, CheckAnswer, ProjectsAnswer } from './account-routes.ts';
export type { SimulateAction, SimulateAnswer } from './simulate-routes.ts';

/**
 * Connect attempts each client may make per window: plenty for a person pasting a key or two, far too
 * few to try a list of stolen ones.
 */
export const CONNECT_ATTEMPTS_PER_WINDOW = 10;
export const CONNECT_WINDOW_MS = 60_000;

/**
 * Calls to Harness with stored keys (Check, the projects list) each client may cause per window: a person
 * clicking around needs a few; each one spends the key's own Harness quota (about 1,000 a minute).
 */
export const HARNESS_CALLS_PER_WINDOW = 60;

/** Where the data lives unless `SHIPYARD_DATA_DIR` says otherwise: `demo/.data/`, ignored by git. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.data/', import.meta.url));

/** The environment variable naming the data directory. */
export const DATA_DIR_ENV = 'SHIPYARD_DATA_DIR';

/** PGlite's own directory inside the data directory (the secret file sits beside it). */
export const DATABASE_DIR = 'pgdata';

/** What `GET /api/config` answers. */
export interface DemoConfig {
  harness: { mode: HarnessTarget['mode']; baseUrl: string };
}

/** The running backend. */
export interface DemoBackend {
  harness: HarnessTarget;
  store: AccountStore;
  /** The database itself, for tests that look at what is stored. */
  db: Database;
  dataDir: string;
  secretSource: SecretSource;
}

/** The backend, as the plugin exposes it as `api` for end-to-end tests. */
export interface DemoApi {
  /** Counts connect attempts per client. */
  connectLimiter: FixedWindowLimiter;
  /** Counts calls to Harness with stored keys per client. */
  harnessCallLimiter: FixedWindowLimiter;
  /** The data directory in use. */
  dataDir: string;
  /** Starts the backend if it has not started, and resolves once the database and Harness are ready. */
  backend(): Promise<DemoBackend>;
  /** Resolves once Harness (the mock, when used) is ready. */
  harness(): Promise<HarnessTarget>;
  /** Closes the database and stops the mock; the server's close does this too. */
  close(): Promise<void>;
}

export interface DemoApiPlugin extends Plugin {
  api: DemoApi;
}

export const DEMO_API_PLUGIN_NAME = 'shipyard:api';

type Route = (request: Request, url: URL) => Promise<Response>;

interface Running extends DemoBackend {
  route: Route;
}

/** Opens the data directory (secret, then database), starts Harness (the mock), and wires the routes to them. */
async function startBackend(env: NodeJS.ProcessEnv, dataDir: string, limiters: Pick<DemoApi, 'connectLimiter' | 'harnessCallLimiter'>) {
  await mkdir(dataDir, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  // The secret first: a wrong SHIPYARD_SECRET stops the start before the database is opened.
  const secret = await loadShipyardSecret(env, dataDir);
  const keyBox = await createKeyBox(secret.bytes);
  const db = await openDatabase(join(dataDir, DATABASE_DIR));
  let harness: HarnessTarget;
  try {
    harness = await startHarness(env);
  } catch (error) {
    await db.close();
    throw error;
  }
  const store = createAccountStore(db, keyBox);
  const connect = createConnectRoute({ store, harness, limiter: limiters.connectLimiter });
  const accounts = createAccountRoutes({ store, harness, limiter: limiters.harnessCallLimiter });
  const simulate = harness.mock === null ? null : createSimulateRoutes({ store, mock: harness.mock.mock });
  const config: DemoConfig = { harness: { mode: harness.mode, baseUrl: harness.baseUrl } };

  const route: Route = async (request, url) => {
    const path = url.pathname.replace(/\/+$/, '');
    if (path === CONNECT_ROUTE) return connect(request);
    const answered = (await accounts(request, path)) ?? (simulate === null ? null : await simulate(request, path));
    if (answered !== null) return answered;
    if (path === '/api/config') return request.method === 'GET' ? json(200, config) : notAllowed('GET');
    return notFound(`No route ${request.method} ${url.pathname}.`);
  };
  return { harness, store, db, dataDir, secretSource: secret.source, route } satisfies Running;
}

/**
 * The backend plugin. The database, the secret and Harness (the mock) start once the server listens (or with
 * the first request) and stop when it closes. A real app would also check the session on every route.
 * The origin check matters even here: Vite answers CORS preflights from any `http://localhost:*` origin, so
 * the preflight that JSON and DELETE requests need does not stop another local page.
 */
export function demoApi(env: NodeJS.ProcessEnv = process.env): DemoApiPlugin {
  const dataDir = env[DATA_DIR_ENV]?.trim() || DEFAULT_DATA_DIR;
  const connectLimiter = createFixedWindowLimiter({ limit: CONNECT_ATTEMPTS_PER_WINDOW, windowMs: CONNECT_WINDOW_MS });
  const harnessCallLimiter = createFixedWindowLimiter({ limit: HARNESS_CALLS_PER_WINDOW, windowMs: CONNECT_WINDOW_MS });
  let ready: Promise<Running> | null = null;
  let stopping: Promise<void> = Promise.resolve();

  // Not started while the plugin is created: when Vite restarts (an edited config), it creates the new
  // server before closing the old one, and two PGlite instances on one directory would corrupt it.
  const start = () => {
    ready ??= stopping.then(() => startBackend(env, dataDir, { connectLimiter, harnessCallLimiter }));
    return ready;
  };
  const stop = () => {
    const current = ready;
    ready = null;
    if (current !== null) {
      stopping = current.then(
        async ({ harness, db }) => {
          await Promise.allSettled([harness.mock?.close(), db.close()]);
        },
        () => undefined,
      );
    }
    return stopping;
  };

  const middleware = (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: (error?: unknown) => void) => {
    const url = new URL(req.originalUrl ?? req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/')) {
      next();
      return;
    }
    void (async () => {
      const { route } = await start();
      await sendWebResponse(res, await route(toWebRequest(req, res), url));
    })().catch((error: unknown) => {
      if (res.headersSent || res.destroyed) {
        res.destroy();
        return;
      }
      // Never the request or a key: what failed is in the error, and no key ever reaches one in clear.
      console.error('[shipyard] api failed:', error instanceof Error ? error.message : String(error));
      void sendWebResponse(res, json(500, { ok: false, error: { code: 'internal', message: 'Something went wrong.' } }));
    });
  };

  const attach = (server: ViteDevServer | PreviewServer) => {
    server.httpServer?.once('listening', () => {
      start().then(
        ({ harness, secretSource }) => {
          const where = harness.mode === 'mock' ? `the Harness mock on ${harness.baseUrl}` : harness.baseUrl;
          const sealedWith = secretSource === 'env' ? 'SHIPYARD_SECRET' : `the secret in ${dataDir}`;
          server.config.logger.info(`  ➜  Harness:  verifying API keys against ${where}`);
          server.config.logger.info(`  ➜  Accounts: stored in ${join(dataDir, DATABASE_DIR)}, keys sealed with ${sealedWith}`);
        },
        (error: unknown) => server.config.logger.error(`  ➜  Shipyard's backend did not start: ${error instanceof Error ? error.message : String(error)}`),
      );
    });
    server.middlewares.use(middleware);
  };

  return {
    name: DEMO_API_PLUGIN_NAME,
    api: {
      connectLimiter,
      harnessCallLimiter,
      dataDir,
      backend: async () => {
        const { route: _route, ...backend } = await start();
        return backend;
      },
      harness: async () => (await start()).harness,
      close: stop,
    },
    configureServer: attach,
    configurePreviewServer: attach,
    closeServer: async () => {
      await stop();
    },
    closePreviewServer: async () => {
      await stop();
    },
  };
}
