import { describe, expect, it } from "vitest";
import contractJson from "../../test/fixtures/worked/contract.json" with { type: "json" };
import historyJson from "../../test/fixtures/worked/history.json" with { type: "json" };
import marchJson from "../../test/fixtures/worked/march.json" with { type: "json" };
import { parseContract } from "../contract/parseContract.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { evaluateTargets, type TargetEvaluation } from "./evaluateTargets.js";

// Test data is edited freely, so it is loosely typed.
// biome-ignore lint/suspicious/noExplicitAny: test data
type Json = any;

const MARCH = { start: "2026-03-01", end: "2026-03-31" };
const JANUARY = { start: "2026-01-01", end: "2026-01-31" };
const FEBRUARY = { start: "2026-02-01", end: "2026-02-28" };
const Q1 = { start: "2026-01-01", end: "2026-03-31" };
const Q4_2025 = { start: "2025-10-01", end: "2025-12-31" };
const march: Json[] = marchJson;
const history: Json[] = historyJson;
/** History before 2026 (Q4 2025) and January and February 2026. */
const q4 = history.filter((f) => f.period.start < "2026-01-01");
const janFeb = history.filter((f) => f.period.start >= "2026-01-01");

/** The worked contract with only the given targets and no fee components. */
function withTargets(targets: Json[], extra: Json = {}) {
  return parseContract({ ...contractJson, targets, fees: { currency: "USD", components: [] }, ...extra });
}

/** An every-cycle ACoS objective (14-day window) with a weight of 1. */
function acosTarget(extra: Json = {}): Json {
  return {
    id: "acos",
    kpi: "acos",
    scope: { attributionWindow: "14d" },
    goal: { atMost: "0.22" },
    evaluation: { every: "cycle" },
    weight: "1",
    ...extra,
  };
}

/** A copy of facts with other ad figures. */
function withAds(f: Json, spend: string, sales14d: string): Json {
  return { ...f, ads: { ...f.ads, spend, attributed: { "14d": { sales: sales14d, orders: 50 } } } };
}

function only(evaluations: readonly TargetEvaluation[]): TargetEvaluation {
  expect(evaluations).toHaveLength(1);
  return evaluations[0] as TargetEvaluation;
}

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KpiContractError) return e;
    throw e;
  }
  throw new Error("expected a KpiContractError");
}

describe("evaluateTargets on window targets", () => {
  it("pools the facts of every cycle of the window for aggregate pooled", () => {
    const contract = withTargets([acosTarget({ evaluation: { window: Q1, aggregate: "pooled" } })]);
    const jan = withAds(janFeb[0], "7000.00", "37000.00");
    const report = evaluateTargets(contract, { cycle: MARCH, facts: march, history: [jan, janFeb[1]] });
    const e = only(report.evaluations);
    // (7000 + 8500 + 9000) ÷ (37000 + 40000 + 42000) = 24500 ÷ 119000, not the mean of the cycles
    // (0.2053249…) nor March alone (0.2142857…)
    expect(e).toMatchObject({
      status: "met",
      judged: true,
      actual: "0.2058823529411764705882352941176471",
      target: "0.22",
    });
    expect(e.trace.period).toEqual(Q1);
    expect(e.trace.cycles).toBeUndefined();
    expect(e.trace.kpi?.value).toBe("0.2058823529411764705882352941176471");
  });

  it("has no value for mean-of-cycles when one cycle has none, with that cycle's reason", () => {
    const contract = withTargets([acosTarget({ evaluation: { window: Q1, aggregate: "mean-of-cycles" } })]);
    const jan = withAds(janFeb[0], "8000.00", "0.00"); // spend without attributed sales: no ACoS
    const report = evaluateTargets(contract, { cycle: MARCH, facts: march, history: [jan, janFeb[1]] });
    const e = only(report.evaluations);
    expect(e).toMatchObject({
      status: "missed",
      met: false,
      judged: true,
      actual: null,
      reason: "zero-denominator",
      target: "0.22",
      attainment: "0",
    });
    expect(e.trace.cycles).toEqual([
      { period: JANUARY, value: null, reason: "zero-denominator" },
      { period: FEBRUARY, value: "0.2125" }, // 8500 ÷ 40000
      { period: MARCH, value: "0.2142857142857142857142857142857143" }, // 9000 ÷ 42000
    ]);
    expect(e.trace.attainment).toBe("no value (zero-denominator): missed, attainment 0");
    expect(report.score).toBe("0");
  });
});

