import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import type { KpiContractError } from "../values/KpiContractError.js";
import { computeKpi } from "./computeKpi.js";
import { conversionRateKpi, conversionRateScopeSchema } from "./conversionRate.js";

describe("conversionRate", () => {
  test("default (all, orders): 1,200 ÷ 24,000 = 0.05", () => {
    const result = computeKpi("conversionRate", facts);
    expect(result.value).toBe("0.05");
    expect(result.trace?.formula).toBe("sales.orders ÷ traffic.sessions");
  });

  test("knob count=units: unit session percentage 1,500 ÷ 24,000 = 0.0625", () => {
    expect(computeKpi("conversionRate", facts, { count: "units" }).value).toBe("0.0625");
  });

  test("knob source=ads: attributed orders ÷ clicks, 1,010 ÷ 15,000 = 0.06733…", () => {
    const result = computeKpi("conversionRate", facts, { source: "ads" });
    expect(result.value).toBe("0.06733333333333333333333333333333333");
    expect(result.trace?.formula).toBe("ads.attributed.14d.orders ÷ ads.clicks");
  });

  test("knob attributionWindow with source=ads: 980 ÷ 15,000", () => {
    expect(computeKpi("conversionRate", facts, { source: "ads", attributionWindow: "7d" }).value).toBe(
      "0.06533333333333333333333333333333333",
    );
  });

  test("count=units with source=ads is a scope error naming count", () => {
    try {
      computeKpi("conversionRate", facts, { source: "ads", count: "units" });
      expect.unreachable();
    } catch (e) {
      expect((e as KpiContractError).code).toBe("scope-invalid");
      expect((e as KpiContractError).issues).toMatchObject([
        { code: "knob-invalid", path: ["scope", "count"] },
      ]);
    }
  });

  test("0 sessions is zero-denominator; minSample is a minimum of sessions", () => {
    expect(computeKpi("conversionRate", { ...facts, traffic: { sessions: 0 } })).toMatchObject({
      reason: "zero-denominator",
    });
    expect(computeKpi("conversionRate", facts, { minSample: 30000 })).toMatchObject({
      reason: "insufficient-data",
    });
  });

  test("shareOfWhole depends on count", () => {
    const share = conversionRateKpi.shareOfWhole as (s: unknown) => boolean;
    expect(share(conversionRateScopeSchema.parse({}))).toBe(true);
    expect(share(conversionRateScopeSchema.parse({ count: "units" }))).toBe(false);
    expect(conversionRateKpi.knobs).toEqual(["source", "count", "attributionWindow"]);
  });
});
