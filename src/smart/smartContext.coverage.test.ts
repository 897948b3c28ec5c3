import { describe, expect, it } from "vitest";
import * as z from "zod";
import {
  cleanContract,
  contextOf,
  historyContract,
  type Json,
  keepTargets,
  Q4_2025,
  q4History,
  runRule,
  targetOf,
} from "../../test/contract/smartTestKit.js";
import type { PeriodFacts } from "../facts/schema.js";
import { defineKpi } from "../kpis/defineKpi.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { parseSmartOptions, relativeChange, targetValue } from "./smartContext.js";
import { targetUnrealistic } from "./targetUnrealistic.js";
import { validateContract } from "./validateContract.js";

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KpiContractError) return e;
    throw e;
  }
  throw new Error("expected a KpiContractError");
}

/** A custom money KPI, gross sales, whose compute can be replaced. */
/** The facts' gross sales, or their order count (every history record here has sales facts). */
const gross = (facts: PeriodFacts): string => facts.sales?.gross ?? "missing";
const orders = (facts: PeriodFacts): number => facts.sales?.orders ?? 0;

function grossSales(compute: (facts: PeriodFacts) => string = gross) {
  return defineKpi({
    id: "grossSales",
    unit: "money",
    polarity: "higher-is-better",
    description: "Gross sales",
    reads: () => ["sales.gross", "sales.orders"],
    compute,
  });
}

/** The clean contract with one objective on `grossSales`, its baseline pooled over Q4 2025 history. */
function grossSalesContract(goal: Json = { atLeast: "100000" }): Json {
  const c = keepTargets(cleanContract(), ["gmv-growth"]);
  const t = targetOf(c, "gmv-growth");
  t.kpi = "grossSales";
  delete t.scope;
  t.baseline = { from: "history", window: { ...Q4_2025 }, aggregate: "pooled" };
  t.goal = goal;
  t.weight = "1";
  return c;
}

describe("parseSmartOptions: customKpis", () => {
  it("takes KPI definitions", () => {
    const definition = grossSales();
    expect(parseSmartOptions({ customKpis: [definition] }).customKpis).toEqual([definition]);
  });

  it("refuses an entry that is not an object, with its path", () => {
    for (const entry of [null, 7]) {
      const error = thrown(() => parseSmartOptions({ customKpis: [grossSales(), entry] as never }));
      expect(error.code).toBe("options-invalid");
      expect(error.issues.map((i) => i.path)).toEqual([["options", "customKpis", 1]]);
    }
  });
});

describe("buildSmartContext: baselines that are not computed", () => {
  const skipped = { status: "skipped", window: Q4_2025 };

  it("skips the baseline of an unknown KPI", () => {
    const c = historyContract();
    targetOf(c, "acos").kpi = "acosTypo";
    const ctx = contextOf(c, { history: q4History() });
    expect(ctx.targets[1]?.definition).toBeUndefined();
    expect(ctx.targets[1]?.baseline).toEqual(skipped);
  });

  it("skips the baseline of a target whose scope is unusable", () => {
    const c = historyContract();
    targetOf(c, "acos").scope = { attributionWindow: "14d", window: "7d" };
    expect(contextOf(c, { history: q4History() }).targets[1]?.baseline).toEqual(skipped);
  });

  it("skips the baseline of a window that is not whole cycles", () => {
    const c = historyContract();
    const window = { start: "2025-10-15", end: "2025-12-31" };
    targetOf(c, "acos").baseline.window = window;
    expect(contextOf(c, { history: q4History() }).targets[1]?.baseline).toEqual({
      status: "skipped",
      window,
    });
  });
});

describe("buildSmartContext: baselines that cannot be computed", () => {
  it("reports two facts records of one store and month in both locales", () => {
    const history = q4History();
    const c = keepTargets(historyContract(), ["acos"]);
    targetOf(c, "acos").weight = "1";
    const detail = "Store us has two facts records for 2025-10-01..2025-10-31; pooling would count it twice";
    const twice = [...history, ...history.slice(0, 1)];
    const en = validateContract(c, { history: twice });
    expect(en.findings.map((f) => [f.code, f.path, f.params])).toEqual([
      ["baseline-unavailable", ["targets", 0, "baseline"], { target: "acos", reason: "other", detail }],
    ]);
    expect(en.findings[0]?.message).toBe(
      `The baseline of target "acos" cannot be computed from the history given: ${detail}.`,
    );
    const zh = validateContract(c, { history: twice, locale: "zh-CN" });
    expect(zh.findings[0]?.message).toBe(`目标「acos」的基线无法用提供的历史数据计算（${detail}）。`);
  });

  it("reports a target with an empty store list: there is nothing to pool", () => {
    const c = historyContract();
    targetOf(c, "acos").stores = [];
    expect(contextOf(c, { history: q4History() }).targets[1]?.baseline).toEqual({
      status: "unavailable",
      window: Q4_2025,
      params: { target: "acos", reason: "other", detail: "poolFacts needs at least one period facts record" },
    });
  });

  it("names the cycles a custom KPI says are missing, whatever their form", () => {
    const missing = [
      "2025-11",
      { start: "2025-10-01", end: "2025-10-31", store: "us" },
      { start: "2025-12-01", end: "2025-12-31" },
      7,
    ];
    const kpi = grossSales(() => {
      throw new KpiContractError("ledger-gap", "the ledger has gaps", { missing });
    });
    const ctx = contextOf(grossSalesContract(), { history: q4History(), customKpis: [kpi] });
    expect(ctx.targets[0]?.baseline).toEqual({
      status: "unavailable",
      window: Q4_2025,
      params: {
        target: "gmv-growth",
        reason: "missing-cycles",
        cycles: ["2025-11", "us 2025-10-01..2025-10-31", "2025-12-01..2025-12-31", "7"],
      },
    });
  });

  it("falls back to the error's message when the list of missing cycles is empty", () => {
    const kpi = grossSales(() => {
      throw new KpiContractError("ledger-gap", "the ledger is closed", { cycles: [] });
    });
    const ctx = contextOf(grossSalesContract(), { history: q4History(), customKpis: [kpi] });
    expect(ctx.targets[0]?.baseline).toMatchObject({
      status: "unavailable",
      params: { target: "gmv-growth", reason: "other", detail: "the ledger is closed" },
    });
  });

  it("lets an error that is not a KpiContractError through: it is a bug, not a finding", () => {
    const kpi = grossSales(() => {
      throw new TypeError("compute is broken");
    });
    expect(() => validateContract(grossSalesContract(), { history: q4History(), customKpis: [kpi] })).toThrow(
      new TypeError("compute is broken"),
    );
  });
});

