/**
 * A faithful in-memory Harness API: token validation, the current user, the account, projects and the
 * access-control check, with Harness's envelopes and check order, plus the failures a client meets in the
 * wild (see `harness-faults.ts`) and run-time controls (revoke, clock, permissions) for demos and tests.
 *
 * Framework-free on purpose: it speaks only web-standard Request/Response, so the msw adapter
 * (`msw.ts`) and the node:http server (`node.ts`) are thin shells around `handle()`.
 */
import { withCors } from './harness-envelopes.js';
import { requestAccount } from './harness-auth.js';
import {
  abortableDelay,
  createFaultQueue,
  faultReply,
  type HarnessFault,
  type HarnessFaultOptions,
} from './harness-faults.js';
import { routeHarnessRequest } from './harness-routes.js';
import { createSeedTokens, type StoredToken } from './harness-store.js';

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
  /** When it arrived, in epoch ms by the mock's clock (`HarnessMockOptions.now`, or `setNow`). */
  at: number;
}

/** Options for {@link createHarnessMock}. */
export interface HarnessMockOptions {
  /**
   * The clock, in epoch ms: token expiry, `expiringSoon`'s dates (counted from it at seeding) and
   * `RecordedHarnessRequest.at` use it, unless `setNow` overrides it. Default `Date.now`.
   */
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
  /**
   * Undoes every run-time change: clears faults and recorded requests, returns the clock to
   * `HarnessMockOptions.now` (undoing `setNow`), and re-seeds the fixture tokens from that clock (undoing
   * `revoke`, `revokeToken` and `setPermissions`).
   */
  reset(): void;
  /**
   * Deletes a token by its id, as deleting it in Harness does: later calls say 401 INVALID_TOKEN "Token
   * not found". Unknown ids are ignored.
   */
  revokeToken(tokenId: string): void;
  /**
   * Revokes a token by its id (see `HARNESS_FIXTURE_TOKEN_IDS`), as an admin revoking it in Harness
   * does: the token still exists, and later calls with it answer 401 REVOKED_TOKEN. Revoking twice is
   * harmless.
   *
   * @throws RangeError when the mock holds no token with that id (e.g. it was deleted with `revokeToken`).
   */
  revoke(tokenId: string): void;
  /**
   * Moves the mock's clock to a fixed instant (a `Date` or epoch ms), where it stays until the next call:
   * expiry is judged against it, so a token such as `expiringSoon` expires once the clock passes its
   * `validTo`. `null` returns to `HarnessMockOptions.now` (or the real clock).
   *
   * @throws RangeError for an invalid date.
   */
  setNow(now: Date | number | null): void;
  /**
   * Replaces a token's permission set (permission ids such as `core_pipeline_execute`; see
   * `HARNESS_FIXTURE_PERMISSIONS` for the seeded ones). `accounts/{id}`, `projects` and
   * `POST /authz/api/acl` answer from it on the next call, as Harness does after an admin changes a role.
   *
   * @throws RangeError when the mock holds no token with that id; TypeError when `permissions` is not a
   * list of strings.
   */
  setPermissions(tokenId: string, permissions: readonly string[]): void;
}

const TOKEN_SHAPE = /^(?:pat|sat)\./i;

/** The URL without anything that looks like a token, for the request log. */
function redactedUrl(url: URL): string {
  const copy = new URL(url);
  for (const [key, value] of url.searchParams) {
    if (TOKEN_SHAPE.test(value)) copy.searchParams.set(key, '[redacted]');
  }
  return copy.href;
}

/** Creates an in-memory Harness API seeded with the fixture accounts and tokens (see `fixtures.ts`). */
export function createHarnessMock(options: HarnessMockOptions = {}): HarnessMock {
  const baseClock = options.now ?? Date.now;
  /** What `setNow` set, or null to follow `baseClock`. */
  let fixedNow: number | null = null;
  const now = (): number => fixedNow ?? baseClock();

  let tokens = createSeedTokens(now());
  const faults = createFaultQueue();
  let requests: RecordedHarnessRequest[] = [];

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

  /** The stored token with this id; a typo in a demo or test should fail loudly, not do nothing. */
  function storedToken(tokenId: string, method: string): StoredToken {
    const token = tokens.get(tokenId);
    if (!token) {
      throw new RangeError(
        `harness-connect: HarnessMock.${method} found no token with id "${tokenId}"; pass a token id such as HARNESS_FIXTURE_TOKEN_IDS.pat`,
      );
    }
    return token;
  }

  async function handle(request: Request): Promise<HarnessMockReply> {
    const url = new URL(request.url);
    const origin = request.headers.get('origin');
    record(request, url);

    // A browser preflight: answered without faults so the real request gets to meet them.
    if (request.method === 'OPTIONS') {
      return { kind: 'response', response: withCors(new Response(null, { status: 204 }), origin) };
    }

    const fault = faults.next();
    if (fault) {
      const reply = faultReply(fault.fault);
      if (reply) {
        if (reply.kind === 'response') withCors(reply.response, origin);
        return reply;
      }
      await abortableDelay(fault.delayMs, request.signal);
    }
    const response = await routeHarnessRequest(request, url, { tokens, now: now() });
    return { kind: 'response', response: withCors(response, origin) };
  }

  return {
    handle,
    setFault(fault, faultOptions) {
      faults.set(fault, faultOptions);
    },
    get requests() {
      return requests.slice();
    },
    reset() {
      faults.set(null);
      requests = [];
      fixedNow = null;
      tokens = createSeedTokens(now());
    },
    revokeToken(tokenId) {
      tokens.delete(tokenId);
    },
    revoke(tokenId) {
      tokens.set(tokenId, { ...storedToken(tokenId, 'revoke'), revoked: true });
    },
    setNow(instant) {
      if (instant === null) {
        fixedNow = null;
        return;
      }
      const ms = typeof instant === 'number' ? instant : instant.getTime();
      if (!Number.isFinite(ms)) {
        throw new RangeError(`harness-connect: HarnessMock.setNow needs a valid Date or epoch ms, got ${String(instant)}`);
      }
      fixedNow = ms;
    },
    setPermissions(tokenId, permissions) {
      const token = storedToken(tokenId, 'setPermissions');
      if (!Array.isArray(permissions) || !permissions.every((p) => typeof p === 'string')) {
        throw new TypeError('harness-connect: HarnessMock.setPermissions needs a list of permission ids (strings)');
      }
      tokens.set(tokenId, { ...token, permissions: Object.freeze([...permissions]) });
    },
  };
}
