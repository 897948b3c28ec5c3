import { describe, expect, it } from "vitest";
import { cleanContract, GMV_SCOPE, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { baselineMissing } from "./baselineMissing.js";

describe("baseline-missing", () => {
  it("is an error for a relative goal", () => {
    const c = cleanContract();
    delete targetOf(c, "gmv-growth").baseline;
    expect(runRule(baselineMissing, c)).toEqual([
      {
        code: "baseline-missing",
        criterion: "achievable",
        severity: "error",
        targetId: "gmv-growth",
        path: ["targets", 0],
        params: { target: "gmv-growth", kpi: "gmv" },
      },
    ]);
  });

  it("is a warning for an absolute goal", () => {
    const c = cleanContract();
    delete targetOf(c, "acos").baseline;
    expect(runRule(baselineMissing, c)[0]).toMatchObject({ severity: "warning", targetId: "acos" });
  });

  it("is an error when a fee is charged over the target's baseline", () => {
    const c = cleanContract();
    const t = targetOf(c, "gmv-growth");
    delete t.baseline;
    t.goal = { atLeast: "36000" };
    c.fees.components.push({
      type: "share",
      name: "growth-share",
      basis: { kpi: "gmv", scope: GMV_SCOPE, over: { baselineOf: "gmv-growth" } },
      tiers: [{ upTo: null, rate: "0.08" }],
    });
    expect(runRule(baselineMissing, c)[0]).toMatchObject({ severity: "error", targetId: "gmv-growth" });
  });

  it("accepts targets with a baseline", () => {
    expect(runRule(baselineMissing, cleanContract())).toEqual([]);
  });
});
