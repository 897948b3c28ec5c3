import { describe, expect, it } from "vitest";
import {
  cleanContract,
  historyContract,
  q4History,
  runRule,
  targetOf,
} from "../../test/contract/smartTestKit.js";
import { targetAlreadyMet } from "./targetAlreadyMet.js";

describe("target-already-met", () => {
  it("reports a change pointing away from improvement", () => {
    const c = cleanContract();
    targetOf(c, "gmv-growth").goal = { change: "-0.10" };
    targetOf(c, "acos").goal = { change: "0" };
    expect(runRule(targetAlreadyMet, c)).toEqual([
      {
        code: "target-already-met",
        criterion: "achievable",
        severity: "warning",
        targetId: "gmv-growth",
        path: ["targets", 0, "goal", "change"],
        params: { reason: "change-direction", target: "gmv-growth", kpi: "gmv", change: "-0.1" },
      },
      {
        code: "target-already-met",
        criterion: "achievable",
        severity: "warning",
        targetId: "acos",
        path: ["targets", 1, "goal", "change"],
        params: { reason: "change-direction", target: "acos", kpi: "acos", change: "0" },
      },
    ]);
  });

  it("reports a baseline that already meets an absolute goal", () => {
    const c = cleanContract();
    targetOf(c, "acos").baseline = { value: "0.20" };
    expect(runRule(targetAlreadyMet, c)[0]?.params).toEqual({
      reason: "baseline-meets",
      target: "acos",
      kpi: "acos",
      unit: "ratio",
      currency: "USD",
      baseline: "0.20",
      kind: "atMost",
      targetValue: "0.22",
    });
  });

  it("judges computed baselines from history", () => {
    // Pooled Q4 ACoS: 21,600 ÷ 84,000 = 0.2571…; a goal of at most 0.30 is already met.
    const c = historyContract();
    targetOf(c, "acos").goal = { atMost: "0.30" };
    const findings = runRule(targetAlreadyMet, c, {
      history: q4History({ "2025-12": { spend: "7600.00" } }),
    });
    expect(findings.map((f) => f.targetId)).toEqual(["acos"]);
  });

  it("uses strict comparison for below and above", () => {
    const c = cleanContract();
    targetOf(c, "acos").baseline = { value: "0.22" };
    targetOf(c, "acos").goal = { below: "0.22" };
    expect(runRule(targetAlreadyMet, c)).toEqual([]);
    targetOf(c, "acos").goal = { atMost: "0.22" };
    expect(runRule(targetAlreadyMet, c)).toHaveLength(1);
  });

  it("exempts guardrails, whose limits normally hold at the start", () => {
    const c = cleanContract();
    targetOf(c, "negative-reviews").baseline = { value: "0.002" };
    expect(runRule(targetAlreadyMet, c)).toEqual([]);
  });
});
