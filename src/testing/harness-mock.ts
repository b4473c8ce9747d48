/**
 * A faithful in-memory Harness API: token validation, the current user and the account endpoints, with
 * Harness's envelopes and check order, plus the failures a client meets in the wild (rate limits, proxy
 * pages, redirects, hangs, resets).
 *
 * Framework-free on purpose: it speaks only web-standard Request/Response, so the msw adapter
 * (`msw.ts`) and the node:http server (`node.ts`) are thin shells around `handle()`.
 */
import {
  errorResponse,
  htmlResponse,
  LOGIN_PAGE,
  NOT_FOUND_PAGE,
  nginxPage,
  TRUNCATED_JSON,
  withCors,
} from './harness-envelopes.js';
import { requestAccount, routeHarnessRequest } from './harness-routes.js';
import { createSeedTokens } from './harness-store.js';

/** A failure the mock can be told to produce instead of (or, for `slow`, before) its normal answer. */
export type HarnessFault =
  /** 429, empty body, no `Retry-After` (what Harness is believed to send). */
  | 'rate_limited'
  /** 500 with the Harness JSON error envelope, code `UNEXPECTED`. */
  | 'server_error'
  /** 502 with an nginx HTML page. */
  | 'bad_gateway'
  /** 503 with an nginx HTML page. */
  | 'service_unavailable'
  /** 200 with an HTML sign-in page (a proxy or SSO interstitial). */
  | 'html'
  /** 404 HTML page (wrong host or path). */
  | 'not_found'
  /** 302 to the Harness sign-in page, with a `Location` header. */
  | 'redirect'
  /** 200, `content-type: application/json`, truncated JSON body. */
  | 'malformed_json'
  /** Answers normally after `delayMs` (default 10 000); aborting `request.signal` ends it. */
  | 'slow'
  /** Never answers until `request.signal` aborts (or the server closes). */
  | 'hang'
  /** Connection reset: no HTTP answer at all. */
  | 'reset'
  /** 405 plain-text page from a web application firewall that blocks the method. */
  | 'method_not_allowed';

/** How a fault applies. */
export interface HarnessFaultOptions {
  /** For `slow`: how long to wait before answering, in ms. Default 10 000. */
  delayMs?: number;
  /** Apply to the next N requests only (a positive integer). Default: until cleared. */
  times?: number;
}

/**
 * What the mock answers with. `reset` and `hang` have no HTTP response: the adapter turns them into
 * a network error, or keeps the request open until it is aborted.
 */
export type HarnessMockReply =
  | { kind: 'response'; response: Response }
  | { kind: 'reset' }
  | { kind: 'hang' };

/**
 * One request the mock received. Never holds the API key or the body (which also carries the key):
 * test logs and snapshots get printed, and a real key pasted into a test must not leak through them.
 */
export interface RecordedHarnessRequest {
  method: string;
  /** The full URL; query values shaped like a token are replaced by `[redacted]`. */
  url: string;
  path: string;
  /** Whether an `x-api-key` header was present (its value is never recorded). */
  hasApiKey: boolean;
  /** The account the request was made for (`Harness-Account` header, else query), or null. */
  accountIdentifier: string | null;
  /** When it arrived, in epoch ms from `HarnessMockOptions.now`. */
  at: number;
}

/** Options for {@link createHarnessMock}. */
export interface HarnessMockOptions {
  /** The clock, in epoch ms: token expiry and `RecordedHarnessRequest.at` use it. Default `Date.now`. */
  now?: () => number;
}

/** An in-memory Harness API. */
export interface HarnessMock {
  /**
   * Answers one request with the whole Harness behaviour. For `slow`, the promise waits `delayMs`; if
   * `request.signal` aborts meanwhile it rejects with the signal's reason, as `fetch` would.
   */
  handle(request: Request): Promise<HarnessMockReply>;
  /**
   * Queues a fault; `null` clears them all. Faults with `times` apply in the order set, each to its
   * next N requests. A fault without `times` applies once those are used up and stays until cleared or
   * until another fault is set (which then replaces it), so the latest call always takes effect.
   * CORS preflights (OPTIONS) are never faulted: a browser would not even send the real request.
   */
  setFault(fault: HarnessFault | null, options?: HarnessFaultOptions): void;
  /** Every request received since creation or the last `reset()`, oldest first (a snapshot). */
  readonly requests: readonly RecordedHarnessRequest[];
  /** Clears faults and recorded requests, and restores the seeded tokens (undoing `revokeToken`). */
  reset(): void;
  /** Deletes a token by its id, as revoking it in Harness does: later calls say "Token not found". */
  revokeToken(tokenId: string): void;
}

interface QueuedFault {
  fault: HarnessFault;
  delayMs: number;
  /** Requests left, or null for "until cleared". */
  remaining: number | null;
}

