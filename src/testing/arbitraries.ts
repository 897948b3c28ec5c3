import fc from "fast-check";
import type { PeriodFacts } from "../facts/schema.js";
import { addDays, dayNumber, fromDayNumber, type Period } from "../values/period.js";
import { moneyArbitrary } from "./moneyArbitrary.js";

/** Options of {@link periodFactsArbitrary}. */
export interface PeriodFactsArbitraryOptions {
  /** The currency of every record (default: one of USD, JPY, KWD, EUR). */
  readonly currency?: string;
  /** The period of every record (default: a random period of 1 to 120 days in 2020–2030). */
  readonly period?: Period;
  /** The store id (default: one of a few ids, or none); `null` for never a store. */
  readonly store?: string | null;
  /** Every group and field present, with all attribution windows (default false: any may be absent). */
  readonly complete?: boolean;
  /** Attribution window keys to draw from (default `["7d", "14d"]`). */
  readonly windows?: readonly string[];
  /** Largest money amount in major units (default 10,000,000). */
  readonly maxAmount?: number;
}

/** A money amount with the currency's minor-unit digits; small values and 0 are frequent. */
function amountArbitrary(currency: string, maxAmount = 10_000_000): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 1, arbitrary: moneyArbitrary(currency, { max: "0" }) },
    { weight: 2, arbitrary: moneyArbitrary(currency, { max: "100" }) },
    { weight: 5, arbitrary: moneyArbitrary(currency, { max: String(Math.floor(maxAmount)) }) },
  );
}

/** A count; 0 and small counts are frequent. */
const countArbitrary: fc.Arbitrary<number> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 50 }) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 2_000_000 }) },
);

/** A period of 1 to 120 days starting in 2020–2030. */
const periodArbitrary: fc.Arbitrary<Period> = fc
  .tuple(
    fc.integer({ min: dayNumber("2020-01-01"), max: dayNumber("2030-12-31") }),
    fc.integer({ min: 0, max: 119 }),
  )
  .map(([start, length]) => ({ start: fromDayNumber(start), end: addDays(fromDayNumber(start), length) }));

function group<T extends Record<string, fc.Arbitrary<unknown>>>(model: T, complete: boolean) {
  return complete ? fc.record(model) : fc.record(model, { requiredKeys: [] });
}

/**
 * A fast-check arbitrary of valid, parsed period facts (SPEC §2): money as decimal strings with the
 * currency's digits, counts as safe integers, any group or field possibly absent (unless
 * `complete`), zeros frequent so that zero denominators are exercised.
 *
 * @param options - currency, period, store, completeness, windows
 * @returns the arbitrary
 * @example
 * ```ts
 * fc.assert(fc.property(periodFactsArbitrary({ currency: "USD" }), (facts) => {
 *   const r = computeKpi("acos", facts);
 *   return r.value === null || !r.value.includes("NaN");
 * }));
 * ```
 */
export function periodFactsArbitrary(options: PeriodFactsArbitraryOptions = {}): fc.Arbitrary<PeriodFacts> {
  const complete = options.complete ?? false;
  const windows = options.windows ?? ["7d", "14d"];
  const currencyArb =
    options.currency !== undefined
      ? fc.constant(options.currency)
      : fc.constantFrom("USD", "JPY", "KWD", "EUR");
  const periodArb = options.period !== undefined ? fc.constant(options.period) : periodArbitrary;
  const storeArb =
    options.store === null
      ? fc.constant(undefined)
      : options.store !== undefined
        ? fc.constant(options.store)
        : fc.option(fc.constantFrom("amazon-us-main", "shopee-sg", "tiktok-uk"), { nil: undefined });

  return fc.tuple(currencyArb, periodArb, storeArb).chain(([currency, period, store]) => {
    const money = amountArbitrary(currency, options.maxAmount);
    const count = countArbitrary;
    const attributedWindow = group({ sales: money, orders: count }, complete);
    const attributed = complete
      ? fc.record(Object.fromEntries(windows.map((w) => [w, attributedWindow])))
      : fc.record(Object.fromEntries(windows.map((w) => [w, attributedWindow])), { requiredKeys: [] });
    const groups = {
      sales: group(
        {
          orders: count,
          units: count,
          gross: money,
          tax: money,
          shipping: money,
          cancelledOrders: count,
          cancelledValue: money,
          refunds: money,
          refundsOnPeriodOrders: money,
          refundedOrders: count,
          returnedUnits: count,
        },
        complete,
      ),
      ads: group({ spend: money, clicks: count, impressions: count, attributed }, complete),
      traffic: group({ sessions: count, pageViews: count }, complete),
      reviews: group(
        { byStars: group({ "1": count, "2": count, "3": count, "4": count, "5": count }, complete) },
        complete,
      ),
      inventory: group(
        { openingUnits: count, closingUnits: count, openingValue: money, closingValue: money },
        complete,
      ),
      costs: group({ cogs: money, platformFees: money, fulfilmentFees: money, other: money }, complete),
      listings: group({ inScope: count, optimized: count }, complete),
      service: group({ inquiries: count, answeredWithin24h: count }, complete),
    };
    const body = complete ? fc.record(groups) : fc.record(groups, { requiredKeys: [] });
    return body.map(
      (b) =>
        ({
          ...(store !== undefined ? { store } : {}),
          period,
          currency,
          ...b,
        }) as PeriodFacts,
    );
  });
}
