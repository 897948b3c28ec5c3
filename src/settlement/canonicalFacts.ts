import { ATTRIBUTED_FIELDS, FLAT_FIELDS, STARS } from "../facts/internal/factFields.js";
import type { PeriodFacts } from "../facts/schema.js";
import type { Period } from "../values/period.js";
import { canonicalJson, canonicalString } from "./normalizeDecimals.js";

type Plain = Readonly<Record<string, unknown>>;

/**
 * A group's fields sorted by UTF-16 code units, as RFC 8785 writes members, each with its member
 * prefix (`"gross":`) written once.
 */
interface SortedFields {
  readonly names: readonly string[];
  readonly prefixes: readonly string[];
}

const sortedFields = (fields: Readonly<Record<string, string>>): SortedFields => {
  const names = Object.keys(fields).sort();
  return Object.freeze({ names, prefixes: names.map((name) => `${JSON.stringify(name)}:`) });
};

const SALES = sortedFields(FLAT_FIELDS.sales);
const ADS = sortedFields({ ...FLAT_FIELDS.ads, attributed: "" });
const TRAFFIC = sortedFields(FLAT_FIELDS.traffic);
const INVENTORY = sortedFields(FLAT_FIELDS.inventory);
const COSTS = sortedFields(FLAT_FIELDS.costs);
const LISTINGS = sortedFields(FLAT_FIELDS.listings);
const SERVICE = sortedFields(FLAT_FIELDS.service);
const ATTRIBUTED = sortedFields(ATTRIBUTED_FIELDS);
const PERIOD = sortedFields({ start: "", end: "" });
const STAR_FIELDS = sortedFields(Object.fromEntries(STARS.map((star) => [star, ""])));

/** A member's value, as the general canonical writer writes it. */
function scalar(value: unknown, verbatim = false): string {
  if (typeof value === "string") return canonicalString(value, verbatim);
  // A count: JSON writes a finite number as String does (and -0 as 0); anything else goes through
  // the general writer, which refuses what cannot be hashed.
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return canonicalJson(value) as string;
}

function flat(group: Plain, fields: SortedFields): string {
  const { names, prefixes } = fields;
  let out = "{";
  for (let i = 0; i < names.length; i++) {
    const value = group[names[i] as string];
    if (value === undefined) continue;
    out = member(out, prefixes[i] as string, scalar(value));
  }
  return `${out}}`;
}

function ads(group: Plain): string {
  const { names, prefixes } = ADS;
  let out = "{";
  for (let i = 0; i < names.length; i++) {
    const field = names[i] as string;
    const value = group[field];
    if (value === undefined) continue;
    let written: string;
    if (field === "attributed") {
      const windows = value as Readonly<Record<string, Plain>>;
      written = "{";
      for (const window of Object.keys(windows).sort()) {
        written += `${written.length > 1 ? "," : ""}${JSON.stringify(window)}:${flat(windows[window] as Plain, ATTRIBUTED)}`;
      }
      written += "}";
    } else {
      written = scalar(value);
    }
    out = member(out, prefixes[i] as string, written);
  }
  return `${out}}`;
}

function reviews(group: Plain): string {
  const byStars = group.byStars as Plain | undefined;
  return byStars === undefined ? "{}" : `{"byStars":${flat(byStars, STAR_FIELDS)}}`;
}

/**
 * The RFC 8785 canonical JSON of parsed period facts, decimals normalised: what
 * `canonicalJson` writes for them, byte for byte (a property test checks it), without sorting
 * keys at run time. Parsed facts hold only the schema's keys (it refuses any other), so each
 * object's members are written in an order worked out once.
 *
 * @internal
 * @param facts - parsed period facts (the output of the facts schema or reader)
 * @returns the canonical JSON text
 */
export function canonicalFacts(facts: PeriodFacts): string {
  const f = facts as Plain;
  // Members in UTF-16 order: ads, costs, currency, inventory, listings, period, reviews, sales,
  // service, store, traffic.
  let out = "{";
  if (f.ads !== undefined) out = member(out, '"ads":', ads(f.ads as Plain));
  if (f.costs !== undefined) out = member(out, '"costs":', flat(f.costs as Plain, COSTS));
  if (f.currency !== undefined) out = member(out, '"currency":', scalar(f.currency, true));
  if (f.inventory !== undefined) out = member(out, '"inventory":', flat(f.inventory as Plain, INVENTORY));
  if (f.listings !== undefined) out = member(out, '"listings":', flat(f.listings as Plain, LISTINGS));
  if (f.period !== undefined) out = member(out, '"period":', canonicalPeriod(f.period as Period));
  if (f.reviews !== undefined) out = member(out, '"reviews":', reviews(f.reviews as Plain));
  if (f.sales !== undefined) out = member(out, '"sales":', flat(f.sales as Plain, SALES));
  if (f.service !== undefined) out = member(out, '"service":', flat(f.service as Plain, SERVICE));
  if (f.store !== undefined) out = member(out, '"store":', scalar(f.store, true));
  if (f.traffic !== undefined) out = member(out, '"traffic":', flat(f.traffic as Plain, TRAFFIC));
  return `${out}}`;
}

/** `out` (an object opened with `{`, with its members so far) with one more member. */
function member(out: string, prefix: string, written: string): string {
  return `${out}${out.length > 1 ? "," : ""}${prefix}${written}`;
}

/**
 * The RFC 8785 canonical JSON of a parsed period (`{"end":…,"start":…}`), as `canonicalJson` writes
 * it, without sorting keys at run time: `settle` writes its cycle with it.
 *
 * @internal
 * @param period - a parsed period
 * @returns the canonical JSON text
 */
export function canonicalPeriod(period: Period): string {
  return flat(period as unknown as Plain, PERIOD);
}

/**
 * {@link canonicalFacts} of a list: the canonical JSON array of the records in their order.
 *
 * @internal
 * @param list - parsed period facts
 * @returns the canonical JSON text
 */
export function canonicalFactsList(list: readonly PeriodFacts[]): string {
  return `[${list.map(canonicalFacts).join(",")}]`;
}
