import { DECIMAL_PATTERN, normalForm } from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";

/**
 * Keys whose string values are identifiers or names, never numbers, even when they look like one
 * (an id may be "2026.10"). Their values, and the items of arrays under them, are left as written.
 */
const VERBATIM_KEYS: ReadonlySet<string> = new Set([
  "id",
  "store",
  "stores",
  "name",
  "target",
  "targetId",
  "baselineOf",
  "gates",
  "kpi",
  "fact",
  "preset",
  "platform",
  "marketplace",
  "source",
  "component",
  "kind",
  "digest",
  "locale",
  "currency",
  "timeZone",
  "usedFor",
  "smartErrors",
  "dataSources",
]);

/**
 * Returns a copy of plain JSON data in which every decimal string (except under id-like keys) is
 * in normal form: trailing zeros removed, "-0" written "0" ("1500.00" → "1500"). Dates, ids, codes
 * and numbers are left alone. Used for the statement digest so that "1500.00" and "1500" hash alike.
 *
 * @param value - plain JSON data
 * @returns the normalised copy
 * @throws {@link KpiContractError} `digest-failed` for a value JSON cannot hold (a function, a
 *   symbol, a BigInt, a non-finite number)
 * @example
 * ```ts
 * normalizeDecimals({ id: "1.50", amount: "1500.00" }); // { id: "1.50", amount: "1500" }
 * ```
 */
export function normalizeDecimals(value: unknown): unknown {
  return walk(value, false);
}

function walk(value: unknown, verbatim: boolean): unknown {
  if (typeof value === "string") {
    return !verbatim && DECIMAL_PATTERN.test(value) ? normalForm(value) : value;
  }
  if (Array.isArray(value)) return value.map((v) => walk(v, verbatim));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      out[k] = walk(v, VERBATIM_KEYS.has(k));
    }
    return out;
  }
  if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") {
    throw new KpiContractError(
      "digest-failed",
      `A ${typeof value} cannot be part of the hashed settlement input`,
      {},
    );
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new KpiContractError("digest-failed", `${value} cannot be part of the hashed settlement input`, {});
  }
  return value;
}

function refuseInDigest(value: unknown): never {
  if (typeof value === "number") {
    throw new KpiContractError("digest-failed", `${value} cannot be part of the hashed settlement input`, {});
  }
  throw new KpiContractError(
    "digest-failed",
    `A ${typeof value} cannot be part of the hashed settlement input`,
    {},
  );
}

/**
 * RFC 8785 canonical JSON of {@link normalizeDecimals}(value), written in one pass without the
 * normalised copy: members sorted by key (UTF-16 code units), strings and numbers as
 * `JSON.stringify` writes them, `undefined` members left out and `undefined` array items written
 * as `null`. A property test checks it against `canonicalize(normalizeDecimals(value))`, byte for
 * byte; like that pair it drops a `__proto__` member and refuses functions, symbols, BigInts and
 * non-finite numbers with `digest-failed`.
 *
 * @internal
 * @param value - plain JSON-like data
 * @returns the canonical JSON text; undefined for `undefined` (as `canonicalize` gives)
 * @throws {@link KpiContractError} `digest-failed`
 */
export function canonicalJson(value: unknown): string | undefined {
  return write(value, false);
}

/**
 * A string as the canonical writer writes it: a decimal (outside id-like keys) in normal form, whose
 * characters need no escaping; anything else (dates, codes, ids) as `JSON.stringify` writes it.
 *
 * @internal
 * @param value - the string
 * @param verbatim - true under an id-like key, where a decimal-looking string is left as written
 * @returns the JSON text of the string
 */
export function canonicalString(value: string, verbatim: boolean): string {
  return !verbatim && DECIMAL_PATTERN.test(value) ? `"${normalForm(value)}"` : JSON.stringify(value);
}

function write(value: unknown, verbatim: boolean): string | undefined {
  switch (typeof value) {
    case "string":
      return canonicalString(value, verbatim);
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : refuseInDigest(value);
    case "boolean":
      return value ? "true" : "false";
    case "undefined":
      return undefined;
    case "object":
      break;
    default:
      return refuseInDigest(value);
  }
  if (value === null) return "null";
  if (Array.isArray(value)) {
    let text = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += ",";
      text += write(value[i], verbatim) ?? "null";
    }
    return `${text}]`;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  let text = "{";
  for (const key of keys) {
    const member = object[key];
    // normalizeDecimals assigns members to a plain object, where `__proto__` is not a member.
    if (member === undefined || key === "__proto__") continue;
    const written = write(member, VERBATIM_KEYS.has(key)) as string;
    text += `${text.length > 1 ? "," : ""}${JSON.stringify(key)}:${written}`;
  }
  return `${text}}`;
}
