/**
 * Calling the host's callbacks (`onEvent`, `onSuccess`, `onError`, `onOpenChange`, `onClose`, a trigger's
 * `onClick`). A host's analytics mapping that throws for one event type must not stop the flow: a throw
 * inside an effect would unmount the host's React tree, and one between two steps of a submit would leave
 * the widget waiting for an answer that never comes. So each call is guarded, its throw reported the way
 * the platform reports an uncaught error (`reportError`: the console and `window`'s `error` event, where the
 * host's error tracking listens), and the flow goes on.
 */
import { scrubSecret } from '../core/errors.js';

/** The text of a thrown value, its stack included, for the one check below. */
function textOf(thrown: unknown): string {
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}\n${thrown.stack ?? ''}`;
  return String(thrown);
}

/**
 * Reports what a host callback threw. When the widget knows the key at that moment and the thrown value
 * mentions it anywhere, a scrubbed copy of its message is reported instead: the key never reaches the
 * console or an error tracker.
 */
export function reportHostError(callbackName: string, thrown: unknown, apiKey?: string): void {
  const holdsKey = apiKey !== undefined && apiKey !== '' && textOf(thrown).includes(apiKey);
  const reported = holdsKey
    ? new Error(`harness-connect: the host's ${callbackName} threw: ${scrubSecret(thrown instanceof Error ? thrown.message : String(thrown), apiKey)}`)
    : thrown;
  if (typeof reportError === 'function') reportError(reported);
  else console.error(`harness-connect: the host's ${callbackName} threw; the widget carried on.`, reported);
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
    // left as an unhandled rejection.
    if (returned instanceof Promise) returned.catch((thrown: unknown) => reportHostError(callbackName, thrown, apiKey));
  } catch (thrown) {
    reportHostError(callbackName, thrown, apiKey);
  }
}
