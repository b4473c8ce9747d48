/**
 * A successful result with the key taken out. A host's `connect` (or its route) may hand back something that
 * holds the request it made (an HTTP client's response keeps the body, and so the key, in `config.data`), or a
 * route may echo the key: what the widget passes on to `onSuccess`, its events and a host's QueryClient must not
 * hold it, as an error must not.
 *
 * A result is passed on as data. What a scrub can read entirely is kept (copied when it holds the key):
 * strings, numbers and other primitives, plain objects and arrays (their data properties), and `Map`, `Set`,
 * `Headers`, `URLSearchParams` and `Date` themselves: an object whose prototype is exactly the built-in's, with
 * no property of its own (the built-in keeps its data in an internal slot, read here through the built-in's
 * own methods). Anything else can hide the key where no scrub looks (a class's private `#field`, a getter, a
 * closure, an engine's internal slot): a class instance (a `Map` subclass too), a function, a `Response`, an
 * `Error`, a `Map` or `Date` given properties of its own, an object that throws when read (a hostile `Proxy`)
 * is replaced by `[redacted]`, whether or not it holds the key. A getter of a plain object is not run (it could
 * do anything): it is left out of the copy. Objects nested deeper than `MAX_RESULT_DEPTH` are `[redacted]` too.
 *
 * Each object is read once, level by level from the top (no recursion: a deep nesting cannot overflow the
 * stack), and the scrub never throws. An object that holds nothing to change is passed on as the same object.
 */
import { redact, secretNeedles } from './errors.js';

/** What stands where a value that could not be passed on as data, or held the key, was. */
const REDACTED = '[redacted]';

/**
 * How many levels below the result itself are read; an object nested deeper is replaced by `[redacted]`. A
 * connect's result is a few levels deep (an answer's JSON, a stored row): this is far beyond any real one, and
 * bounds what a runaway or hostile nesting (a list in a list, 20,000 times) costs.
 */
export const MAX_RESULT_DEPTH = 64;

type Entries = Array<[string, string]>;

/** One own property of a plain object or array; `kept` when a copy carries it (enumerable, named by a string). */
interface Property {
  name: string | symbol;
  value: unknown;
  kept: boolean;
}

/** What one object of the result is, read once. `opaque`: it cannot be passed on as data. */
type Reading =
  | { kind: 'opaque' }
  | { kind: 'date' }
  | { kind: 'headers' | 'params'; pairs: Entries }
  | { kind: 'map'; entries: Array<[unknown, unknown]> }
  | { kind: 'set'; items: unknown[] }
  | { kind: 'array' | 'object'; properties: Property[]; hasGetter: boolean };

const OPAQUE: Reading = { kind: 'opaque' };

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** The own properties of a plain object or array. A getter is noted, never run. */
function readProperties(kind: 'array' | 'object', value: object, names: Array<string | symbol>): Reading {
  const properties: Property[] = [];
  let hasGetter = false;
  for (const name of names) {
    const descriptor = Reflect.getOwnPropertyDescriptor(value, name);
    if (descriptor === undefined) continue;
    if (!('value' in descriptor)) {
      hasGetter = true;
      continue;
    }
    const kept = typeof name === 'string' && descriptor.enumerable === true && !(kind === 'array' && name === 'length');
    properties.push({ name, value: descriptor.value, kept });
  }
  return { kind, properties, hasGetter };
}

/**
 * What `value` is. The prototype must be exactly the built-in's: a subclass may add private fields and methods
 * that reach them. Its data is read through the built-in's own methods, which throw for an object that only
 * borrows the prototype.
 */
