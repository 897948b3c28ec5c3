import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { computeKpi } from "./computeKpi.js";
import { gmvKpi, gmvScopeSchema } from "./gmv.js";

const withSales = (sales: Record<string, unknown>) => ({ ...facts, sales: { ...facts.sales, ...sales } });

describe("gmv", () => {
  test("SPEC §8 March: 46,000.00 − 1,840.00 = 44,160.00 with refunds excluded by refund date", () => {
    const result = computeKpi("gmv", facts, { refunds: "exclude" });
    expect(result.value).toBe("44160");
    expect(result.unit).toBe("money");
    expect(result.trace).toEqual({
      kpi: "gmv",
      formula: "sales.gross − sales.refunds",
      substituted: "46000.00 − 1840.00",
      inputs: { "sales.gross": "46000.00", "sales.refunds": "1840.00" },
      steps: [{ name: "gmv", value: "44160" }],
      scope: {
        refunds: "exclude",
        refundTiming: "refund-date",
        cancelled: "exclude",
        tax: "exclude",
        shipping: "exclude",
      },
    });
  });

  test("default scope: refunds included, so GMV is the gross 46,000.00", () => {
    expect(computeKpi("gmv", facts).value).toBe("46000");
  });

  test("knob refundTiming=order-date deducts refundsOnPeriodOrders: 46,000 − 1,700 = 44,300", () => {
    const result = computeKpi("gmv", facts, { refunds: "exclude", refundTiming: "order-date" });
    expect(result.value).toBe("44300");
    expect(result.trace?.formula).toBe("sales.gross − sales.refundsOnPeriodOrders");
  });

  test("knob refundTiming is irrelevant while refunds are included", () => {
    expect(computeKpi("gmv", facts, { refundTiming: "order-date" }).value).toBe("46000");
  });

  test("knob cancelled=include adds cancelledValue: 46,000 + 510 = 46,510", () => {
    expect(computeKpi("gmv", facts, { cancelled: "include" }).value).toBe("46510");
  });

  test("knob tax=include adds tax: 46,000 + 3,220.50 = 49,220.50", () => {
    expect(computeKpi("gmv", withSales({ tax: "3220.50" }), { tax: "include" }).value).toBe("49220.5");
    expect(computeKpi("gmv", withSales({ tax: "3220.50" }), { tax: "exclude" }).value).toBe("46000");
  });

  test("knob shipping=include adds shipping: 46,000 + 800 = 46,800", () => {
    expect(computeKpi("gmv", withSales({ shipping: "800" }), { shipping: "include" }).value).toBe("46800");
  });

  test("every knob at once: 46,000 + 510 + 3,000 + 800 − 1,700 = 48,610", () => {
    const scope = {
      refunds: "exclude",
      refundTiming: "order-date",
      cancelled: "include",
      tax: "include",
      shipping: "include",
    };
    const result = computeKpi("gmv", withSales({ tax: "3000", shipping: "800" }), scope);
    expect(result.value).toBe("48610");
    expect(result.trace?.substituted).toBe("46000.00 + 510.00 + 3000 + 800 − 1700.00");
  });

  test("refunds above sales give a negative GMV, never clipped", () => {
    expect(
      computeKpi("gmv", withSales({ gross: "100.00", refunds: "250.00" }), { refunds: "exclude" }).value,
    ).toBe("-150");
  });

  test("missing facts are named, never taken as 0", () => {
    const { sales: _, ...noSales } = facts;
    expect(computeKpi("gmv", noSales, { refunds: "exclude", tax: "include" })).toEqual({
      value: null,
      unit: "money",
      reason: "missing-facts",
      missing: ["sales.gross", "sales.tax", "sales.refunds"],
    });
  });

  test("reads() follows the scope", () => {
    const all = gmvScopeSchema.parse({
      refunds: "exclude",
      refundTiming: "order-date",
      cancelled: "include",
      tax: "include",
      shipping: "include",
    });
    expect(gmvKpi.reads(all)).toEqual([
      "sales.gross",
      "sales.cancelledValue",
      "sales.tax",
      "sales.shipping",
      "sales.refundsOnPeriodOrders",
    ]);
    expect(gmvKpi.reads(gmvScopeSchema.parse({}))).toEqual(["sales.gross"]);
  });

  test("metadata: money, higher is better, five knobs in SPEC order", () => {
    expect(gmvKpi).toMatchObject({ id: "gmv", unit: "money", polarity: "higher-is-better" });
    expect(gmvKpi.knobs).toEqual(["refunds", "refundTiming", "cancelled", "tax", "shipping"]);
  });
});