describe("evaluateTargets with a baseline that has no value", () => {
  // Q4 2025 with spend but no attributed sales: the pooled ACoS baseline is null.
  const noSales = q4.map((f) => withAds(f, f.ads.spend, "0.00"));
  const baseline = { from: "history", window: Q4_2025, aggregate: "pooled" };

  it("misses a change goal: there is no target value", () => {
    const contract = withTargets([acosTarget({ baseline, goal: { change: "-0.10" } })]);
    const e = only(evaluateTargets(contract, { cycle: MARCH, facts: march, history: noSales }).evaluations);
    expect(e).toMatchObject({
      status: "missed",
      met: false,
      actual: "0.2142857142857142857142857142857143",
      target: null,
      baseline: null,
      attainment: "0",
    });
    expect(e.trace.goal).toBe("baseline × (1 + -0.1) = null × 0.9");
    expect(e.trace.attainment).toBe("no target value (the baseline has no value): missed, attainment 0");
  });

  it("keeps a pending window target's target value null", () => {
    const contract = withTargets([
      acosTarget({
        baseline,
        goal: { change: "-0.10" },
        evaluation: { window: { start: "2026-03-01", end: "2026-05-31" }, aggregate: "pooled" },
      }),
    ]);
    const report = evaluateTargets(contract, { cycle: MARCH, facts: march, history: noSales });
    expect(only(report.evaluations)).toMatchObject({
      status: "pending",
      judged: false,
      actual: null,
      target: null,
      baseline: null,
      attainment: "0",
    });
    expect(report.warnings).toEqual(["Target acos is pending: its evaluation window ends after this cycle"]);
  });
});

describe("evaluateTargets on how targets are written", () => {
  it("gives an objective without a weight a null weight, left out of the score", () => {
    const { weight: _weight, ...unweighted } = acosTarget();
    const report = evaluateTargets(withTargets([unweighted]), { cycle: MARCH, facts: march });
    expect(only(report.evaluations)).toMatchObject({ role: "objective", weight: null, status: "met" });
    expect(report.score).toBeNull();
    expect(report.scoreTrace).toBe("no objective target is judged in this cycle");
  });

  it("expands a preset scope and names the preset version used", () => {
    const contract = withTargets([acosTarget({ scope: { preset: "amazon-sb-acos" } })]);
    const e = only(evaluateTargets(contract, { cycle: MARCH, facts: march }).evaluations);
    expect(e.scope).toEqual({ attributionWindow: "14d" });
    expect(e.preset).toEqual({ name: "amazon-sb-acos", effectiveFrom: "2000-01-01" });
    expect(e.actual).toBe("0.2142857142857142857142857142857143");
  });

  it("has no preset entry for a scope written knob by knob", () => {
    const e = only(evaluateTargets(withTargets([acosTarget()]), { cycle: MARCH, facts: march }).evaluations);
    expect("preset" in e).toBe(false);
  });

  it("refuses a target without an evaluation", () => {
    const { evaluation: _evaluation, ...noEvaluation } = acosTarget();
    const error = thrown(() => evaluateTargets(withTargets([noEvaluation]), { cycle: MARCH, facts: march }));
    expect(error.code).toBe("target-incomplete");
    expect(error.message).toBe(
      "Target acos has no single decimal goal or no evaluation; validateContract reports why",
    );
    expect(error.params).toEqual({ targetId: "acos" });
  });

  it("refuses a target whose goal is not a single decimal", () => {
    const error = thrown(() =>
      evaluateTargets(withTargets([acosTarget({ goal: { atMost: "0.22", below: "0.3" } })]), {
        cycle: MARCH,
        facts: march,
      }),
    );
    expect(error.code).toBe("target-incomplete");
  });
});

