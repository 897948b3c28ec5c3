import { describe, expect, it } from "vitest";
import { KpiContractError } from "../values/KpiContractError.js";
import { customKpiFromJson } from "./customKpi.js";

const FORMS =
  'a fact path ("ads.spend"), { "const": "2" }, { "sum": [e, …] }, { "difference": [a, b] }, { "ratio": [a, b] } or { "product": [e, …] }';

function issuesOf(expression: unknown) {
  try {
    customKpiFromJson({ id: "custom", unit: "count", polarity: "higher-is-better", expression });
  } catch (error) {
    if (error instanceof KpiContractError && error.code === "custom-kpi-invalid") return error.issues;
    throw error;
  }
  throw new Error("expected custom-kpi-invalid");
}

describe("customKpiFromJson: an expression object with no operator", () => {
  it("says the object has no keys", () => {
    expect(issuesOf({ sum: ["sales.orders", {}] })).toEqual([
      {
        code: "expression-invalid",
        path: ["expression", "sum", 1],
        message: `Expected ${FORMS}; received an object with no keys`,
      },
    ]);
  });

  it("names the keys of an object with several", () => {
    expect(issuesOf({ sum: ["sales.orders"], product: ["sales.units"] })).toEqual([
      {
        code: "expression-invalid",
        path: ["expression"],
        message: `Expected ${FORMS}; received an object with keys sum, product`,
      },
    ]);
  });
});
