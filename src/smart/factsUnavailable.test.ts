import { describe, expect, it } from "vitest";
import { cleanContract, GMV_SCOPE, runRule } from "../../test/contract/smartTestKit.js";
import { factsUnavailable } from "./factsUnavailable.js";

describe("facts-unavailable", () => {
  it("reports a KPI reading a fact group the data sources lack", () => {
    const c = cleanContract();
    c.dataSources = ["sales", "reviews"];
    expect(runRule(factsUnavailable, c)).toEqual([
      {
        code: "facts-unavailable",
        criterion: "measurable",
        severity: "error",
        targetId: "acos",
        path: ["targets", 1, "kpi"],
        params: { target: "acos", kpi: "acos", groups: ["ads"] },
      },
    ]);
  });

  it("checks fee bases and reimbursements", () => {
    const c = cleanContract();
    c.dataSources = ["ads", "reviews"];
    c.targets = c.targets.filter((t: { kpi: string }) => t.kpi !== "gmv");
    c.fees.components = [
      { type: "fixed", name: "base", amount: "1500.00" },
      { type: "penalty", name: "acos-miss", target: "acos", amount: "100.00" },
      {
        type: "share",
        name: "share",
        basis: { kpi: "gmv", scope: GMV_SCOPE },
        tiers: [{ upTo: null, rate: "0.05" }],
      },
      { type: "reimbursement", name: "samples", fact: "costs.other" },
    ];
    const findings = runRule(factsUnavailable, c);
    expect(findings.map((f) => f.params)).toEqual([
      { component: "share", kpi: "gmv", groups: ["sales"] },
      { component: "samples", fact: "costs.other", groups: ["costs"] },
    ]);
  });

  it("accepts declared sources that cover every KPI, and omitted sources", () => {
    const c = cleanContract();
    expect(runRule(factsUnavailable, c)).toEqual([]);
    c.dataSources = ["sales", "ads", "reviews"];
    expect(runRule(factsUnavailable, c)).toEqual([]);
  });
});
