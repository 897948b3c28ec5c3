import { describe, expect, it } from "vitest";
import { cleanContract, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { gateNotEveryCycle } from "./gateNotEveryCycle.js";

describe("gate-not-every-cycle", () => {
  it("reports a gate on a window target", () => {
    const c = cleanContract();
    targetOf(c, "negative-reviews").evaluation = {
      window: { start: "2026-01-01", end: "2026-03-31" },
      aggregate: "pooled",
    };
    expect(runRule(gateNotEveryCycle, c)).toEqual([
      {
        code: "gate-not-every-cycle",
        criterion: "time-bound",
        severity: "error",
        targetId: "negative-reviews",
        path: ["fees", "components", 1, "gates", 0],
        params: { component: "growth-bonus", target: "negative-reviews" },
      },
    ]);
  });

  it("accepts gates on every-cycle targets", () => {
    expect(runRule(gateNotEveryCycle, cleanContract())).toEqual([]);
  });
});
