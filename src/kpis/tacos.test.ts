import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { computeKpi } from "./computeKpi.js";
import { tacosKpi } from "./tacos.js";

describe("tacos", () => {
  test("default scope: 9,000 ÷ 46,000 = 0.19565…", () => {
    const result = computeKpi("tacos", facts);
    expect(result.value).toBe("0.1956521739130434782608695652173913");
    expect(result.trace).toMatchObject({ formula: "ads.spend ÷ gmv", substituted: "9000.00 ÷ 46000.00" });
  });

  test("knob refunds=exclude: 9,000 ÷ 44,160 = 0.20380…", () => {
    const result = computeKpi("tacos", facts, { refunds: "exclude" });
    expect(result.value).toBe("0.2038043478260869565217391304347826");
    expect(result.trace?.substituted).toBe("9000.00 ÷ (46000.00 − 1840.00)");
  });

  test("knob cancelled=include: 9,000 ÷ 46,510", () => {
    expect(computeKpi("tacos", facts, { cancelled: "include" }).value).toBe(
      "0.1935067727370457966028811008385293",
    );
  });

  test("GMV 0 is zero-denominator; minSample is a minimum GMV", () => {
    expect(computeKpi("tacos", { ...facts, sales: { gross: "0" } })).toMatchObject({
      reason: "zero-denominator",
    });
    expect(computeKpi("tacos", facts, { minSample: "50000" })).toMatchObject({ reason: "insufficient-data" });
  });

  test("metadata", () => {
    expect(tacosKpi).toMatchObject({ unit: "ratio", polarity: "lower-is-better" });
    expect(tacosKpi.knobs).toEqual(["refunds", "refundTiming", "cancelled", "tax", "shipping"]);
  });
});
