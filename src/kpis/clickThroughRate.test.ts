import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { clickThroughRateKpi } from "./clickThroughRate.js";
import { computeKpi } from "./computeKpi.js";

describe("clickThroughRate", () => {
  test("SPEC §2: 15,000 ÷ 900,000 = 0.01666…", () => {
    const result = computeKpi("clickThroughRate", facts);
    expect(result.value).toBe("0.01666666666666666666666666666666667");
    expect(result.trace?.formula).toBe("ads.clicks ÷ ads.impressions");
  });

  test("no impressions is zero-denominator; minSample is a minimum of impressions", () => {
    expect(computeKpi("clickThroughRate", { ...facts, ads: { clicks: 0, impressions: 0 } })).toMatchObject({
      reason: "zero-denominator",
      numerator: "0",
    });
    expect(computeKpi("clickThroughRate", facts, { minSample: 1000000 })).toMatchObject({
      reason: "insufficient-data",
    });
    expect(computeKpi("clickThroughRate", facts, { minSample: 900000 }).value).not.toBeNull();
  });

  test("missing impressions", () => {
    expect(computeKpi("clickThroughRate", { ...facts, ads: { clicks: 3 } })).toMatchObject({
      missing: ["ads.impressions"],
    });
  });

  test("metadata", () => {
    expect(clickThroughRateKpi).toMatchObject({
      unit: "ratio",
      polarity: "higher-is-better",
      shareOfWhole: true,
      knobs: [],
    });
  });
});
