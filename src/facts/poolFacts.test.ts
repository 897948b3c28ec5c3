import { describe, expect, test } from "vitest";
import { KpiContractError } from "../values/KpiContractError.js";
import { poolFacts, poolMany } from "./poolFacts.js";
import type { PeriodFacts } from "./schema.js";

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KpiContractError) return error;
    throw error;
  }
  throw new Error("expected a KpiContractError");
}

const march = { start: "2026-03-01", end: "2026-03-31" };
const april = { start: "2026-04-01", end: "2026-04-30" };

const us: PeriodFacts = {
  store: "us",
  period: march,
  currency: "USD",
  sales: { orders: 100, gross: "1000.00", refunds: "50.00" },
  ads: { spend: "300.00", attributed: { "14d": { sales: "900.00", orders: 30 }, "7d": { sales: "800.00" } } },
  reviews: { byStars: { "1": 2, "5": 10 } },
  inventory: { openingUnits: 500, closingUnits: 400, openingValue: "5000.00", closingValue: "4000.00" },
};
const ca: PeriodFacts = {
  store: "ca",
  period: march,
  currency: "USD",
  sales: { orders: 20, gross: "250.50", refunds: "0.00", tax: "10.00" },
  ads: { spend: "100.00", attributed: { "14d": { sales: "300.00", orders: 8 } } },
  reviews: { byStars: { "2": 1, "5": 4 } },
  inventory: { openingUnits: 50, closingUnits: 60, openingValue: "500.00", closingValue: "600.00" },
};

