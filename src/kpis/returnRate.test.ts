import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { computeKpi } from "./computeKpi.js";
import { returnRateKpi } from "./returnRate.js";

describe("returnRate", () => {
  test("default basis units: 45 ÷ 1,500 = 0.03", () => {
    expect(computeKpi("returnRate", facts)).toMatchObject({
      value: "0.03",
      trace: { formula: "sales.returnedUnits ÷ sales.units" },
    });
  });

  test("knob basis=orders: 40 ÷ 1,200 = 0.0333…", () => {
    expect(computeKpi("returnRate", facts, { basis: "orders" }).value).toBe(
      "0.03333333333333333333333333333333333",
    );
  });

  test("returns by refund date may exceed the period's sales: 30 ÷ 20 = 1.5", () => {
    expect(computeKpi("returnRate", { ...facts, sales: { units: 20, returnedUnits: 30 } }).value).toBe("1.5");
  });

  test("no units is zero-denominator; minSample is a minimum of units", () => {
    expect(computeKpi("returnRate", { ...facts, sales: { units: 0, returnedUnits: 0 } })).toMatchObject({
      reason: "zero-denominator",
      numerator: "0",
    });
    expect(computeKpi("returnRate", facts, { minSample: 1501 })).toMatchObject({
      reason: "insufficient-data",
    });
  });

  test("metadata", () => {
    expect(returnRateKpi).toMatchObject({ polarity: "lower-is-better", knobs: ["basis"] });
  });
});
