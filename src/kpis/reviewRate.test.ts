import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { computeKpi } from "./computeKpi.js";
import { reviewRateKpi, reviewRateScopeSchema } from "./reviewRate.js";

// 300 reviews (1 + 1 + 6 + 40 + 252); 1,200 orders; 1,500 units.
describe("reviewRate", () => {
  test("default per orders: 300 ÷ 1,200 = 0.25", () => {
    const result = computeKpi("reviewRate", facts);
    expect(result.value).toBe("0.25");
    expect(result.trace?.substituted).toBe("(1 + 1 + 6 + 40 + 252) ÷ 1200");
  });

  test("knob per=units: 300 ÷ 1,500 = 0.2", () => {
    expect(computeKpi("reviewRate", facts, { per: "units" }).value).toBe("0.2");
  });

  test("no orders is zero-denominator; minSample is a minimum of orders", () => {
    expect(computeKpi("reviewRate", { ...facts, sales: { orders: 0 } })).toMatchObject({
      reason: "zero-denominator",
    });
    expect(computeKpi("reviewRate", facts, { minSample: 1201 })).toMatchObject({
      reason: "insufficient-data",
    });
  });

  test("missing reviews", () => {
    expect(computeKpi("reviewRate", { ...facts, reviews: {} })).toMatchObject({ reason: "missing-facts" });
  });

  test("metadata", () => {
    expect(reviewRateKpi.knobs).toEqual(["per"]);
    expect(reviewRateKpi.reads(reviewRateScopeSchema.parse({ per: "units" })).at(-1)).toBe("sales.units");
  });
});