describe("poolFacts", () => {
  test("two stores of one period: additive fields summed, a field absent from one store stays absent", () => {
    const pooled = poolFacts([us, ca]);
    // orders 100 + 20; gross 1,000.00 + 250.50; refunds 50.00 + 0.00; tax only in ca → absent.
    expect(pooled.sales).toEqual({ orders: 120, gross: "1250.50", refunds: "50.00" });
    expect(pooled.period).toEqual(march);
    expect(pooled.currency).toBe("USD");
    expect(pooled.store).toBeUndefined();
  });

  test("attribution windows: kept only when every store has the window, fields summed", () => {
    // 14d sales 900 + 300, orders 30 + 8; 7d only in us → absent.
    expect(poolFacts([us, ca]).ads).toEqual({
      spend: "400.00",
      attributed: { "14d": { sales: "1200.00", orders: 38 } },
    });
  });

  test("star counts: a star absent from one byStars counts 0 there", () => {
    // 1★: 2 + 0; 2★: 0 + 1; 5★: 10 + 4.
    expect(poolFacts([us, ca]).reviews).toEqual({ byStars: { "1": 2, "2": 1, "5": 14 } });
  });

  test("reviews without byStars in one store: byStars unknown", () => {
    expect(poolFacts([us, { ...ca, reviews: {} }]).reviews).toEqual({});
    const { reviews: _, ...noReviews } = ca;
    expect(poolFacts([us, noReviews]).reviews).toBeUndefined();
  });

  test("inventory of stores in the same period: openings summed and closings summed", () => {
    expect(poolFacts([us, ca]).inventory).toEqual({
      openingUnits: 550,
      closingUnits: 460,
      openingValue: "5500.00",
      closingValue: "4600.00",
    });
  });

  test("inventory across consecutive periods: the first opening and the last closing", () => {
    const usApril: PeriodFacts = {
      ...us,
      period: april,
      inventory: { openingUnits: 400, closingUnits: 300, openingValue: "4000.00", closingValue: "3000.00" },
    };
    const pooled = poolFacts([usApril, us]);
    expect(pooled.inventory).toEqual({
      openingUnits: 500,
      closingUnits: 300,
      openingValue: "5000.00",
      closingValue: "3000.00",
    });
    expect(pooled.period).toEqual({ start: "2026-03-01", end: "2026-04-30" });
    expect(pooled.store).toBe("us");
  });

  test("several stores over several periods: grouped by period, summed within, first/last across", () => {
    const usApril: PeriodFacts = {
      ...us,
      period: april,
      inventory: { openingUnits: 400, closingUnits: 350 },
    };
    const caApril: PeriodFacts = { ...ca, period: april, inventory: { openingUnits: 60, closingUnits: 70 } };
    // Opening: March us 500 + ca 50 = 550; closing: April us 350 + ca 70 = 420. Values absent in April → absent.
    expect(poolFacts([us, ca, usApril, caApril]).inventory).toEqual({ openingUnits: 550, closingUnits: 420 });
    // Flows add up over all four: orders 100 + 20 + 100 + 20.
    expect(poolFacts([us, ca, usApril, caApril]).sales?.orders).toBe(240);
  });

  test("periods holding different stores: inventory unknown (the first opening and last closing would be of different shops)", () => {
    const caApril: PeriodFacts = { ...ca, period: april };
    expect(poolFacts([us, caApril]).inventory).toBeUndefined();
  });

  test("a group absent from any input is absent from the pool", () => {
    const withCosts = { ...us, costs: { cogs: "100.00" } };
    expect(poolFacts([withCosts, ca]).costs).toBeUndefined();
    expect(poolFacts([withCosts]).costs).toEqual({ cogs: "100.00" });
  });

  test("money keeps the currency's digits; exact values beyond them are kept, not rounded", () => {
    const a = { period: march, currency: "USD", sales: { gross: "0.1" } };
    const b = { period: april, currency: "USD", sales: { gross: "0.2" } };
    expect(poolFacts([a, b]).sales?.gross).toBe("0.30");
    const c = { period: march, currency: "USD", sales: { gross: "0.105" } };
    expect(poolFacts([c, b]).sales?.gross).toBe("0.305");
  });

  test("a single record pools to itself", () => {
    expect(poolFacts([us])).toEqual(us);
  });

  test("does not mutate its input", () => {
    const input = structuredClone([us, ca]);
    poolFacts(input);
    expect(input).toEqual([us, ca]);
  });

  test("different currencies: currency-mismatch, an issue at each record not in the first's", () => {
    const error = thrown(() =>
      poolFacts([
        us,
        { ...ca, currency: "CAD" },
        { ...us, period: april },
        { ...ca, period: april, currency: "EUR" },
      ]),
    );
    expect(error.code).toBe("currency-mismatch");
    expect(error.params.currencies).toEqual(["USD", "CAD", "EUR"]);
    const why = "where record 0 is in USD: convert them to one currency first (convertFacts)";
    expect(error.issues).toEqual([
      { code: "currency-mismatch", path: [1, "currency"], message: `In CAD, ${why}` },
      { code: "currency-mismatch", path: [3, "currency"], message: `In EUR, ${why}` },
    ]);
  });

  test("no input: facts-empty", () => {
    const error = thrown(() => poolFacts([]));
    expect(error.code).toBe("facts-empty");
    expect(error.issues).toEqual([
      { code: "facts-empty", path: [], message: "Expected at least one period facts record" },
    ]);
  });

  test("one store twice in one period: facts-duplicate at the later record, naming the first", () => {
    const error = thrown(() => poolFacts([us, ca, us]));
    expect(error.code).toBe("facts-duplicate");
    expect(error.issues).toEqual([
      {
        code: "facts-duplicate",
        path: [2],
        message: "Store us already has facts for 2026-03-01..2026-03-31 at index 0",
      },
    ]);
  });

  test("the internal pooling of the library's own arrays refuses the same way, without indexes", () => {
    // Its arrays are not the caller's: an index into them would point at the wrong record.
    const error = thrown(() => poolMany([us, ca, us]));
    expect(error.code).toBe("facts-duplicate");
    expect(error.params).toEqual({ store: "us", period: march });
    expect(error.issues).toEqual([]);
  });

  test("overlapping periods that are not equal: facts-periods-overlap at both periods", () => {
    const quarter = { ...ca, period: { start: "2026-01-01", end: "2026-03-31" } };
    // ca in March shares the period of record 0, so the first record of each period is named.
    const error = thrown(() => poolFacts([us, ca, quarter]));
    expect(error.code).toBe("facts-periods-overlap");
    expect(error.issues).toEqual([
      {
        code: "facts-periods-overlap",
        path: [0, "period"],
        message: "Overlaps 2026-01-01..2026-03-31 (index 2) without being equal",
      },
      {
        code: "facts-periods-overlap",
        path: [2, "period"],
        message: "Overlaps 2026-03-01..2026-03-31 (index 0) without being equal",
      },
    ]);
  });

  test("a pooled count beyond the largest safe integer: count-overflow", () => {
    const big = { period: march, currency: "USD", traffic: { sessions: Number.MAX_SAFE_INTEGER } };
    expect(thrown(() => poolFacts([big, { ...big, period: april }])).code).toBe("count-overflow");
  });
});
