import { describe, expect, it } from "vitest";
import { cleanContract, GMV_SCOPE, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { basisBaselineMismatch } from "./basisBaselineMismatch.js";

function withGrowthShare(c: ReturnType<typeof cleanContract>, basis: object) {
  c.fees.components.push({
    type: "share",
    name: "growth-share",
    basis,
    tiers: [{ upTo: null, rate: "0.08" }],
  });
  return c;
}

describe("basis-baseline-mismatch", () => {
  it("reports a basis over the baseline of a target of another KPI", () => {
    const c = withGrowthShare(cleanContract(), {
      kpi: "gmv",
      scope: GMV_SCOPE,
      over: { baselineOf: "acos" },
    });
    expect(runRule(basisBaselineMismatch, c)).toEqual([
      {
        code: "basis-baseline-mismatch",
        criterion: "specific",
        severity: "error",
        path: ["fees", "components", 3, "basis", "over", "baselineOf"],
        params: {
          component: "growth-share",
          target: "acos",
          reason: "kpi",
          basisKpi: "gmv",
          targetKpi: "acos",
        },
      },
    ]);
  });

  it("reports a basis with another scope, naming the knobs that differ", () => {
    const c = withGrowthShare(cleanContract(), {
      kpi: "gmv",
      scope: { ...GMV_SCOPE, refunds: "include", tax: "include" },
      over: { baselineOf: "gmv-growth" },
    });
    expect(runRule(basisBaselineMismatch, c)[0]?.params).toEqual({
      component: "growth-share",
      target: "gmv-growth",
      reason: "scope",
      knobs: ["refunds", "tax"],
    });
  });

  it("reports a basis over other stores than the target's", () => {
    const c = cleanContract();
    c.stores.push({ id: "ca", platform: "amazon", currency: "USD", timeZone: "America/Los_Angeles" });
    targetOf(c, "gmv-growth").stores = ["us"];
    withGrowthShare(c, { kpi: "gmv", scope: GMV_SCOPE, over: { baselineOf: "gmv-growth" } });
    expect(runRule(basisBaselineMismatch, c)[0]?.params).toEqual({
      component: "growth-share",
      target: "gmv-growth",
      reason: "stores",
      basisStores: ["ca", "us"],
      targetStores: ["us"],
    });
  });

  it("accepts a basis of the same KPI, scope and stores (omitted lists meaning every store)", () => {
    const c = withGrowthShare(cleanContract(), {
      kpi: "gmv",
      scope: GMV_SCOPE,
      over: { baselineOf: "gmv-growth" },
    });
    targetOf(c, "gmv-growth").stores = ["us"];
    expect(runRule(basisBaselineMismatch, c)).toEqual([]);
  });

  it("ignores fixed `over` amounts", () => {
    const c = withGrowthShare(cleanContract(), { kpi: "gmv", scope: GMV_SCOPE, over: "30000.00" });
    expect(runRule(basisBaselineMismatch, c)).toEqual([]);
  });
});
