/**
 * Reading an option only when the caller set it. Internal: no public entry exports it.
 *
 * A plain `options.baseUrl` also finds a `baseUrl` on `Object.prototype`: a separate bug in the host that
 * pollutes the prototype from JSON (`{"__proto__": {"baseUrl": …}}`) would then send every key to another
 * host. Every option, and every field of an object a host hands in, is read through this.
 */

/** `options[name]` when `options` itself has that property; `undefined` when it is missing or only inherited. */
export function ownOption<T extends object, K extends keyof T>(options: T | null | undefined, name: K): T[K] | undefined {
  if (options === null || options === undefined || !Object.hasOwn(options, name)) return undefined;
  return options[name];
}
