import { ownOption } from '../core/own-option.js';
import { HarnessConnectError, isTimeoutError } from '../core/errors.js';
import type { HarnessCredentialsInput } from '../core/credentials.js';
import type { HarnessTokenVerification } from '../core/harness-response.js';
import { sleep } from '../core/sleep.js';
import { readTimeoutMs } from '../core/timeout-option.js';
import { verifyHarnessToken, VERIFY_TIMEOUT_MS, type VerifyHarnessTokenOptions } from '../core/verify.js';

/** A server never waits longer than this for Harness, whatever it is configured with. */
export const MAX_SERVER_TIMEOUT_MS = 30_000;

/** Pause before the single retry: long enough for a load balancer to pick another node. */
export const RETRY_DELAY_MS = 300;

/**
 * The retry's timeout is what is left of the budget, which a late timer may have eaten: never less than this,
 * so that it still gives up on its own rather than before the request is sent.
 */
const MIN_TIMEOUT_MS = 1;

/**
 * The least time worth giving the retry: Harness answers token/validate (and the calls after it) in well under
 * a second. With less of the budget left after the pause, the first failure is the answer.
 */
export const MIN_RETRY_ATTEMPT_MS = 1_000;

export interface VerifyHarnessCredentialsOptions extends VerifyHarnessTokenOptions {
  /**
   * Try once more after a 5xx answer or a network failure (never after a 4xx, a timeout or an abort:
   * those would fail the same way, or double the wait), when the rest of `timeoutMs` leaves room for it.
   * @default true
   */
  retry?: boolean;
}

/**
 * Verifies Harness credentials from a server (Node 20+, Deno, Bun, Cloudflare Workers, Vercel Edge):
 * `verifyHarnessToken` with a bounded timeout and at most one retry, for 5xx answers and network
 * failures only. `timeoutMs` (a number above 0, a larger one than `MAX_SERVER_TIMEOUT_MS` taken as that;
 * anything else is a `configuration` error, as for `verifyHarnessToken`) is the budget of the whole verification: the
 * first attempt, the pause and the retry, which is only started when `RETRY_DELAY_MS` and
 * `MIN_RETRY_ATTEMPT_MS` still fit in it. Resolves to what Harness says about the token or rejects with a
 * `HarnessConnectError`.
 */
export async function verifyHarnessCredentials(
  credentials: HarnessCredentialsInput,
  options: VerifyHarnessCredentialsOptions = {},
): Promise<HarnessTokenVerification> {
  // Read by the core's rule (`verifyHarnessToken` applies the same): 0, a negative number or a string is the
  // host's typo, refused as `configuration` before any request rather than taken as some other budget.
  const budgetMs = Math.min(readTimeoutMs(ownOption(options, 'timeoutMs'), 'timeoutMs', VERIFY_TIMEOUT_MS), MAX_SERVER_TIMEOUT_MS);
  const deadline = Date.now() + budgetMs;
  const attempt = (timeoutMs: number) => verifyHarnessToken(credentials, { ...options, timeoutMs });
  try {
    return await attempt(budgetMs);
  } catch (error) {
    // Only a 5xx or a network failure may pass on the next try; an oversized or odd answer is wrong_host.
    const transient = error instanceof HarnessConnectError && error.code === 'unavailable';
    if (!transient || ownOption(options, 'retry') === false) throw error;
    // A retry that cannot finish within the budget would only make the caller wait longer for the same answer.
    if (deadline - Date.now() < RETRY_DELAY_MS + MIN_RETRY_ATTEMPT_MS) throw error;
    try {
      await sleep(RETRY_DELAY_MS, ownOption(options, 'signal'));
    } catch (reason) {
      // The caller stopped during the pause: told the way verifyHarnessToken tells it.
      throw new HarnessConnectError(isTimeoutError(reason) ? 'timeout' : 'aborted');
    }
    return attempt(Math.max(MIN_TIMEOUT_MS, deadline - Date.now()));
  }
}
