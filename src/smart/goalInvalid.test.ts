import { describe, expect, it } from "vitest";
import { cleanContract, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { goalInvalid } from "./goalInvalid.js";

function goalFinding(edit: (c: ReturnType<typeof cleanContract>) => void) {
  const c = cleanContract();
  edit(c);
  return runRule(goalInvalid, c);
}

describe("goal-invalid", () => {
  it("reports a target without goal", () => {
    const findings = goalFinding((c) => delete targetOf(c, "acos").goal);
    expect(findings).toEqual([
      {
        code: "goal-invalid",
        criterion: "measurable",
        severity: "error",
        targetId: "acos",
        path: ["targets", 1, "goal"],
        params: { reason: "no-goal", target: "acos" },
      },
    ]);
  });

  it("reports an empty goal object as no goal", () => {
    expect(goalFinding((c) => (targetOf(c, "acos").goal = {}))[0]?.params.reason).toBe("no-goal");
  });

  it("reports several goals", () => {
    const findings = goalFinding((c) => (targetOf(c, "acos").goal = { atMost: "0.22", below: "0.3" }));
    expect(findings[0]?.params).toEqual({
      reason: "several-goals",
      target: "acos",
      kinds: ["atMost", "below"],
    });
  });

  it("reports a value that is not a decimal", () => {
    const findings = goalFinding((c) => (targetOf(c, "acos").goal = { atMost: "twenty-two" }));
    expect(findings[0]).toMatchObject({
      path: ["targets", 1, "goal", "atMost"],
      params: { reason: "not-decimal", kind: "atMost", value: "twenty-two" },
    });
  });

  it("reports a change on a stated baseline of zero", () => {
    const findings = goalFinding((c) => (targetOf(c, "gmv-growth").baseline = { value: "0" }));
    expect(findings[0]?.params).toEqual({
      reason: "change-on-nonpositive-baseline",
      target: "gmv-growth",
      baseline: "0",
      unit: "money",
      currency: "USD",
    });
  });

  it("reports a change below -1 (a negative target value)", () => {
    const findings = goalFinding((c) => (targetOf(c, "acos").goal = { change: "-1.5" }));
    expect(findings[0]?.params).toEqual({ reason: "change-below-minus-one", target: "acos", value: "-1.5" });
  });

  it("reports a ratio goal of 5 or more as a percent typed as a fraction, with the fraction meant", () => {
    // ACoS at most 22 would be 2200%; "22%" or 0.22 was meant.
    const findings = goalFinding((c) => (targetOf(c, "acos").goal = { atMost: 22 }));
    expect(findings[0]?.params).toEqual({
      reason: "looks-like-percent",
      target: "acos",
      kpi: "acos",
      kind: "atMost",
      value: "22",
      suggested: "0.22",
    });
    expect(goalFinding((c) => (targetOf(c, "acos").goal = { atMost: "5" }))[0]?.params.reason).toBe(
      "looks-like-percent",
    );
    expect(goalFinding((c) => (targetOf(c, "gmv-growth").goal = { change: 40 }))[0]?.params.reason).toBe(
      "looks-like-percent",
    );
  });

  it("reports a goal above 1 on a share of a whole", () => {
    const findings = goalFinding((c) => (targetOf(c, "negative-reviews").goal = { below: "1.5" }));
    expect(findings[0]?.params).toEqual({
      reason: "above-one",
      target: "negative-reviews",
      kpi: "negativeReviewRate",
      kind: "below",
      value: "1.5",
    });
  });

  it("accepts ACoS above 1 (spend can exceed sales) and a ROAS goal under 5", () => {
    expect(goalFinding((c) => (targetOf(c, "acos").goal = { atMost: "1.2" }))).toEqual([]);
    const roas = (atLeast: string) =>
      goalFinding((c) =>
        c.targets.push({ id: "roas", kpi: "roas", scope: { attributionWindow: "14d" }, goal: { atLeast } }),
      );
    expect(roas("4.99")).toEqual([]);
    // SPEC §5: "any ratio goal of 5 or more"; ROAS is a ratio (§3), so 5 is refused with the hint.
    expect(roas("5")[0]?.params).toMatchObject({
      reason: "looks-like-percent",
      value: "5",
      suggested: "0.05",
    });
    expect(roas("400")[0]?.params).toMatchObject({ reason: "looks-like-percent", suggested: "4" });
  });

  it("holds inventory turnover to the same limit of 5", () => {
    const turns = (atLeast: string) =>
      goalFinding((c) =>
        c.targets.push({
          id: "turns",
          kpi: "inventoryTurnover",
          scope: { basis: "cost", annualize: true },
          goal: { atLeast },
        }),
      );
    expect(turns("4.9")).toEqual([]);
    expect(turns("8")[0]?.params).toMatchObject({
      reason: "looks-like-percent",
      kind: "atLeast",
      value: "8",
    });
  });

  it("reports an average rating outside 1–5 stars", () => {
    const findings = goalFinding((c) =>
      c.targets.push({ id: "rating", kpi: "averageRating", scope: {}, goal: { atLeast: "6" } }),
    );
    expect(findings[0]?.params).toEqual({
      reason: "stars-out-of-range",
      target: "rating",
      kind: "atLeast",
      value: "6",
    });
  });

  it("accepts the clean contract and percent strings", () => {
    expect(goalFinding(() => {})).toEqual([]);
    expect(goalFinding((c) => (targetOf(c, "acos").goal = { atMost: "22%" }))).toEqual([]);
  });
});
