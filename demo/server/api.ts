/**
 * Shipyard's backend, as a Vite plugin: the same routes on the dev server (`vite`) and the preview server
 * (`vite preview`).
 *
 *   POST   /api/harness/connect   verifies { apiKey, accountId } with harness-connect/server, links the account
 *   GET    /api/accounts          the linked accounts
 *   DELETE /api/accounts/:id      unlinks one
 *   GET    /api/config            which Harness the server verifies against (the mock or a real one)
 *
 * Linking and unlinking are taken only from Shipyard's own pages (same origin), and each client gets
 * CONNECT_ATTEMPTS_PER_WINDOW connect attempts per window, checked in the route's `beforeVerify` before
 * any call to Harness: the pattern README's "Security" section shows.
 *
 * Harness is the package's mock on a free localhost port by default, so the demo works offline;
 * `HARNESS_BASE_URL=https://app.harness.io` verifies against real Harness instead.
 *
 * The vite config is bundled on its own, without the app's aliases: these imports point at the package
 * source directly (an integrator writes `from 'harness-connect/server'`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createHarnessConnectHandler, HarnessConnectError } from '../../src/server/index.ts';
import { startHarnessMockServer, type HarnessMockServer } from '../../src/testing/node.ts';
import { createAccountStore, type AccountStore, type LinkedAccount } from './accounts.ts';
import { CLIENT_ADDRESS_HEADER, sendWebResponse, toWebRequest } from './node-adapter.ts';
import { createFixedWindowLimiter, type FixedWindowLimiter } from './rate-limit.ts';
import { isSameOrigin } from './same-origin.ts';

/**
 * Connect attempts each client may make per window: plenty for a person pasting a key or two, far too
 * few to try a list of stolen ones.
 */
export const CONNECT_ATTEMPTS_PER_WINDOW = 10;
export const CONNECT_WINDOW_MS = 60_000;

const MS_PER_SECOND = 1000;

/** Which Harness the server verifies keys against. */
export interface HarnessTarget {
  mode: 'mock' | 'harness';
  baseUrl: string;
  allowedHosts: string[];
  /** The running mock, in `mock` mode. */
  mock: HarnessMockServer | null;
}

/** What `GET /api/config` answers. */
export interface DemoConfig {
  harness: { mode: HarnessTarget['mode']; baseUrl: string };
}

/** What `GET /api/accounts` answers. */
export interface AccountsAnswer {
  accounts: LinkedAccount[];
}

/** The running backend; the plugin exposes it as `api` for end-to-end tests. */
export interface DemoApi {
  store: AccountStore;
  /** Counts connect attempts per client. */
  connectLimiter: FixedWindowLimiter;
  /** Resolves once Harness (the mock, when used) is ready. */
  harness(): Promise<HarnessTarget>;
}

export interface DemoApiPlugin extends Plugin {
  api: DemoApi;
}

export const DEMO_API_PLUGIN_NAME = 'shipyard:api';

