import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import type { KpiContractError } from "../values/KpiContractError.js";
import { computeKpi } from "./computeKpi.js";
import { salesGrowthKpi } from "./salesGrowth.js";

const february = {
  period: { start: "2026-02-01", end: "2026-02-28" },
  currency: "USD",
  sales: { gross: "43000.00", refunds: "1500.00", refundsOnPeriodOrders: "1400.00" },
};

describe("salesGrowth", () => {
  test("SPEC §8: March net GMV 44,160 against the baseline 30,720: (44,160 − 30,720) ÷ 30,720 = 0.4375", () => {
    const result = computeKpi(
      "salesGrowth",
      facts,
      { refunds: "exclude", comparison: "baseline" },
      { comparison: "30720.00" },
    );
    expect(result.value).toBe("0.4375");
    expect(result.trace).toMatchObject({
      formula: "(gmv − comparison gmv) ÷ |comparison gmv|",
      substituted: "(46000.00 − 1840.00 − 30720) ÷ 30720",
      inputs: { comparison: "30720.00" },
    });
  });

  test("comparison facts: their GMV with the same knobs, (44,160 − 41,500) ÷ 41,500", () => {
    // February net GMV 43,000 − 1,500 = 41,500; 2,660 ÷ 41,500 = 0.0640963855421686746987951807228915…
    const result = computeKpi("salesGrowth", facts, { refunds: "exclude" }, { comparison: february });
    expect(result.value).toBe("0.06409638554216867469879518072289157");
    expect(result.trace?.inputs).toMatchObject({
      "comparison.sales.gross": "43000.00",
      "comparison.sales.refunds": "1500.00",
    });
  });

  test("knob refundTiming applies to both periods: (46,000 − 1,700) − (43,000 − 1,400) over 41,600", () => {
    // 44,300 − 41,600 = 2,700; 2,700 ÷ 41,600 = 0.06490384615384615384615384615384615
    const result = computeKpi(
      "salesGrowth",
      facts,
      { refunds: "exclude", refundTiming: "order-date" },
      { comparison: february },
    );
    expect(result.value).toBe("0.06490384615384615384615384615384615");
  });

  test("knob comparison only labels where the comparison came from", () => {
    const a = computeKpi("salesGrowth", facts, { comparison: "previous-period" }, { comparison: "40000" });
    const b = computeKpi(
      "salesGrowth",
      facts,
      { comparison: "same-period-last-year" },
      { comparison: "40000" },
    );
    expect(a.value).toBe("0.15");
    expect(b.value).toBe(a.value);
    expect(b.trace?.scope.comparison).toBe("same-period-last-year");
  });

  test("a negative comparison GMV divides by its absolute value", () => {
    // (46,000 − (−2,000)) ÷ 2,000 = 24
    const result = computeKpi("salesGrowth", facts, {}, { comparison: "-2000" });
    expect(result.value).toBe("24");
    expect(result.trace?.substituted).toBe("(46000.00 − (-2000)) ÷ 2000");
  });

  test("no comparison is missing-facts naming comparison", () => {
    expect(computeKpi("salesGrowth", facts)).toMatchObject({
      value: null,
      reason: "missing-facts",
      missing: ["comparison"],
    });
  });

  test("comparison facts without the needed fields name them", () => {
    const bare = { period: february.period, currency: "USD", sales: { gross: "1.00" } };
    expect(computeKpi("salesGrowth", facts, { refunds: "exclude" }, { comparison: bare })).toMatchObject({
      reason: "missing-facts",
      missing: ["comparison.sales.refunds"],
    });
  });

  test("comparison GMV 0 is zero-denominator", () => {
    expect(computeKpi("salesGrowth", facts, {}, { comparison: 0 })).toMatchObject({
      reason: "zero-denominator",
      numerator: "46000",
      denominator: "0",
    });
  });

  test("knob minSample: a comparison GMV below it is insufficient-data", () => {
    expect(computeKpi("salesGrowth", facts, { minSample: "50000" }, { comparison: "40000" })).toMatchObject({
      reason: "insufficient-data",
    });
  });

  test("comparison facts in another currency: currency-mismatch; a bad stated value: comparison-invalid", () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as KpiContractError).code;
      }
      return "none";
    };
    expect(
      code(() => computeKpi("salesGrowth", facts, {}, { comparison: { ...february, currency: "EUR" } })),
    ).toBe("currency-mismatch");
    expect(code(() => computeKpi("salesGrowth", facts, {}, { comparison: "1e3" }))).toBe(
      "comparison-invalid",
    );
    expect(
      code(() => computeKpi("salesGrowth", facts, {}, { comparison: { currency: "USD" } as never })),
    ).toBe("comparison-invalid");
  });

  test("metadata: gmv's knobs then comparison", () => {
    expect(salesGrowthKpi.knobs).toEqual([
      "refunds",
      "refundTiming",
      "cancelled",
      "tax",
      "shipping",
      "comparison",
    ]);
    expect(salesGrowthKpi).toMatchObject({ unit: "ratio", polarity: "higher-is-better", minSample: true });
  });
});