describe("buildSmartContext: per-cycle values of a pooled baseline", () => {
  // Each month of q4History has 100 orders; the pooled quarter has 300.
  const quarterOnly = (facts: PeriodFacts) => (orders(facts) >= 300 ? gross(facts) : "NaN");

  it("keeps the pooled baseline when a cycle's value is refused, without per-cycle values", () => {
    const kpi = grossSales(quarterOnly);
    const ctx = contextOf(grossSalesContract(), { history: q4History(), customKpis: [kpi] });
    // 30000 + 32000 + 34000
    expect(ctx.targets[0]?.baseline).toEqual({
      status: "computed",
      window: Q4_2025,
      value: "96000",
      cycles: [],
    });
    // Without per-cycle values the growth test has nothing to compare with.
    expect(
      runRule(targetUnrealistic, grossSalesContract(), { history: q4History(), customKpis: [kpi] }),
    ).toEqual([]);
  });

  it("runs the growth test when the per-cycle values are known", () => {
    const findings = runRule(targetUnrealistic, grossSalesContract(), {
      history: q4History(),
      customKpis: [grossSales()],
    });
    // 100000 ÷ 34000 − 1 = 1.94… needed in one month; the best month was 32000 ÷ 30000 − 1 = 0.0666…
    expect(findings.map((f) => [f.code, f.params.reason, f.params.lastValue, f.params.best])).toEqual([
      ["target-unrealistic", "growth", "34000", "0.066666666666666666666666666666667"],
    ]);
  });

  it("lets a per-cycle error that is not a KpiContractError through", () => {
    const kpi = grossSales((facts) => {
      if (orders(facts) < 300) throw new RangeError("one month is not enough");
      return gross(facts);
    });
    expect(() => contextOf(grossSalesContract(), { history: q4History(), customKpis: [kpi] })).toThrow(
      new RangeError("one month is not enough"),
    );
  });
});

describe("buildSmartContext: scope problems", () => {
  it("reports a preset that is not a name at the preset key, with the value as written", () => {
    const c = cleanContract();
    targetOf(c, "acos").scope = { preset: null };
    expect(contextOf(c).targets[1]?.scope).toEqual({
      problems: [
        {
          path: ["targets", 1, "scope", "preset"],
          params: { target: "acos", kpi: "acos", reason: "preset-not-name", value: "null" },
        },
      ],
      missing: [],
    });
    targetOf(c, "acos").scope = { preset: 7, attributionWindow: "14d" };
    expect(contextOf(c).targets[1]?.scope.problems[0]?.params).toEqual({
      target: "acos",
      kpi: "acos",
      reason: "preset-not-name",
      value: "7",
    });
  });

  it("still reports a preset name mixed with other knobs as such", () => {
    const c = cleanContract();
    targetOf(c, "acos").scope = { preset: "amazon-sp-acos", attributionWindow: "14d" };
    expect(contextOf(c).targets[1]?.scope.problems).toEqual([
      {
        path: ["targets", 1, "scope"],
        params: { target: "acos", kpi: "acos", preset: "amazon-sp-acos", reason: "preset-with-knobs" },
      },
    ]);
  });

  it("reports a problem of the scope as a whole at the scope, naming no knob", () => {
    const ranged = defineKpi({
      id: "ranged",
      unit: "count",
      polarity: "higher-is-better",
      description: "A KPI whose scope has a rule across knobs",
      scopeSchema: z
        .strictObject({ low: z.number().default(1), high: z.number().default(2) })
        .refine((s) => s.low <= s.high, { message: "low must not exceed high" }),
      reads: () => ["sales.orders"],
      compute: (facts) => String(orders(facts)),
    });
    const c = cleanContract();
    targetOf(c, "acos").kpi = "ranged";
    targetOf(c, "acos").scope = { low: 3, high: 2 };
    const scope = contextOf(c, { customKpis: [ranged] }).targets[1]?.scope;
    expect(scope).toEqual({
      problems: [
        {
          path: ["targets", 1, "scope"],
          params: { target: "acos", kpi: "ranged", reason: "bad-value", knob: "", value: "undefined" },
        },
      ],
      missing: [],
    });
  });
});

describe("targetValue and relativeChange without a goal", () => {
  it("are undefined", () => {
    const c = cleanContract();
    delete targetOf(c, "gmv-growth").goal;
    const info = contextOf(c).targets[0];
    if (info === undefined) throw new Error("no target");
    expect(info.baseline).toEqual({ status: "stated", value: "30000.00" });
    expect(targetValue(info)).toBeUndefined();
    expect(relativeChange(info)).toBeUndefined();
  });
});
