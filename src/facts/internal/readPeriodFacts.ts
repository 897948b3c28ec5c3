import { refuse, toValidationIssues } from "../../internal/issues.js";
import { safeParseData } from "../../internal/plainJson.js";
import { isCurrencyCode, minorUnits } from "../../values/currency.js";
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

/** A field's kind and its place in the schema's order. */
interface FieldSlot {
  readonly kind: FactFieldKind;
  readonly index: number;
}

/**
 * A group's fields by name, in an object without a prototype (so no name reads an inherited slot),
 * with their names in order and their number.
 */
interface FieldTable {
  readonly slots: Readonly<Record<string, FieldSlot | undefined>>;
  readonly names: readonly string[];
  readonly count: number;
}

function fieldTable(fields: Fields): FieldTable {
  const slots: Record<string, FieldSlot> = Object.create(null);
  const names = Object.keys(fields);
  names.forEach((field, index) => {
    slots[field] = { kind: fields[field] as FactFieldKind, index };
  });
  return { slots, names, count: names.length };
}

const GROUP_FIELDS: Readonly<Record<string, Fields>> = FLAT_FIELDS;
const GROUP_TABLES: Readonly<Record<string, FieldTable>> = Object.fromEntries(
  Object.entries(FLAT_FIELDS).map(([group, fields]) => [group, fieldTable(fields)]),
);
const STAR_FIELDS: Fields = Object.fromEntries(STARS.map((s) => [s, "count"]));
const STAR_TABLE = fieldTable(STAR_FIELDS);
const ATTRIBUTED_TABLE = fieldTable(ATTRIBUTED_FIELDS);
const ADS_KEYS: Readonly<Record<string, unknown>> = { ...FLAT_FIELDS.ads, attributed: true };
const PERIOD_KEYS: Readonly<Record<string, unknown>> = { start: true, end: true };
const REVIEWS_KEYS: Readonly<Record<string, unknown>> = { byStars: true };

/** The top-level keys of period facts, in the order the schema writes them. */
const TOP_LEVEL = ["store", "period", "currency", ...FACT_GROUPS] as const;
const TOP_LEVEL_INDEX: Readonly<Record<string, number | undefined>> = Object.assign(
  Object.create(null),
  Object.fromEntries(TOP_LEVEL.map((key, index) => [key, index])),
);

/** A plain object (an object literal or `JSON.parse` output); anything else is left to the schema. */
function isPlain(value: unknown): value is Plain {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Whether `Object.prototype` has an enumerable property (a polluted prototype): `for…in` would then
 * list it on every plain object, so the reader leaves such inputs to the schema.
 */
function prototypeHasEnumerable(): boolean {
  for (const _ in Object.prototype) return true;
  return false;
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

/**
 * The fraction digits every money text of the record being read has in common: -1 before the first,
 * -2 once two differ. With {@link windowsInOrder}, it tells whether pooling would copy the record
 * unchanged. Module state (the reader is synchronous), set for each record and restored after it,
 * since a getter of the input may read other facts in the middle.
 */
let moneyPlaces = -1;
/** Whether the record's attribution windows come in the order pooling writes them (sorted). */
let windowsInOrder = true;

/** Whether a field's value is in the form the schema keeps as given (noting a money text's digits). */
function isFastValue(kind: FactFieldKind, value: unknown): boolean {
  if (kind === "count") return isCount(value);
  if (!isMoneyText(value)) return false;
  const dot = value.indexOf(".");
  const places = dot < 0 ? 0 : value.length - dot - 1;
  if (moneyPlaces === -1) moneyPlaces = places;
  else if (moneyPlaces !== places) moneyPlaces = -2;
  return true;
}

/** Records the reader made that pooling would copy unchanged. */
const POOLED_FORM = new WeakSet<PeriodFacts>();

/**
 * Whether `facts` came from {@link readPeriodFacts} already in the form pooling writes one record
 * in: every money text with the currency's minor-unit digits and the attribution windows sorted
 * (counts and key order are the reader's own). Pooling such a record alone gives an equal record,
 * so it may be used as it is; a property test checks it.
 *
 * @internal
 * @param facts - parsed period facts
 * @returns true when pooling would give an equal record
 */
export function isPooledForm(facts: PeriodFacts): boolean {
  return POOLED_FORM.has(facts);
}

/** Copies `fields` of `value` in schema order; false when a value is not in its fast form. */
function copyFields(value: Plain, fields: Fields, out: Plain): boolean {
  for (const field in fields) {
    if (!Object.hasOwn(value, field)) continue;
    const v = value[field];
    if (!isFastValue(fields[field] as FactFieldKind, v)) return false;
    out[field] = v;
  }
  return true;
}

/**
 * Reads a flat group. Keys that come in the schema's order (as JSON written from parsed facts has
 * them) are read in one `for…in` pass over the input, where V8 reads each value straight from the
 * object's layout; any other order is read field by field in the schema's order. The caller has
 * checked that `Object.prototype` lists nothing, so `for…in` sees own keys only; an own field it
 * does not list (a non-enumerable one) sends the group to the field-by-field reader.
 */
function readFlat(value: unknown, fields: Fields, table: FieldTable): Plain | undefined {
  if (!isPlain(value)) return undefined;
  const out: Plain = {};
  let last = -1;
  let seen = 0;
  const slots = table.slots;
  for (const key in value) {
    const slot = slots[key];
    if (slot === undefined || slot.index <= last) return readFlatByField(value, fields);
    last = slot.index;
    const v = value[key];
    if (!isFastValue(slot.kind, v)) return undefined;
    out[key] = v;
    seen++;
  }
  // `for…in` lists enumerable keys only; the schema reads a non-enumerable own field too.
  if (seen < table.count && hasUnlisted(value, table.names, out)) return readFlatByField(value, fields);
  return out;
}

/** Whether `value` has an own key among `names` that the `for…in` pass did not copy into `out`. */
function hasUnlisted(value: Plain, names: readonly string[], out: Plain): boolean {
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (!Object.hasOwn(out, name) && Object.hasOwn(value, name)) return true;
  }
  return false;
}

/** {@link readFlat} of keys in any order: checked against the group's fields, copied in their order. */
function readFlatByField(value: Plain, fields: Fields): Plain | undefined {
  if (!keysWithin(value, fields)) return undefined;
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
  let previous: string | undefined;
  for (const key of Object.keys(attributed)) {
    if (!WINDOW_KEY_PATTERN.test(key)) return undefined;
    if (previous !== undefined && !(previous < key)) windowsInOrder = false;
    previous = key;
    const window = readFlat(attributed[key], ATTRIBUTED_FIELDS, ATTRIBUTED_TABLE);
    if (window === undefined) return undefined;
    windows[key] = window;
  }
  out.attributed = windows;
  return out;
}

function readReviews(value: unknown): Plain | undefined {
  if (!isPlain(value) || !keysWithin(value, REVIEWS_KEYS)) return undefined;
  if (!Object.hasOwn(value, "byStars")) return {};
  const stars = readFlat(value.byStars, STAR_FIELDS, STAR_TABLE);
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
      return readFlat(value, GROUP_FIELDS[key] as Fields, GROUP_TABLES[key] as FieldTable);
  }
}

