/** How deep a value written in a contract may nest; scopes are flat in practice. */
const MAX_DEPTH = 32;

/**
 * Tells whether a value is plain JSON: `null`, a boolean, a string, a finite number, or an array
 * (without holes) or plain object of such values, nested at most 32 deep. BigInts, symbols,
 * functions, typed arrays, class instances, promises and cyclic structures are not (a cycle ends
 * at the depth limit). Values the library keeps, freezes and writes into canonical JSON for the
 * digest must be plain JSON.
 *
 * @internal
 * @param value - anything
 * @returns true for plain JSON
 */
export function isPlainJson(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "object" || depth >= MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value) || !isPlainJson(value[i], depth + 1)) return false;
    }
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(value)) {
    if (!isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}
