import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSecondsUntil } from '../../src/widget/use-seconds-until.js';

// The countdown a held button shows: its very first number for a new wait must not be above the wait.

afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
});

/** A moment, in epoch ms, the test's clock starts at. */
const START = 1_700_000_000_000;
/** How long the form was on screen before a wait began. */
const MOUNTED_FOR_MS = 5_000;
/** The wait a failure asked for. */
const WAIT_MS = 10_000;

describe('useSecondsUntil', () => {
  it('counts a new wait from the time it arrives, not from when the form was first rendered', () => {
    let clock = START;
    vi.spyOn(Date, 'now').mockImplementation(() => clock);
    const shown: number[] = [];
    const { rerender } = renderHook(
      ({ at }: { at: number | null }) => {
        const seconds = useSecondsUntil(at);
        shown.push(seconds);
        return seconds;
      },
      { initialProps: { at: null as number | null } },
    );
    clock += MOUNTED_FOR_MS;
    rerender({ at: clock + WAIT_MS });
    expect(shown.slice(1)).not.toHaveLength(0);
    // Every render of the new wait, the first included, shows at most the ten seconds asked for.
    expect(Math.max(...shown.slice(1))).toBe(WAIT_MS / 1000);
  });
});
