import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { computeKpi } from "./computeKpi.js";
import { listingOptimizationRateKpi } from "./listingOptimizationRate.js";

describe("listingOptimizationRate", () => {
  test("SPEC §2: 31 ÷ 40 = 0.775", () => {
    expect(computeKpi("listingOptimizationRate", facts)).toMatchObject({ value: "0.775", unit: "ratio" });
  });

  test("no listings in scope is zero-denominator; minSample is a minimum of listings", () => {
    expect(
      computeKpi("listingOptimizationRate", { ...facts, listings: { inScope: 0, optimized: 0 } }),
    ).toMatchObject({
      reason: "zero-denominator",
    });
    expect(computeKpi("listingOptimizationRate", facts, { minSample: 41 })).toMatchObject({
      reason: "insufficient-data",
    });
  });

  test("missing listings", () => {
    const { listings: _, ...rest } = facts;
    expect(computeKpi("listingOptimizationRate", rest)).toMatchObject({
      missing: ["listings.optimized", "listings.inScope"],
    });
  });

  test("metadata", () => {
    expect(listingOptimizationRateKpi).toMatchObject({ polarity: "higher-is-better", shareOfWhole: true });
  });
});
