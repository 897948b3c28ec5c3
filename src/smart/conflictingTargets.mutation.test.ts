import { describe, expect, it } from "vitest";
import { cleanContract, type Json, runRule } from "../../test/contract/smartTestKit.js";
import { conflictingTargets } from "./conflictingTargets.js";

/** A contract with a growth target and one other, each a change goal on a stated baseline. */
function pair(growth: { kpi: string; change: string }, other: { kpi: string; change: string }): Json {
  const c = cleanContract();
  const target = (t: { kpi: string; change: string }, role: string) => ({
    id: `${t.kpi}-t`,
    kpi: t.kpi,
    baseline: { value: "100" },
    goal: { change: t.change },
    evaluation: { every: "cycle" },
    role,
    ...(role === "objective" ? { weight: "1" } : {}),
  });
  c.targets = [target(growth, "objective"), target(other, "guardrail")];
  c.fees.components = c.fees.components.filter((x: Json) => x.type === "fixed");
  return c;
}

const others = (growth: { kpi: string; change: string }, other: { kpi: string; change: string }) =>
  runRule(conflictingTargets, pair(growth, other)).map((f) => [f.params.other, f.params.otherChange]);

describe("conflicting-targets: every pair", () => {
  it.each([
    ["acos", "-0.25"],
    ["tacos", "-0.25"],
    ["adSpend", "-0.25"],
    ["grossMargin", "0.25"],
    ["roas", "0.25"],
  ])("gmv +50%% against %s %s is a conflict", (kpi, change) => {
    expect(others({ kpi: "gmv", change: "0.5" }, { kpi, change })).toEqual([[`${kpi}-t`, change]]);
  });

  it.each([
    ["acos", "-0.2"],
    ["tacos", "-0.2"],
    ["adSpend", "-0.2"],
    ["grossMargin", "0.2"],
    ["roas", "0.2"],
    ["acos", "0.25"],
    ["roas", "-0.25"],
  ])("gmv +50%% against %s %s (at the limit, or the other way) is not", (kpi, change) => {
    expect(others({ kpi: "gmv", change: "0.5" }, { kpi, change })).toEqual([]);
  });

  it("orders count as growth; growth of exactly 30% does not", () => {
    expect(others({ kpi: "orders", change: "0.31" }, { kpi: "acos", change: "-0.3" })).toEqual([
      ["acos-t", "-0.3"],
    ]);
    expect(others({ kpi: "orders", change: "0.3" }, { kpi: "acos", change: "-0.3" })).toEqual([]);
    expect(others({ kpi: "salesGrowth", change: "0.5" }, { kpi: "acos", change: "-0.3" })).toEqual([]);
  });

  it("the whole finding names both targets, their KPIs and changes", () => {
    expect(
      runRule(conflictingTargets, pair({ kpi: "gmv", change: "0.5" }, { kpi: "acos", change: "-0.3" })),
    ).toEqual([
      {
        code: "conflicting-targets",
        criterion: "relevant",
        severity: "warning",
        targetId: "gmv-t",
        path: ["targets", 0, "goal"],
        params: {
          target: "gmv-t",
          kpi: "gmv",
          change: "0.5",
          other: "acos-t",
          otherKpi: "acos",
          otherChange: "-0.3",
        },
      },
    ]);
  });

  it("leaves out goals that goal-invalid refuses, on either side", () => {
    // A change of 5 or more looks like a percent typed as a fraction: refused, so not compared.
    expect(others({ kpi: "gmv", change: "50" }, { kpi: "acos", change: "-0.3" })).toEqual([]);
    expect(others({ kpi: "gmv", change: "0.5" }, { kpi: "acos", change: "-5" })).toEqual([]);
  });
});