async function startHarness(env: NodeJS.ProcessEnv): Promise<HarnessTarget> {
  const configured = env.HARNESS_BASE_URL?.trim();
  if (configured) {
    // A Harness cluster or a *.harness.io vanity host; anything else is refused by the verifier.
    return { mode: 'harness', baseUrl: configured, allowedHosts: [], mock: null };
  }
  const mock = await startHarnessMockServer();
  return { mode: 'mock', baseUrl: mock.url, allowedHosts: [new URL(mock.url).host], mock };
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

function notAllowed(allow: string): Response {
  return json(405, { error: { code: 'method_not_allowed', message: `Use ${allow}.` } }, { allow });
}

function crossOrigin(): Response {
  return json(403, { ok: false, error: { code: 'cross_origin', message: 'Shipyard takes this only from its own pages.' } });
}

/** A 429 the widget shows as it would Harness's own: a serialised `rate_limited` error. */
function tooManyAttempts(retryAfterSeconds: number): Response {
  const error = new HarnessConnectError('rate_limited', {
    message: 'Too many attempts. Wait a minute, then try again.',
    retryAfterMs: retryAfterSeconds * MS_PER_SECOND,
  });
  return json(429, { ok: false, error: error.toJSON() }, { 'retry-after': String(retryAfterSeconds) });
}

type Route = (request: Request, url: URL) => Promise<Response>;

function createRoutes(store: AccountStore, harness: HarnessTarget, limiter: FixedWindowLimiter): Route {
  const connect = createHarnessConnectHandler({
    baseUrl: harness.baseUrl,
    allowedHosts: harness.allowedHosts,
    beforeVerify(request) {
      // Shipyard has no sign-in; an app with one answers 401 here when the request has no session, and
      // counts attempts per user rather than per address.
      if (!isSameOrigin(request)) return crossOrigin();
      const verdict = limiter.take(request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown');
      if (!verdict.allowed) return tooManyAttempts(verdict.retryAfterSeconds);
      return undefined;
    },
    onVerified(connection, { apiKey }) {
      // `apiKey` is the verified key. A real app would encrypt it (a KMS, or envelope encryption) and
      // store it to call Harness later. Shipyard only shows the link, so the key is deliberately not
      // stored, logged or answered anywhere. The Accounts page reads the link from /api/accounts, so
      // nothing more goes into the answer.
      void apiKey;
      store.link(connection);
    },
  });

  return async (request, url) => {
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/api/harness/connect') return connect(request);
    if (path === '/api/accounts') {
      return request.method === 'GET' ? json(200, { accounts: store.list() } satisfies AccountsAnswer) : notAllowed('GET');
    }
    const account = /^\/api\/accounts\/([^/]+)$/.exec(path);
    if (account) {
      if (request.method !== 'DELETE') return notAllowed('DELETE');
      if (!isSameOrigin(request)) return crossOrigin();
      const accountId = decodeURIComponent(account[1]!);
      return store.unlink(accountId)
        ? new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } })
        : json(404, { error: { code: 'not_found', message: `No linked account ${accountId}.` } });
    }
    if (path === '/api/config') {
      const config: DemoConfig = { harness: { mode: harness.mode, baseUrl: harness.baseUrl } };
      return request.method === 'GET' ? json(200, config) : notAllowed('GET');
    }
    return json(404, { error: { code: 'not_found', message: `No route ${request.method} ${url.pathname}.` } });
  };
}

/**
 * The backend plugin. Harness (the mock) starts with the dev or preview server and stops when it closes.
 * A real app would also check the session on every route. The origin check matters even here: Vite
 * answers CORS preflights from any `http://localhost:*` origin, so the preflight that JSON and DELETE
 * requests need does not stop another local page.
 */
export function demoApi(env: NodeJS.ProcessEnv = process.env): DemoApiPlugin {
  const store = createAccountStore();
  const connectLimiter = createFixedWindowLimiter({ limit: CONNECT_ATTEMPTS_PER_WINDOW, windowMs: CONNECT_WINDOW_MS });
  let ready: Promise<{ target: HarnessTarget; route: Route }> | null = null;

  const start = () => {
    ready ??= startHarness(env).then((target) => ({ target, route: createRoutes(store, target, connectLimiter) }));
    return ready;
  };
  const stop = async () => {
    const current = ready;
    ready = null;
    await (await current?.catch(() => null))?.target.mock?.close();
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
      console.error('[shipyard] api failed:', error);
      void sendWebResponse(res, json(500, { error: { code: 'internal', message: 'Something went wrong.' } }));
    });
  };

  const attach = (server: ViteDevServer | PreviewServer) => {
    void start().then(({ target }) => {
      const where = target.mode === 'mock' ? `the Harness mock on ${target.baseUrl}` : target.baseUrl;
      server.config.logger.info(`  ➜  Harness:  verifying API keys against ${where}`);
    });
    server.httpServer?.once('close', () => void stop());
    server.middlewares.use(middleware);
  };

  return {
    name: DEMO_API_PLUGIN_NAME,
    api: { store, connectLimiter, harness: async () => (await start()).target },
    configureServer: attach,
    configurePreviewServer: attach,
  };
}
