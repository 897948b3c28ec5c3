import { describe, expect, it } from "vitest";
import { cleanContract, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { targetAlreadyMet } from "./targetAlreadyMet.js";

describe("target-already-met, more goal kinds", () => {
  it("reports an above goal that the baseline already exceeds", () => {
    const c = cleanContract();
    targetOf(c, "gmv-growth").goal = { above: "25000" };
    expect(runRule(targetAlreadyMet, c)).toEqual([
      {
        code: "target-already-met",
        criterion: "achievable",
        severity: "warning",
        targetId: "gmv-growth",
        path: ["targets", 0, "goal", "above"],
        params: {
          reason: "baseline-meets",
          target: "gmv-growth",
          kpi: "gmv",
          unit: "money",
          currency: "USD",
          baseline: "30000.00",
          kind: "above",
          targetValue: "25000",
        },
      },
    ]);
  });

  it("accepts an above goal that the baseline does not reach", () => {
    const c = cleanContract();
    targetOf(c, "gmv-growth").goal = { above: "30000" }; // strictly above: 30000 is not enough
    expect(runRule(targetAlreadyMet, c)).toEqual([]);
  });

  it("accepts a lower-is-better change that asks for an improvement", () => {
    const c = cleanContract();
    targetOf(c, "acos").goal = { change: "-0.1" }; // 0.25 × 0.9 = 0.225 < 0.25
    expect(runRule(targetAlreadyMet, c)).toEqual([]);
  });

  it("skips a target without a goal (goal-invalid reports it)", () => {
    const c = cleanContract();
    delete targetOf(c, "gmv-growth").goal;
    expect(runRule(targetAlreadyMet, c)).toEqual([]);
  });
});

describe("target-already-met on a change", () => {
  it("does not report a tiny growth: products are exact, so the target is above the baseline", () => {
    const c = cleanContract();
    targetOf(c, "gmv-growth").goal = { change: `0.${"0".repeat(39)}1` };
    expect(runRule(targetAlreadyMet, c)).toEqual([]);
  });

  it("does not report a tiny reduction on a lower-is-better KPI", () => {
    const c = cleanContract();
    targetOf(c, "acos").goal = { change: `-0.${"0".repeat(39)}1` };
    expect(runRule(targetAlreadyMet, c)).toEqual([]);
  });
});
