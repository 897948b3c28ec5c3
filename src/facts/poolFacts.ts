import { D, type Dec } from "../internal/decimal.js";
import { minorUnits } from "../values/currency.js";
import { KpiContractError } from "../values/KpiContractError.js";
import type { Period } from "../values/period.js";
import { ATTRIBUTED_FIELDS, FLAT_FIELDS, type FlatGroup, STARS } from "./internal/factFields.js";
import { formatFactMoney, isWrittenFactMoney } from "./internal/factMoney.js";
import { isPooledForm, parseFactsList } from "./internal/readPeriodFacts.js";
import { FACT_GROUPS, type FactGroup, type PeriodFacts, type PeriodFactsInput } from "./schema.js";

type Mutable = Record<string, unknown>;
type Group = Readonly<Record<string, string | number | undefined>>;

/** Groups whose fields are summed field by field (inventory pools by period instead). */
const SUMMED_GROUPS: readonly Exclude<FlatGroup, "inventory">[] = [
  "sales",
  "ads",
  "traffic",
  "costs",
  "listings",
  "service",
];

function sumCounts(values: readonly number[], field: string): number {
  const total = values.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(total)) {
    throw new KpiContractError("count-overflow", `The pooled ${field} exceeds the largest safe integer`, {
      field,
    });
  }
  return total;
}

function sumMoney(values: readonly string[], currency: string): string {
  return formatFactMoney(
    values.reduce((a: Dec, b) => a.plus(b), new D(0)),
    currency,
  );
}

/**
 * Sums the plain fields of one group over every record. A field absent from any record stays
 * absent: a missing figure is unknown, never 0. The group itself is kept only when every record has it.
 */
function poolFlat(
  groups: readonly (Group | undefined)[],
  fields: Readonly<Record<string, "money" | "count">>,
  currency: string,
  path: string,
): Mutable | undefined {
  if (groups.some((g) => g === undefined)) return undefined;
  const present = groups as readonly Group[];
  const out: Mutable = {};
  for (const [field, kind] of Object.entries(fields)) {
    const values = present.map((g) => g[field]);
    if (values.some((v) => v === undefined)) continue;
    out[field] =
      kind === "count"
        ? sumCounts(values as number[], `${path}.${field}`)
        : sumMoney(values as string[], currency);
  }
  return out;
}

/** Attribution windows: a window (and each of its fields) is kept only when every record has it. */
function poolAttributed(all: readonly PeriodFacts[], currency: string): Mutable | undefined {
  const maps = all.map((f) => f.ads?.attributed);
  if (maps.some((m) => m === undefined)) return undefined;
  const present = maps as readonly NonNullable<(typeof maps)[number]>[];
  const [first] = present;
  const out: Mutable = {};
  for (const window of Object.keys(first ?? {}).sort()) {
    if (!present.every((m) => Object.hasOwn(m, window))) continue;
    out[window] = poolFlat(
      present.map((m) => m[window]),
      { sales: "money", orders: "count" },
      currency,
      `ads.attributed.${window}`,
    );
  }
  return out;
}

/** Star counts: absent stars of an existing byStars are 0 (SPEC §2), so they add as 0. */
function poolReviews(all: readonly PeriodFacts[]): Mutable | undefined {
  const reviews = all.map((f) => f.reviews);
  if (reviews.some((r) => r === undefined)) return undefined;
  const byStars = reviews.map((r) => r?.byStars);
  if (byStars.some((b) => b === undefined)) return {};
  const present = byStars as readonly Readonly<Record<string, number | undefined>>[];
  const stars: Mutable = {};
  for (const star of STARS) {
    if (!present.some((b) => b[star] !== undefined)) continue;
    stars[star] = sumCounts(
      present.map((b) => b[star] ?? 0),
      `reviews.byStars.${star}`,
    );
  }
  return { byStars: stars };
}

const periodKey = (p: Period): string => `${p.start}..${p.end}`;

