import { refuse, toValidationIssues } from "../../internal/issues.js";
import { safeParseData } from "../../internal/plainJson.js";
import { isCurrencyCode } from "../../values/currency.js";
import { DECIMAL_PATTERN, describeInput } from "../../values/decimal.js";
import type { ValidationIssue } from "../../values/KpiContractError.js";
import { isDateString, type Period } from "../../values/period.js";
import { FACT_GROUPS, type PeriodFacts, periodFactsSchema } from "../schema.js";
import {
  ATTRIBUTED_FIELDS,
  type FactFieldKind,
  FLAT_FIELDS,
  STARS,
  WINDOW_KEY_PATTERN,
} from "./factFields.js";

type Plain = Record<string, unknown>;
type Fields = Readonly<Record<string, FactFieldKind>>;

const GROUP_FIELDS: Readonly<Record<string, Fields>> = FLAT_FIELDS;
const STAR_FIELDS: Fields = Object.fromEntries(STARS.map((s) => [s, "count"]));
const ADS_KEYS: Readonly<Record<string, unknown>> = { ...FLAT_FIELDS.ads, attributed: true };
const PERIOD_KEYS: Readonly<Record<string, unknown>> = { start: true, end: true };
const REVIEWS_KEYS: Readonly<Record<string, unknown>> = { byStars: true };

/** The top-level keys of period facts, in the order the schema writes them. */
const TOP_LEVEL = ["store", "period", "currency", ...FACT_GROUPS] as const;

/** A plain object (an object literal or `JSON.parse` output); anything else is left to the schema. */
function isPlain(value: unknown): value is Plain {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** True when every own key of `value` is a key of `allowed` and none holds `undefined`. */
function keysWithin(value: Plain, allowed: Readonly<Record<string, unknown>>): boolean {
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(allowed, key) || value[key] === undefined) return false;
  }
  return true;
}

/** A count the schema keeps as given: a safe integer of zero or more (`-0` is left to the schema). */
function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0);
}

/** A money text the schema keeps as written: a decimal string without a sign. */
function isMoneyText(value: unknown): value is string {
  return typeof value === "string" && value.charCodeAt(0) !== 45 && DECIMAL_PATTERN.test(value);
}

/** Copies `fields` of `value` in schema order; undefined when a value is not in its fast form. */
function copyFields(value: Plain, fields: Fields, out: Plain): boolean {
  for (const field in fields) {
    if (!Object.hasOwn(value, field)) continue;
    const v = value[field];
    if (fields[field] === "count" ? !isCount(v) : !isMoneyText(v)) return false;
    out[field] = v;
  }
  return true;
}

function readFlat(value: unknown, fields: Fields): Plain | undefined {
  if (!isPlain(value) || !keysWithin(value, fields)) return undefined;
  const out: Plain = {};
  return copyFields(value, fields, out) ? out : undefined;
}

function readAds(value: unknown): Plain | undefined {
  if (!isPlain(value) || !keysWithin(value, ADS_KEYS)) return undefined;
  const out: Plain = {};
  if (!copyFields(value, FLAT_FIELDS.ads, out)) return undefined;
  if (!Object.hasOwn(value, "attributed")) return out;
  const attributed = value.attributed;
  if (!isPlain(attributed)) return undefined;
  const windows: Plain = {};
  for (const key of Object.keys(attributed)) {
    if (!WINDOW_KEY_PATTERN.test(key)) return undefined;
    const window = readFlat(attributed[key], ATTRIBUTED_FIELDS);
    if (window === undefined) return undefined;
    windows[key] = window;
  }
  out.attributed = windows;
  return out;
}

function readReviews(value: unknown): Plain | undefined {
  if (!isPlain(value) || !keysWithin(value, REVIEWS_KEYS)) return undefined;
  if (!Object.hasOwn(value, "byStars")) return {};
  const stars = readFlat(value.byStars, STAR_FIELDS);
  return stars === undefined ? undefined : { byStars: stars };
}

