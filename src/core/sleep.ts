/**
 * The one abort-aware pause of the package (the server's pause before its retry; the mock's delays).
 * Internal: no public entry exports it.
 */

/**
 * Resolves after `ms`, or rejects with the signal's reason as soon as it aborts (at once when it already
 * has). The timer is cleared on abort and the listener removed when the time is up, so neither outlives
 * the pause.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
