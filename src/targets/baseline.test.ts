import { describe, expect, it } from "vitest";
import history from "../../test/fixtures/worked/history.json" with { type: "json" };
import { KpiContractError } from "../values/KpiContractError.js";
import { baselineSchema, computeBaseline } from "./baseline.js";

const Q4 = { start: "2025-10-01", end: "2025-12-31" };
const gmvScope = {
  refunds: "exclude",
  refundTiming: "refund-date",
  cancelled: "exclude",
  tax: "exclude",
  shipping: "exclude",
};

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KpiContractError) return e;
    throw e;
  }
  throw new Error("expected a KpiContractError");
}

describe("computeBaseline", () => {
  it("returns a stated value, normalised", () => {
    const result = computeBaseline({ value: "30720.00", source: "Q4 report" }, "gmv", gmvScope, [], {
      cycle: "monthly",
    });
    expect(result.value).toBe("30720");
    expect(result.trace).toMatchObject({ kind: "stated", source: "Q4 report" });
  });

  it("averages per-cycle GMV for mean-of-cycles (SPEC §8)", () => {
    // (30000 − 1200) + (32000 − 1280) + (34000 − 1360) = 28800 + 30720 + 32640 = 92160; ÷ 3 = 30720
    const result = computeBaseline(
      { from: "history", window: Q4, aggregate: "mean-of-cycles" },
      "gmv",
      gmvScope,
      history,
      {
        cycle: "monthly",
      },
    );
    expect(result.value).toBe("30720");
    expect(result.trace.cycles?.map((c) => c.value)).toEqual(["28800", "30720", "32640"]);
  });

  it("computes a ratio of sums for pooled (SPEC §8 ACoS baseline)", () => {
    // spend 7000 + 7200 + 7400 = 21600; 14d sales 26000 + 27500 + 29000 = 82500; 21600 ÷ 82500
    const result = computeBaseline(
      { from: "history", window: Q4, aggregate: "pooled" },
      "acos",
      { attributionWindow: "14d" },
      history,
      {
        cycle: "monthly",
      },
    );
    expect(result.value).toBe("0.2618181818181818181818181818181818");
  });

  it("pools negative reviews over the window (SPEC §8)", () => {
    // 1- and 2-star reviews 2 per month → 6; reviews 236 per month → 708; 6 ÷ 708
    const result = computeBaseline(
      { from: "history", window: Q4, aggregate: "pooled" },
      "negativeReviewRate",
      { maxStars: 2, denominator: "reviews" },
      history,
      { cycle: "monthly" },
    );
    expect(result.value).toBe("0.008474576271186440677966101694915254");
  });

  it("differs between mean-of-cycles and pooled for a ratio", () => {
    const mean = computeBaseline(
      { from: "history", window: Q4, aggregate: "mean-of-cycles" },
      "acos",
      { attributionWindow: "14d" },
      history,
      {
        cycle: "monthly",
      },
    );
    // 7000/26000 = 0.2692307692307692307692307692307692, 7200/27500 = 0.2618181818181818181818181818181818,
    // 7400/29000 = 0.2551724137931034482758620689655172; sum 0.7862213648420544972269110200144682; ÷ 3
    expect(mean.value).toBe("0.2620737882806848324089703400048227");
  });

  it("names every missing cycle", () => {
    const only = history.filter((f) => f.period.start !== "2025-11-01" && f.period.start !== "2025-12-01");
    const error = thrown(() =>
      computeBaseline({ from: "history", window: Q4, aggregate: "pooled" }, "gmv", gmvScope, only, {
        cycle: "monthly",
      }),
    );
    expect(error.code).toBe("baseline-history-missing");
    expect(error.params.missing).toEqual([
      { start: "2025-11-01", end: "2025-11-30" },
      { start: "2025-12-01", end: "2025-12-31" },
    ]);
    expect(error.message).toContain("2025-11-01..2025-11-30");
  });

  it("uses only the named stores", () => {
    const error = thrown(() =>
      computeBaseline({ from: "history", window: Q4, aggregate: "pooled" }, "gmv", gmvScope, history, {
        cycle: "monthly",
        stores: ["eu"],
      }),
    );
    expect(error.code).toBe("baseline-history-missing");
  });

  it("pools several stores of one cycle before computing", () => {
    const twoStores = [
      ...history.slice(0, 3),
      ...history
        .slice(0, 3)
        .map((f) => ({ ...f, store: "us2", sales: { ...f.sales, gross: "1000.00", refunds: "0.00" } })),
    ];
    // each month adds 1000 of GMV from the second store: mean 30720 + 1000
    const result = computeBaseline(
      { from: "history", window: Q4, aggregate: "mean-of-cycles" },
      "gmv",
      gmvScope,
      twoStores,
      {
        cycle: "monthly",
      },
    );
    expect(result.value).toBe("31720");
  });

  it("refuses a window of partial cycles", () => {
    const error = thrown(() =>
      computeBaseline(
        { from: "history", window: { start: "2025-10-15", end: "2025-12-31" }, aggregate: "pooled" },
        "gmv",
        gmvScope,
        history,
        { cycle: "monthly" },
      ),
    );
    expect(error.code).toBe("baseline-window-partial");
  });

  it("is null with the cycle's reason when a cycle has no value", () => {
    const noAds = history.map((f, i) =>
      i === 1 ? { ...f, ads: { ...f.ads, attributed: { "14d": { sales: "0", orders: 0 } }, spend: "0" } } : f,
    );
    const result = computeBaseline(
      { from: "history", window: Q4, aggregate: "mean-of-cycles" },
      "acos",
      { attributionWindow: "14d" },
      noAds,
      {
        cycle: "monthly",
      },
    );
    expect(result.value).toBeNull();
    expect(result.reason).toBe("zero-denominator");
  });

  it("refuses invalid history facts with their path", () => {
    const bad = [{ ...history[0], currency: "XYZ" }];
    const error = thrown(() =>
      computeBaseline({ from: "history", window: Q4, aggregate: "pooled" }, "gmv", gmvScope, bad, {
        cycle: "monthly",
      }),
    );
    expect(error.code).toBe("facts-invalid");
    expect(error.issues[0]?.path).toEqual(["history", 0, "currency"]);
  });
});

