import { describe, expect, it } from "vitest";
import { cleanContract, GMV_SCOPE, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { scopeIncomplete } from "./scopeIncomplete.js";

describe("scope-incomplete", () => {
  it("lists the knobs a target leaves unstated", () => {
    const c = cleanContract();
    const { tax: _tax, shipping: _shipping, ...partial } = GMV_SCOPE;
    targetOf(c, "gmv-growth").scope = partial;
    const findings = runRule(scopeIncomplete, c);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: "scope-incomplete",
      severity: "error",
      targetId: "gmv-growth",
      path: ["targets", 0, "scope"],
      params: { target: "gmv-growth", kpi: "gmv" },
    });
    expect([...((findings[0]?.params.knobs ?? []) as string[])].sort()).toEqual(["shipping", "tax"]);
  });

  it("asks conversion rate for an attribution window only with source ads (SPEC §3)", () => {
    const knobsMissing = (scope: Record<string, string>) => {
      const c = cleanContract();
      const t = targetOf(c, "acos");
      t.kpi = "conversionRate";
      t.scope = scope;
      t.baseline = { value: "0.1" };
      t.goal = { atLeast: "0.12" };
      return runRule(scopeIncomplete, c).map((f) => f.params.knobs);
    };
    expect(knobsMissing({ source: "all", count: "orders" })).toEqual([]);
    expect(knobsMissing({ source: "all", count: "units" })).toEqual([]);
    expect(knobsMissing({ source: "ads", count: "orders" })).toEqual([["attributionWindow"]]);
    expect(knobsMissing({ source: "ads", count: "orders", attributionWindow: "7d" })).toEqual([]);
    expect(knobsMissing({})).toEqual([["source", "count"]]);
  });

  it("treats a missing scope as stating nothing", () => {
    const c = cleanContract();
    delete targetOf(c, "acos").scope;
    expect(runRule(scopeIncomplete, c)[0]?.params).toEqual({
      target: "acos",
      kpi: "acos",
      knobs: ["attributionWindow"],
    });
  });

  it("checks fee bases too", () => {
    const c = cleanContract();
    c.fees.components.push({
      type: "share",
      name: "share",
      basis: { kpi: "gmv", scope: { refunds: "exclude" } },
      tiers: [{ upTo: null, rate: "0.05" }],
    });
    const findings = runRule(scopeIncomplete, c);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      path: ["fees", "components", 3, "basis", "scope"],
      params: { component: "share", kpi: "gmv" },
    });
    expect(findings[0]?.targetId).toBeUndefined();
  });

  it("does not require minSample, and accepts a complete scope", () => {
    const c = cleanContract();
    targetOf(c, "acos").scope = { attributionWindow: "14d", minSample: "10" };
    expect(runRule(scopeIncomplete, c)).toEqual([]);
  });

  it("counts a preset as stating the knobs it expands to", () => {
    const c = cleanContract();
    targetOf(c, "acos").scope = { preset: "amazon-sp-acos" };
    expect(runRule(scopeIncomplete, c)).toEqual([]);
  });
});
