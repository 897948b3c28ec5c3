import { describe, expect, it } from "vitest";
import history from "../../test/fixtures/worked/history.json" with { type: "json" };
import { customKpiFromJson } from "../kpis/customKpi.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { baselineSchema, computeBaseline } from "./baseline.js";

// The worked history (test/fixtures/worked/history.json) is the us store, Oct 2025 to Feb 2026:
// gross 30000 / 32000 / 34000 with refunds 1200 / 1280 / 1360 in Q4 (net GMV 28800 / 30720 / 32640),
// spend 7000 / 7200 / 7400 and 14d attributed sales 26000 / 27500 / 29000.

const Q4 = { start: "2025-10-01", end: "2025-12-31" };
const OCT = { start: "2025-10-01", end: "2025-10-31" };
const NOV = { start: "2025-11-01", end: "2025-11-30" };
const DEC = { start: "2025-12-01", end: "2025-12-31" };
const GMV_SCOPE = {
  refunds: "exclude",
  refundTiming: "refund-date",
  cancelled: "exclude",
  tax: "exclude",
  shipping: "exclude",
};
const ACOS = { attributionWindow: "14d" };
const q4 = history.slice(0, 3);
const pooled = { from: "history", window: Q4, aggregate: "pooled" } as const;
const mean = { from: "history", window: Q4, aggregate: "mean-of-cycles" } as const;

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KpiContractError) return e;
    throw e;
  }
  throw new Error("expected a KpiContractError");
}

/** Q4 with the ads of one month (0, 1 or 2) emptied: no spend and no attributed sales. */
function withoutAds(months: readonly number[]) {
  return q4.map((f, i) =>
    months.includes(i)
      ? { ...f, ads: { ...f.ads, spend: "0", attributed: { "14d": { sales: "0", orders: 0 } } } }
      : f,
  );
}

describe("baselineSchema", () => {
  const issues = (input: unknown) =>
    (baselineSchema.safeParse(input).error?.issues ?? []).map((i) => [
      i.path.join("."),
      i.message,
      (i as { params?: { code?: string } }).params?.code,
    ]);

  it("accepts a history baseline with either aggregate", () => {
    expect(baselineSchema.parse(pooled)).toEqual(pooled);
    expect(baselineSchema.parse(mean)).toEqual(mean);
  });

  it('names "from" when it is not "history", keeping zod\'s code', () => {
    expect(issues({ from: "memory", window: Q4, aggregate: "pooled" })).toEqual([
      ["from", 'A computed baseline has "from": "history"', "invalid_value"],
    ]);
  });

  it("names the aggregate with both choices", () => {
    expect(issues({ from: "history", window: Q4, aggregate: "sum" })).toEqual([
      ["aggregate", 'Expected "mean-of-cycles" or "pooled"', "invalid_value"],
    ]);
  });

  it("reports a value that is neither form as baseline-invalid", () => {
    expect(issues([1])).toEqual([
      [
        "",
        'Expected a baseline: { "value": "…" } or { "from": "history", "window": {start, end}, "aggregate": "mean-of-cycles" | "pooled" }',
        "baseline-invalid",
      ],
    ]);
  });
});

describe("computeBaseline: a stated value", () => {
  it("has no source in its trace when none is stated", () => {
    expect(computeBaseline({ value: "30720.50" }, "gmv", GMV_SCOPE, [], { cycle: "monthly" })).toStrictEqual({
      value: "30720.5",
      trace: { kind: "stated", formula: "stated 30720.50" },
    });
  });
});

describe("computeBaseline: refusals", () => {
  it("refuses invalid history with every issue, path and message", () => {
    const error = thrown(() =>
      computeBaseline(pooled, "gmv", GMV_SCOPE, [q4[0], { ...q4[1], currency: "usd" }], { cycle: "monthly" }),
    );
    expect(error.code).toBe("facts-invalid");
    expect(error.issues.map((i) => i.path)).toEqual([["history", 1, "currency"]]);
    expect(error.params).toEqual({ issues: error.issues });
    expect(error.message).toBe(`Invalid history facts:\n${error.message.split("\n").slice(1).join("\n")}`);
    expect(error.message.split("\n")[1]).toContain("history.1.currency");
  });

  it("names the one partial cycle of a window", () => {
    const error = thrown(() =>
      computeBaseline(
        { ...pooled, window: { start: "2025-10-15", end: "2025-12-31" } },
        "gmv",
        GMV_SCOPE,
        q4,
        {
          cycle: "monthly",
        },
      ),
    );
    expect(error.code).toBe("baseline-window-partial");
    expect(error.message).toBe(
      "The baseline window 2025-10-15..2025-12-31 does not consist of whole cycles: 2025-10-15..2025-10-31 is partial",
    );
    expect(error.params).toEqual({
      window: { start: "2025-10-15", end: "2025-12-31" },
      partial: [{ start: "2025-10-15", end: "2025-10-31" }],
    });
  });

  it("names both partial cycles of a window cut at each end", () => {
    const error = thrown(() =>
      computeBaseline(
        { ...pooled, window: { start: "2025-10-15", end: "2025-12-20" } },
        "gmv",
        GMV_SCOPE,
        q4,
        {
          cycle: "monthly",
        },
      ),
    );
    expect(error.message).toBe(
      "The baseline window 2025-10-15..2025-12-20 does not consist of whole cycles: 2025-10-15..2025-10-31, 2025-12-01..2025-12-20 are partial",
    );
  });

  it("names the cycles without facts, without a store, when no stores are named", () => {
    const error = thrown(() => computeBaseline(pooled, "gmv", GMV_SCOPE, [q4[0]], { cycle: "monthly" }));
    expect(error.code).toBe("baseline-history-missing");
    expect(error.message).toBe(
      "History has no facts for 2025-11-01..2025-11-30, 2025-12-01..2025-12-31 (baseline window 2025-10-01..2025-12-31)",
    );
    expect(error.params).toStrictEqual({ missing: [NOV, DEC], window: Q4 });
  });

  it("names each store and cycle without facts when stores are named", () => {
    const error = thrown(() =>
      computeBaseline(pooled, "gmv", GMV_SCOPE, [q4[0], q4[1], { ...q4[0], store: "eu" }], {
        cycle: "monthly",
        stores: ["us", "eu"],
      }),
    );
    expect(error.message).toBe(
      "History has no facts for eu 2025-11-01..2025-11-30, us 2025-12-01..2025-12-31, eu 2025-12-01..2025-12-31 (baseline window 2025-10-01..2025-12-31)",
    );
    expect(error.params).toStrictEqual({
      missing: [NOV, DEC],
      window: Q4,
      gaps: [
        { store: "eu", period: NOV },
        { store: "us", period: DEC },
        { store: "eu", period: DEC },
      ],
    });
  });

  it("names the currencies of mixed history", () => {
    const error = thrown(() =>
      computeBaseline(mean, "gmv", GMV_SCOPE, [q4[0], { ...q4[1], currency: "EUR" }, q4[2]], {
        cycle: "monthly",
      }),
    );
    expect(error.code).toBe("currency-mismatch");
    expect(error.message).toBe(
      "Baseline history is in USD, EUR: convert it to one currency first (convertFacts)",
    );
  });
});

