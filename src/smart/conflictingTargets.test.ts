import { describe, expect, it } from "vitest";
import { cleanContract, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { conflictingTargets } from "./conflictingTargets.js";

function aggressive() {
  const c = cleanContract();
  targetOf(c, "gmv-growth").goal = { change: "0.5" };
  return c;
}

describe("conflicting-targets", () => {
  it("reports GMV +50% with ACoS cut by more than 20%", () => {
    const c = aggressive();
    // ACoS 0.25 → 0.19: (0.19 − 0.25) ÷ 0.25 = −24%
    targetOf(c, "acos").goal = { atMost: "0.19" };
    expect(runRule(conflictingTargets, c)).toEqual([
      {
        code: "conflicting-targets",
        criterion: "relevant",
        severity: "warning",
        targetId: "gmv-growth",
        path: ["targets", 0, "goal"],
        params: {
          target: "gmv-growth",
          kpi: "gmv",
          change: "0.5",
          other: "acos",
          otherKpi: "acos",
          otherChange: "-0.24",
        },
      },
    ]);
  });

  it("reports GMV growth with gross margin pushed up, ROAS pushed up, or ad spend cut", () => {
    const c = aggressive();
    c.targets.push(
      { id: "margin", kpi: "grossMargin", scope: {}, baseline: { value: "0.30" }, goal: { change: "0.25" } },
      { id: "roas", kpi: "roas", scope: {}, baseline: { value: "3.2" }, goal: { atLeast: "4" } },
      { id: "spend", kpi: "adSpend", scope: {}, baseline: { value: "9000" }, goal: { atMost: "7000" } },
    );
    expect(runRule(conflictingTargets, c).map((f) => [f.params.other, f.params.otherChange])).toEqual([
      ["margin", "0.25"],
      ["roas", "0.25"],
      ["spend", "-0.2222222222222222222222222222222222"],
    ]);
  });

  it("needs both sides beyond their thresholds (more than 30% and more than 20%)", () => {
    const c = cleanContract();
    targetOf(c, "gmv-growth").goal = { change: "0.30" };
    targetOf(c, "acos").goal = { atMost: "0.15" };
    expect(runRule(conflictingTargets, c)).toEqual([]);
    const d = aggressive();
    // 0.25 → 0.20 is exactly −20%
    targetOf(d, "acos").goal = { atMost: "0.20" };
    expect(runRule(conflictingTargets, d)).toEqual([]);
  });
});