/**
 * Reads period facts on the fast path. A plain object whose every field is in the form the facts
 * schema keeps as written (unsigned decimal strings, safe-integer counts, real dates in order, a
 * known currency, no unknown key, no `undefined`) gives the object `periodFactsSchema.parse` would
 * give, key order included. Anything else (amounts as numbers, a negative zero, an unknown key,
 * any error, an `Object.prototype` with an enumerable property) gives `undefined`, and the caller
 * parses with the schema, which converts it or reports every problem with its path. A property test
 * checks that the two never disagree, with keys in the schema's order and in any other.
 *
 * @internal
 * @param input - anything
 * @returns the parsed facts (a new object), or undefined when only the schema can tell
 */
export function readPeriodFacts(input: unknown): PeriodFacts | undefined {
  if (!isPlain(input) || prototypeHasEnumerable()) return undefined;
  // A getter of the input may read other facts meanwhile: the outer read's notes are restored.
  const outerPlaces = moneyPlaces;
  const outerOrder = windowsInOrder;
  moneyPlaces = -1;
  windowsInOrder = true;
  try {
    const facts = readTopLevelKeys(input);
    if (
      facts !== undefined &&
      windowsInOrder &&
      (moneyPlaces === -1 || moneyPlaces === minorUnits(facts.currency))
    ) {
      POOLED_FORM.add(facts);
    }
    return facts;
  } finally {
    moneyPlaces = outerPlaces;
    windowsInOrder = outerOrder;
  }
}

/** {@link readPeriodFacts} of a plain object. */
function readTopLevelKeys(input: Plain): PeriodFacts | undefined {
  const out: Plain = {};
  // One pass over the input's keys when they come in the schema's order; else key by key in it.
  let last = -1;
  let seen = 0;
  for (const key in input) {
    const index = TOP_LEVEL_INDEX[key];
    if (index === undefined || index <= last) return readTopLevelByKey(input);
    last = index;
    const read = readTopLevel(key as (typeof TOP_LEVEL)[number], input[key]);
    if (read === undefined) return undefined;
    out[key] = read;
    seen++;
  }
  // A non-enumerable own key, which `for…in` does not list, is left to the key-by-key reader.
  if (seen < TOP_LEVEL.length && hasUnlisted(input, TOP_LEVEL, out)) return readTopLevelByKey(input);
  return out.period === undefined || out.currency === undefined ? undefined : (out as PeriodFacts);
}

/** {@link readPeriodFacts} of top-level keys in any order: read in the schema's order. */
function readTopLevelByKey(input: Plain): PeriodFacts | undefined {
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