function readExactly(value: object): Reading {
  const prototype = Reflect.getPrototypeOf(value);
  const names = Reflect.ownKeys(value);
  if (prototype === Object.prototype || prototype === null) return readProperties('object', value, names);
  if (prototype === Array.prototype && Array.isArray(value)) return readProperties('array', value, names);
  // A built-in with properties of its own is no longer only the built-in: whatever put them there (a client's
  // wrapper) may have put the key there, under a symbol or out of sight. Replaced rather than guessed at.
  if (names.length > 0) return OPAQUE;
  if (prototype === Map.prototype) return { kind: 'map', entries: [...Map.prototype.entries.call(value as Map<unknown, unknown>)] };
  if (prototype === Set.prototype) return { kind: 'set', items: [...Set.prototype.values.call(value as Set<unknown>)] };
  if (prototype === Date.prototype) {
    // A Date holds only a number: reading it is just the check that it is one.
    Date.prototype.getTime.call(value as Date);
    return { kind: 'date' };
  }
  if (typeof Headers === 'function' && prototype === Headers.prototype) {
    return { kind: 'headers', pairs: [...Headers.prototype.entries.call(value as Headers)] };
  }
  if (typeof URLSearchParams === 'function' && prototype === URLSearchParams.prototype) {
    return { kind: 'params', pairs: [...URLSearchParams.prototype.entries.call(value as URLSearchParams)] };
  }
  return OPAQUE;
}

/** `readExactly`, or `opaque` when reading throws (a revoked Proxy, a trap that throws, a prototype borrowed). */
function read(value: object): Reading {
  try {
    return readExactly(value);
  } catch {
    return OPAQUE;
  }
}

/** The values inside a reading that may be objects, to be read in turn. */
function childrenOf(reading: Reading): unknown[] {
  if (reading.kind === 'map') return reading.entries.flat();
  if (reading.kind === 'set') return reading.items;
  if (reading.kind === 'array' || reading.kind === 'object') return reading.properties.map((property) => property.value);
  return [];
}

/**
 * Every object of the result, read level by level: an object is read at its shallowest place, once, and
 * one first found beyond `MAX_RESULT_DEPTH` is not read at all.
 */
function readAll(root: object): Map<object, Reading> {
  const readings = new Map<object, Reading>([[root, read(root)]]);
  let level: Reading[] = [...readings.values()];
  for (let depth = 0; level.length > 0; depth += 1) {
    const next: Reading[] = [];
    for (const holder of level) {
      for (const child of childrenOf(holder)) {
        if (!isObject(child) || readings.has(child)) continue;
        const reading = depth < MAX_RESULT_DEPTH ? read(child) : OPAQUE;
        readings.set(child, reading);
        next.push(reading);
      }
    }
    level = next;
  }
  return readings;
}

/** True when a value that is not an object must change: a string or symbol holding the key, a function. */
function primitiveChanges(value: unknown, needles: readonly string[]): boolean {
  if (typeof value === 'string') return needles.some((needle) => value.includes(needle));
  if (typeof value === 'symbol') return primitiveChanges(value.description, needles);
  return typeof value === 'function';
}

/** `value` (not an object) as it is passed on. */
function scrubbedPrimitive(value: unknown, needles: readonly string[]): unknown {
  if (typeof value === 'string') return redact(value, needles);
  return primitiveChanges(value, needles) ? REDACTED : value;
}

/** True when the object read as `reading` must change because of what it holds itself (not its objects). */
function changesItself(reading: Reading, needles: readonly string[]): boolean {
  const changes = (value: unknown) => primitiveChanges(value, needles);
  switch (reading.kind) {
    case 'opaque':
      return true;
    case 'date':
      return false;
    case 'headers':
    case 'params':
      return reading.pairs.some(([name, value]) => changes(name) || changes(value));
    case 'map':
      return reading.entries.some(([key, value]) => changes(key) || changes(value));
    case 'set':
      return reading.items.some(changes);
    default:
      return reading.hasGetter || reading.properties.some(({ name, value }) => changes(name) || changes(value));
  }
}

/** Every object holding each object (the edges of `readings`, turned around). */
function holdersIn(readings: Map<object, Reading>): Map<object, object[]> {
  const holders = new Map<object, object[]>();
  for (const [object, reading] of readings) {
    for (const child of childrenOf(reading)) {
      if (!isObject(child)) continue;
      const known = holders.get(child);
      if (known === undefined) holders.set(child, [object]);
      else known.push(object);
    }
  }
  return holders;
}

