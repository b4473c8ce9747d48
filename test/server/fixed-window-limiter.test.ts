/**
 * The fixed-window limiter the demo's server uses in `beforeVerify`, and README's "Security" section
 * shows for a host to copy.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFixedWindowLimiter } from '../../demo/server/rate-limit.js';

const WINDOW_MS = 60_000;

describe('createFixedWindowLimiter', () => {
  describe('given three attempts per minute', () => {
    it('allows three, refuses the fourth with the seconds left, and allows again in the next window', () => {
      let time = 1_000_000;
      const limiter = createFixedWindowLimiter({ limit: 3, windowMs: WINDOW_MS, now: () => time });
      expect([limiter.take('ada'), limiter.take('ada'), limiter.take('ada')]).toEqual(Array(3).fill({ allowed: true }));
      time += 15_500;
      expect(limiter.take('ada')).toEqual({ allowed: false, retryAfterSeconds: 45 });
      time += 44_500;
      expect(limiter.take('ada')).toEqual({ allowed: true });
    });

    it('counts each key on its own', () => {
      const limiter = createFixedWindowLimiter({ limit: 1, windowMs: WINDOW_MS, now: () => 0 });
      expect(limiter.take('ada')).toEqual({ allowed: true });
      expect(limiter.take('grace')).toEqual({ allowed: true });
      expect(limiter.take('ada')).toMatchObject({ allowed: false });
    });

    it('asks for at least a second, never 0', () => {
      let time = 0;
      const limiter = createFixedWindowLimiter({ limit: 1, windowMs: WINDOW_MS, now: () => time });
      limiter.take('ada');
      time = WINDOW_MS - 1;
      expect(limiter.take('ada')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    });

    it('forgets every count on reset', () => {
      const limiter = createFixedWindowLimiter({ limit: 1, windowMs: WINDOW_MS, now: () => 0 });
      limiter.take('ada');
      limiter.reset();
      expect(limiter.take('ada')).toEqual({ allowed: true });
    });
  });

  it('is the code README shows a host to copy', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const source = readFileSync(new URL('../../demo/server/rate-limit.ts', import.meta.url), 'utf8');
    expect(readme).toContain(source.trim());
  });
});
