import { describe, expect, it } from "vitest";
import {
  cleanContract,
  historyContract,
  q4History,
  runRule,
  targetOf,
} from "../../test/contract/smartTestKit.js";
import { targetUnrealistic } from "./targetUnrealistic.js";

describe("target-unrealistic: relative change", () => {
  it("reports a change goal above maxChange (default 1.0 for higher-is-better), without needing history", () => {
    const c = cleanContract();
    targetOf(c, "gmv-growth").goal = { change: "1.5" };
    expect(runRule(targetUnrealistic, c)).toEqual([
      {
        code: "target-unrealistic",
        criterion: "achievable",
        severity: "warning",
        targetId: "gmv-growth",
        path: ["targets", 0, "goal", "change"],
        params: { reason: "change", target: "gmv-growth", kpi: "gmv", change: "1.5", maxChange: "1" },
      },
    ]);
  });

  it("reports an absolute goal far from its baseline (default 0.5 for lower-is-better)", () => {
    const c = cleanContract();
    // |0.2 − 0.5| ÷ 0.5 = 0.6 > 0.5
    targetOf(c, "acos").baseline = { value: "0.5" };
    targetOf(c, "acos").goal = { atMost: "0.2" };
    expect(runRule(targetUnrealistic, c)[0]?.params).toEqual({
      reason: "level",
      target: "acos",
      kpi: "acos",
      unit: "ratio",
      currency: "USD",
      baseline: "0.5",
      targetValue: "0.2",
      change: "0.6",
      maxChange: "0.5",
    });
  });

  it("accepts a change of exactly maxChange, a change away from improvement, and configured limits", () => {
    const c = cleanContract();
    targetOf(c, "gmv-growth").goal = { change: "1.0" };
    // 0.25 → 0.125 is exactly −50%.
    targetOf(c, "acos").goal = { atMost: "0.125" };
    expect(runRule(targetUnrealistic, c)).toEqual([]);

    targetOf(c, "gmv-growth").goal = { atLeast: "10000" }; // far below the 30,000 baseline: not unrealistic
    expect(runRule(targetUnrealistic, c)).toEqual([]);

    targetOf(c, "gmv-growth").goal = { change: "1.5" };
    expect(runRule(targetUnrealistic, c, { maxChange: { higherIsBetter: "150%" } })).toEqual([]);
  });
});

describe("target-unrealistic: compound monthly growth", () => {
  it("reports growth more than growthMargin above the best month-on-month growth", () => {
    // Baseline mean 30,720, target 30,720 × 1.4 = 43,008, judged every cycle: already in January,
    // 1 month after December's 32,640. Required 43,008 ÷ 32,640 − 1 = 31.76% a month; best
    // month-on-month growth 30,720 ÷ 28,800 − 1 = 6.67%; 31.76% > 6.67% + 10%.
    const c = historyContract();
    targetOf(c, "gmv-growth").goal = { change: "0.40" };
    const findings = runRule(targetUnrealistic, c, { history: q4History() });
    expect(findings).toHaveLength(1);
    const params = findings[0]?.params ?? {};
    expect(params).toMatchObject({
      reason: "growth",
      target: "gmv-growth",
      kpi: "gmv",
      unit: "money",
      lastValue: "32640",
      targetValue: "43008",
      months: "1",
      margin: "0.1",
    });
    expect(String(params.required)).toMatch(/^0\.31764705882352941/);
    expect(String(params.best)).toMatch(/^0\.06666666666666666/);
  });

  it("accepts the SPEC §8 target: 9.62% a month over 3 months against 6.67% + 10%", () => {
    // (43,008 ÷ 32,640)^(1/3) − 1 = 0.0962 ≤ 0.1667
    const c = historyContract();
    const t = targetOf(c, "gmv-growth");
    t.goal = { change: "0.40" };
    t.evaluation = { window: { start: "2026-01-01", end: "2026-03-31" }, aggregate: "mean-of-cycles" };
    expect(runRule(targetUnrealistic, c, { history: q4History() })).toEqual([]);
  });

  it("follows growthMargin", () => {
    const c = historyContract();
    targetOf(c, "gmv-growth").goal = { change: "0.40" };
    // 31.76% ≤ 6.67% + 30%
    expect(runRule(targetUnrealistic, c, { history: q4History(), growthMargin: "0.30" })).toEqual([]);
  });

  it("needs history: without it only the change test runs", () => {
    const c = historyContract();
    targetOf(c, "gmv-growth").goal = { change: "0.40" };
    expect(runRule(targetUnrealistic, c)).toEqual([]);
  });
});