/**
 * Inventory: the records of one period are stores side by side, so their openings and closings are
 * summed; consecutive periods follow each other, so the first period's opening and the last
 * period's closing are kept. When the periods do not hold the same stores, the first opening and
 * the last closing would describe different shops, so inventory is left out (unknown).
 */
function poolInventory(all: readonly PeriodFacts[], currency: string): Mutable | undefined {
  if (all.some((f) => f.inventory === undefined)) return undefined;
  const byPeriod = new Map<string, PeriodFacts[]>();
  for (const f of [...all].sort((a, b) =>
    a.period.start < b.period.start ? -1 : a.period.start > b.period.start ? 1 : 0,
  )) {
    const key = periodKey(f.period);
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), f]);
  }
  const periods = [...byPeriod.values()];
  const storesOf = (records: readonly PeriodFacts[]) =>
    records
      .map((f) => f.store ?? "")
      .sort()
      .join("\u0000");
  const firstStores = storesOf(periods[0] ?? []);
  if (!periods.every((records) => storesOf(records) === firstStores)) return undefined;
  const first = poolFlat(
    (periods[0] ?? []).map((f) => f.inventory),
    FLAT_FIELDS.inventory,
    currency,
    "inventory",
  );
  const last = poolFlat(
    (periods[periods.length - 1] ?? []).map((f) => f.inventory),
    FLAT_FIELDS.inventory,
    currency,
    "inventory",
  );
  const out: Mutable = {};
  for (const field of Object.keys(FLAT_FIELDS.inventory)) {
    const from = field.startsWith("opening") ? first : last;
    // A field is known only when every record has it, like any other field.
    if (
      from?.[field] !== undefined &&
      all.every((f) => f.inventory?.[field as keyof typeof f.inventory] !== undefined)
    ) {
      out[field] = from[field];
    }
  }
  return out;
}

/**
 * The refusals of pooling: no record; several currencies (an issue at every record not in the
 * first one's); a store twice for one period (at the first later record); two periods that overlap
 * without being equal (at the first such pair, both records). With `located` the issues carry the
 * records' indexes in `all`, which is then the caller's own array ({@link poolFacts}); the library's
 * internal callers pool arrays of their own, whose indexes would mislead, so they get none.
 */
