import { describe, expect, it } from "vitest";
import { cleanContract, type Json, runRule } from "../../test/contract/smartTestKit.js";
import { BRAND_HEALTH_KPIS, GROWTH_KPIS, noGuardrail, PROFITABILITY_KPIS } from "./noGuardrail.js";

// The lists are SPEC §5's, written out here rather than read from the module.
const GROWTH = ["gmv", "salesGrowth", "orders", "averageOrderValue"];
const PROFITABILITY = ["acos", "tacos", "grossMargin", "grossProfit"];
const BRAND_HEALTH = ["negativeReviewRate", "averageRating", "returnRate", "reviewRate"];

/** The clean contract with only these targets (id = KPI) and no fee component that names one. */
function contractWith(targets: readonly { kpi: string; role?: string }[]): Json {
  const c = cleanContract();
  c.targets = targets.map((t) => ({
    id: t.kpi,
    kpi: t.kpi,
    goal: { atLeast: "1" },
    evaluation: { every: "cycle" },
    role: t.role ?? "objective",
    ...(t.role === "guardrail" ? {} : { weight: "1" }),
  }));
  c.fees.components = c.fees.components.filter((x: Json) => x.type === "fixed");
  return c;
}

const reasons = (targets: readonly { kpi: string; role?: string }[]) =>
  runRule(noGuardrail, contractWith(targets)).map((f) => f.params.reason);

describe("no-guardrail: the SPEC §5 lists", () => {
  it("exports the three lists as the SPEC writes them, frozen", () => {
    expect(GROWTH_KPIS).toEqual(GROWTH);
    expect(PROFITABILITY_KPIS).toEqual(PROFITABILITY);
    expect(BRAND_HEALTH_KPIS).toEqual(BRAND_HEALTH);
    for (const list of [GROWTH_KPIS, PROFITABILITY_KPIS, BRAND_HEALTH_KPIS])
      expect(Object.isFrozen(list)).toBe(true);
  });

  it.each(GROWTH)("an objective on %s alone misses both categories", (kpi) => {
    expect(reasons([{ kpi }])).toEqual(["profitability", "brand-health"]);
  });

  it.each(PROFITABILITY)("a guardrail on %s covers profitability", (kpi) => {
    expect(reasons([{ kpi: "gmv" }, { kpi, role: "guardrail" }])).toEqual(["brand-health"]);
  });

  it.each(BRAND_HEALTH)("a guardrail on %s covers brand health", (kpi) => {
    expect(reasons([{ kpi: "gmv" }, { kpi, role: "guardrail" }])).toEqual(["profitability"]);
  });

  it("a growth KPI as a guardrail is not a growth objective", () => {
    expect(reasons([{ kpi: "gmv", role: "guardrail" }])).toEqual([]);
  });

  it("names every growth objective and the first as the target", () => {
    const found = runRule(noGuardrail, contractWith([{ kpi: "orders" }, { kpi: "acos" }, { kpi: "gmv" }]));
    expect(found).toEqual([
      {
        code: "no-guardrail",
        criterion: "relevant",
        severity: "warning",
        targetId: "orders",
        path: ["targets"],
        params: { reason: "brand-health", targets: ["orders", "gmv"], kpis: BRAND_HEALTH },
      },
    ]);
  });
});
