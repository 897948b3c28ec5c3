import { describe, expect, it } from "vitest";
import { cleanContract, GMV_SCOPE, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { scopeInvalid } from "./scopeInvalid.js";
import { validateContract } from "./validateContract.js";

describe("scope-invalid", () => {
  it("reports a knob the KPI does not have", () => {
    const c = cleanContract();
    targetOf(c, "acos").scope = { attributionWindow: "14d", window: "7d" };
    expect(runRule(scopeInvalid, c)).toEqual([
      {
        code: "scope-invalid",
        criterion: "specific",
        severity: "error",
        targetId: "acos",
        path: ["targets", 1, "scope", "window"],
        params: { target: "acos", kpi: "acos", reason: "unknown-knob", knob: "window" },
      },
    ]);
  });

  it("reports a value the KPI's scope refuses", () => {
    const c = cleanContract();
    targetOf(c, "negative-reviews").scope = { maxStars: 4, denominator: "reviews" };
    const findings = runRule(scopeInvalid, c);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      path: ["targets", 2, "scope", "maxStars"],
      params: { reason: "bad-value", knob: "maxStars", value: "4", kpi: "negativeReviewRate" },
    });
  });

  it("reports an unknown preset", () => {
    const c = cleanContract();
    targetOf(c, "acos").scope = { preset: "no-such-preset" };
    expect(runRule(scopeInvalid, c)[0]).toMatchObject({
      path: ["targets", 1, "scope", "preset"],
      params: { reason: "preset-unknown", preset: "no-such-preset", termStart: "2026-01-01" },
    });
  });

  it("reports a preset of another KPI", () => {
    const c = cleanContract();
    c.targets.push({
      id: "roas",
      kpi: "roas",
      scope: { preset: "amazon-sp-acos" },
      baseline: { value: "3" },
      goal: { atLeast: "3.5" },
      evaluation: { every: "cycle" },
      role: "guardrail",
    });
    expect(runRule(scopeInvalid, c)[0]).toMatchObject({
      targetId: "roas",
      params: { reason: "preset-kpi-mismatch", preset: "amazon-sp-acos", presetKpi: "acos", kpi: "roas" },
    });
  });

  it("reports a preset mixed with other knobs", () => {
    const c = cleanContract();
    targetOf(c, "acos").scope = { preset: "amazon-sp-acos", attributionWindow: "14d" };
    expect(runRule(scopeInvalid, c)[0]).toMatchObject({ params: { reason: "preset-with-knobs" } });
  });

  it("reports a preset that is not a name at the preset key, in both locales", () => {
    const c = cleanContract();
    targetOf(c, "acos").scope = { preset: null };
    const en = validateContract(c).findings.find((f) => f.code === "scope-invalid");
    expect(en).toMatchObject({
      path: ["targets", 1, "scope", "preset"],
      params: { reason: "preset-not-name", value: "null" },
    });
    expect(en?.message).toBe(
      'Target "acos" gives the ACoS preset as null, which is not a preset name; a preset scope is exactly { "preset": name }.',
    );
    const zh = validateContract(c, { locale: "zh-CN" }).findings.find((f) => f.code === "scope-invalid");
    expect(zh?.message).toContain("预设口径写成了null，不是预设名称");
  });

  it("checks fee bases", () => {
    const c = cleanContract();
    c.fees.components.push({
      type: "share",
      name: "share",
      basis: { kpi: "gmv", scope: { ...GMV_SCOPE, refunds: "sometimes" } },
      tiers: [{ upTo: null, rate: "0.05" }],
    });
    expect(runRule(scopeInvalid, c)[0]).toMatchObject({
      path: ["fees", "components", 3, "basis", "scope", "refunds"],
      params: { component: "share", reason: "bad-value", knob: "refunds", value: '"sometimes"' },
    });
  });

  it("accepts valid scopes and presets", () => {
    const c = cleanContract();
    expect(runRule(scopeInvalid, c)).toEqual([]);
    targetOf(c, "acos").scope = { preset: "amazon-sp-acos" };
    expect(runRule(scopeInvalid, c)).toEqual([]);
  });
});
