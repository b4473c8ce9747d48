/** True for a JSON-like object (not `null`, not an array): what a parsed answer's fields are checked against. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
