import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { computeKpi } from "./computeKpi.js";
import { roasKpi } from "./roas.js";

describe("roas", () => {
  test("SPEC §2: 42,000 ÷ 9,000 = 4.666…", () => {
    const result = computeKpi("roas", facts);
    expect(result.value).toBe("4.666666666666666666666666666666667");
    expect(result.trace?.substituted).toBe("42000.00 ÷ 9000.00");
  });

  test("knob attributionWindow=7d: 39,000 ÷ 9,000 = 4.333…", () => {
    expect(computeKpi("roas", facts, { attributionWindow: "7d" }).value).toBe(
      "4.333333333333333333333333333333333",
    );
  });

  test("no spend is zero-denominator", () => {
    expect(computeKpi("roas", { ...facts, ads: { ...facts.ads, spend: "0" } })).toMatchObject({
      reason: "zero-denominator",
      numerator: "42000",
      denominator: "0",
    });
  });

  test("knob minSample is a minimum spend", () => {
    expect(computeKpi("roas", facts, { minSample: "10000" })).toMatchObject({ reason: "insufficient-data" });
  });

  test("missing window", () => {
    expect(computeKpi("roas", facts, { attributionWindow: "1d" })).toMatchObject({
      reason: "missing-facts",
      missing: ["ads.attributed.1d.sales"],
    });
  });

  test("metadata", () => {
    expect(roasKpi).toMatchObject({
      unit: "ratio",
      polarity: "higher-is-better",
      knobs: ["attributionWindow"],
    });
  });
});