describe("baselineSchema", () => {
  it("accepts both forms and refuses a mix", () => {
    expect(baselineSchema.safeParse({ value: 100 }).success).toBe(true);
    expect(baselineSchema.safeParse({ value: "1", from: "history" }).success).toBe(false);
    expect(baselineSchema.safeParse({ from: "history", window: Q4 }).success).toBe(false);
  });
});

describe("computeBaseline, more rules", () => {
  const q4 = { from: "history", window: Q4, aggregate: "mean-of-cycles" } as const;

  it("refuses history in several currencies, even for mean-of-cycles of one store", () => {
    const mixed = history.slice(0, 3).map((f, i) => (i === 1 ? { ...f, currency: "EUR" } : f));
    const error = thrown(() => computeBaseline(q4, "gmv", gmvScope, mixed, { cycle: "monthly" }));
    expect(error.code).toBe("currency-mismatch");
    expect(error.params.currencies).toEqual(["USD", "EUR"]);
  });

  it("splits { days } windows from the window start and refuses a partial last run", () => {
    // 2025-10-01..2025-12-31 is 92 days: 46-day runs fit twice, 30-day runs do not (30 + 30 + 30 + 2).
    const error = thrown(() => computeBaseline(q4, "gmv", gmvScope, history, { cycle: { days: 30 } }));
    expect(error.code).toBe("baseline-window-partial");
    expect(error.params.partial).toEqual([{ start: "2025-12-30", end: "2025-12-31" }]);
    const missing = thrown(() => computeBaseline(q4, "gmv", gmvScope, history, { cycle: { days: 46 } }));
    expect(missing.code).toBe("baseline-history-missing");
    expect(missing.params.missing).toEqual([
      { start: "2025-10-01", end: "2025-11-15" },
      { start: "2025-11-16", end: "2025-12-31" },
    ]);
  });

  it("a stated value keeps its source in the trace", () => {
    const result = computeBaseline({ value: "0.2200", source: "agency proposal" }, "acos", {}, [], {
      cycle: "monthly",
    });
    expect(result).toEqual({
      value: "0.22",
      trace: { kind: "stated", source: "agency proposal", formula: "stated 0.2200" },
    });
  });

  it("mean-of-cycles shows the arithmetic: (28800 + 30720 + 32640) ÷ 3 = 30720", () => {
    const result = computeBaseline(q4, "gmv", gmvScope, history, { cycle: "monthly" });
    expect(result.trace.formula).toBe("(28800 + 30720 + 32640) ÷ 3 = 30720");
  });
});

describe("baselineSchema errors", () => {
  const issues = (input: unknown) =>
    (baselineSchema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join("."), i.message]);

  it("reports each problem of a history baseline at its own path", () => {
    expect(
      issues({ from: "history", window: { start: "2025-13-01", end: "2025-12-31" }, aggregate: "mean" }),
    ).toEqual([
      ["window.start", 'Expected a real calendar date YYYY-MM-DD, received "2025-13-01"'],
      ["aggregate", 'Expected "mean-of-cycles" or "pooled"'],
    ]);
  });

  it("reports a bad stated value at value", () => {
    expect(issues({ value: "1e3" }).map((i) => i[0])).toEqual(["value"]);
  });

  it("names both forms when neither key is there", () => {
    expect(issues({ baseline: 1 })[0]?.[1]).toMatch(/Expected a baseline: \{ "value"/);
    expect(issues(5)).toHaveLength(1);
  });
});

describe("computeBaseline with named stores", () => {
  it("names a store missing from one cycle instead of pooling without it", () => {
    const Q4w = { start: "2025-10-01", end: "2025-12-31" };
    const first = history.slice(0, 3);
    const second = first.slice(0, 2).map((f) => ({ ...f, store: "us2" }));
    let error: unknown;
    try {
      computeBaseline(
        { from: "history", window: Q4w, aggregate: "pooled" },
        "gmv",
        { refunds: "exclude" },
        [...first, ...second],
        {
          cycle: "monthly",
          stores: ["us", "us2"],
        },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KpiContractError);
    expect((error as KpiContractError).code).toBe("baseline-history-missing");
    expect((error as KpiContractError).message).toContain("us2 2025-12-01..2025-12-31");
    expect((error as KpiContractError).params.gaps).toEqual([
      { store: "us2", period: { start: "2025-12-01", end: "2025-12-31" } },
    ]);
  });
});
