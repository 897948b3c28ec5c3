import * as z from "zod";

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
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) {
    if (!isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

/**
 * Tells whether a value is a plain object: made by a literal, `JSON.parse` or `Object.create(null)`,
 * not an array, a `Date`, a `Map`, a promise or another class's instance.
 *
 * @internal
 */
export function isPlainObject(value: unknown): value is object {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The paths of the promises (any object with a `then` function) inside `value`, looked for up to
 * 64 levels deep, each object visited once.
 *
 * @internal
 */
export function promisePaths(value: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const seen = new WeakSet<object>();
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (typeof node !== "object" || node === null || seen.has(node) || path.length > 64) return;
    seen.add(node);
    if (typeof (node as { then?: unknown }).then === "function") {
      found.push(path);
      return;
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(node[i], [...path, i]);
      return;
    }
    for (const key of Object.keys(node)) visit((node as Record<string, unknown>)[key], [...path, key]);
  };
  visit(value, []);
  return found;
}

/**
 * `schema.safeParse(input)` for data from outside. zod cannot parse a promise synchronously (it
 * throws from inside the parse), and JSON never holds one: each is reported as an issue at its path
 * instead, in the shape of zod's own result.
 *
 * @internal
 */
export function safeParseData<T extends z.ZodType>(schema: T, input: unknown): ReturnType<T["safeParse"]> {
  const promises = promisePaths(input);
  if (promises.length === 0) return schema.safeParse(input) as ReturnType<T["safeParse"]>;
  const error = new z.ZodError(
    promises.map((path) => ({
      code: "custom" as const,
      path,
      message: "Expected JSON data, received a promise",
      input: undefined,
    })),
  );
  return { success: false, error } as ReturnType<T["safeParse"]>;
}
