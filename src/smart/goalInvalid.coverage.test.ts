import { describe, expect, it } from "vitest";
import { cleanContract, type Json, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { getKpiDefinition } from "../kpis/catalogue.js";
import type { KpiDefinition } from "../kpis/types.js";
import { goalInvalid, isShareOfWhole } from "./goalInvalid.js";
import { validateContract } from "./validateContract.js";

/** The clean contract with its ACoS target replaced by a conversion-rate objective. */
function conversionContract(count: "orders" | "units", goal: Json): Json {
  const c = cleanContract();
  const t = targetOf(c, "acos");
  t.kpi = "conversionRate";
  t.scope = { source: "all", count, attributionWindow: "14d" };
  t.baseline = { value: "0.1" };
  t.goal = goal;
  return c;
}

describe("goal-invalid on conversion rate", () => {
  it("refuses a goal above 1 when conversions are counted in orders (a share of sessions)", () => {
    expect(runRule(goalInvalid, conversionContract("orders", { atLeast: "1.2" }))).toEqual([
      {
        code: "goal-invalid",
        criterion: "measurable",
        severity: "error",
        targetId: "acos",
        path: ["targets", 1, "goal", "atLeast"],
        params: { reason: "above-one", target: "acos", kpi: "conversionRate", kind: "atLeast", value: "1.2" },
      },
    ]);
  });

  it("accepts a goal above 1 when units are counted (several units per session are possible)", () => {
    expect(runRule(goalInvalid, conversionContract("units", { atLeast: "1.2" }))).toEqual([]);
  });

  it("refuses a goal above 1 by orders without the unused attribution window", () => {
    const c = conversionContract("orders", { atLeast: "1.01" });
    targetOf(c, "acos").scope = { source: "all", count: "orders" };
    expect(runRule(goalInvalid, c).map((f) => f.params.reason)).toEqual(["above-one"]);
    expect(validateContract(c).findings.map((f) => f.code)).toContain("goal-invalid");
  });

  it("judges a scope that leaves count unstated by its default, orders, while scope-incomplete reports it", () => {
    const c = conversionContract("orders", { atLeast: "1.01" });
    targetOf(c, "acos").scope = { source: "all" };
    expect(runRule(goalInvalid, c).map((f) => f.params.reason)).toEqual(["above-one"]);
    const codes = validateContract(c).findings.map((f) => f.code);
    expect(codes).toContain("scope-incomplete");
    expect(codes).toContain("goal-invalid");
  });

  it("cannot judge a scope whose stated knobs are refused", () => {
    const c = conversionContract("orders", { atLeast: "1.01" });
    targetOf(c, "acos").scope = { source: "everything", count: "orders" };
    expect(runRule(goalInvalid, c)).toEqual([]);
  });
});

describe("goal-invalid on a change of an unknown KPI", () => {
  it("reports a change on a baseline of zero without a unit", () => {
    const c = cleanContract();
    const t = targetOf(c, "acos");
    t.kpi = "acosTypo";
    t.baseline = { value: "0" };
    t.goal = { change: "-0.1" };
    expect(runRule(goalInvalid, c)).toEqual([
      {
        code: "goal-invalid",
        criterion: "measurable",
        severity: "error",
        targetId: "acos",
        path: ["targets", 1, "goal", "change"],
        params: {
          reason: "change-on-nonpositive-baseline",
          target: "acos",
          baseline: "0",
          unit: "",
          currency: "USD",
        },
      },
    ]);
    const message = (locale: "en" | "zh-CN") =>
      validateContract(c, { locale }).findings.find((f) => f.code === "goal-invalid")?.message;
    expect(message("en")).toBe(
      'Target "acos" sets a relative change on a baseline of 0; a change needs a baseline above zero.',
    );
    expect(message("zh-CN")).toBe(
      "目标「acos」按基线设定了变化幅度，但基线是 0；基线必须大于零，变化幅度才有意义。",
    );
  });
});

describe("isShareOfWhole on a definition that does not say", () => {
  const bare = (id: string): KpiDefinition => {
    const { shareOfWhole: _declared, ...rest } = getKpiDefinition(id);
    return { ...rest };
  };

  it("takes conversion rate by its count knob, orders when it is not given", () => {
    expect(isShareOfWhole(bare("conversionRate"), { count: "orders" })).toBe(true);
    expect(isShareOfWhole(bare("conversionRate"), { count: "units" })).toBe(false);
    expect(isShareOfWhole(bare("conversionRate"), {})).toBe(true);
    expect(isShareOfWhole(bare("conversionRate"), undefined)).toBe(true);
  });

  it("takes other KPIs from the SPEC §5 list", () => {
    expect(isShareOfWhole(bare("negativeReviewRate"), undefined)).toBe(true);
    expect(isShareOfWhole(bare("acos"), undefined)).toBe(false);
  });

  it("follows a definition that says, by a flag or by a predicate", () => {
    expect(isShareOfWhole({ ...bare("acos"), shareOfWhole: true }, undefined)).toBe(true);
    expect(isShareOfWhole(getKpiDefinition("conversionRate"), { count: "units" })).toBe(false);
    expect(isShareOfWhole(getKpiDefinition("conversionRate"), { count: "orders" })).toBe(true);
  });
});
