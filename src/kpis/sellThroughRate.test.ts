import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { computeKpi } from "./computeKpi.js";
import { sellThroughRateKpi } from "./sellThroughRate.js";

describe("sellThroughRate", () => {
  test("SPEC §2: 1,500 ÷ (1,500 + 3,600) = 0.29411…", () => {
    const result = computeKpi("sellThroughRate", facts);
    expect(result.value).toBe("0.2941176470588235294117647058823529");
    expect(result.trace?.substituted).toBe("1500 ÷ (1500 + 3600)");
  });

  test("nothing sold and nothing left is zero-denominator; minSample is a minimum of units available", () => {
    expect(
      computeKpi("sellThroughRate", { ...facts, sales: { units: 0 }, inventory: { closingUnits: 0 } }),
    ).toMatchObject({
      reason: "zero-denominator",
    });
    expect(computeKpi("sellThroughRate", facts, { minSample: 5101 })).toMatchObject({
      reason: "insufficient-data",
    });
  });

  test("missing closing units", () => {
    expect(computeKpi("sellThroughRate", { ...facts, inventory: {} })).toMatchObject({
      missing: ["inventory.closingUnits"],
    });
  });

  test("metadata", () => {
    expect(sellThroughRateKpi).toMatchObject({ shareOfWhole: true, polarity: "higher-is-better" });
  });
});
