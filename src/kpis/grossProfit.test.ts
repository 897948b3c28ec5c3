import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { computeKpi } from "./computeKpi.js";
import { grossProfitKpi, grossProfitScopeSchema } from "./grossProfit.js";

// gmv(refunds=exclude) 46,000 − 1,840 = 44,160; cogs 15,000; platform 6,900; fulfilment 5,200; other 0; ads 9,000.
describe("grossProfit", () => {
  test("default (ad spend as cost): 44,160 − 15,000 − 6,900 − 5,200 − 0 − 9,000 = 8,060", () => {
    const result = computeKpi("grossProfit", facts);
    expect(result).toMatchObject({ value: "8060", unit: "money" });
    expect(result.trace).toMatchObject({
      formula: "gmv − costs.cogs − costs.platformFees − costs.fulfilmentFees − costs.other − ads.spend",
      substituted: "46000.00 − 1840.00 − 15000.00 − 6900.00 − 5200.00 − 0.00 − 9000.00",
    });
  });

  test("knob adSpendAsCost=false: 8,060 + 9,000 = 17,060", () => {
    expect(computeKpi("grossProfit", facts, { adSpendAsCost: false }).value).toBe("17060");
  });

  test("knob refundTiming=order-date: refunds 1,700 instead of 1,840 → 8,200", () => {
    expect(computeKpi("grossProfit", facts, { refundTiming: "order-date" }).value).toBe("8200");
  });

  test("knob cancelled=include: + 510 → 8,570", () => {
    expect(computeKpi("grossProfit", facts, { cancelled: "include" }).value).toBe("8570");
  });

  test("knobs tax and shipping add them: + 300 + 200 → 8,560", () => {
    const f = { ...facts, sales: { ...facts.sales, tax: "300.00", shipping: "200.00" } };
    expect(computeKpi("grossProfit", f, { tax: "include", shipping: "include" }).value).toBe("8560");
  });

  test("refunds are always deducted: refunds is not a knob", () => {
    expect(() => computeKpi("grossProfit", facts, { refunds: "include" })).toThrow(/Unknown knob "refunds"/);
  });

  test("a loss is negative", () => {
    expect(computeKpi("grossProfit", { ...facts, costs: { ...facts.costs, cogs: "40000" } }).value).toBe(
      "-16940",
    );
  });

  test("missing costs are named, never taken as 0", () => {
    expect(computeKpi("grossProfit", { ...facts, costs: { cogs: "1" } })).toMatchObject({
      reason: "missing-facts",
      missing: ["costs.platformFees", "costs.fulfilmentFees", "costs.other"],
    });
  });

  test("metadata", () => {
    expect(grossProfitKpi.knobs).toEqual(["adSpendAsCost", "refundTiming", "cancelled", "tax", "shipping"]);
    expect(grossProfitKpi.reads(grossProfitScopeSchema.parse({ adSpendAsCost: false }))).toEqual([
      "sales.gross",
      "sales.refunds",
      "costs.cogs",
      "costs.platformFees",
      "costs.fulfilmentFees",
      "costs.other",
    ]);
  });
});