/**
 * Reads a period on the fast path: a plain `{ start, end }` of real dates, end not before start,
 * gives the object `periodSchema.parse` would give; anything else gives `undefined` (parse it).
 *
 * @internal
 * @param value - anything
 * @returns a new `{ start, end }`, or undefined when only the schema can tell
 */
export function readPeriod(value: unknown): Period | undefined {
  if (!isPlain(value) || !keysWithin(value, PERIOD_KEYS)) return undefined;
  const { start, end } = value;
  return isDateString(start) && isDateString(end) && start <= end ? { start, end } : undefined;
}

function readTopLevel(key: (typeof TOP_LEVEL)[number], value: unknown): unknown {
  switch (key) {
    case "store":
      return typeof value === "string" && value.length > 0 ? value : undefined;
    case "period":
      return readPeriod(value);
    case "currency":
      return typeof value === "string" && isCurrencyCode(value) ? value : undefined;
    case "ads":
      return readAds(value);
    case "reviews":
      return readReviews(value);
    default:
      return readFlat(value, GROUP_FIELDS[key] as Fields);
  }
}

/**
 * Reads period facts on the fast path. A plain object whose every field is in the form the facts
 * schema keeps as written (unsigned decimal strings, safe-integer counts, real dates in order, a
 * known currency, no unknown key, no `undefined`) gives the object `periodFactsSchema.parse` would
 * give, key order included. Anything else (amounts as numbers, a negative zero, an unknown key,
 * any error) gives `undefined`, and the caller parses with the schema, which converts it or reports
 * every problem with its path. A property test checks that the two never disagree.
 *
 * @internal
 * @param input - anything
 * @returns the parsed facts (a new object), or undefined when only the schema can tell
 */
export function readPeriodFacts(input: unknown): PeriodFacts | undefined {
  if (!isPlain(input)) return undefined;
  const out: Plain = {};
  let seen = 0;
  for (const key of TOP_LEVEL) {
    if (!Object.hasOwn(input, key)) continue;
    seen++;
    const read = readTopLevel(key, input[key]);
    if (read === undefined) return undefined;
    out[key] = read;
  }
  if (out.period === undefined || out.currency === undefined) return undefined;
  return Object.keys(input).length === seen ? (out as PeriodFacts) : undefined;
}

/**
 * `periodFactsSchema.safeParse` with the fast path first: the same result for every input, the
 * schema's error (every issue with its path) when the input is refused.
 *
 * @internal
 * @param input - anything
 * @returns the schema's safe-parse result
 */
export function safeParsePeriodFacts(input: unknown): ReturnType<typeof periodFactsSchema.safeParse> {
  const fast = readPeriodFacts(input);
  return fast !== undefined ? { success: true, data: fast } : safeParseData(periodFactsSchema, input);
}

/**
 * Parses a list of period facts given from outside: an array (a hole of a sparse array is read as
 * `undefined` and refused at its index), each entry valid facts; every problem is reported at once,
 * under `path`, as `facts-invalid`. `undefined` is the empty list.
 *
 * @internal
 */
export function parseFactsList(list: unknown, path: readonly (string | number)[]): PeriodFacts[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    refuse("facts-invalid", "Invalid facts", [
      {
        code: "invalid_type",
        path: [...path],
        message: `Expected an array of period facts, received ${describeInput(list)}`,
      },
    ]);
  }
  const issues: ValidationIssue[] = [];
  const parsed: PeriodFacts[] = [];
  // An index loop, not forEach or map: a hole of a sparse array is read as undefined and refused.
  for (let i = 0; i < list.length; i++) {
    const result = safeParsePeriodFacts(list[i]);
    if (result.success) parsed.push(result.data);
    else issues.push(...toValidationIssues(result.error, [...path, i]));
  }
  if (issues.length > 0) refuse("facts-invalid", "Invalid facts", issues);
  return parsed;
}