/** The objects that must change: those that do themselves, and every object holding one, once each. */
function changingObjects(readings: Map<object, Reading>, needles: readonly string[]): Set<object> {
  const changing = new Set<object>();
  for (const [object, reading] of readings) {
    if (changesItself(reading, needles)) changing.add(object);
  }
  // Most results hold no key: then nothing holds a changing object, and the edges need not be turned around.
  if (changing.size === 0) return changing;
  const holders = holdersIn(readings);
  const pending = [...changing];
  for (let object = pending.pop(); object !== undefined; object = pending.pop()) {
    for (const holder of holders.get(object) ?? []) {
      if (changing.has(holder)) continue;
      changing.add(holder);
      pending.push(holder);
    }
  }
  return changing;
}

/** A copy of a changing object, made empty first and filled once every copy exists (cycles point at copies). */
interface Copy {
  value: unknown;
  fill: (scrubbed: (item: unknown) => unknown) => void;
}

const NOTHING_TO_FILL = () => undefined;

/** A property holding `value`, as an assignment would make it (`__proto__` included: it stays a name). */
function define(target: object, name: string, value: unknown): void {
  Reflect.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

function copyOf(reading: Reading, needles: readonly string[]): Copy {
  switch (reading.kind) {
    // A Date never changes (it holds a number, and one with properties of its own is opaque): listed to be whole.
    case 'opaque':
    case 'date':
      return { value: REDACTED, fill: NOTHING_TO_FILL };
    case 'headers':
    case 'params': {
      // A pair named by the key is dropped: `[redacted]` is no header name, and the name is what it was about.
      const kept = reading.pairs.filter(([name]) => !primitiveChanges(name, needles));
      const pairs: Entries = kept.map(([name, value]) => [name, redact(value, needles)]);
      return { value: reading.kind === 'headers' ? new Headers(pairs) : new URLSearchParams(pairs), fill: NOTHING_TO_FILL };
    }
    case 'map': {
      const map = new Map<unknown, unknown>();
      const fill = (scrubbed: (item: unknown) => unknown) => {
        for (const [key, value] of reading.entries) map.set(scrubbed(key), scrubbed(value));
      };
      return { value: map, fill };
    }
    case 'set': {
      const set = new Set<unknown>();
      const fill = (scrubbed: (item: unknown) => unknown) => {
        for (const item of reading.items) set.add(scrubbed(item));
      };
      return { value: set, fill };
    }
    default: {
      const copy: object = reading.kind === 'array' ? [] : {};
      // Data properties only: a getter is not run (it could do anything) and is left out of the copy.
      const fill = (scrubbed: (item: unknown) => unknown) => {
        for (const { name, value, kept } of reading.properties) {
          if (kept && typeof name === 'string') define(copy, redact(name, needles), scrubbed(value));
        }
      };
      return { value: copy, fill };
    }
  }
}

/** `root` as it is passed on: the changing objects copied, every other object kept as the same object. */
function scrubbedObject(root: object, needles: readonly string[]): unknown {
  const readings = readAll(root);
  const changing = changingObjects(readings, needles);
  const copies = new Map<object, Copy>();
  for (const object of changing) {
    const reading = readings.get(object);
    if (reading !== undefined) copies.set(object, copyOf(reading, needles));
  }
  const scrubbed = (value: unknown): unknown => {
    if (!isObject(value)) return scrubbedPrimitive(value, needles);
    const copy = copies.get(value);
    return copy === undefined ? value : copy.value;
  };
  for (const copy of copies.values()) copy.fill(scrubbed);
  return scrubbed(root);
}

/**
 * `result` without the key or its secret part, as data (see the module's comment): strings scrubbed; plain
 * objects, arrays, Maps, Sets, `Headers` and `URLSearchParams` copied with their keys and values scrubbed;
 * any other object or function, and whatever is nested beyond `MAX_RESULT_DEPTH`, replaced by `[redacted]`.
 * The same value comes back when it is all readable data and nothing in it holds the key. Never throws.
 */
export function withoutSecretIn<T>(result: T, apiKey: string): T {
  const needles = secretNeedles(apiKey);
  if (!isObject(result)) return scrubbedPrimitive(result, needles) as T;
  try {
    return scrubbedObject(result, needles) as T;
  } catch {
    // Every read of the host's objects is guarded in `read`; this is for what nobody foresaw (an engine's
    // limit on a huge result): a success must not turn into a failure because of what it resolved with.
    return REDACTED as T;
  }
}
