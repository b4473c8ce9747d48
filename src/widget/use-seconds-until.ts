import { useEffect, useState } from 'react';

/** One second, the countdown's step. */
export const SECOND_MS = 1000;

/**
 * Whole seconds left until `at` (epoch ms), rounded up and re-rendered once a second while any are left;
 * `0` once it has passed or when there is no `at`. Rounded up so that "in 1 s" is shown until the moment the
 * wait is over, never "in 0 s".
 */
export function useSecondsUntil(at: number | null): number {
  // The time last read, with the `at` it was read for. A new `at` (a new wait, or a form mounted while one
  // runs) is counted from the time now, read in that very render: a time read earlier would show more seconds
  // than are left until the first tick.
  const [reading, setReading] = useState(() => ({ at, now: Date.now() }));
  let now = reading.now;
  if (reading.at !== at) {
    now = Date.now();
    setReading({ at, now });
  }
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => {
      const tick = Date.now();
      setReading({ at, now: tick });
      if (tick >= at) clearInterval(timer);
    }, SECOND_MS);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? 0 : Math.max(0, Math.ceil((at - now) / SECOND_MS));
}
