import { describe, expect, it } from "vitest";
import { historyContract, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { baselineTooShort } from "./baselineTooShort.js";

describe("baseline-too-short", () => {
  it("reports a baseline window under 90 days, counted inclusively", () => {
    const c = historyContract();
    // 2025-11-01..2025-12-31: 30 + 31 = 61 days.
    targetOf(c, "acos").baseline.window = { start: "2025-11-01", end: "2025-12-31" };
    expect(runRule(baselineTooShort, c)).toEqual([
      {
        code: "baseline-too-short",
        criterion: "achievable",
        severity: "warning",
        targetId: "acos",
        path: ["targets", 1, "baseline", "window"],
        params: { target: "acos", days: "61", minimum: "90" },
      },
    ]);
  });

  it("accepts 90 days exactly and Q4 (92 days)", () => {
    const c = historyContract();
    // 2025-01-01..2025-03-31: 31 + 28 + 31 = 90 days.
    targetOf(c, "acos").baseline.window = { start: "2025-01-01", end: "2025-03-31" };
    expect(runRule(baselineTooShort, c)).toEqual([]);
  });

  it("does not judge stated baselines", () => {
    const c = historyContract();
    targetOf(c, "acos").baseline = { value: "0.25" };
    expect(runRule(baselineTooShort, c)).toEqual([]);
  });
});
