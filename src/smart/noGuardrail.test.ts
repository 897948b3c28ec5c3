import { describe, expect, it } from "vitest";
import { cleanContract, keepTargets, runRule } from "../../test/contract/smartTestKit.js";
import { BRAND_HEALTH_KPIS, noGuardrail, PROFITABILITY_KPIS } from "./noGuardrail.js";

describe("no-guardrail", () => {
  it("reports each missing category for a growth objective", () => {
    const c = keepTargets(cleanContract(), ["gmv-growth"]);
    expect(runRule(noGuardrail, c)).toEqual([
      {
        code: "no-guardrail",
        criterion: "relevant",
        severity: "warning",
        targetId: "gmv-growth",
        path: ["targets"],
        params: { reason: "profitability", targets: ["gmv-growth"], kpis: PROFITABILITY_KPIS },
      },
      {
        code: "no-guardrail",
        criterion: "relevant",
        severity: "warning",
        targetId: "gmv-growth",
        path: ["targets"],
        params: { reason: "brand-health", targets: ["gmv-growth"], kpis: BRAND_HEALTH_KPIS },
      },
    ]);
  });

  it("counts targets of any role, and reports only the missing category", () => {
    const c = keepTargets(cleanContract(), ["gmv-growth", "acos"]);
    expect(runRule(noGuardrail, c).map((f) => f.params.reason)).toEqual(["brand-health"]);
  });

  it("is silent with both categories, or without a growth objective", () => {
    expect(runRule(noGuardrail, cleanContract())).toEqual([]);
    const c = keepTargets(cleanContract(), ["acos"]);
    expect(runRule(noGuardrail, c)).toEqual([]);
  });
});
