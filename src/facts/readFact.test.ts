import { describe, expect, test } from "vitest";
import { KpiContractError } from "../values/KpiContractError.js";
import { attributedFactPath, FACT_PATHS, isFactPath, readFact } from "./readFact.js";
import { type PeriodFacts, periodFactsSchema } from "./schema.js";

/** The SPEC §2 example facts (March 2026, Amazon US). */
const facts: PeriodFacts = periodFactsSchema.parse({
  store: "amazon-us-main",
  period: { start: "2026-03-01", end: "2026-03-31" },
  currency: "USD",
  sales: { orders: 1200, units: 1500, gross: "46000.00", refunds: "1840.00" },
  ads: {
    spend: "9000.00",
    attributed: { "7d": { sales: "39000.00", orders: 980 }, "14d": { sales: "42000.00" } },
  },
  reviews: { byStars: { "1": 1, "2": 1, "3": 6, "4": 40, "5": 252 } },
  inventory: { openingValue: "40000.00" },
});

describe("readFact", () => {
  test.each([
    ["sales.gross", "46000.00"],
    ["sales.orders", "1200"],
    ["ads.spend", "9000.00"],
    ["ads.attributed.7d.sales", "39000.00"],
    ["ads.attributed.7d.orders", "980"],
    ["ads.attributed.14d.sales", "42000.00"],
    ["reviews.byStars.1", "1"],
    ["reviews.byStars.5", "252"],
    ["inventory.openingValue", "40000.00"],
  ])("reads %s as %s, as written", (path, value) => {
    expect(readFact(facts, path)).toBe(value);
  });

  test.each([
    "sales.tax",
    "ads.attributed.14d.orders",
    "ads.attributed.30d.sales",
    "inventory.closingValue",
    "costs.cogs",
    "traffic.sessions",
  ])("an absent field (%s) is undefined, never 0", (path) => {
    expect(readFact(facts, path)).toBeUndefined();
  });

  test("a star count absent from an existing byStars is 0 (SPEC §2)", () => {
    const some = { ...facts, reviews: { byStars: { "5": 3 } } };
    expect(readFact(some, "reviews.byStars.1")).toBe("0");
    expect(readFact(some, "reviews.byStars.5")).toBe("3");
  });

  test("star counts are missing when the byStars group is absent", () => {
    expect(readFact({ ...facts, reviews: {} }, "reviews.byStars.1")).toBeUndefined();
    const { reviews: _, ...noReviews } = facts;
    expect(readFact(noReviews, "reviews.byStars.2")).toBeUndefined();
  });

  test("a window key that is an Object.prototype member is not read from the prototype", () => {
    expect(readFact(facts, "ads.attributed.constructor.sales")).toBeUndefined();
  });

  test("an unknown path throws fact-path-unknown", () => {
    const error = (() => {
      try {
        readFact(facts, "sales.revenue");
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(KpiContractError);
    expect((error as KpiContractError).code).toBe("fact-path-unknown");
    expect((error as KpiContractError).params).toEqual({ path: "sales.revenue" });
  });
});

describe("isFactPath", () => {
  test.each([
    "sales.gross",
    "sales.refundsOnPeriodOrders",
    "ads.attributed.14d.sales",
    "ads.attributed.1d-view.orders",
    "reviews.byStars.1",
    "reviews.byStars.5",
    "inventory.openingValue",
    "service.answeredWithin24h",
  ])("accepts %s", (path) => {
    expect(isFactPath(path)).toBe(true);
  });

  test.each([
    "sales",
    "sales.revenue",
    "reviews.byStars.0",
    "reviews.byStars.6",
    "reviews.byStars",
    "ads.attributed.14d",
    "ads.attributed.14D.sales",
    "ads.attributed.-7d.sales",
    "ads.attributed.14d.spend",
    "period.start",
    "currency",
    "",
    42,
  ])("refuses %j", (path) => {
    expect(isFactPath(path)).toBe(false);
  });

  test("every listed path is a fact path, and the list is frozen", () => {
    expect(FACT_PATHS.every((p) => isFactPath(p))).toBe(true);
    expect(FACT_PATHS).toHaveLength(11 + 3 + 2 + 5 + 4 + 4 + 2 + 2);
    expect(Object.isFrozen(FACT_PATHS)).toBe(true);
  });

  test("attributedFactPath builds a window path", () => {
    expect(attributedFactPath("7d", "orders")).toBe("ads.attributed.7d.orders");
    expect(isFactPath(attributedFactPath("7d", "orders"))).toBe(true);
  });
});
