import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { acosKpi, acosScopeSchema } from "./acos.js";
import { computeKpi } from "./computeKpi.js";

const withAds = (ads: Record<string, unknown>) => ({ ...facts, ads: { ...facts.ads, ...ads } });

describe("acos", () => {
  test("SPEC §8 March: 9,000 ÷ 42,000 = 0.2142857… (34 significant digits, half-even)", () => {
    const result = computeKpi("acos", facts, { attributionWindow: "14d" });
    expect(result.value).toBe("0.2142857142857142857142857142857143");
    expect(result.trace).toMatchObject({
      formula: "ads.spend ÷ ads.attributed.14d.sales",
      substituted: "9000.00 ÷ 42000.00",
      inputs: { "ads.spend": "9000.00", "ads.attributed.14d.sales": "42000.00" },
    });
  });

  test("the default window is 14d", () => {
    expect(computeKpi("acos", facts).value).toBe("0.2142857142857142857142857142857143");
  });

  test("knob attributionWindow=7d: 9,000 ÷ 39,000 = 0.2307692…", () => {
    expect(computeKpi("acos", facts, { attributionWindow: "7d" }).value).toBe(
      "0.2307692307692307692307692307692308",
    );
  });

  test("any key of ads.attributed is a window", () => {
    const f = withAds({ attributed: { "1d-view": { sales: "4500" } } });
    expect(computeKpi("acos", f, { attributionWindow: "1d-view" }).value).toBe("2");
  });

  test("a window absent from the facts is missing-facts naming its path", () => {
    expect(computeKpi("acos", facts, { attributionWindow: "30d" })).toMatchObject({
      value: null,
      reason: "missing-facts",
      missing: ["ads.attributed.30d.sales"],
    });
  });

  test("spend 0 and sales 0 is zero-denominator with numerator 0 (met for a lower-is-better target)", () => {
    expect(
      computeKpi("acos", withAds({ spend: "0", attributed: { "14d": { sales: "0.00" } } })),
    ).toMatchObject({
      value: null,
      reason: "zero-denominator",
      numerator: "0",
      denominator: "0",
    });
  });

  test("spend without attributed sales is zero-denominator with the spend as numerator", () => {
    expect(computeKpi("acos", withAds({ attributed: { "14d": { sales: "0" } } }))).toMatchObject({
      value: null,
      reason: "zero-denominator",
      numerator: "9000",
      denominator: "0",
    });
  });

  test("knob minSample: attributed sales below it are insufficient-data", () => {
    expect(computeKpi("acos", facts, { minSample: "50000" })).toMatchObject({
      value: null,
      reason: "insufficient-data",
      numerator: "9000",
      denominator: "42000",
    });
    expect(computeKpi("acos", facts, { minSample: "42000" }).value).toBe(
      "0.2142857142857142857142857142857143",
    );
  });

  test("metadata", () => {
    expect(acosKpi).toMatchObject({
      id: "acos",
      unit: "ratio",
      polarity: "lower-is-better",
      minSample: true,
    });
    expect(acosKpi.knobs).toEqual(["attributionWindow"]);
    expect(acosKpi.reads(acosScopeSchema.parse({ attributionWindow: "7d" }))).toEqual([
      "ads.spend",
      "ads.attributed.7d.sales",
    ]);
  });
});
