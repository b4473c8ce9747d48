/**
 * A fixed-window rate limiter, kept in memory: at most `limit` attempts per key in each window of
 * `windowMs`. README's "Security" section shows this same code for a host to copy.
 *
 * Memory only, so one process: a host running several instances counts in a shared store instead (for
 * example Redis `INCR` on a key that `EXPIRE`s with the window).
 */
export interface FixedWindowLimiterOptions {
  /** Attempts allowed per key in one window. */
  limit: number;
  windowMs: number;
  /** The clock, for tests. */
  now?: () => number;
}

export type FixedWindowVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface FixedWindowLimiter {
  /** Counts one attempt for `key` (a user id, a session id or a client address). */
  take(key: string): FixedWindowVerdict;
  /** Forgets every count. */
  reset(): void;
}

export function createFixedWindowLimiter({ limit, windowMs, now = Date.now }: FixedWindowLimiterOptions): FixedWindowLimiter {
  const windows = new Map<string, { start: number; count: number }>();

  /** Drops the windows that have ended, so the map does not keep every key ever seen. */
  function prune(time: number): void {
    for (const [key, window] of windows) {
      if (time - window.start >= windowMs) windows.delete(key);
    }
  }

  return {
    take(key) {
      const time = now();
      let window = windows.get(key);
      if (window === undefined || time - window.start >= windowMs) {
        prune(time);
        window = { start: time, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= limit) return { allowed: true };
      const msLeft = window.start + windowMs - time;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
    },
    reset() {
      windows.clear();
    },
  };
}
