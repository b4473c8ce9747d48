/**
 * Calling the host's callbacks (`onEvent`, `onSuccess`, `onError`, `onOpenChange`, `onClose`, a trigger's
 * `onClick`). A host's analytics mapping that throws for one event type must not stop the flow: a throw
 * inside an effect would unmount the host's React tree, and one between two steps of a submit would leave
 * the widget waiting for an answer that never comes. So each call is guarded, its throw reported the way
 * the platform reports an uncaught error (`reportError`: the console and `window`'s `error` event, where the
 * host's error tracking listens), and the flow goes on.
 */
import { scrubSecret } from '../core/errors.js';

/**
 * The message of a thrown value when none can be read: a thrown `Object.create(null)`, an object whose
 * `message` is not text or whose getter throws. Fixed words, so that reporting never depends on the value.
 */
const NO_MESSAGE = '(a value without a readable message)';

/**
 * The message of a thrown value, as text. Never throws: an Error's `message`, a plain `{ message }`, a
 * string or another primitive as it is; anything else is `NO_MESSAGE` (no `String(value)`, which throws for a
 * null-prototype object and runs a host's own `toString`).
 */
function messageOf(thrown: unknown): string {
  try {
    if (typeof thrown === 'string') return thrown;
    if (typeof thrown === 'object' && thrown !== null) {
      const { message } = thrown as { message?: unknown };
      return typeof message === 'string' ? message : NO_MESSAGE;
    }
    if (typeof thrown === 'function' || typeof thrown === 'symbol') return NO_MESSAGE;
    return String(thrown);
  } catch {
    return NO_MESSAGE;
  }
}

/** Hands a report to the platform: `reportError` where there is one (browsers, Deno), else the console. */
function deliver(callbackName: string, reported: unknown): void {
  if (typeof reportError === 'function') reportError(reported);
  else console.error(`harness-connect: the host's ${callbackName} threw; the widget carried on.`, reported);
}

/**
 * Reports what a host callback threw, and never throws itself: a throw here would escape `callHost` and leave a
 * submit waiting for an answer that never comes. When the widget has the key in hand, what is reported is a
 * fresh Error built only from the thrown value's message with the key and its secret part scrubbed out, never
 * the value itself: an HTTP client's error keeps the request body in `config.data`, an Error its `cause`, and
 * an error tracker records those fields too. Without a key in hand the value is reported as it is (its stack
 * is the host's best clue).
 */
export function reportHostError(callbackName: string, thrown: unknown, apiKey?: string): void {
  try {
    const keyInHand = apiKey !== undefined && apiKey !== '';
    const reported = keyInHand
      ? new Error(`harness-connect: the host's ${callbackName} threw: ${scrubSecret(messageOf(thrown), apiKey)}`)
      : thrown;
    deliver(callbackName, reported);
  } catch {
    // The report itself failed (a `reportError` replaced by one that throws, a value the console cannot show).
    try {
      console.error(`harness-connect: the host's ${callbackName} threw, and reporting it failed; the widget carried on.`);
    } catch {
      // Nothing is left to report with; the flow goes on regardless.
    }
  }
}

/**
 * The `then` of a promise-like value (a native Promise, one from another realm such as an iframe, or a
 * library's), else `null`.
 */
function thenOf(value: unknown): ((onFulfilled: undefined, onRejected: (reason: unknown) => void) => unknown) | null {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return null;
  const { then } = value as { then?: unknown };
  return typeof then === 'function' ? (then as (onFulfilled: undefined, onRejected: (reason: unknown) => void) => unknown) : null;
}

/**
 * Calls `callback` (when there is one) with `args`; a throw is reported and swallowed. `apiKey` is the key
 * when the caller has it in hand (a submit), so a report can be scrubbed of it.
 */
export function callHost<TArgs extends unknown[]>(
  callbackName: string,
  callback: ((...args: TArgs) => unknown) | null | undefined,
  args: TArgs,
  apiKey?: string,
): void {
  if (typeof callback !== 'function') return;
  try {
    const returned = callback(...args);
    // An async callback (`async (event) => analytics.track(...)`) fails later: reported the same way, not
    // left as an unhandled rejection. Any thenable counts, not only this realm's `Promise`.
    const then = thenOf(returned);
    if (then !== null) Reflect.apply(then, returned, [undefined, (thrown: unknown) => reportHostError(callbackName, thrown, apiKey)]);
  } catch (thrown) {
    reportHostError(callbackName, thrown, apiKey);
  }
}
