import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { averageOrderValueKpi, averageOrderValueScopeSchema } from "./averageOrderValue.js";
import { computeKpi } from "./computeKpi.js";

// SPEC §2: gross 46,000.00, refunds 1,840.00, orders 1,200, cancelledOrders 14, cancelledValue 510.00.
describe("averageOrderValue", () => {
  test("default scope: 46,000.00 ÷ 1,200 = 38.333…", () => {
    const result = computeKpi("averageOrderValue", facts);
    expect(result).toMatchObject({ value: "38.33333333333333333333333333333333", unit: "money" });
    expect(result.trace).toMatchObject({ formula: "gmv ÷ sales.orders", substituted: "46000.00 ÷ 1200" });
  });

  test("knob refunds=exclude: (46,000 − 1,840) ÷ 1,200 = 36.8", () => {
    expect(computeKpi("averageOrderValue", facts, { refunds: "exclude" }).value).toBe("36.8");
  });

  test("knob cancelled=include: (46,000 + 510) ÷ (1,200 + 14) = 38.31", () => {
    // 46,510 ÷ 1,214 = 38.311367380560131795716639209225700…
    const result = computeKpi("averageOrderValue", facts, { cancelled: "include" });
    expect(result.value).toBe("38.3113673805601317957166392092257");
    expect(result.trace?.substituted).toBe("(46000.00 + 510.00) ÷ (1200 + 14)");
  });

  test("knob minSample: fewer orders than the minimum is insufficient-data", () => {
    expect(computeKpi("averageOrderValue", facts, { minSample: 2000 })).toMatchObject({
      value: null,
      reason: "insufficient-data",
      denominator: "1200",
    });
  });

  test("no orders is zero-denominator", () => {
    expect(computeKpi("averageOrderValue", { ...facts, sales: { gross: "0", orders: 0 } })).toMatchObject({
      reason: "zero-denominator",
      numerator: "0",
      denominator: "0",
    });
  });

  test("cancelled=include needs cancelledOrders", () => {
    expect(
      computeKpi(
        "averageOrderValue",
        { ...facts, sales: { gross: "1", orders: 1, cancelledValue: "1" } },
        { cancelled: "include" },
      ),
    ).toMatchObject({ reason: "missing-facts", missing: ["sales.cancelledOrders"] });
  });

  test("reads follow the scope", () => {
    expect(averageOrderValueKpi.reads(averageOrderValueScopeSchema.parse({ cancelled: "include" }))).toEqual([
      "sales.gross",
      "sales.cancelledValue",
      "sales.orders",
      "sales.cancelledOrders",
    ]);
  });
});
