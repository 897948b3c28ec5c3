import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { computeKpi } from "./computeKpi.js";
import { negativeReviewRateKpi, negativeReviewRateScopeSchema } from "./negativeReviewRate.js";

// byStars 1: 1, 2: 1, 3: 6, 4: 40, 5: 252 → 300 reviews; orders 1,200.
describe("negativeReviewRate", () => {
  test("SPEC §8 March: (1 + 1) ÷ 300 = 0.00666…", () => {
    const result = computeKpi("negativeReviewRate", facts, { maxStars: 2, denominator: "reviews" });
    expect(result.value).toBe("0.006666666666666666666666666666666667");
    expect(result.trace).toMatchObject({
      formula:
        "(reviews.byStars.1 + reviews.byStars.2) ÷ (reviews.byStars.1 + reviews.byStars.2 + reviews.byStars.3 + reviews.byStars.4 + reviews.byStars.5)",
      substituted: "(1 + 1) ÷ (1 + 1 + 6 + 40 + 252)",
      steps: [
        { name: "negative reviews", value: "2" },
        { name: "reviews", value: "300" },
        { name: "negativeReviewRate", value: "0.006666666666666666666666666666666667" },
      ],
    });
  });

  test("knob maxStars=1: 1 ÷ 300", () => {
    expect(computeKpi("negativeReviewRate", facts, { maxStars: 1 }).value).toBe(
      "0.003333333333333333333333333333333333",
    );
  });

  test("knob maxStars=3: (1 + 1 + 6) ÷ 300", () => {
    expect(computeKpi("negativeReviewRate", facts, { maxStars: 3 }).value).toBe(
      "0.02666666666666666666666666666666667",
    );
  });

  test("knob denominator=orders: 2 ÷ 1,200", () => {
    const result = computeKpi("negativeReviewRate", facts, { denominator: "orders" });
    expect(result.value).toBe("0.001666666666666666666666666666666667");
    expect(result.trace?.formula).toBe("(reviews.byStars.1 + reviews.byStars.2) ÷ sales.orders");
  });

  test("stars absent from byStars count 0 (SPEC §2)", () => {
    expect(
      computeKpi("negativeReviewRate", { ...facts, reviews: { byStars: { "1": 3, "5": 97 } } }).value,
    ).toBe("0.03");
  });

  test("no byStars at all is missing-facts naming the star counts", () => {
    expect(
      computeKpi("negativeReviewRate", { ...facts, reviews: {} }, { denominator: "orders" }),
    ).toMatchObject({
      value: null,
      reason: "missing-facts",
      missing: ["reviews.byStars.1", "reviews.byStars.2"],
    });
  });

  test("no reviews is zero-denominator with numerator 0", () => {
    expect(computeKpi("negativeReviewRate", { ...facts, reviews: { byStars: {} } })).toMatchObject({
      value: null,
      reason: "zero-denominator",
      numerator: "0",
      denominator: "0",
    });
  });

  test("knob minSample: fewer reviews than the minimum is insufficient-data", () => {
    expect(computeKpi("negativeReviewRate", facts, { minSample: 301 })).toMatchObject({
      reason: "insufficient-data",
      numerator: "2",
      denominator: "300",
    });
  });

  test("metadata: share of a whole, reads follow the denominator", () => {
    expect(negativeReviewRateKpi).toMatchObject({
      unit: "ratio",
      polarity: "lower-is-better",
      shareOfWhole: true,
    });
    expect(
      negativeReviewRateKpi.reads(
        negativeReviewRateScopeSchema.parse({ denominator: "orders", maxStars: 1 }),
      ),
    ).toEqual(["reviews.byStars.1", "sales.orders"]);
  });

  test("reads gives the caller a list of its own for either denominator", () => {
    const scope = negativeReviewRateScopeSchema.parse({ denominator: "reviews" });
    const first = negativeReviewRateKpi.reads(scope) as string[];
    first.push("sales.orders");
    expect(Object.isFrozen(first)).toBe(false);
    expect(negativeReviewRateKpi.reads(scope)).toEqual([
      "reviews.byStars.1",
      "reviews.byStars.2",
      "reviews.byStars.3",
      "reviews.byStars.4",
      "reviews.byStars.5",
    ]);
  });
});
