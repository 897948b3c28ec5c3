import { describe, expect, it } from "vitest";
import { cleanContract, runRule } from "../../test/contract/smartTestKit.js";
import { windowTooShort } from "./windowTooShort.js";

describe("window-too-short", () => {
  it("reports a review KPI judged every 14-day cycle", () => {
    const c = cleanContract();
    c.cycle = { days: 14 };
    expect(runRule(windowTooShort, c)).toEqual([
      {
        code: "window-too-short",
        criterion: "time-bound",
        severity: "warning",
        targetId: "negative-reviews",
        path: ["cycle"],
        params: { target: "negative-reviews", kpi: "negativeReviewRate", days: "14", minimum: "28" },
      },
    ]);
  });

  it("reports a return KPI judged over a window of fewer than 28 days", () => {
    const c = cleanContract();
    c.targets.push({
      id: "returns",
      kpi: "returnRate",
      scope: { basis: "units" },
      evaluation: { window: { start: "2026-02-01", end: "2026-02-20" }, aggregate: "pooled" },
      goal: { atMost: "0.05" },
      role: "guardrail",
    });
    expect(runRule(windowTooShort, c)[0]).toMatchObject({
      targetId: "returns",
      path: ["targets", 3, "evaluation", "window"],
      params: { days: "20", minimum: "28" },
    });
  });

  it("accepts monthly cycles (February has 28 days) and exempts partial first and last cycles", () => {
    const c = cleanContract();
    expect(runRule(windowTooShort, c)).toEqual([]);
    // Term 2026-01-20..2026-03-10: partial January and March, full February (28 days).
    c.term = { start: "2026-01-20", end: "2026-03-10" };
    expect(runRule(windowTooShort, c)).toEqual([]);
  });

  it("does not judge other KPIs", () => {
    const c = cleanContract();
    c.cycle = { days: 7 };
    expect(runRule(windowTooShort, c).map((f) => f.targetId)).toEqual(["negative-reviews"]);
  });
});