describe("computeBaseline: named stores", () => {
  it("leaves out the facts of stores that are not named, and facts without a store", () => {
    // eu adds 1,000,000 of gross each month; a store-less copy adds as much again: neither counts.
    const eu = q4.map((f) => ({ ...f, store: "eu", sales: { ...f.sales, gross: "1000000.00" } }));
    const { store: _store, ...storeless } = eu[0] as (typeof eu)[number];
    const result = computeBaseline(mean, "gmv", GMV_SCOPE, [...q4, ...eu, storeless], {
      cycle: "monthly",
      stores: ["us"],
    });
    // (28800 + 30720 + 32640) ÷ 3
    expect(result.value).toBe("30720");
  });
});

describe("computeBaseline: custom KPIs", () => {
  it("finds a custom KPI id in the customKpis option", () => {
    const netShare = customKpiFromJson({
      id: "refundShare",
      unit: "ratio",
      polarity: "lower-is-better",
      expression: { ratio: ["sales.refunds", "sales.gross"] },
    });
    // refunds 1200 + 1280 + 1360 = 3840 over gross 30000 + 32000 + 34000 = 96000: 0.04
    const result = computeBaseline(pooled, "refundShare", {}, q4, {
      cycle: "monthly",
      customKpis: [netShare],
    });
    expect(result.value).toBe("0.04");
  });
});

describe("computeBaseline: pooled", () => {
  it("traces the pooled KPI over three cycles", () => {
    const result = computeBaseline(pooled, "acos", ACOS, q4, { cycle: "monthly" });
    // 21600 ÷ 82500
    expect(result).toStrictEqual({
      value: "0.2618181818181818181818181818181818",
      trace: {
        kind: "pooled",
        window: Q4,
        cycles: [{ period: OCT }, { period: NOV }, { period: DEC }],
        kpi: result.trace.kpi,
        formula: "KPI of the facts pooled over 3 cycles = 0.2618181818181818181818181818181818",
      },
    });
    expect(result.trace.kpi).toMatchObject({
      value: "0.2618181818181818181818181818181818",
      trace: { inputs: { "ads.spend": "21600.00", "ads.attributed.14d.sales": "82500.00" } },
    });
  });

  it("says cycle, not cycles, for a window of one, and gives the reason of a null value", () => {
    const result = computeBaseline({ ...pooled, window: OCT }, "acos", ACOS, withoutAds([0]), {
      cycle: "monthly",
    });
    expect(result).toStrictEqual({
      value: null,
      reason: "zero-denominator",
      trace: {
        kind: "pooled",
        window: OCT,
        cycles: [{ period: OCT }],
        kpi: result.trace.kpi,
        formula: "KPI of the facts pooled over 1 cycle = null (zero-denominator)",
      },
    });
    expect(result.trace.kpi).toMatchObject({
      value: null,
      reason: "zero-denominator",
      numerator: "0",
      denominator: "0",
    });
  });
});

describe("computeBaseline: mean of cycles", () => {
  it("traces each cycle's value and no reason when every cycle has one", () => {
    expect(computeBaseline(mean, "gmv", GMV_SCOPE, q4, { cycle: "monthly" })).toStrictEqual({
      value: "30720",
      trace: {
        kind: "mean-of-cycles",
        window: Q4,
        cycles: [
          { period: OCT, value: "28800" },
          { period: NOV, value: "30720" },
          { period: DEC, value: "32640" },
        ],
        formula: "(28800 + 30720 + 32640) ÷ 3 = 30720",
      },
    });
  });

  it("has no value when a cycle has none, naming that cycle's reason", () => {
    // November has no spend and no attributed sales: 0 ÷ 0.
    expect(computeBaseline(mean, "acos", ACOS, withoutAds([1]), { cycle: "monthly" })).toStrictEqual({
      value: null,
      reason: "zero-denominator",
      trace: {
        kind: "mean-of-cycles",
        window: Q4,
        cycles: [
          // 7000 ÷ 26000, then 7400 ÷ 29000
          { period: OCT, value: "0.2692307692307692307692307692307692" },
          { period: NOV, value: null, reason: "zero-denominator" },
          { period: DEC, value: "0.2551724137931034482758620689655172" },
        ],
        formula: "a cycle has no value (zero-denominator), so the mean has none",
      },
    });
  });
});
