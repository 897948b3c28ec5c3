import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { computeKpi } from "./computeKpi.js";
import { ordersKpi } from "./orders.js";

describe("orders", () => {
  test("SPEC §2: sales.orders = 1,200", () => {
    const result = computeKpi("orders", facts);
    expect(result).toMatchObject({ value: "1200", unit: "count" });
    expect(result.trace).toMatchObject({ formula: "sales.orders", substituted: "1200" });
  });

  test("0 orders is a value, not a null", () => {
    expect(computeKpi("orders", { ...facts, sales: { orders: 0 } }).value).toBe("0");
  });

  test("missing sales.orders is missing-facts", () => {
    expect(computeKpi("orders", { ...facts, sales: {} })).toMatchObject({
      value: null,
      reason: "missing-facts",
      missing: ["sales.orders"],
    });
  });

  test("takes no knobs, not even minSample", () => {
    expect(ordersKpi).toMatchObject({ unit: "count", polarity: "higher-is-better", knobs: [] });
    expect(() => computeKpi("orders", facts, { minSample: 1 })).toThrow(
      /Unknown knob "minSample" for KPI orders; it takes no knobs/,
    );
  });
});
