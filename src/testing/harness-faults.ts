/**
 * The failures the mock can be told to produce instead of (or, for `slow`, before) Harness's answer:
 * what a client meets in the wild between it and Harness (rate limits, proxy pages, redirects, hangs, resets).
 */
import {
  errorResponse,
  htmlResponse,
  LOGIN_PAGE,
  NOT_FOUND_PAGE,
  nginxPage,
  TRUNCATED_JSON,
} from './harness-envelopes.js';
import type { HarnessMockReply } from './harness-mock.js';

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

export interface QueuedFault {
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

/** How long `slow` waits by default: longer than any sensible client timeout, so it is noticed. */
const DEFAULT_SLOW_MS = 10_000;
const SIGN_IN_URL = 'https://app.harness.io/auth/#/signin';

/** The faults set on one mock, in the order they apply. */
export interface FaultQueue {
  /** Takes the fault for this request, counting it down; used-up faults leave the queue. */
  next(): QueuedFault | null;
  /** See `HarnessMock.setFault`. */
  set(fault: HarnessFault | null, options?: HarnessFaultOptions): void;
}

export function createFaultQueue(): FaultQueue {
  let faults: QueuedFault[] = [];
  return {
    next() {
      const head = faults[0];
      if (!head) return null;
      if (head.remaining !== null) {
        head.remaining -= 1;
        if (head.remaining <= 0) faults.shift();
      }
      return head;
    },
    set(fault, options = {}) {
      if (fault === null) {
        faults = [];
        return;
      }
      if (!FAULTS.has(fault)) throw new TypeError(`Unknown Harness fault: ${String(fault)}`);
      const { delayMs = DEFAULT_SLOW_MS, times } = options;
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
  };
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
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
export function faultReply(fault: HarnessFault): HarnessMockReply | null {
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

