import { describe, expect, it } from "vitest";
import { GOAL_KINDS, goalSchema, singleGoal, targetEvaluationSchema, targetSchema } from "./target.js";

// Every schema is parsed inside a test: a schema broken at module level must fail a test, not the
// collection of the file.

const issuesOf = (result: { error?: { issues: readonly { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]);

const Q1 = { start: "2026-01-01", end: "2026-03-31" };

describe("goal values", () => {
  it("keeps a decimal string normalised, a number as its decimal, a percent as a fraction", () => {
    expect(goalSchema.parse({ atMost: "0.2200" })).toEqual({ atMost: "0.22" });
    expect(goalSchema.parse({ atLeast: 40000 })).toEqual({ atLeast: "40000" });
    expect(goalSchema.parse({ atLeast: 0.25 })).toEqual({ atLeast: "0.25" });
    expect(goalSchema.parse({ below: "22%" })).toEqual({ below: "0.22" });
    expect(goalSchema.parse({ change: "-10%" })).toEqual({ change: "-0.1" });
  });

  it("keeps text that is not a decimal as written, for goal-invalid to name", () => {
    expect(goalSchema.parse({ above: "lots" })).toEqual({ above: "lots" });
    expect(goalSchema.parse({ atMost: "1e3" })).toEqual({ atMost: "1e3" });
  });

  it("a goal value is a string in every case", () => {
    const parsed = goalSchema.parse({ atLeast: 7, atMost: "7", above: "7%" });
    expect(Object.values(parsed).map((v) => typeof v)).toEqual(["string", "string", "string"]);
  });

  it("refuses a value that is neither a string nor a number, with the goal's own message", () => {
    expect(issuesOf(goalSchema.safeParse({ atLeast: true }))).toEqual([
      ["atLeast", 'Expected a decimal such as "0.22", a number, or a percent such as "22%"'],
    ]);
  });

  it("accepts each of the five kinds and refuses any other key", () => {
    for (const kind of ["atLeast", "atMost", "above", "below", "change"]) {
      expect(goalSchema.parse({ [kind]: "1" })).toEqual({ [kind]: "1" });
    }
    expect(goalSchema.safeParse({ least: "1" }).success).toBe(false);
  });
});

describe("GOAL_KINDS", () => {
  it("lists the five kinds in SPEC order, frozen", () => {
    expect(GOAL_KINDS).toEqual(["atLeast", "atMost", "above", "below", "change"]);
    expect(Object.isFrozen(GOAL_KINDS)).toBe(true);
  });
});

describe("targetEvaluationSchema", () => {
  it("accepts every cycle and a window with either aggregate", () => {
    expect(targetEvaluationSchema.parse({ every: "cycle" })).toEqual({ every: "cycle" });
    expect(targetEvaluationSchema.parse({ window: Q1, aggregate: "mean-of-cycles" })).toEqual({
      window: Q1,
      aggregate: "mean-of-cycles",
    });
    expect(targetEvaluationSchema.parse({ window: Q1, aggregate: "pooled" })).toEqual({
      window: Q1,
      aggregate: "pooled",
    });
  });

  it("refuses anything else with one message naming both forms", () => {
    const message =
      'Expected { "every": "cycle" } or { "window": {start, end}, "aggregate": "mean-of-cycles" | "pooled" }';
    expect(issuesOf(targetEvaluationSchema.safeParse({ every: "month" }))).toEqual([["", message]]);
    expect(issuesOf(targetEvaluationSchema.safeParse(5))).toEqual([["", message]]);
  });

  it("keeps the window form's own complaint about the aggregate among the union's errors", () => {
    const issue = targetEvaluationSchema.safeParse({ window: Q1, aggregate: "sum" }).error?.issues[0] as
      | { code: string; errors?: { path: PropertyKey[]; message: string }[][] }
      | undefined;
    expect(issue?.code).toBe("invalid_union");
    expect(issue?.errors?.[1]?.map((i) => [i.path.join("."), i.message])).toEqual([
      ["aggregate", 'Expected "mean-of-cycles" or "pooled"'],
    ]);
  });
});

describe("targetSchema", () => {
  const minimal = { id: "t", kpi: "gmv" };

  it("defaults the role to objective and accepts guardrail", () => {
    expect(targetSchema.parse(minimal)).toEqual({ id: "t", kpi: "gmv", role: "objective" });
    expect(targetSchema.parse({ ...minimal, role: "guardrail" }).role).toBe("guardrail");
    expect(targetSchema.parse({ ...minimal, role: "objective" }).role).toBe("objective");
  });

  it("refuses another role, a KPI that is not a string and a scope that is not an object, each with its message", () => {
    expect(issuesOf(targetSchema.safeParse({ ...minimal, role: "bonus" }))).toEqual([
      ["role", 'Expected "objective" or "guardrail"'],
    ]);
    expect(issuesOf(targetSchema.safeParse({ id: "t", kpi: 5 }))).toEqual([["kpi", "Expected a KPI id"]]);
    expect(issuesOf(targetSchema.safeParse({ ...minimal, scope: 5 }))).toEqual([
      ["scope", "Expected a scope object of knobs"],
    ]);
  });

  it("keeps every optional part it is given, and a weight as a normalised decimal", () => {
    const full = {
      id: "acos",
      kpi: "acos",
      name: "ACoS",
      scope: { attributionWindow: "14d" },
      stores: ["us"],
      baseline: { value: "0.25" },
      goal: { atMost: "22%" },
      evaluation: { every: "cycle" },
      weight: "50%",
      role: "objective",
    };
    expect(targetSchema.parse(full)).toEqual({ ...full, goal: { atMost: "0.22" }, weight: "0.5" });
  });

  it("refuses an unknown key", () => {
    expect(issuesOf(targetSchema.safeParse({ ...minimal, goals: {} })).map((i) => i[0])).toEqual([""]);
  });
});

describe("singleGoal", () => {
  it("reads the one decimal goal", () => {
    expect(singleGoal({ atMost: "0.22" })).toEqual({ kind: "atMost", value: "0.22" });
    expect(singleGoal({ change: "-0.1" })).toEqual({ kind: "change", value: "-0.1" });
    expect(singleGoal({ above: "5" })).toEqual({ kind: "above", value: "5" });
  });

  it("is undefined without a goal, with none, with several, or with a value that is not a decimal", () => {
    expect(singleGoal(undefined)).toBeUndefined();
    expect(singleGoal({})).toBeUndefined();
    expect(singleGoal({ atLeast: "1", atMost: "2" })).toBeUndefined();
    expect(singleGoal({ atLeast: "lots" })).toBeUndefined();
  });
});
