/**
 * A successful result with the key taken out. A host's `connect` (or its route) may hand back something that
 * holds the request it made (an HTTP client's response keeps the body, and so the key, in `config.data`), or a
 * route may echo the key: what the widget passes on to `onSuccess`, its events and a host's QueryClient must not
 * hold it, as an error must not.
 */
import { scrubSecret } from './errors.js';

/** What stands where a value that held the key, and could not be copied without it, was. */
const REDACTED = '[redacted]';

/** A plain object or array, copied field by field; anything else (a class instance, a Date) is kept as it is unless it holds the key. */
function isPlainContainer(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** True when `needle` is in any string reachable from `value` through own properties (cycles followed once). */
function holds(value: unknown, needle: string, seen: Set<object>): boolean {
  if (typeof value === 'string') return value.includes(needle);
  if (typeof value !== 'object' || value === null || seen.has(value)) return false;
  seen.add(value);
  return Reflect.ownKeys(value).some((key) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
    // A getter is not run: it could do anything. Its value is not part of what is passed on as data.
    return descriptor !== undefined && 'value' in descriptor && holds(descriptor.value, needle, seen);
  });
}

/**
 * `result` without the key or its secret part: strings scrubbed, plain objects and arrays copied with their
 * fields scrubbed, and any other object that holds the key replaced by `[redacted]` (it cannot be copied
 * faithfully). The same value comes back when nothing in it holds the key.
 */
export function withoutSecretIn<T>(result: T, apiKey: string): T {
  const secret = apiKey.slice(apiKey.lastIndexOf('.') + 1);
  const needles = [apiKey, secret].filter((needle) => needle.length > 0);
  const copies = new Map<object, unknown>();
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return scrubSecret(value, apiKey);
    if (typeof value !== 'object' || value === null) return value;
    if (!needles.some((needle) => holds(value, needle, new Set()))) return value;
    if (!isPlainContainer(value)) return REDACTED;
    const known = copies.get(value);
    if (known !== undefined) return known;
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