function checkInputs(all: readonly PeriodFacts[], located: boolean): void {
  const at = <T>(issues: () => T[]): T[] => (located ? issues() : []);
  if (all.length === 0) {
    throw new KpiContractError(
      "facts-empty",
      "poolFacts needs at least one period facts record",
      {},
      at(() => [{ code: "facts-empty", path: [], message: "Expected at least one period facts record" }]),
    );
  }
  const currencies = [...new Set(all.map((f) => f.currency))];
  if (currencies.length > 1) {
    const first = (all[0] as PeriodFacts).currency;
    throw new KpiContractError(
      "currency-mismatch",
      `Cannot pool facts in ${currencies.join(", ")}: convert them to one currency first (convertFacts)`,
      { currencies },
      at(() =>
        all.flatMap((f, i) =>
          f.currency === first
            ? []
            : [
                {
                  code: "currency-mismatch",
                  path: [i, "currency"],
                  message: `In ${f.currency}, where record 0 is in ${first}: convert them to one currency first (convertFacts)`,
                },
              ],
        ),
      ),
    );
  }
  const seen = new Map<string, number>();
  all.forEach((f, i) => {
    if (f.store === undefined) return;
    const key = `${f.store}\u0000${periodKey(f.period)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new KpiContractError(
        "facts-duplicate",
        `Store ${f.store} has two facts records for ${periodKey(f.period)}; pooling would count it twice`,
        { store: f.store, period: f.period },
        at(() => [
          {
            code: "facts-duplicate",
            path: [i],
            message: `Store ${f.store} already has facts for ${periodKey(f.period)} at index ${earlier}`,
          },
        ]),
      );
    }
    seen.set(key, i);
  });
  // Each distinct period with the index of the first record that has it.
  const firstOf = new Map<string, { readonly period: Period; readonly index: number }>();
  all.forEach((f, i) => {
    const key = periodKey(f.period);
    if (!firstOf.has(key)) firstOf.set(key, { period: f.period, index: i });
  });
  const periods = [...firstOf.values()];
  for (const a of periods) {
    for (const b of periods) {
      if (a !== b && a.period.start <= b.period.end && b.period.start <= a.period.end) {
        const overlap = (x: typeof a, y: typeof a) => ({
          code: "facts-periods-overlap",
          path: [x.index, "period"],
          message: `Overlaps ${periodKey(y.period)} (index ${y.index}) without being equal`,
        });
        throw new KpiContractError(
          "facts-periods-overlap",
          `Periods ${periodKey(a.period)} and ${periodKey(b.period)} overlap without being equal; pooling would count the shared days twice`,
          { periods: [a.period, b.period] },
          at(() => [overlap(a, b), overlap(b, a)]),
        );
      }
    }
  }
}

/**
 * Pools the facts of several stores and/or periods into one record (SPEC §2, §3): every additive
 * field is summed, so that any ratio KPI computed on the result is a ratio of sums. Rules:
 * - a field absent from ANY input stays absent (a missing figure is unknown, never 0), except that
 *   a star absent from an existing `byStars` counts 0;
 * - inventory: openings and closings of stores of the same period are summed; across consecutive
 *   periods the first opening and the last closing are kept (several stores over several periods:
 *   grouped by period, summed within it, then first and last across periods);
 * - the pooled period runs from the earliest start to the latest end; `store` is kept only when
 *   every input names the same store.
 *
 * @param facts - period facts, all in one currency (validated: numbers in decimal fields are
 *   converted exactly)
 * @returns the pooled facts
 * @throws {@link KpiContractError} `facts-invalid` (not an array, or a record that is not valid
 *   facts, each issue with its path); `facts-empty`; `currency-mismatch` (params `{ currencies }`);
 *   `facts-duplicate` when one store has two records for one period; `facts-periods-overlap` when
 *   two periods overlap without being equal; `count-overflow`
 * @example
 * ```ts
 * const quarter = poolFacts([october, november, december]);
 * computeKpi("acos", quarter).value; // ads.spend summed ÷ attributed sales summed
 * ```
 */
export function poolFacts(facts: readonly PeriodFactsInput[]): PeriodFacts {
  // No list at all is refused, not read as an empty one (`null` is not an array).
  const parsed = parseFactsList(facts ?? null, []);
  // Checked here with the indexes of the caller's array; pooling checks again without them.
  checkInputs(parsed, true);
  return poolParsedFacts(parsed);
}

/**
 * {@link poolFacts} on facts already parsed (the library's own callers, after their boundary).
 *
 * @internal
 */
export function poolParsedFacts(facts: readonly PeriodFacts[]): PeriodFacts {
  if (facts.length === 1) return poolOne(facts[0] as PeriodFacts);
  return poolMany(facts);
}

/**
 * One money fact as pooling writes it; a value already in that form (the currency's `digits`
 * after the point) is kept as is (no Decimal).
 */
function oneMoney(value: unknown, currency: string, digits: number): string {
  // Unparsed input (a number, say) takes the general sum, which reads or refuses it as before.
  return typeof value === "string" && isWrittenFactMoney(value, digits)
    ? value
    : sumMoney([value as string], currency);
}

/**
 * One count as pooling writes it: a safe integer added to 0 (which only turns -0 into 0); anything
 * else goes through the general sum, which refuses it with `count-overflow` at `path.field` as
 * before (the path is written only then).
 */
function oneCount(value: unknown, path: string, field: string): number {
  return Number.isSafeInteger(value)
    ? (value as number) + 0
    : sumCounts([value as number], `${path}.${field}`);
}

function oneFlat(
  group: Group | undefined,
  fields: Readonly<Record<string, "money" | "count">>,
  currency: string,
  digits: number,
  path: string,
): Mutable | undefined {
  if (group === undefined) return undefined;
  const out: Mutable = {};
  for (const field in fields) {
    const value = group[field];
    if (value === undefined) continue;
    out[field] = fields[field] === "count" ? oneCount(value, path, field) : oneMoney(value, currency, digits);
  }
  return out;
}

/**
 * {@link poolFacts} of a single record, field for field what {@link poolMany} gives (a property
 * test checks it), without the Decimal arithmetic of summing one value: settlement pools one store
 * for one cycle on every call.
 */
function poolOne(f: PeriodFacts): PeriodFacts {
  return isPooledForm(f) ? f : copyPooled(f);
}

/** {@link poolOne} by copying: every field written as pooling writes it. @internal */
export function copyPooled(f: PeriodFacts): PeriodFacts {
  const currency = f.currency;
  const digits = minorUnits(currency);
  const out: Mutable = {};
  if (f.store !== undefined) out.store = f.store;
  out.period = { start: f.period.start, end: f.period.end };
  out.currency = currency;
  const byStars = f.reviews?.byStars as Readonly<Record<string, number | undefined>> | undefined;
  let reviews: Mutable | undefined;
  if (f.reviews !== undefined) {
    reviews = {};
    if (byStars !== undefined) {
      const stars: Mutable = {};
      for (let i = 0; i < STARS.length; i++) {
        const star = STARS[i] as string;
        const count = byStars[star];
        if (count !== undefined) stars[star] = oneCount(count, "reviews.byStars", star);
      }
      reviews.byStars = stars;
    }
  }
  const pooled: Partial<Record<FactGroup, Mutable | undefined>> = {
    reviews,
    inventory: oneFlat(
      f.inventory as Group | undefined,
      FLAT_FIELDS.inventory,
      currency,
      digits,
      "inventory",
    ),
  };
  for (let i = 0; i < SUMMED_GROUPS.length; i++) {
    const group = SUMMED_GROUPS[i] as (typeof SUMMED_GROUPS)[number];
    pooled[group] = oneFlat(f[group] as Group | undefined, FLAT_FIELDS[group], currency, digits, group);
  }
  const windows = f.ads?.attributed;
  if (pooled.ads !== undefined && windows !== undefined) {
    const attributed: Mutable = {};
    for (const window of Object.keys(windows).sort()) {
      attributed[window] = oneFlat(
        windows[window],
        ATTRIBUTED_FIELDS,
        currency,
        digits,
        `ads.attributed.${window}`,
      );
    }
    pooled.ads.attributed = attributed;
  }
  for (const group of FACT_GROUPS) {
    if (pooled[group] !== undefined) out[group] = pooled[group];
  }
  return out as PeriodFacts;
}

/**
 * The general pooling of {@link poolFacts}, for any number of records.
 *
 * @internal
 * @param facts - parsed period facts, all in one currency
 * @returns the pooled facts
 */
export function poolMany(facts: readonly PeriodFacts[]): PeriodFacts {
  checkInputs(facts, false);
  const [first] = facts as readonly [PeriodFacts, ...PeriodFacts[]];
  const currency = first.currency;
  // Dates compare as strings (YYYY-MM-DD), so sorting finds the earliest start and the latest end.
  const start = facts.map((f) => f.period.start).sort()[0] ?? first.period.start;
  const end =
    facts
      .map((f) => f.period.end)
      .sort()
      .at(-1) ?? first.period.end;
  const out: Mutable = {};
  if (facts.every((f) => f.store !== undefined && f.store === first.store)) out.store = first.store;
  out.period = { start, end };
  out.currency = currency;
  const pooled: Partial<Record<FactGroup, Mutable | undefined>> = {
    reviews: poolReviews(facts),
    inventory: poolInventory(facts, currency),
  };
  for (const group of SUMMED_GROUPS) {
    pooled[group] = poolFlat(
      facts.map((f) => f[group] as Group | undefined),
      FLAT_FIELDS[group],
      currency,
      group,
    );
  }
  const attributed = poolAttributed(facts, currency);
  if (pooled.ads !== undefined && attributed !== undefined) pooled.ads.attributed = attributed;
  for (const group of FACT_GROUPS) {
    if (pooled[group] !== undefined) out[group] = pooled[group];
  }
  return out as PeriodFacts;
}
