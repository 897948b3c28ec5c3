import { ATTRIBUTED_FIELDS, FLAT_FIELDS, STARS } from "../facts/internal/factFields.js";
import type { PeriodFacts } from "../facts/schema.js";
import type { Period } from "../values/period.js";
import { canonicalJson, canonicalString } from "./normalizeDecimals.js";

type Plain = Readonly<Record<string, unknown>>;

/** A group's fields sorted by UTF-16 code units, as RFC 8785 writes members. */
const sortedFields = (fields: Readonly<Record<string, string>>): readonly string[] =>
  Object.freeze(Object.keys(fields).sort());

const SALES = sortedFields(FLAT_FIELDS.sales);
const ADS = sortedFields({ ...FLAT_FIELDS.ads, attributed: "" });
const TRAFFIC = sortedFields(FLAT_FIELDS.traffic);
const INVENTORY = sortedFields(FLAT_FIELDS.inventory);
const COSTS = sortedFields(FLAT_FIELDS.costs);
const LISTINGS = sortedFields(FLAT_FIELDS.listings);
const SERVICE = sortedFields(FLAT_FIELDS.service);
const ATTRIBUTED = sortedFields(ATTRIBUTED_FIELDS);
const PERIOD: readonly string[] = Object.freeze(["end", "start"]);

/** A member's value, as the general canonical writer writes it. */
function scalar(value: unknown, verbatim = false): string {
  if (typeof value === "string") return canonicalString(value, verbatim);
  // A count: JSON writes a finite number as String does (and -0 as 0); anything else goes through
  // the general writer, which refuses what cannot be hashed.
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return canonicalJson(value) as string;
}

function flat(group: Plain, fields: readonly string[]): string {
  let out = "{";
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as string;
    const value = group[field];
    if (value === undefined) continue;
    out += `${out.length > 1 ? "," : ""}"${field}":${scalar(value)}`;
  }
  return `${out}}`;
}

function ads(group: Plain): string {
  let out = "{";
  for (let i = 0; i < ADS.length; i++) {
    const field = ADS[i] as string;
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
    out += `${out.length > 1 ? "," : ""}"${field}":${written}`;
  }
  return `${out}}`;
}

function reviews(group: Plain): string {
  const byStars = group.byStars as Plain | undefined;
  return byStars === undefined ? "{}" : `{"byStars":${flat(byStars, STARS)}}`;
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
  const parts: string[] = [];
  const member = (key: string, written: string) => parts.push(`"${key}":${written}`);
  // Members in UTF-16 order: ads, costs, currency, inventory, listings, period, reviews, sales,
  // service, store, traffic.
  if (f.ads !== undefined) member("ads", ads(f.ads as Plain));
  if (f.costs !== undefined) member("costs", flat(f.costs as Plain, COSTS));
  if (f.currency !== undefined) member("currency", scalar(f.currency, true));
  if (f.inventory !== undefined) member("inventory", flat(f.inventory as Plain, INVENTORY));
  if (f.listings !== undefined) member("listings", flat(f.listings as Plain, LISTINGS));
  if (f.period !== undefined) member("period", canonicalPeriod(f.period as Period));
  if (f.reviews !== undefined) member("reviews", reviews(f.reviews as Plain));
  if (f.sales !== undefined) member("sales", flat(f.sales as Plain, SALES));
  if (f.service !== undefined) member("service", flat(f.service as Plain, SERVICE));
  if (f.store !== undefined) member("store", scalar(f.store, true));
  if (f.traffic !== undefined) member("traffic", flat(f.traffic as Plain, TRAFFIC));
  return `{${parts.join(",")}}`;
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
