/**
 * Checking many stored connections at once (#14), within Harness's limits (shared harness-api.md,
 * "Limits": about 1,000 requests per key a minute, 5,000 per 10 s per IP).
 */
import { HarnessConnectError } from '../core/errors.js';
import { isPlainObject } from '../core/is-plain-object.js';
import { ownOption } from '../core/own-option.js';
import { checkHarnessConnection, type CheckHarnessConnectionOptions, type HarnessConnectionHealth } from './health.js';

/**
 * Checks in flight at once by default. Each check makes two to four requests, mostly one after another, so
 * four checks keep well under a dozen requests open: a nightly job that goes unnoticed by Harness and by
 * the host's own outbound limits.
 */
export const DEFAULT_CHECK_CONCURRENCY = 4;

/**
 * The most checks in flight at once. Harness allows 5,000 requests per 10 s per IP, 500 a second. A check
 * is at most four requests in two round trips; at 100 ms a round trip one slot makes about 20 requests a
 * second, so 16 slots stay near 320 a second, under the limit with room for the host's other calls.
 */
export const MAX_CHECK_CONCURRENCY = 16;

function refuse(detail: string): HarnessConnectError {
  return new HarnessConnectError('configuration', { detail: `harness-connect: ${detail}` });
}

/** How a refused item is named: `null`, `an array` or its type, never its value (it may be a key). */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** One stored connection to check: its key, its account, and anything that differs from the shared options. */
export interface HarnessConnectionToCheck extends Partial<CheckHarnessConnectionOptions> {
  apiKey: string;
  accountId: string;
}

export interface CheckHarnessConnectionsOptions extends Partial<Omit<CheckHarnessConnectionOptions, 'accountId'>> {
  /**
   * How many checks run at once, 1 … 16.
   * @default 4
   */
  concurrency?: number;
}

/**
 * Checks each connection with `checkHarnessConnection`, at most `concurrency` at a time, and resolves with
 * the results in the order of `list`. The shared options apply to every check; an item's own fields win.
 * Rejects, starting no further checks, when one check rejects: the signal aborted, or the set-up is wrong
 * (`configuration`), which would fail every other check the same way.
 */
export async function checkHarnessConnections(
  list: readonly HarnessConnectionToCheck[],
  options: CheckHarnessConnectionsOptions = {},
): Promise<HarnessConnectionHealth[]> {
  // Checked before any check starts: an item that cannot be read would otherwise fail midway, with a bare
  // TypeError, after some keys were already sent to Harness.
  if (!Array.isArray(list)) throw refuse('checkHarnessConnections(list, options) needs a list (an array) of { apiKey, accountId }.');
  const wrong = list.findIndex((item) => !isPlainObject(item));
  if (wrong !== -1) throw refuse(`list[${wrong}] must be an object { apiKey, accountId, ...options }; got ${kindOf(list[wrong])}.`);
  // `as unknown`: a JavaScript caller may pass anything; the declared type stays for what follows.
  if (!isPlainObject(options as unknown)) throw refuse('checkHarnessConnections(list, options): options must be an object when given.');
  const { concurrency: _concurrency, ...shared } = options;
  const concurrency = ownOption(options, 'concurrency') ?? DEFAULT_CHECK_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CHECK_CONCURRENCY) {
    throw new HarnessConnectError('configuration', {
      detail: `harness-connect: concurrency must be a whole number from 1 to ${MAX_CHECK_CONCURRENCY} (Harness's per-IP limit); got ${String(concurrency)}.`,
    });
  }
  const results: HarnessConnectionHealth[] = new Array(list.length);
  let next = 0;
  let failed = false;

  /** Takes the next unchecked connection until none is left, or until a check has failed. */
  async function worker(): Promise<void> {
    while (!failed && next < list.length) {
      const index = next;
      next += 1;
      const { apiKey: _apiKey, ...item } = list[index]!;
      const apiKey = ownOption(list[index]!, 'apiKey') as string;
      // A field an item leaves undefined (a column that is empty) keeps the shared value.
      const own = Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined));
      try {
        results[index] = await checkHarnessConnection(apiKey, { ...shared, ...own, accountId: ownOption(item, 'accountId') as string });
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  }

  const workers = Array.from({ length: Math.min(concurrency, list.length) }, () => worker());
  await Promise.all(workers);
  return results;
}