const FAULTS: ReadonlySet<string> = new Set<HarnessFault>([
  'rate_limited',
  'server_error',
  'bad_gateway',
  'service_unavailable',
  'html',
  'not_found',
  'redirect',
  'malformed_json',
  'slow',
  'hang',
  'reset',
  'method_not_allowed',
]);

const SIGN_IN_URL = 'https://app.harness.io/auth/#/signin';
const TOKEN_SHAPE = /^(?:pat|sat)\./i;

/** The URL without anything that looks like a token, for the request log. */
function redactedUrl(url: URL): string {
  const copy = new URL(url);
  for (const [key, value] of url.searchParams) {
    if (TOKEN_SHAPE.test(value)) copy.searchParams.set(key, '[redacted]');
  }
  return copy.href;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The answer for a fault that replaces the normal one; `null` for `slow`, which only delays it. */
function faultReply(fault: HarnessFault): HarnessMockReply | null {
  const response = (r: Response): HarnessMockReply => ({ kind: 'response', response: r });
  switch (fault) {
    case 'rate_limited':
      return response(new Response(null, { status: 429 }));
    case 'server_error':
      return response(errorResponse('UNEXPECTED', 'An unexpected error occurred'));
    case 'bad_gateway':
      return response(htmlResponse(502, nginxPage(502, 'Bad Gateway')));
    case 'service_unavailable':
      return response(htmlResponse(503, nginxPage(503, 'Service Temporarily Unavailable')));
    case 'html':
      return response(htmlResponse(200, LOGIN_PAGE));
    case 'not_found':
      return response(htmlResponse(404, NOT_FOUND_PAGE));
    case 'redirect':
      return response(new Response(null, { status: 302, headers: { location: SIGN_IN_URL } }));
    case 'malformed_json':
      return response(new Response(TRUNCATED_JSON, { headers: { 'content-type': 'application/json' } }));
    case 'hang':
      return { kind: 'hang' };
    case 'reset':
      return { kind: 'reset' };
    case 'method_not_allowed':
      return response(new Response('Method Not Allowed', { status: 405, headers: { 'content-type': 'text/plain' } }));
    case 'slow':
      return null;
  }
}

/** Creates an in-memory Harness API seeded with the fixture accounts and tokens (see `fixtures.ts`). */
export function createHarnessMock(options: HarnessMockOptions = {}): HarnessMock {
  const now = options.now ?? Date.now;
  let tokens = createSeedTokens();
  let faults: QueuedFault[] = [];
  let requests: RecordedHarnessRequest[] = [];

  /** Takes the fault for this request, counting it down; used-up faults leave the queue. */
  function nextFault(): QueuedFault | null {
    const head = faults[0];
    if (!head) return null;
    if (head.remaining !== null && --head.remaining <= 0) faults.shift();
    return head;
  }

  function record(request: Request, url: URL): void {
    requests.push(
      Object.freeze({
        method: request.method,
        url: redactedUrl(url),
        path: url.pathname,
        hasApiKey: Boolean(request.headers.get('x-api-key')),
        accountIdentifier: requestAccount(request, url),
        at: now(),
      }),
    );
  }

  async function handle(request: Request): Promise<HarnessMockReply> {
    const url = new URL(request.url);
    const origin = request.headers.get('origin');
    record(request, url);

    // A browser preflight: answered without faults so the real request gets to meet them.
    if (request.method === 'OPTIONS') {
      return { kind: 'response', response: withCors(new Response(null, { status: 204 }), origin) };
    }

    const fault = nextFault();
    if (fault) {
      const reply = faultReply(fault.fault);
      if (reply) {
        if (reply.kind === 'response') withCors(reply.response, origin);
        return reply;
      }
      await abortableDelay(fault.delayMs, request.signal);
    }
    const response = routeHarnessRequest(request, url, { tokens, now: now() });
    return { kind: 'response', response: withCors(response, origin) };
  }

  return {
    handle,
    setFault(fault, faultOptions = {}) {
      if (fault === null) {
        faults = [];
        return;
      }
      if (!FAULTS.has(fault)) throw new TypeError(`Unknown Harness fault: ${String(fault)}`);
      const { delayMs = 10_000, times } = faultOptions;
      if (times !== undefined && (!Number.isInteger(times) || times < 1)) {
        throw new RangeError(`times must be a positive integer, got ${times}`);
      }
      if (!Number.isFinite(delayMs) || delayMs < 0) {
        throw new RangeError(`delayMs must be a non-negative number, got ${delayMs}`);
      }
      // A persistent fault only ever sits at the end of the queue; a new fault replaces it.
      if (faults.at(-1)?.remaining === null) faults.pop();
      faults.push({ fault, delayMs, remaining: times ?? null });
    },
    get requests() {
      return requests.slice();
    },
    reset() {
      faults = [];
      requests = [];
      tokens = createSeedTokens();
    },
    revokeToken(tokenId) {
      tokens.delete(tokenId);
    },
  };
}