describe("evaluateTargets on the facts of a cycle", () => {
  it("refuses two facts records of one store for the cycle", () => {
    const error = thrown(() =>
      evaluateTargets(withTargets([acosTarget()]), { cycle: MARCH, facts: [march[0], march[0]] }),
    );
    expect(error.code).toBe("facts-duplicate");
    expect(error.message).toBe("Store us has 2 facts records for 2026-03-01..2026-03-31; give one");
    expect(error.params).toEqual({ store: "us", period: MARCH });
  });
});

describe("evaluateTargets converting currencies", () => {
  const eurStores = [{ ...contractJson.stores[0], currency: "EUR", timeZone: "Europe/Berlin" }];
  const marchEur = [{ ...march[0], currency: "EUR" }];
  const gmvTarget = {
    id: "gmv",
    kpi: "gmv",
    scope: contractJson.targets[0]?.scope,
    goal: { atLeast: "40000" },
    evaluation: { every: "cycle" },
    weight: "1",
  };

  it("refuses foreign-currency facts when the contract has no fx table", () => {
    const contract = withTargets([gmvTarget], { stores: eurStores });
    const error = thrown(() => evaluateTargets(contract, { cycle: MARCH, facts: marchEur }));
    expect(error.code).toBe("fx-rate-missing");
    expect(error.message).toBe(
      "Facts of us are in EUR but the fees are in USD, and the contract has no fx table",
    );
    expect(error.params).toEqual({ from: "EUR", to: "USD", date: "2026-03-31" });
  });

  it("leaves history facts without a store out of a baseline, unconverted, even without a rate", () => {
    const contract = withTargets([
      acosTarget({ baseline: { from: "history", window: Q4_2025, aggregate: "pooled" } }),
    ]);
    const { store: _store, ...storeless } = { ...q4[0], currency: "EUR" };
    const report = evaluateTargets(contract, { cycle: MARCH, facts: march, history: [...q4, storeless] });
    // The baseline reads the contract's store only: (7000 + 7200 + 7400) ÷ (26000 + 27500 + 29000).
    expect(only(report.evaluations).baseline).toBe("0.2618181818181818181818181818181818");
    expect(report.fxRates).toEqual([]);
  });

  it("shows a fixed-policy rate without a date for a store's history in another currency", () => {
    const contract = withTargets(
      [acosTarget({ baseline: { from: "history", window: Q4_2025, aggregate: "pooled" } })],
      { fx: { policy: "fixed", rates: [{ from: "EUR", to: "USD", rate: "1.1" }] } },
    );
    const october = { ...q4[0], currency: "EUR" };
    const report = evaluateTargets(contract, {
      cycle: MARCH,
      facts: march,
      history: [october, ...q4.slice(1)],
    });
    // October in EUR × 1.1: (7000 × 1.1 + 7200 + 7400) ÷ (26000 × 1.1 + 27500 + 29000) = 22300 ÷ 85100
    expect(only(report.evaluations).baseline).toBe("0.2620446533490011750881316098707403");
    expect(report.fxRates).toEqual([
      { from: "EUR", to: "USD", rate: "1.1", date: null, usedFor: "us 2025-10-01..2025-10-31" },
    ]);
  });

  it("lists a rate used for the same facts by several targets once", () => {
    const contract = withTargets([gmvTarget, { ...gmvTarget, id: "gmv-too" }], {
      stores: eurStores,
      fx: { policy: "cycle-end", rates: [{ from: "EUR", to: "USD", rate: "1.1", date: "2026-03-31" }] },
    });
    const report = evaluateTargets(contract, { cycle: MARCH, facts: marchEur });
    // 44160 EUR × 1.1 = 48576 USD for both targets
    expect(report.evaluations.map((e) => e.actual)).toEqual(["48576", "48576"]);
    expect(report.fxRates).toEqual([
      { from: "EUR", to: "USD", rate: "1.1", date: "2026-03-31", usedFor: "us 2026-03-01..2026-03-31" },
    ]);
  });
});
