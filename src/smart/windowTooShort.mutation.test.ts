import { describe, expect, it } from "vitest";
import { cleanContract, type Json, runRule } from "../../test/contract/smartTestKit.js";
import { MIN_WINDOW_DAYS, SLOW_KPIS, windowTooShort } from "./windowTooShort.js";

// The SPEC §5 list of KPIs whose figures need about a month to settle.
const SLOW = [
  "reviewRate",
  "negativeReviewRate",
  "averageRating",
  "returnRate",
  "refundRate",
  "inventoryTurnover",
  "daysOfInventory",
  "sellThroughRate",
];

/** The clean contract with one guardrail on a KPI, judged over a window of 2026-03-01..end. */
function judgedOver(kpi: string, end: string | undefined): Json {
  const c = cleanContract();
  c.targets = [
    {
      id: "t",
      kpi,
      goal: { atLeast: "1" },
      ...(end === undefined
        ? {}
        : { evaluation: { window: { start: "2026-03-01", end }, aggregate: "pooled" } }),
      role: "guardrail",
    },
  ];
  c.fees.components = c.fees.components.filter((x: Json) => x.type === "fixed");
  return c;
}

describe("window-too-short", () => {
  it("lists the slow KPIs as the SPEC does, frozen, with a minimum of 28 days", () => {
    expect(SLOW_KPIS).toEqual(SLOW);
    expect(Object.isFrozen(SLOW_KPIS)).toBe(true);
    expect(MIN_WINDOW_DAYS).toBe(28);
  });

  it.each(SLOW)("a 14-day window on %s is too short", (kpi) => {
    expect(runRule(windowTooShort, judgedOver(kpi, "2026-03-14"))).toEqual([
      {
        code: "window-too-short",
        criterion: "time-bound",
        severity: "warning",
        targetId: "t",
        path: ["targets", 0, "evaluation", "window"],
        params: { target: "t", kpi, days: "14", minimum: "28" },
      },
    ]);
  });

  it("28 days are enough, and a KPI that is not slow is never flagged", () => {
    expect(runRule(windowTooShort, judgedOver("returnRate", "2026-03-28"))).toEqual([]);
    expect(runRule(windowTooShort, judgedOver("acos", "2026-03-14"))).toEqual([]);
  });

  it("a target without an evaluation is left to no-window", () => {
    expect(runRule(windowTooShort, judgedOver("returnRate", undefined))).toEqual([]);
  });
});
