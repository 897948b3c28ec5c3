/**
 * Freezes plain JSON data and everything in it, so that data kept in a cache and handed out in
 * results cannot be changed through a result. Returns its argument.
 *
 * @internal
 * @param value - plain JSON data
 * @returns the same value, frozen all the way down
 * @example
 * ```ts
 * const kept = deepFreeze({ trace: { cycles: [] } });
 * Object.isFrozen(kept.trace.cycles); // true
 * ```
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
