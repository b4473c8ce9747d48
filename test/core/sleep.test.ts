import { describe, expect, it } from 'vitest';
import { sleep } from '../../src/core/sleep.js';

describe('sleep', () => {
  it('resolves after the time given', async () => {
    const started = Date.now();
    await sleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('rejects with the reason as soon as the signal aborts, well before the time is up', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = sleep(5_000, controller.signal);
    setTimeout(() => controller.abort(new DOMException('closed', 'AbortError')), 10);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'closed' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('rejects at once for a signal that has already aborted', async () => {
    await expect(sleep(5_000, AbortSignal.abort('gone'))).rejects.toBe('gone');
  });

  it('lets go of the signal once the time is up', async () => {
    const controller = new AbortController();
    let listeners = 0;
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => {
      listeners += 1;
      add(...args);
    }) as typeof signal.addEventListener;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      listeners -= 1;
      remove(...args);
    }) as typeof signal.removeEventListener;
    await sleep(5, signal);
    expect(listeners).toBe(0);
    // A later abort no longer reaches the finished pause (it would reject an already settled promise).
    controller.abort();
  });
});
