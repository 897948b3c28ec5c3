import { describe, expect, it } from "vitest";
import { cleanContract, GMV_SCOPE, monthFacts, runRule } from "../../test/contract/smartTestKit.js";
import { comparisonUnavailable } from "./comparisonUnavailable.js";
import { validateContract } from "./validateContract.js";

/** The clean contract (monthly, 2026) with a salesGrowth objective in place of its GMV target. */
function growthContract(comparison: string, evaluation: unknown = { every: "cycle" }) {
  const c = cleanContract();
  c.targets[0] = {
    id: "growth",
    kpi: "salesGrowth",
    scope: { ...GMV_SCOPE, comparison },
    baseline: { value: "0.05" },
    goal: { atLeast: "0.1" },
    evaluation,
    weight: "0.5",
    role: "objective",
  };
  c.fees.components = c.fees.components.filter((x: { type: string }) => x.type === "fixed");
  return c;
}

describe("comparison-unavailable", () => {
  it("previous-period every cycle: January's comparison, December 2025, must be in the history", () => {
    const findings = runRule(comparisonUnavailable, growthContract("previous-period"), {
      history: [monthFacts("2025-11", {})],
    });
    expect(findings).toEqual([
      {
        code: "comparison-unavailable",
        criterion: "measurable",
        severity: "warning",
        path: ["targets", 0, "scope", "comparison"],
        params: { target: "growth", cycles: ["us 2025-12-01..2025-12-31"] },
        targetId: "growth",
      },
    ]);
    expect(
      runRule(comparisonUnavailable, growthContract("previous-period"), {
        history: [monthFacts("2025-12", {})],
      }),
    ).toEqual([]);
    // A record without a store is no store's comparison.
    const { store: _, ...anonymous } = monthFacts("2025-12", {});
    const [finding] = runRule(comparisonUnavailable, growthContract("previous-period"), {
      history: [anonymous],
    });
    expect(finding?.params.cycles).toEqual(["us 2025-12-01..2025-12-31"]);
  });

  it("same-period-last-year: every month of the year before the term the history lacks", () => {
    const history = ["2025-01", "2025-02", "2025-04"].map((m) => monthFacts(m, {}));
    const [finding] = runRule(comparisonUnavailable, growthContract("same-period-last-year"), { history });
    expect(finding?.params.cycles).toEqual([
      "us 2025-03-01..2025-03-31",
      "us 2025-05-01..2025-05-31",
      "us 2025-06-01..2025-06-30",
      "us 2025-07-01..2025-07-31",
      "us 2025-08-01..2025-08-31",
      "us 2025-09-01..2025-09-30",
      "us 2025-10-01..2025-10-31",
      "us 2025-11-01..2025-11-30",
      "us 2025-12-01..2025-12-31",
    ]);
  });

  it("a pooled window: the cycles just before the window, when they precede the term", () => {
    const q1 = growthContract("previous-period", {
      window: { start: "2026-01-01", end: "2026-03-31" },
      aggregate: "pooled",
    });
    const [finding] = runRule(comparisonUnavailable, q1, { history: [monthFacts("2025-11", {})] });
    expect(finding?.params.cycles).toEqual(["us 2025-10-01..2025-10-31", "us 2025-12-01..2025-12-31"]);
  });

  it("nothing without history, for a window inside the term, or for a KPI that does not compare", () => {
    expect(runRule(comparisonUnavailable, growthContract("previous-period"))).toEqual([]);
    const later = growthContract("previous-period", {
      window: { start: "2026-04-01", end: "2026-06-30" },
      aggregate: "pooled",
    });
    expect(runRule(comparisonUnavailable, later, { history: [] })).toEqual([]);
    expect(runRule(comparisonUnavailable, cleanContract(), { history: [] })).toEqual([]);
  });

  it("is a warning in the report, in both languages", () => {
    const report = validateContract(growthContract("previous-period"), { history: [] });
    const finding = report.findings.find((f) => f.code === "comparison-unavailable");
    expect(finding?.message).toBe(
      'Target "growth" compares with earlier cycles that the history given lacks: us 2025-12-01..2025-12-31; settlement refuses a cycle whose comparison is missing, so add them to the history.',
    );
    const zh = validateContract(growthContract("previous-period"), { history: [], locale: "zh-CN" });
    expect(zh.findings.find((f) => f.code === "comparison-unavailable")?.message).toContain(
      "提供的历史数据缺少这些周期：us 2025-12-01..2025-12-31",
    );
  });
});
