import { describe, expect, it } from "vitest";
import { cleanContract, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { windowOutsideTerm } from "./windowOutsideTerm.js";

describe("window-outside-term", () => {
  it("reports a window ending after the term", () => {
    const c = cleanContract();
    targetOf(c, "acos").evaluation = {
      window: { start: "2026-10-01", end: "2027-03-31" },
      aggregate: "pooled",
    };
    expect(runRule(windowOutsideTerm, c)).toEqual([
      {
        code: "window-outside-term",
        criterion: "time-bound",
        severity: "error",
        targetId: "acos",
        path: ["targets", 1, "evaluation", "window"],
        params: {
          target: "acos",
          windowStart: "2026-10-01",
          windowEnd: "2027-03-31",
          termStart: "2026-01-01",
          termEnd: "2026-12-31",
        },
      },
    ]);
  });

  it("reports a window starting before the term", () => {
    const c = cleanContract();
    targetOf(c, "acos").evaluation = {
      window: { start: "2025-12-01", end: "2026-02-28" },
      aggregate: "pooled",
    };
    expect(runRule(windowOutsideTerm, c)).toHaveLength(1);
  });

  it("accepts a window covering the whole term", () => {
    const c = cleanContract();
    targetOf(c, "acos").evaluation = {
      window: { start: "2026-01-01", end: "2026-12-31" },
      aggregate: "pooled",
    };
    expect(runRule(windowOutsideTerm, c)).toEqual([]);
  });
});
