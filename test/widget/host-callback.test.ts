/**
 * The host-callback guard, as a host's error tracking sees it: what is reported when a host's callback throws
 * or rejects, and that the guard itself never throws (a throw would leave a submit in flight for good).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callHost } from '../../src/widget/host-callback.js';
import { HARNESS_FIXTURE_TOKENS as TOKENS } from '../../src/testing/index.js';

const KEY = TOKENS.pat;
/** The part of the key after its last dot: on its own, still enough to use the key. */
const SECRET = KEY.slice(KEY.lastIndexOf('.') + 1);
/** Long enough for a rejection's report, which arrives in a later task, to have been made. */
const SETTLE_MS = 20;

/** Everything reachable from a reported value, as text: what an error tracker that records extra fields sees. */
function deepText(value: unknown, seen = new Set<unknown>()): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return String(value);
  if (seen.has(value)) return '';
  seen.add(value);
  const names = Object.getOwnPropertyNames(value);
  return names.map((name) => `${name}=${deepText((value as Record<string, unknown>)[name], seen)}`).join(' ');
}

afterEach(() => vi.unstubAllGlobals());

/** Runs `run` with `reportError` recording what it is given; returns the record (rejections arrive later). */
function reportsOf(run: () => void): unknown[] {
  const reported: unknown[] = [];
  vi.stubGlobal('reportError', (value: unknown) => reported.push(value));
  run();
  return reported;
}

describe('callHost with the key in hand: the report is a fresh Error that never carries the key', () => {
  it('an HTTP client error whose request config holds the key (its message does not)', () => {
    const reported = reportsOf(() =>
      callHost(
        'onSuccess',
        () => {
          const error = new Error('Request failed with status code 500') as Error & { config?: unknown };
          error.config = { data: JSON.stringify({ apiKey: KEY }) };
          throw error;
        },
        [],
        KEY,
      ),
    );
    expect(reported).toHaveLength(1);
    expect(deepText(reported[0])).not.toContain(KEY);
    expect((reported[0] as Error).message).toBe("harness-connect: the host's onSuccess threw: Request failed with status code 500");
  });

  it('an Error whose cause holds the key', () => {
    const reported = reportsOf(() =>
      callHost(
        'onSuccess',
        () => {
          throw new Error('save failed', { cause: new Error(`body ${KEY}`) });
        },
        [],
        KEY,
      ),
    );
    expect(deepText(reported[0])).not.toContain(KEY);
    expect((reported[0] as Error).cause).toBeUndefined();
  });

  it('a thrown plain object holding the key in its message', () => {
    const reported = reportsOf(() =>
      callHost(
        'onEvent',
        () => {
          throw { message: `bad key ${KEY}` };
        },
        [],
        KEY,
      ),
    );
    expect(reported[0]).toBeInstanceOf(Error);
    expect(deepText(reported[0])).not.toContain(KEY);
    expect((reported[0] as Error).message).toMatch(/^harness-connect: the host's onEvent threw: bad key /);
  });

  it('an Error naming only the secret part (an echoed header)', () => {
    const reported = reportsOf(() =>
      callHost(
        'onEvent',
        () => {
          throw new Error(`proxy refused: x-api-key …${SECRET}`);
        },
        [],
        KEY,
      ),
    );
    expect(deepText(reported[0])).not.toContain(SECRET);
  });

  it('an async callback rejecting with an error whose cause holds the key', async () => {
    const reported = reportsOf(() =>
      callHost(
        'onError',
        async () => {
          throw new Error('tracking failed', { cause: { body: KEY } });
        },
        [],
        KEY,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    expect(reported).toHaveLength(1);
    expect(deepText(reported[0])).not.toContain(KEY);
  });
});

describe('callHost without a key in hand', () => {
  it('reports the thrown value itself: its stack is the host developer’s best clue', () => {
    const thrown = new Error('closed twice');
    const reported = reportsOf(() =>
      callHost(
        'onClose',
        () => {
          throw thrown;
        },
        [],
      ),
    );
    expect(reported).toEqual([thrown]);
  });
});

describe('callHost: whatever a callback throws, the guard itself does not throw', () => {
  it('a thrown null-prototype object is reported with fixed words', () => {
    let reported: unknown[] = [];
    expect(() => {
      reported = reportsOf(() =>
        callHost(
          'onEvent',
          () => {
            throw Object.create(null);
          },
          [],
          KEY,
        ),
      );
    }).not.toThrow();
    expect((reported[0] as Error).message).toBe("harness-connect: the host's onEvent threw: (a value without a readable message)");
  });

  it('an Error whose stack and message getters throw', () => {
    const reported = reportsOf(() => {
      expect(() =>
        callHost(
          'onEvent',
          () => {
            const error = new Error('x');
            Object.defineProperty(error, 'stack', {
              get() {
                throw new Error('no stack');
              },
            });
            Object.defineProperty(error, 'message', {
              get() {
                throw new Error('no message');
              },
            });
            throw error;
          },
          [],
          KEY,
        ),
      ).not.toThrow();
    });
    expect(reported).toHaveLength(1);
  });

  it('a reportError that throws', () => {
    vi.stubGlobal('reportError', () => {
      throw new Error('tracker down');
    });
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(() =>
        callHost(
          'onEvent',
          () => {
            throw new Error('x');
          },
          [],
          KEY,
        ),
      ).not.toThrow();
    } finally {
      consoleError.mockRestore();
    }
  });

  it('an async callback rejecting with a null-prototype object is reported, not left unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const reported = reportsOf(() =>
        callHost(
          'onEvent',
          async () => {
            throw Object.create(null);
          },
          [],
          KEY,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      expect(unhandled).toEqual([]);
      expect(reported).toHaveLength(1);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a thenable that is not this realm’s Promise (another realm’s, a library’s) is watched too', () => {
    let rejection: unknown = null;
    const thenable = {
      then(_onFulfilled: unknown, onRejected?: (reason: unknown) => void) {
        rejection = onRejected;
      },
    };
    const reported = reportsOf(() => callHost('onEvent', () => thenable, [], KEY));
    expect(typeof rejection).toBe('function');
    (rejection as (reason: unknown) => void)(new Error(`later ${KEY}`));
    expect(reported).toHaveLength(1);
    expect(deepText(reported[0])).not.toContain(KEY);
  });
});
