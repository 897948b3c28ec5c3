import { describe, expect, it } from "vitest";
import { cleanContract, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { kpiUnknown } from "./kpiUnknown.js";

describe("kpi-unknown", () => {
  it("reports a KPI id that is neither in the catalogue nor custom, with its path", () => {
    const c = cleanContract();
    targetOf(c, "acos").kpi = "acoss";
    expect(runRule(kpiUnknown, c)).toEqual([
      {
        code: "kpi-unknown",
        criterion: "specific",
        severity: "error",
        targetId: "acos",
        path: ["targets", 1, "kpi"],
        params: { target: "acos", kpi: "acoss" },
      },
    ]);
  });

  it("accepts catalogue KPIs", () => {
    expect(runRule(kpiUnknown, cleanContract())).toEqual([]);
  });

  it("accepts a custom KPI defined in the contract's kpis list", () => {
    const c = cleanContract();
    c.kpis = [
      {
        id: "netSales",
        unit: "money",
        polarity: "higher-is-better",
        expression: { difference: ["sales.gross", "sales.refunds"] },
      },
    ];
    c.targets.push({
      id: "net",
      kpi: "netSales",
      scope: {},
      baseline: { value: "1000" },
      goal: { atLeast: "1200" },
      evaluation: { every: "cycle" },
      role: "guardrail",
    });
    expect(runRule(kpiUnknown, c)).toEqual([]);
  });
});
