import { describe, expect, it } from "vitest";
import { cleanContract, historyContract, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { windowMisaligned } from "./windowMisaligned.js";

describe("window-misaligned", () => {
  it("reports an evaluation window that cuts a cycle", () => {
    const c = cleanContract();
    targetOf(c, "acos").evaluation = {
      window: { start: "2026-01-15", end: "2026-03-31" },
      aggregate: "pooled",
    };
    expect(runRule(windowMisaligned, c)).toEqual([
      {
        code: "window-misaligned",
        criterion: "time-bound",
        severity: "error",
        targetId: "acos",
        path: ["targets", 1, "evaluation", "window"],
        params: { reason: "evaluation", target: "acos", start: "2026-01-15", end: "2026-03-31" },
      },
    ]);
  });

  it("reports a baseline window that is not whole cycles", () => {
    const c = historyContract();
    targetOf(c, "acos").baseline.window = { start: "2025-10-01", end: "2025-12-15" };
    expect(runRule(windowMisaligned, c)[0]).toMatchObject({
      path: ["targets", 1, "baseline", "window"],
      params: { reason: "baseline", target: "acos", start: "2025-10-01", end: "2025-12-15" },
    });
  });

  it("accepts windows of whole cycles, including the partial cycles of a clipped term", () => {
    const c = historyContract();
    c.term = { start: "2026-01-10", end: "2026-12-31" };
    targetOf(c, "acos").evaluation = {
      window: { start: "2026-01-10", end: "2026-03-31" },
      aggregate: "pooled",
    };
    expect(runRule(windowMisaligned, c)).toEqual([]);
  });

  it("counts { days } baseline cycles from the window start", () => {
    const c = historyContract();
    c.cycle = { days: 30 };
    for (const t of c.targets) t.evaluation = { every: "cycle" };
    // 2025-10-01 + 90 days − 1 = 2025-12-29: three whole 30-day cycles.
    targetOf(c, "acos").baseline.window = { start: "2025-10-01", end: "2025-12-29" };
    targetOf(c, "gmv-growth").baseline.window = { start: "2025-10-01", end: "2025-12-29" };
    targetOf(c, "negative-reviews").baseline.window = { start: "2025-10-01", end: "2025-12-29" };
    expect(runRule(windowMisaligned, c)).toEqual([]);
  });
});
