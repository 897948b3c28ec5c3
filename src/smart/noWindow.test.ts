import { describe, expect, it } from "vitest";
import { cleanContract, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { noWindow } from "./noWindow.js";

describe("no-window", () => {
  it("reports a target without evaluation", () => {
    const c = cleanContract();
    delete targetOf(c, "acos").evaluation;
    expect(runRule(noWindow, c)).toEqual([
      {
        code: "no-window",
        criterion: "time-bound",
        severity: "error",
        targetId: "acos",
        path: ["targets", 1, "evaluation"],
        params: { target: "acos" },
      },
    ]);
  });

  it("accepts every-cycle and window evaluations", () => {
    const c = cleanContract();
    targetOf(c, "acos").evaluation = {
      window: { start: "2026-01-01", end: "2026-03-31" },
      aggregate: "pooled",
    };
    expect(runRule(noWindow, c)).toEqual([]);
  });
});
