import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { computeKpi } from "./computeKpi.js";
import { refundRateKpi } from "./refundRate.js";

describe("refundRate", () => {
  test("default refund date: 1,840 ÷ 46,000 = 0.04", () => {
    expect(computeKpi("refundRate", facts)).toMatchObject({
      value: "0.04",
      trace: { substituted: "1840.00 ÷ 46000.00" },
    });
  });

  test("knob refundTiming=order-date: 1,700 ÷ 46,000 = 0.03695…", () => {
    expect(computeKpi("refundRate", facts, { refundTiming: "order-date" }).value).toBe(
      "0.03695652173913043478260869565217391",
    );
  });

  test("gross 0 is zero-denominator; minSample is a minimum gross", () => {
    expect(computeKpi("refundRate", { ...facts, sales: { gross: "0", refunds: "10" } })).toMatchObject({
      reason: "zero-denominator",
      numerator: "10",
    });
    expect(computeKpi("refundRate", facts, { minSample: "46000.01" })).toMatchObject({
      reason: "insufficient-data",
    });
  });

  test("metadata", () => {
    expect(refundRateKpi).toMatchObject({ polarity: "lower-is-better", knobs: ["refundTiming"] });
  });
});
