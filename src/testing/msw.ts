/**
 * msw adapter for the Harness mock: request handlers for `setupServer` (msw/node) and `setupWorker`
 * (msw/browser). Only `msw`'s shared entry is imported, so the same handlers serve both.
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { createHarnessMock, type HarnessMock } from './harness-mock.js';
import { isHarnessApiPath } from './harness-routes.js';

/** Options for {@link harnessHandlers}. */
export interface HarnessHandlersOptions {
  /**
   * The Harness origin to intercept, e.g. `https://app3.harness.io` (a trailing `/gateway` is allowed
   * and ignored: both API prefixes are always handled). `'*'` matches any origin, for vanity and
   * self-managed hosts. Default `https://app.harness.io`.
   */
  baseUrl?: string;
  /** The mock to answer with; a fresh one by default. Pass one to share it with a node server. */
  mock?: HarnessMock;
}

/**
 * Harness's API paths, `/gateway` prefix optional: the platform service (`/ng/api/…`) and the
 * access-control service (`/authz/api/…`, where the ACL check lives).
 */
const API_PATHS = '(?:/gateway)?/(?:ng|authz)/api/.+';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The URL pattern of the Harness API under `baseUrl`. A RegExp rather than msw's wildcard strings:
 * msw matches against the whole URL, and a wildcard origin would also swallow paths like
 * `/docs/ng/api/x` that are not Harness API paths.
 */
function apiPattern(baseUrl: string): RegExp {
  if (baseUrl === '*') return new RegExp(`^[a-z][a-z0-9+.-]*://[^/]+${API_PATHS}$`, 'i');
  const url = new URL(baseUrl);
  const path = url.pathname.replace(/\/+$/, '');
  if (path !== '' && path !== '/gateway') {
    // Silently ignoring a path would make the handlers miss every request, with no hint why.
    throw new TypeError(`harnessHandlers: baseUrl must be an origin (optionally with /gateway), got ${baseUrl}`);
  }
  return new RegExp(`^${escapeRegExp(url.origin)}${API_PATHS}$`);
}

/** Resolves once the signal aborts; msw's `delay('infinite')` cannot be cut short, so race this instead. */
function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * msw handlers that answer Harness API calls (`/ng/api/*`, `/authz/api/*` and both under `/gateway`,
 * every method, CORS preflight included) from a {@link HarnessMock}. A `reset` fault becomes a network error; a
 * `hang` keeps the request pending until its signal aborts.
 *
 * @example
 * const { handlers, mock } = harnessHandlers();
 * const server = setupServer(...handlers);
 * mock.setFault('rate_limited', { times: 1 });
 */
export function harnessHandlers(options: HarnessHandlersOptions = {}): {
  handlers: RequestHandler[];
  mock: HarnessMock;
} {
  const mock = options.mock ?? createHarnessMock();
  const pattern = apiPattern(options.baseUrl ?? 'https://app.harness.io');

  const handler = http.all(pattern, async ({ request }) => {
    // The RegExp already checks this; kept so a loosened pattern can never route non-API paths here.
    if (!isHarnessApiPath(new URL(request.url).pathname)) return undefined;
    let reply;
    try {
      reply = await mock.handle(request);
    } catch (error) {
      // A `slow` request aborted by its caller: fetch has already rejected, so any answer is unseen.
      if (request.signal.aborted) return HttpResponse.error();
      throw error;
    }
    switch (reply.kind) {
      case 'response':
        return reply.response;
      case 'reset':
        return HttpResponse.error();
      case 'hang':
        await aborted(request.signal);
        return HttpResponse.error();
    }
  });

  return { handlers: [handler], mock };
}
