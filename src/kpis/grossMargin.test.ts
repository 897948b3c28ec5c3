import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { computeKpi } from "./computeKpi.js";
import { grossMarginKpi } from "./grossMargin.js";

describe("grossMargin", () => {
  test("default: 8,060 ÷ 44,160 = 0.18251…", () => {
    const result = computeKpi("grossMargin", facts);
    expect(result.value).toBe("0.1825181159420289855072463768115942");
    expect(result.trace).toMatchObject({
      formula: "gross profit ÷ gmv",
      substituted:
        "(46000.00 − 1840.00 − 15000.00 − 6900.00 − 5200.00 − 0.00 − 9000.00) ÷ (46000.00 − 1840.00)",
    });
  });

  test("knob adSpendAsCost=false: 17,060 ÷ 44,160 = 0.38632…", () => {
    expect(computeKpi("grossMargin", facts, { adSpendAsCost: false }).value).toBe(
      "0.3863224637681159420289855072463768",
    );
  });

  test("knob refundTiming=order-date: 8,200 ÷ 44,300", () => {
    expect(computeKpi("grossMargin", facts, { refundTiming: "order-date" }).value).toBe(
      "0.1851015801354401805869074492099323",
    );
  });

  test("GMV 0 is zero-denominator; minSample is a minimum GMV", () => {
    const zero = { ...facts, sales: { gross: "100", refunds: "100" } };
    expect(computeKpi("grossMargin", zero)).toMatchObject({ reason: "zero-denominator", denominator: "0" });
    expect(computeKpi("grossMargin", facts, { minSample: "50000" })).toMatchObject({
      reason: "insufficient-data",
    });
  });

  test("metadata", () => {
    expect(grossMarginKpi).toMatchObject({ unit: "ratio", shareOfWhole: true, minSample: true });
  });
});
