import { HarnessConnectError } from '../core/errors.js';
import type { HarnessCredentialsInput } from '../core/credentials.js';
import type { HarnessTokenVerification } from '../core/harness-response.js';
import { verifyHarnessToken, VERIFY_TIMEOUT_MS, type VerifyHarnessTokenOptions } from '../core/verify.js';

/** A server never waits longer than this for Harness, whatever it is configured with. */
export const MAX_SERVER_TIMEOUT_MS = 30_000;

/** Pause before the single retry: long enough for a load balancer to pick another node. */
export const RETRY_DELAY_MS = 300;

export interface VerifyHarnessCredentialsOptions extends VerifyHarnessTokenOptions {
  /**
   * Try once more after a 5xx answer or a network failure (never after a 4xx, a timeout or an abort:
   * those would fail the same way, or double the wait).
   * @default true
   */
  retry?: boolean;
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new HarnessConnectError('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Verifies Harness credentials from a server (Node 20+, Deno, Bun, Cloudflare Workers, Vercel Edge):
 * `verifyHarnessToken` with a bounded timeout and at most one retry, for 5xx answers and network
 * failures only. Resolves to what Harness says about the token or rejects with a `HarnessConnectError`.
 */
export async function verifyHarnessCredentials(
  credentials: HarnessCredentialsInput,
  options: VerifyHarnessCredentialsOptions = {},
): Promise<HarnessTokenVerification> {
  const timeoutMs = Math.min(Math.max(1, options.timeoutMs ?? VERIFY_TIMEOUT_MS), MAX_SERVER_TIMEOUT_MS);
  const attempt = () => verifyHarnessToken(credentials, { ...options, timeoutMs });
  try {
    return await attempt();
  } catch (error) {
    if (!(error instanceof HarnessConnectError && error.code === 'unavailable') || options.retry === false) throw error;
    await pause(RETRY_DELAY_MS, options.signal);
    return attempt();
  }
}
