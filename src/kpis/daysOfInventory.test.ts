import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { computeKpi } from "./computeKpi.js";
import { daysOfInventoryKpi } from "./daysOfInventory.js";

describe("daysOfInventory", () => {
  test("default basis cost: 31 ÷ (15,000 ÷ 38,000) = 31 × 38,000 ÷ 15,000 = 78.53…, one division", () => {
    const result = computeKpi("daysOfInventory", facts);
    // 31 × 38000 ÷ 15000 = 1178000 ÷ 15000 = 78.5333… exactly → 34 digits: …3333. Dividing by the
    // rounded turnover 0.3947368421052631578947368421052632 would give …3332.
    expect(result).toMatchObject({ value: "78.53333333333333333333333333333333", unit: "days" });
    expect(result.trace?.substituted).toBe("31 × ((40000.00 + 36000.00) ÷ 2) ÷ 15000.00");
    expect(result.trace?.steps).toContainEqual({
      name: "turnover",
      value: "0.3947368421052631578947368421052632",
    });
  });

  test("nothing sold: the turnover is 0, so the days are zero-denominator", () => {
    const result = computeKpi("daysOfInventory", { ...facts, costs: { cogs: "0" } });
    expect(result).toMatchObject({ value: null, reason: "zero-denominator" });
  });

  test("knob basis=units: 31 ÷ (1,900 ÷ 3,800) = 62", () => {
    expect(
      computeKpi("daysOfInventory", { ...facts, sales: { units: 1900 } }, { basis: "units" }).value,
    ).toBe("62");
  });

  test("never annualised: annualize is not a knob", () => {
    expect(() => computeKpi("daysOfInventory", facts, { annualize: true })).toThrow(
      /Unknown knob "annualize"/,
    );
  });

  test("nothing sold: turnover 0 is zero-denominator with the period days as numerator", () => {
    expect(computeKpi("daysOfInventory", { ...facts, costs: { cogs: "0" } })).toMatchObject({
      reason: "zero-denominator",
      numerator: "31",
      denominator: "0",
    });
  });

  test("no inventory: the turnover itself is undefined, zero-denominator on the average inventory", () => {
    expect(
      computeKpi("daysOfInventory", { ...facts, inventory: { openingValue: "0", closingValue: "0" } }),
    ).toMatchObject({
      reason: "zero-denominator",
      numerator: "15000",
      denominator: "0",
    });
  });

  test("metadata", () => {
    expect(daysOfInventoryKpi).toMatchObject({ unit: "days", polarity: "lower-is-better", knobs: ["basis"] });
  });
});
