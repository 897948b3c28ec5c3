import { describe, expect, it } from "vitest";
import { cleanContract, historyContract, q4History, runRule } from "../../test/contract/smartTestKit.js";
import { baselineNotChecked } from "./baselineNotChecked.js";

describe("baseline-not-checked", () => {
  it("notes each baseline from history when no history is given", () => {
    const findings = runRule(baselineNotChecked, historyContract());
    expect(findings.map((f) => f.targetId)).toEqual(["gmv-growth", "acos", "negative-reviews"]);
    expect(findings[0]).toEqual({
      code: "baseline-not-checked",
      criterion: "achievable",
      severity: "info",
      targetId: "gmv-growth",
      path: ["targets", 0, "baseline"],
      params: { target: "gmv-growth" },
    });
  });

  it("is silent with history, and for stated baselines", () => {
    expect(runRule(baselineNotChecked, historyContract(), { history: q4History() })).toEqual([]);
    expect(runRule(baselineNotChecked, cleanContract())).toEqual([]);
  });
});
