import { describe, expect, it } from "vitest";
import { historyContract, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { windowBeforeBaseline } from "./windowBeforeBaseline.js";

describe("window-before-baseline", () => {
  it("reports an evaluation window starting on or before the baseline's last day", () => {
    const c = historyContract();
    targetOf(c, "acos").baseline.window = { start: "2025-10-01", end: "2026-01-31" };
    targetOf(c, "acos").evaluation = {
      window: { start: "2026-01-01", end: "2026-03-31" },
      aggregate: "pooled",
    };
    expect(runRule(windowBeforeBaseline, c)).toEqual([
      {
        code: "window-before-baseline",
        criterion: "time-bound",
        severity: "error",
        targetId: "acos",
        path: ["targets", 1, "evaluation", "window", "start"],
        params: { target: "acos", windowStart: "2026-01-01", baselineEnd: "2026-01-31" },
      },
    ]);
  });

  it("judges every-cycle targets from the term start", () => {
    const c = historyContract();
    targetOf(c, "gmv-growth").baseline.window = { start: "2025-11-01", end: "2026-01-31" };
    expect(runRule(windowBeforeBaseline, c)[0]).toMatchObject({
      path: ["term", "start"],
      params: { target: "gmv-growth", windowStart: "2026-01-01", baselineEnd: "2026-01-31" },
    });
  });

  it("accepts a window starting the day after the baseline", () => {
    expect(runRule(windowBeforeBaseline, historyContract())).toEqual([]);
  });
});
