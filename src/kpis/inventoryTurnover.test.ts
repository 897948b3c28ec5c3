import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { computeKpi } from "./computeKpi.js";
import { inventoryTurnoverKpi, inventoryTurnoverScopeSchema } from "./inventoryTurnover.js";

// SPEC §2: cogs 15,000; inventory value 40,000 → 36,000; units sold 1,500; units 4,000 → 3,600; March = 31 days.
describe("inventoryTurnover", () => {
  test("default (cost, not annualised): 15,000 ÷ ((40,000 + 36,000) ÷ 2) = 15,000 ÷ 38,000 = 0.39473…", () => {
    const result = computeKpi("inventoryTurnover", facts);
    expect(result.value).toBe("0.3947368421052631578947368421052632");
    expect(result.trace?.substituted).toBe("15000.00 ÷ ((40000.00 + 36000.00) ÷ 2)");
    expect(result.trace?.steps[0]).toEqual({ name: "average inventory", value: "38000" });
  });

  test("knob basis=units: 1,500 ÷ ((4,000 + 3,600) ÷ 2) = 1,500 ÷ 3,800", () => {
    expect(computeKpi("inventoryTurnover", facts, { basis: "units" }).value).toBe(
      "0.3947368421052631578947368421052632",
    );
    expect(
      computeKpi("inventoryTurnover", { ...facts, sales: { units: 1900 } }, { basis: "units" }).value,
    ).toBe("0.5");
  });

  test("knob annualize=true: 15,000 × 365 ÷ (38,000 × 31) = 4.64770…, one division", () => {
    const result = computeKpi("inventoryTurnover", facts, { annualize: true });
    // 15000 × 365 = 5475000 and 38000 × 31 = 1178000, both exact; 5475000 ÷ 1178000 =
    // 4.647707979626485568760611205432937|1… → 34 digits: …937. Dividing the rounded turnover
    // 0.3947368421052631578947368421052632 again (× 365 ÷ 31) would give …938.
    expect(result.value).toBe("4.647707979626485568760611205432937");
    expect(result.trace?.formula).toBe(
      "costs.cogs × 365 ÷ ((inventory.openingValue + inventory.closingValue) ÷ 2 × period days)",
    );
    expect(result.trace?.substituted).toBe("15000.00 × 365 ÷ ((40000.00 + 36000.00) ÷ 2 × 31)");
    expect(result.trace?.steps).toContainEqual({
      name: "turnover",
      value: "0.3947368421052631578947368421052632",
    });
  });

  test("no inventory is zero-denominator; minSample is a minimum average inventory", () => {
    const empty = { ...facts, inventory: { openingValue: "0", closingValue: "0" } };
    expect(computeKpi("inventoryTurnover", empty)).toMatchObject({
      reason: "zero-denominator",
      numerator: "15000",
    });
    expect(computeKpi("inventoryTurnover", facts, { minSample: "40000" })).toMatchObject({
      reason: "insufficient-data",
    });
  });

  test("missing inventory", () => {
    expect(computeKpi("inventoryTurnover", { ...facts, inventory: { openingValue: "1" } })).toMatchObject({
      missing: ["inventory.closingValue"],
    });
  });

  test("metadata", () => {
    expect(inventoryTurnoverKpi.knobs).toEqual(["basis", "annualize"]);
    expect(inventoryTurnoverKpi.reads(inventoryTurnoverScopeSchema.parse({ basis: "units" }))).toEqual([
      "sales.units",
      "inventory.openingUnits",
      "inventory.closingUnits",
    ]);
  });
});
