/**
 * A successful result with the key taken out. A host's `connect` (or its route) may hand back something that
 * holds the request it made (an HTTP client's response keeps the body, and so the key, in `config.data`), or a
 * route may echo the key: what the widget passes on to `onSuccess`, its events and a host's QueryClient must not
 * hold it, as an error must not.
 *
 * A result is passed on as data. What a scrub can read entirely is kept (copied when it holds the key):
 * strings, numbers and other primitives, plain objects and arrays (their data properties), `Map`, `Set`,
 * `Headers`, `URLSearchParams` and `Date`. Anything else can hide the key where no scrub looks (a class's
 * private `#field`, a getter, a closure, an engine's internal slot): a class instance, a function, a
 * `Response`, an `Error` is replaced by `[redacted]`, whether or not it holds the key. A getter of a plain
 * object is not run (it could do anything): it is left out of the copy.
 */
import { scrubSecret } from './errors.js';

/** What stands where a value that could not be passed on as data, or held the key, was. */
const REDACTED = '[redacted]';

type Entries = Array<[string, string]>;

/** A plain object or array: its own data properties are all it holds. */
function isPlainContainer(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The pairs of a `Headers` or `URLSearchParams` (both iterate `[name, value]` strings); `null` for anything else. */
function stringPairs(value: object): Entries | null {
  const isHeaders = typeof Headers === 'function' && value instanceof Headers;
  const isParams = typeof URLSearchParams === 'function' && value instanceof URLSearchParams;
  return isHeaders || isParams ? [...(value as Headers)] : null;
}

/**
 * True when `value` can be passed on as it is: it holds none of `needles` in any string, and all it holds
 * can be read (see the module's comment). Cycles are followed once.
 */
function isCleanData(value: unknown, needles: string[], seen: Set<object>): boolean {
  if (typeof value === 'string') return !needles.some((needle) => value.includes(needle));
  if (typeof value === 'function') return false;
  if (typeof value !== 'object' || value === null || seen.has(value)) return true;
  seen.add(value);
  const clean = (item: unknown) => isCleanData(item, needles, seen);
  if (value instanceof Date) return true;
  if (value instanceof Map) return [...value].every(([key, item]) => clean(key) && clean(item));
  if (value instanceof Set) return [...value].every(clean);
  const pairs = stringPairs(value);
  if (pairs !== null) return pairs.every(([name, item]) => clean(name) && clean(item));
  if (!isPlainContainer(value)) return false;
  return Reflect.ownKeys(value).every((key) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
    // A getter cannot be read without running it: the object is copied, and the getter left out.
    return descriptor !== undefined && 'value' in descriptor && clean(descriptor.value);
  });
}

/**
 * `result` without the key or its secret part, as data (see the module's comment): strings scrubbed; plain
 * objects, arrays, Maps, Sets, `Headers` and `URLSearchParams` copied with their keys and values scrubbed;
 * any other object or function replaced by `[redacted]`. The same value comes back when it is all readable
 * data and nothing in it holds the key.
 */
export function withoutSecretIn<T>(result: T, apiKey: string): T {
  const secret = apiKey.slice(apiKey.lastIndexOf('.') + 1);
  const needles = [apiKey, secret].filter((needle) => needle.length > 0);
  const copies = new Map<object, unknown>();
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return scrubSecret(value, apiKey);
    if (typeof value === 'function') return REDACTED;
    if (typeof value !== 'object' || value === null) return value;
    if (isCleanData(value, needles, new Set())) return value;
    const known = copies.get(value);
    if (known !== undefined) return known;
    if (value instanceof Map) {
      const copy = new Map<unknown, unknown>();
      copies.set(value, copy);
      for (const [key, item] of value) copy.set(scrub(key), scrub(item));
      return copy;
    }
    if (value instanceof Set) {
      const copy = new Set<unknown>();
      copies.set(value, copy);
      for (const item of value) copy.add(scrub(item));
      return copy;
    }
    const pairs = stringPairs(value);
    if (pairs !== null) {
      // A pair named by the key is dropped: `[redacted]` is no header name, and the name is what it was about.
      const kept = pairs.filter(([name]) => scrubSecret(name, apiKey) === name);
      const scrubbed: Entries = kept.map(([name, item]) => [name, scrubSecret(item, apiKey)]);
      return value instanceof Headers ? new Headers(scrubbed) : new URLSearchParams(scrubbed);
    }
    if (!isPlainContainer(value)) return REDACTED;
    const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
    copies.set(value, copy);
    // Data properties only: a getter is not run (it could do anything) and is left out of the copy.
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
      if (key !== 'length' && 'value' in descriptor && descriptor.enumerable === true) {
        (copy as Record<string, unknown>)[key] = scrub(descriptor.value);
      }
    }
    return copy;
  };
  return scrub(result) as T;
}
