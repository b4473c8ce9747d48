// At most `limit` attempts per key in each window of `windowMs`. In memory, so for one process: with several
// instances, count in a shared store instead (Redis INCR on a key that EXPIREs with the window, say).
const MS_PER_SECOND = 1000;

export type FixedWindowVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function createFixedWindowLimiter({ limit, windowMs, now = Date.now }: { limit: number; windowMs: number; now?: () => number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Counts one attempt for `key`: a user id, a session id or a client address. */
    take(key: string): FixedWindowVerdict {
      const time = now();
      let window = windows.get(key);
      if (window === undefined || time - window.start >= windowMs) {
        // Windows that have ended go, so the map does not keep every key ever seen.
        for (const [other, ended] of windows) {
          if (time - ended.start >= windowMs) windows.delete(other);
        }
        window = { start: time, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= limit) return { allowed: true };
      const secondsLeft = Math.ceil((window.start + windowMs - time) / MS_PER_SECOND);
      return { allowed: false, retryAfterSeconds: Math.max(1, secondsLeft) };
    },
    /** Forgets every count. */
    reset(): void {
      windows.clear();
    },
  };
}

export type FixedWindowLimiter = ReturnType<typeof createFixedWindowLimiter>;
