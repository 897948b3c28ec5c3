import { describe, expect, it } from "vitest";
import { salesGrowthKpi } from "../kpis/salesGrowth.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { computeBaseline } from "./baseline.js";

const Q4 = { start: "2025-10-01", end: "2025-12-31" };
const scope = (comparison: string) => ({
  refunds: "exclude",
  refundTiming: "refund-date",
  cancelled: "exclude",
  tax: "exclude",
  shipping: "exclude",
  comparison,
});
const month = (start: string, end: string, gross: string) => ({
  store: "us",
  period: { start, end },
  currency: "USD",
  sales: { gross, refunds: "0.00" },
});
// GMV: Q4 2024 400 + 500 + 600 = 1,500; Q4 2025 500 + 600 + 900 = 2,000.
const history = [
  month("2024-10-01", "2024-10-31", "400.00"),
  month("2024-11-01", "2024-11-30", "500.00"),
  month("2024-12-01", "2024-12-31", "600.00"),
  month("2025-10-01", "2025-10-31", "500.00"),
  month("2025-11-01", "2025-11-30", "600.00"),
  month("2025-12-01", "2025-12-31", "900.00"),
];

describe("computeBaseline of salesGrowth: comparisons from the same history", () => {
  it("same-period-last-year, pooled: the quarter against the same quarter a year earlier", () => {
    // (2,000 − 1,500) ÷ 1,500 = 0.3333…
    const spec = { from: "history", window: Q4, aggregate: "pooled" } as const;
    const byId = computeBaseline(spec, "salesGrowth", scope("same-period-last-year"), history, {
      cycle: "monthly",
    });
    expect(byId.value).toBe("0.3333333333333333333333333333333333");
    expect(byId.trace.kpi?.trace?.inputs?.["comparison.sales.gross"]).toBe("1500.00");
    // A definition object reads the same comparison.
    const byDefinition = computeBaseline(spec, salesGrowthKpi, scope("same-period-last-year"), history, {
      cycle: "monthly",
    });
    expect(byDefinition.value).toBe(byId.value);
  });

  it("same-period-last-year, mean-of-cycles: each month against its month a year earlier", () => {
    // October 0.25, November 0.2, December 0.5: mean 0.95 ÷ 3 = 0.3166…67
    const result = computeBaseline(
      { from: "history", window: Q4, aggregate: "mean-of-cycles" },
      "salesGrowth",
      scope("same-period-last-year"),
      history,
      { cycle: "monthly" },
    );
    expect(result.trace.cycles?.map((c) => c.value)).toEqual(["0.25", "0.2", "0.5"]);
    expect(result.value).toBe("0.3166666666666666666666666666666667");
  });

  it("a missing comparison month is baseline-history-missing, oldest first, with the store", () => {
    let error: unknown;
    try {
      computeBaseline(
        { from: "history", window: Q4, aggregate: "mean-of-cycles" },
        "salesGrowth",
        scope("previous-period"),
        history,
        { cycle: "monthly", stores: ["us"] },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KpiContractError);
    const e = error as KpiContractError;
    expect(e.code).toBe("baseline-history-missing");
    // October compares with September, which the history lacks.
    expect(e.message).toBe(
      "History has no facts for us 2025-09-01..2025-09-30 (baseline window 2025-10-01..2025-12-31)",
    );
    expect(e.params.missing).toEqual([{ start: "2025-09-01", end: "2025-09-30" }]);
  });

  it("with the contract's term, a window inside it compares with the term's clipped cycles", () => {
    const spec = {
      from: "history",
      window: { start: "2026-02-01", end: "2026-02-28" },
      aggregate: "pooled",
    } as const;
    const rows = [month("2026-01-10", "2026-01-31", "2000.00"), month("2026-02-01", "2026-02-28", "3000.00")];
    const term = { start: "2026-01-10", end: "2026-12-31" };
    // (3,000 − 2,000) ÷ 2,000 = 0.5
    expect(
      computeBaseline(spec, "salesGrowth", scope("previous-period"), rows, { cycle: "monthly", term }).value,
    ).toBe("0.5");
    // Without the term, the whole January is the comparison, which the history does not hold.
    expect(() =>
      computeBaseline(spec, "salesGrowth", scope("previous-period"), rows, { cycle: "monthly" }),
    ).toThrow(expect.objectContaining({ code: "baseline-history-missing" }));
  });

  it("an unknown KPI id is still kpi-unknown", () => {
    expect(() =>
      computeBaseline({ from: "history", window: Q4, aggregate: "pooled" }, "nope", {}, history, {
        cycle: "monthly",
      }),
    ).toThrow(expect.objectContaining({ code: "kpi-unknown" }));
  });
});
