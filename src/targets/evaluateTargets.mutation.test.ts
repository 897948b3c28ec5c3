import { describe, expect, it } from "vitest";
import { type MonthFigures, monthFacts } from "../../test/contract/smartTestKit.js";
import { type PeriodFacts, type PeriodFactsInput, periodFactsSchema } from "../facts/schema.js";
import { KpiContractError } from "../values/KpiContractError.js";
import {
  createFactsPool,
  type EvaluationContract,
  evaluateParsedTargets,
  evaluateTargets,
  resolveScope,
  scoreOf,
  storeFactsInCurrency,
  type TargetEvaluation,
} from "./evaluateTargets.js";
import { targetSchema } from "./target.js";

// Everything is built inside the tests, so that a broken function fails a test rather than the
// collection of the file. Facts come from monthFacts (test/contract/smartTestKit.ts): store us, USD,
// 100 orders, gross 30000.00, no refunds, spend 7000.00, 14d attributed sales 28000.00, reviews
// 1/1/4/30/200 by stars, unless a figure is given.

const MARCH = { start: "2026-03-01", end: "2026-03-31" };
const APRIL = { start: "2026-04-01", end: "2026-04-30" };
const JAN = { start: "2026-01-01", end: "2026-01-31" };
const FEB = { start: "2026-02-01", end: "2026-02-28" };
const Q1 = { start: "2026-01-01", end: "2026-03-31" };
const Q4 = { start: "2025-10-01", end: "2025-12-31" };
const GMV_SCOPE = {
  refunds: "exclude",
  refundTiming: "refund-date",
  cancelled: "exclude",
  tax: "exclude",
  shipping: "exclude",
};
const ACOS = { attributionWindow: "14d" };

function contractOf(
  targets: readonly unknown[],
  extra: Partial<EvaluationContract> = {},
): EvaluationContract {
  return {
    term: { start: "2026-01-01", end: "2026-12-31" },
    cycle: "monthly",
    stores: [{ id: "us", currency: "USD" }],
    targets: targets.map((t) => targetSchema.parse(t)),
    fees: { currency: "USD" },
    attainmentCap: "2",
    ...extra,
  };
}

const gmvTarget = (goal: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  id: "gmv",
  kpi: "gmv",
  scope: GMV_SCOPE,
  goal,
  evaluation: { every: "cycle" },
  weight: "1",
  ...extra,
});
const acosTarget = (goal: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  id: "acos",
  kpi: "acos",
  scope: ACOS,
  goal,
  evaluation: { every: "cycle" },
  weight: "1",
  ...extra,
});

const march = (f: MonthFigures = {}) => monthFacts("2026-03", f);
const q4 = (f: MonthFigures = {}) => ["2025-10", "2025-11", "2025-12"].map((m) => monthFacts(m, f));

function only(report: { evaluations: readonly TargetEvaluation[] }, id?: string): TargetEvaluation {
  const found = id === undefined ? report.evaluations[0] : report.evaluations.find((e) => e.targetId === id);
  if (found === undefined) throw new Error(`no evaluation ${id ?? ""}`);
  return found;
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

describe("an every-cycle target, whole result", () => {
  it("GMV 30000 at least 20000: met, 30000 ÷ 20000 = 1.5", () => {
    const report = evaluateTargets(contractOf([gmvTarget({ atLeast: "20000" })]), {
      cycle: MARCH,
      facts: [march()],
    });
    const e = only(report);
    expect(e).toStrictEqual({
      targetId: "gmv",
      kpi: "gmv",
      role: "objective",
      weight: "1",
      scope: GMV_SCOPE,
      status: "met",
      met: true,
      judged: true,
      actual: "30000",
      target: "20000",
      baseline: null,
      attainment: "1.5",
      trace: {
        goal: "atLeast 20000",
        period: MARCH,
        kpi: e.trace.kpi,
        baseline: undefined,
        attainment: "actual ÷ target = 30000 ÷ 20000, clamped to [0, 2]",
      },
    });
    expect(e.trace.kpi).toMatchObject({ value: "30000", unit: "money", trace: { kpi: "gmv" } });
    expect(report).toStrictEqual({
      cycle: MARCH,
      evaluations: [e],
      score: "1",
      scoreTrace: "(1 × min(1.5, 1)) ÷ 1 = 1",
      fxRates: [],
      warnings: [],
    });
  });

  it("ACoS 7000 ÷ 28000 = 0.25 at most 0.3: met, 0.3 ÷ 0.25 = 1.2", () => {
    const e = only(
      evaluateTargets(contractOf([acosTarget({ atMost: "0.3" })]), { cycle: MARCH, facts: [march()] }),
    );
    expect(e).toMatchObject({ status: "met", actual: "0.25", target: "0.3", attainment: "1.2" });
    expect(e.trace.attainment).toBe("target ÷ actual = 0.3 ÷ 0.25, clamped to [0, 2]");
    expect(e).not.toHaveProperty("reason");
  });
});

describe("goal comparisons where the kinds differ", () => {
  const status = (goal: Record<string, string>) =>
    only(evaluateTargets(contractOf([acosTarget(goal)]), { cycle: MARCH, facts: [march()] })).status;

  it("an actual of 0.25 is at least and above 0.2, not at most nor below it", () => {
    expect(status({ atLeast: "0.2" })).toBe("met");
    expect(status({ above: "0.2" })).toBe("met");
    expect(status({ atMost: "0.2" })).toBe("missed");
    expect(status({ below: "0.2" })).toBe("missed");
  });

  it("an actual of 0.25 is at most and below 0.3, not at least nor above it", () => {
    expect(status({ atMost: "0.3" })).toBe("met");
    expect(status({ below: "0.3" })).toBe("met");
    expect(status({ atLeast: "0.3" })).toBe("missed");
    expect(status({ above: "0.3" })).toBe("missed");
  });

  it("the goal text names the kind and the value", () => {
    const e = only(
      evaluateTargets(contractOf([acosTarget({ below: "0.3" })]), { cycle: MARCH, facts: [march()] }),
    );
    expect(e.trace.goal).toBe("below 0.3");
  });
});

describe("attainment edges", () => {
  const judge = (target: Record<string, unknown>, figures: MonthFigures) =>
    only(evaluateTargets(contractOf([target]), { cycle: MARCH, facts: [march(figures)] }));

  it("a negative GMV over a positive target is clamped to 0, not negative", () => {
    // 1000 − 1500 = −500; −500 ÷ 1000 < 0 → 0
    const e = judge(gmvTarget({ atLeast: "1000" }), { gross: "1000.00", refunds: "1500.00" });
    expect(e).toMatchObject({ status: "missed", actual: "-500", attainment: "0" });
  });

  it("a negative TACoS (refunds above gross) is clamped to 0 for lower-is-better", () => {
    // 7000 ÷ (1000 − 1500) = −14 ≤ 0.3, met; 0.3 ÷ −14 < 0 → 0
    const e = judge(
      {
        id: "tacos",
        kpi: "tacos",
        scope: GMV_SCOPE,
        goal: { atMost: "0.3" },
        evaluation: { every: "cycle" },
        weight: "1",
      },
      { gross: "1000.00", refunds: "1500.00" },
    );
    expect(e).toMatchObject({ status: "met", actual: "-14", attainment: "0" });
  });

  it("a target below zero that is met gives the cap, not actual ÷ target", () => {
    const e = judge(gmvTarget({ atLeast: "-100" }), {});
    expect(e).toMatchObject({ status: "met", target: "-100", attainment: "2" });
    expect(e.trace.attainment).toBe("target -100 ≤ 0: met, attainment = cap");
  });

  it("a target of zero that is missed gives 0", () => {
    const e = judge(acosTarget({ atMost: "0" }), {});
    expect(e).toMatchObject({ status: "missed", target: "0", attainment: "0" });
    expect(e.trace.attainment).toBe("target 0 ≤ 0: missed, attainment 0");
  });

  it("a lower-is-better actual of 0 gives the cap", () => {
    const e = judge(acosTarget({ atMost: "0.2" }), { spend: "0.00" });
    expect(e).toMatchObject({ status: "met", actual: "0", attainment: "2" });
    expect(e.trace.attainment).toBe("actual 0 on a lower-is-better KPI: attainment = cap 2");
  });
});

describe("a KPI without a value", () => {
  const judge = (target: Record<string, unknown>, facts: PeriodFactsInput) =>
    only(evaluateTargets(contractOf([target]), { cycle: MARCH, facts: [facts] }));

  it("a lower-is-better ratio with no spend and no sales is met at the cap", () => {
    const e = judge(acosTarget({ atMost: "0.2" }), march({ spend: "0.00", attributed14d: "0.00" }));
    expect(e).toMatchObject({
      status: "met",
      met: true,
      actual: null,
      reason: "zero-denominator",
      attainment: "2",
    });
    expect(e.trace.attainment).toBe(
      "no value (zero denominator with a zero numerator) on a lower-is-better ratio: met, attainment = cap 2",
    );
  });

  it("a lower-is-better ratio below its minimum sample is missed even with no spend", () => {
    // 500 of attributed sales is under minSample 1000: insufficient-data with a numerator of 0
    const e = judge(
      acosTarget({ atMost: "0.2" }, { scope: { ...ACOS, minSample: "1000" } }),
      march({ spend: "0.00", attributed14d: "500.00" }),
    );
    expect(e).toMatchObject({
      status: "missed",
      met: false,
      actual: null,
      reason: "insufficient-data",
      attainment: "0",
    });
    expect(e.trace.attainment).toBe("no value (insufficient-data): missed, attainment 0");
  });

  it("a higher-is-better ratio with nothing on either side is missed", () => {
    // ROAS = 0 ÷ 0
    const e = judge(
      {
        id: "roas",
        kpi: "roas",
        scope: ACOS,
        goal: { atLeast: "3" },
        evaluation: { every: "cycle" },
        weight: "1",
      },
      march({ spend: "0.00", attributed14d: "0.00" }),
    );
    expect(e).toMatchObject({ status: "missed", actual: null, reason: "zero-denominator", attainment: "0" });
  });

  it("a lower-is-better KPI that is not a ratio is missed with nothing sold and no stock", () => {
    // days of inventory: 0 units sold over an average inventory of (0 + 0) ÷ 2
    const facts = {
      ...march(),
      sales: { ...march().sales, units: 0 },
      inventory: { openingUnits: 0, closingUnits: 0 },
    };
    const e = judge(
      {
        id: "doi",
        kpi: "daysOfInventory",
        scope: { basis: "units" },
        goal: { atMost: "30" },
        evaluation: { every: "cycle" },
        weight: "1",
      },
      facts,
    );
    expect(e).toMatchObject({ status: "missed", actual: null, reason: "zero-denominator", attainment: "0" });
  });

  it("missing facts are missed with their reason", () => {
    const { ads: _ads, ...noAds } = march();
    const e = judge(acosTarget({ atMost: "0.2" }), noAds);
    expect(e).toMatchObject({ status: "missed", actual: null, reason: "missing-facts", attainment: "0" });
    expect(e.trace.attainment).toBe("no value (missing-facts): missed, attainment 0");
  });
});

describe("roles and weights", () => {
  it("a guardrail has no weight even when one is written, and stays out of the score", () => {
    const report = evaluateTargets(
      contractOf([
        gmvTarget({ atLeast: "60000" }),
        acosTarget({ atMost: "0.3" }, { role: "guardrail", weight: "0.3" }),
      ]),
      { cycle: MARCH, facts: [march()] },
    );
    expect(only(report, "acos")).toMatchObject({ role: "guardrail", weight: null, status: "met" });
    // gmv alone: 30000 ÷ 60000 = 0.5
    expect(report.score).toBe("0.5");
    expect(report.scoreTrace).toBe("(1 × min(0.5, 1)) ÷ 1 = 0.5");
  });

  it("an objective without a weight has a null weight and leaves the score null", () => {
    const report = evaluateTargets(contractOf([gmvTarget({ atLeast: "20000" }, { weight: undefined })]), {
      cycle: MARCH,
      facts: [march()],
    });
    expect(only(report).weight).toBeNull();
    expect(report.score).toBeNull();
    expect(report.scoreTrace).toBe("no objective target is judged in this cycle");
  });
});

describe("incomplete targets", () => {
  const error = (target: Record<string, unknown>) =>
    thrown(() => evaluateTargets(contractOf([target]), { cycle: MARCH, facts: [march()] }));

  it("refuses a target with no goal, several goals, a goal that is not a decimal, or no evaluation", () => {
    for (const target of [
      gmvTarget({}),
      gmvTarget({ atLeast: "1", atMost: "2" }),
      gmvTarget({ atLeast: "lots" }),
      gmvTarget({ atLeast: "1" }, { evaluation: undefined }),
    ]) {
      const e = error(target);
      expect(e.code).toBe("target-incomplete");
      expect(e.message).toBe(
        "Target gmv has no single decimal goal or no evaluation; validateContract reports why",
      );
      expect(e.params).toEqual({ targetId: "gmv" });
    }
  });
});

describe("store facts", () => {
  it("pools the target's stores and ignores other stores' facts and other periods' facts", () => {
    const contract = contractOf([gmvTarget({ atLeast: "20000" }, { stores: ["us", "eu"] })], {
      stores: [
        { id: "us", currency: "USD" },
        { id: "eu", currency: "USD" },
        { id: "jp", currency: "USD" },
      ],
    });
    const facts = [
      march(),
      march({ store: "eu", gross: "10000.00" }),
      march({ store: "jp", gross: "99999.00" }),
    ];
    const history = [monthFacts("2026-02", { gross: "50000.00" }), monthFacts("2026-02", { store: "eu" })];
    const e = only(evaluateTargets(contract, { cycle: MARCH, facts, history }));
    // 30000 + 10000
    expect(e.actual).toBe("40000");
  });

  it("names every store without facts for the period", () => {
    const contract = contractOf([gmvTarget({ atLeast: "1" })], {
      stores: [
        { id: "us", currency: "USD" },
        { id: "eu", currency: "USD" },
      ],
    });
    const error = thrown(() =>
      evaluateTargets(contract, { cycle: MARCH, facts: [monthFacts("2026-02", {})], history: [] }),
    );
    expect(error.code).toBe("facts-missing");
    expect(error.message).toBe("No facts for us, eu in 2026-03-01..2026-03-31");
    expect(error.params).toEqual({ stores: ["us", "eu"], period: MARCH });
  });

  it("refuses two records of one store for one period", () => {
    const error = thrown(() =>
      evaluateTargets(contractOf([gmvTarget({ atLeast: "1" })]), { cycle: MARCH, facts: [march(), march()] }),
    );
    expect(error.code).toBe("facts-duplicate");
    expect(error.message).toBe("Store us has 2 facts records for 2026-03-01..2026-03-31; give one");
    expect(error.params).toEqual({ store: "us", period: MARCH });
    expect(error.issues).toEqual([
      {
        code: "facts-duplicate",
        path: ["facts", 1],
        message: "Store us already has facts for 2026-03-01..2026-03-31 at facts.0",
      },
    ]);
  });

  it("storeFactsInCurrency names every later record of a store given twice, and each store without one", () => {
    const contract = contractOf([], {
      stores: [
        { id: "us", currency: "USD" },
        { id: "ca", currency: "USD" },
      ],
    });
    const three = [march(), march({ store: "ca" }), march(), march()];
    const twice = thrown(() => storeFactsInCurrency(contract, undefined, MARCH, three));
    expect(twice.issues.map((i) => [i.path, i.message])).toEqual([
      [["facts", 2], "Store us already has facts for 2026-03-01..2026-03-31 at facts.0"],
      [["facts", 3], "Store us already has facts for 2026-03-01..2026-03-31 at facts.0"],
    ]);
    const none = thrown(() => storeFactsInCurrency(contract, undefined, APRIL, three));
    expect(none.code).toBe("facts-missing");
    expect(none.issues).toEqual([
      { code: "facts-missing", path: ["facts"], message: "No facts for store us in 2026-04-01..2026-04-30" },
      { code: "facts-missing", path: ["facts"], message: "No facts for store ca in 2026-04-01..2026-04-30" },
    ]);
  });

  it("storeFactsInCurrency returns the pooled facts and no rates in the schedule currency", () => {
    const contract = contractOf([]);
    const facts = [periodFactsSchema.parse(march())];
    expect(storeFactsInCurrency(contract, undefined, MARCH, facts)).toStrictEqual({
      facts: facts[0],
      rates: [],
    });
  });
});

describe("currencies", () => {
  const eurContract = (fx?: EvaluationContract["fx"]) =>
    contractOf([gmvTarget({ atLeast: "1" })], {
      stores: [
        { id: "us", currency: "USD" },
        { id: "eu", currency: "EUR" },
      ],
      fx,
    });
  const facts = () => [march(), march({ store: "eu", currency: "EUR", gross: "1000.00" })];
  const rate = (r: string, date: string) => ({ from: "EUR", to: "USD", rate: r, date });

  it("refuses foreign facts when the contract has no fx table, naming the store", () => {
    const error = thrown(() => evaluateTargets(eurContract(), { cycle: MARCH, facts: facts() }));
    expect(error.code).toBe("fx-rate-missing");
    expect(error.message).toBe(
      "Facts of eu are in EUR but the fees are in USD, and the contract has no fx table",
    );
    expect(error.params).toEqual({ from: "EUR", to: "USD", date: "2026-03-31" });
  });

  it("converts and lists each rate once, even when two targets use it", () => {
    const contract = {
      ...eurContract({ policy: "cycle-end", rates: [rate("1.1", "2026-03-31")] }),
    };
    const two = {
      ...contract,
      targets: [...contract.targets, targetSchema.parse({ ...gmvTarget({ atLeast: "1" }), id: "gmv2" })],
    };
    const report = evaluateTargets(two, { cycle: MARCH, facts: facts() });
    // 30000 + 1000 × 1.1
    expect(only(report, "gmv").actual).toBe("31100");
    expect(report.fxRates).toEqual([
      { from: "EUR", to: "USD", rate: "1.1", date: "2026-03-31", usedFor: "eu 2026-03-01..2026-03-31" },
    ]);
  });

  it("lists two different rates of a window target, one per cycle", () => {
    const contract = contractOf(
      [
        gmvTarget(
          { atLeast: "1" },
          {
            stores: ["eu"],
            evaluation: { window: { start: "2026-02-01", end: "2026-03-31" }, aggregate: "pooled" },
          },
        ),
      ],
      {
        stores: [{ id: "eu", currency: "EUR" }],
        fx: { policy: "cycle-end", rates: [rate("1.2", "2026-02-28"), rate("1.1", "2026-03-31")] },
      },
    );
    const report = evaluateTargets(contract, {
      cycle: MARCH,
      facts: [march({ store: "eu", currency: "EUR", gross: "1000.00" })],
      history: [monthFacts("2026-02", { store: "eu", currency: "EUR", gross: "2000.00" })],
    });
    // 2000 × 1.2 + 1000 × 1.1
    expect(only(report).actual).toBe("3500");
    expect(report.fxRates).toEqual([
      { from: "EUR", to: "USD", rate: "1.2", date: "2026-02-28", usedFor: "eu 2026-02-01..2026-02-28" },
      { from: "EUR", to: "USD", rate: "1.1", date: "2026-03-31", usedFor: "eu 2026-03-01..2026-03-31" },
    ]);
  });

  it("converts only the history a baseline reads: its stores, inside its window", () => {
    const contract = contractOf(
      [
        gmvTarget(
          { change: "0.1" },
          { baseline: { from: "history", window: Q4, aggregate: "mean-of-cycles" } },
        ),
      ],
      { fx: { policy: "cycle-end", rates: [rate("1.5", "2025-09-30")] } },
    );
    const { store: _store, ...storeless } = monthFacts("2025-09", { currency: "EUR" });
    const september = { ...monthFacts("2025-09", { currency: "EUR" }), store: "us" };
    const report = evaluateTargets(contract, {
      cycle: MARCH,
      facts: [march()],
      history: [storeless, september, ...q4()],
    });
    expect(only(report).baseline).toBe("30000");
    expect(report.fxRates).toEqual([]);
    const noTable = { ...contract, fx: undefined };
    const again = evaluateTargets(noTable, {
      cycle: MARCH,
      facts: [march()],
      history: [storeless, september, ...q4()],
    });
    expect(only(again).baseline).toBe("30000");
  });
});

describe("presets", () => {
  it("expands a preset scope and reports the preset and its version", () => {
    const facts = {
      ...march(),
      ads: { spend: "900.00", attributed: { "7d": { sales: "3000.00", orders: 9 } } },
    };
    const e = only(
      evaluateTargets(contractOf([acosTarget({ atMost: "0.3" }, { scope: { preset: "amazon-sp-acos" } })]), {
        cycle: MARCH,
        facts: [facts],
      }),
    );
    // 900 ÷ 3000 = 0.3
    expect(e).toMatchObject({
      actual: "0.3",
      status: "met",
      scope: { attributionWindow: "7d" },
      preset: { name: "amazon-sp-acos", effectiveFrom: "2000-01-01" },
    });
  });

  it("resolveScope: a preset of another KPI", () => {
    const error = thrown(() => resolveScope(contractOf([]), "acos", { preset: "amazon-sp-roas" }));
    expect(error.code).toBe("preset-kpi-mismatch");
    expect(error.message).toBe('Preset "amazon-sp-roas" is a scope of roas, not of acos');
    expect(error.params).toEqual({ preset: "amazon-sp-roas", kpi: "acos", presetKpi: "roas" });
  });

  it("resolveScope: a preset name that is not a string, or a preset with knobs", () => {
    for (const scope of [{ preset: 5 }, { preset: "amazon-sp-acos", attributionWindow: "7d" }]) {
      const error = thrown(() => resolveScope(contractOf([]), "acos", scope));
      expect(error.code).toBe("scope-invalid");
      expect(error.message).toBe('A preset scope is exactly { "preset": "<name>" }, with no other knobs');
      expect(error.params).toEqual({ kpi: "acos", scope });
    }
  });

  it("resolveScope: a scope without a preset is copied, and no scope is empty", () => {
    const scope = { attributionWindow: "7d" };
    const resolved = resolveScope(contractOf([]), "acos", scope);
    expect(resolved).toStrictEqual({ kpi: "acos", scope: { attributionWindow: "7d" } });
    expect(resolved.scope).not.toBe(scope);
    expect(resolveScope(contractOf([]), "gmv", undefined)).toStrictEqual({ kpi: "gmv", scope: {} });
    expect(resolveScope(contractOf([]), "acos", { preset: "amazon-sb-acos" })).toStrictEqual({
      kpi: "acos",
      scope: { attributionWindow: "14d" },
      preset: { name: "amazon-sb-acos", effectiveFrom: "2000-01-01" },
    });
  });
});

describe("window targets", () => {
  const windowTarget = (aggregate: string, extra: Record<string, unknown> = {}) =>
    acosTarget({ atMost: "0.3" }, { evaluation: { window: Q1, aggregate }, ...extra });
  // ACoS per month: Jan 1000 ÷ 10000 = 0.1, Feb 3000 ÷ 5000 = 0.6, Mar 7000 ÷ 28000 = 0.25
  const facts = () => [march()];
  const history = () => [
    monthFacts("2026-01", { spend: "1000.00", attributed14d: "10000.00" }),
    monthFacts("2026-02", { spend: "3000.00", attributed14d: "5000.00" }),
  ];

  it("pooled: one ACoS over the window, 11000 ÷ 43000", () => {
    const e = only(
      evaluateTargets(contractOf([windowTarget("pooled")]), {
        cycle: MARCH,
        facts: facts(),
        history: history(),
      }),
    );
    expect(e).toStrictEqual({
      targetId: "acos",
      kpi: "acos",
      role: "objective",
      weight: "1",
      scope: ACOS,
      status: "met",
      met: true,
      judged: true,
      actual: "0.2558139534883720930232558139534884",
      target: "0.3",
      baseline: null,
      // 0.3 ÷ (11000 ÷ 43000) = 1.172727…
      attainment: "1.172727272727272727272727272727273",
      trace: {
        goal: "atMost 0.3",
        period: Q1,
        kpi: e.trace.kpi,
        baseline: undefined,
        attainment: "target ÷ actual = 0.3 ÷ 0.2558139534883720930232558139534884, clamped to [0, 2]",
      },
    });
    expect(e.trace.kpi).toMatchObject({ trace: { inputs: { "ads.spend": "11000.00" } } });
  });

  it("mean of cycles: (0.1 + 0.6 + 0.25) ÷ 3, each cycle traced", () => {
    const e = only(
      evaluateTargets(contractOf([windowTarget("mean-of-cycles")]), {
        cycle: MARCH,
        facts: facts(),
        history: history(),
      }),
    );
    expect(e).toStrictEqual({
      targetId: "acos",
      kpi: "acos",
      role: "objective",
      weight: "1",
      scope: ACOS,
      status: "missed",
      met: false,
      judged: true,
      actual: "0.3166666666666666666666666666666667",
      target: "0.3",
      baseline: null,
      // 0.3 ÷ 0.3166666666666666666666666666666667, to 34 significant digits
      attainment: "0.9473684210526315789473684210526315",
      trace: {
        goal: "atMost 0.3",
        period: Q1,
        cycles: [
          { period: JAN, value: "0.1" },
          { period: FEB, value: "0.6" },
          { period: MARCH, value: "0.25" },
        ],
        baseline: undefined,
        attainment: "target ÷ actual = 0.3 ÷ 0.3166666666666666666666666666666667, clamped to [0, 2]",
      },
    });
  });

  it("mean of cycles with a cycle without value: null, with that cycle's reason", () => {
    const noAds = [
      monthFacts("2026-01", { spend: "1000.00", attributed14d: "10000.00" }),
      monthFacts("2026-02", { spend: "3000.00", attributed14d: "0.00" }),
    ];
    const e = only(
      evaluateTargets(contractOf([windowTarget("mean-of-cycles")]), {
        cycle: MARCH,
        facts: facts(),
        history: noAds,
      }),
    );
    expect(e).toMatchObject({ status: "missed", actual: null, reason: "zero-denominator", attainment: "0" });
    expect(e.trace.cycles).toStrictEqual([
      { period: JAN, value: "0.1" },
      { period: FEB, value: null, reason: "zero-denominator" },
      { period: MARCH, value: "0.25" },
    ]);
    expect(e.trace.attainment).toBe("no value (zero-denominator): missed, attainment 0");
  });

  it("pending before the window ends: the whole result, and a warning", () => {
    const report = evaluateTargets(contractOf([windowTarget("pooled")]), {
      cycle: FEB,
      facts: [monthFacts("2026-02", {})],
      history: [monthFacts("2026-01", {})],
    });
    expect(only(report)).toStrictEqual({
      targetId: "acos",
      kpi: "acos",
      role: "objective",
      weight: "1",
      scope: ACOS,
      status: "pending",
      met: false,
      judged: false,
      actual: null,
      target: "0.3",
      baseline: null,
      attainment: "0",
      trace: {
        goal: "atMost 0.3",
        period: Q1,
        baseline: undefined,
        attainment: "pending: the window ends in a later cycle",
      },
    });
    expect(report.warnings).toEqual(["Target acos is pending: its evaluation window ends after this cycle"]);
    expect(report.score).toBeNull();
  });

  it("after its window: reported with its result, not judged, out of the score", () => {
    const report = evaluateTargets(contractOf([windowTarget("pooled"), gmvTarget({ atLeast: "40000" })]), {
      cycle: APRIL,
      facts: [monthFacts("2026-04", {})],
      history: [...history(), march()],
    });
    expect(only(report, "acos")).toMatchObject({
      status: "met",
      judged: false,
      actual: "0.2558139534883720930232558139534884",
    });
    // gmv alone: 30000 ÷ 40000 = 0.75
    expect(report.score).toBe("0.75");
    expect(report.warnings).toEqual([]);
  });
});

describe("change goals and baselines", () => {
  it("baseline × (1 + change), with the arithmetic in the goal text", () => {
    const target = gmvTarget({ change: "0.25" }, { baseline: { value: "24000" } });
    const e = only(evaluateTargets(contractOf([target]), { cycle: MARCH, facts: [march()] }));
    // 24000 × 1.25 = 30000: met, 30000 ÷ 30000 = 1
    expect(e).toMatchObject({ status: "met", baseline: "24000", target: "30000", attainment: "1" });
    expect(e.trace.goal).toBe("baseline × (1 + 0.25) = 24000 × 1.25");
    expect(e.trace.baseline).toEqual({ kind: "stated", formula: "stated 24000" });
  });

  it("a baseline without value leaves no target: missed, attainment 0", () => {
    // Q4 ACoS mean of cycles: November has no spend and no sales, so the baseline has no value.
    const history = [
      monthFacts("2025-10", {}),
      monthFacts("2025-11", { spend: "0.00", attributed14d: "0.00" }),
      monthFacts("2025-12", {}),
    ];
    const target = acosTarget(
      { change: "-0.1" },
      { baseline: { from: "history", window: Q4, aggregate: "mean-of-cycles" } },
    );
    const e = only(evaluateTargets(contractOf([target]), { cycle: MARCH, facts: [march()], history }));
    expect(e).toMatchObject({
      status: "missed",
      met: false,
      actual: "0.25",
      target: null,
      baseline: null,
      attainment: "0",
    });
    expect(e.trace.goal).toBe("baseline × (1 + -0.1) = null × 0.9");
    expect(e.trace.attainment).toBe("no target value (the baseline has no value): missed, attainment 0");

    const pending = only(
      evaluateTargets(contractOf([{ ...target, evaluation: { window: Q1, aggregate: "pooled" } }]), {
        cycle: FEB,
        facts: [monthFacts("2026-02", {})],
        history: [...history, monthFacts("2026-01", {})],
      }),
    );
    expect(pending).toMatchObject({ status: "pending", target: null, baseline: null });
  });
});

describe("evaluateParsedTargets keeps baselines", () => {
  const parsed = (list: readonly PeriodFactsInput[]): PeriodFacts[] =>
    list.map((f) => periodFactsSchema.parse(f));
  // As settle calls it: a pool that keeps earlier periods, the same history array.
  const settleLike = (contract: EvaluationContract, facts: PeriodFacts[], history: PeriodFacts[]) =>
    evaluateParsedTargets(
      contract,
      MARCH,
      createFactsPool(contract, MARCH, facts, history, true),
      history,
      [],
    );
  const baselineTarget = (id: string) =>
    gmvTarget(
      { change: "0.1" },
      { id, baseline: { from: "history", window: Q4, aggregate: "mean-of-cycles" } },
    );

  it("hands out the same frozen baseline trace for the same contract, target and history", () => {
    const contract = contractOf([baselineTarget("a"), baselineTarget("b")]);
    const history = parsed(q4());
    const facts = parsed([march()]);
    const first = settleLike(contract, facts, history);
    const second = settleLike(contract, facts, history);
    for (const id of ["a", "b"]) {
      expect(only(second, id).trace.baseline).toBe(only(first, id).trace.baseline);
      expect(Object.isFrozen(only(first, id).trace.baseline)).toBe(true);
      expect(only(second, id).baseline).toBe("30000");
    }
  });

  it("keeps one baseline per history array", () => {
    const contract = contractOf([baselineTarget("a")]);
    const one = parsed(q4());
    const two = parsed(q4({ gross: "33000.00" }));
    const facts = parsed([march()]);
    const a1 = settleLike(contract, facts, one);
    const b = settleLike(contract, facts, two);
    const a2 = settleLike(contract, facts, one);
    expect(only(b).baseline).toBe("33000");
    expect(only(a2).trace.baseline).toBe(only(a1).trace.baseline);
  });

  it("reports the history's FX rates again when the baseline is kept", () => {
    const contract = contractOf([baselineTarget("a")], {
      fx: { policy: "fixed", rates: [{ from: "EUR", to: "USD", rate: "2" }] },
    });
    const history = parsed(q4({ currency: "EUR", gross: "15000.00" }));
    const facts = parsed([march()]);
    const expected = ["2025-10-01..2025-10-31", "2025-11-01..2025-11-30", "2025-12-01..2025-12-31"].map(
      (p) => ({ from: "EUR", to: "USD", rate: "2", date: null, usedFor: `us ${p}` }),
    );
    expect(settleLike(contract, facts, history).fxRates).toEqual(expected);
    const again = settleLike(contract, facts, history);
    expect(again.fxRates).toEqual(expected);
    expect(only(again).baseline).toBe("30000");
  });

  it("evaluateTargets keeps nothing: a new, unfrozen trace each call", () => {
    const contract = contractOf([baselineTarget("a")]);
    const input = { cycle: MARCH, facts: [march()], history: q4() };
    const first = only(evaluateTargets(contract, input)).trace.baseline;
    const second = only(evaluateTargets(contract, input)).trace.baseline;
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    expect(Object.isFrozen(first)).toBe(false);
  });
});

describe("scoreOf", () => {
  const evaluation = (e: Partial<TargetEvaluation>): TargetEvaluation =>
    ({ role: "objective", judged: true, weight: "1", attainment: "1", ...e }) as TargetEvaluation;

  it("weights attainment capped at 1 and renormalises over the counted weights", () => {
    // (0.25 × min(0.5, 1) + 0.75 × min(1.5, 1)) ÷ 1 = 0.875
    expect(
      scoreOf([
        evaluation({ weight: "0.25", attainment: "0.5" }),
        evaluation({ weight: "0.75", attainment: "1.5" }),
      ]),
    ).toEqual({
      score: "0.875",
      trace: "(0.25 × min(0.5, 1) + 0.75 × min(1.5, 1)) ÷ 1 = 0.875",
    });
  });

  it("leaves out guardrails, targets not judged and objectives without a weight", () => {
    const counted = evaluation({ weight: "2", attainment: "0.5" });
    expect(
      scoreOf([
        counted,
        evaluation({ role: "guardrail", attainment: "0" }),
        evaluation({ judged: false, attainment: "0" }),
        evaluation({ weight: null, attainment: "0" }),
      ]),
    ).toEqual({ score: "0.5", trace: "(2 × min(0.5, 1)) ÷ 2 = 0.5" });
  });

  it("is null when the counted weights sum to zero", () => {
    expect(scoreOf([evaluation({ weight: "0" })])).toEqual({
      score: null,
      trace: "no objective target is judged in this cycle",
    });
    expect(scoreOf([]).trace).toBe("no objective target is judged in this cycle");
  });
});

describe("invalid facts", () => {
  it("names the list and the index of an invalid record, with its count", () => {
    const contract = contractOf([gmvTarget({ atLeast: "1" })]);
    const facts = thrown(() =>
      evaluateTargets(contract, { cycle: MARCH, facts: [{ ...march(), currency: "usd" }] }),
    );
    expect(facts.code).toBe("facts-invalid");
    expect(facts.issues.map((i) => i.path)).toEqual([["facts", 0, "currency"]]);
    expect(facts.params).toEqual({ count: 1 });
    expect(facts.message.startsWith("Invalid facts:\n")).toBe(true);
    expect(facts.message).toContain("facts.0.currency");
    const history = thrown(() =>
      evaluateTargets(contract, {
        cycle: MARCH,
        facts: [march()],
        history: [march(), { ...march(), currency: "usd" }],
      }),
    );
    expect(history.issues.map((i) => i.path)).toEqual([["history", 1, "currency"]]);
  });
});

describe("createFactsPool", () => {
  const parsed = (list: readonly PeriodFactsInput[]): PeriodFacts[] =>
    list.map((f) => periodFactsSchema.parse(f));
  const two = () =>
    contractOf([], {
      stores: [
        { id: "us", currency: "USD" },
        { id: "eu", currency: "USD" },
      ],
    });

  it("pools earlier periods from the history and the cycle from its facts, once per pool", () => {
    const contract = two();
    const history = parsed([
      monthFacts("2026-02", {}),
      monthFacts("2026-02", { store: "eu", gross: "1000.00" }),
    ]);
    const facts = parsed([march({ gross: "500.00" }), march({ store: "eu", gross: "250.00" })]);
    const pool = createFactsPool(contract, MARCH, facts, history, false);
    // 30000 + 1000 in February, 500 + 250 in March
    expect(pool.of(undefined, FEB).facts.sales?.gross).toBe("31000.00");
    expect(pool.of(["eu"], MARCH).facts.sales?.gross).toBe("250.00");
    expect(pool.current(undefined).facts.sales?.gross).toBe("750.00");
    expect(pool.of(undefined, FEB)).toBe(pool.of(undefined, FEB));
    expect(pool.current(["us"])).toBe(pool.current(["us"]));
    expect(pool.current(["us"])).not.toBe(pool.current(["eu"]));
    // Not kept: another pool pools again, and nothing is frozen.
    const other = createFactsPool(contract, MARCH, facts, history, false);
    expect(other.of(undefined, FEB)).not.toBe(pool.of(undefined, FEB));
    expect(Object.isFrozen(pool.of(undefined, FEB))).toBe(false);
  });

  it("current reads only the cycle's facts, of only the stores asked", () => {
    const contract = two();
    const history = parsed([monthFacts("2026-03", { gross: "99.00" })]);
    const pool = createFactsPool(contract, MARCH, parsed([march({ gross: "500.00" })]), history, false);
    expect(pool.current(["us"]).facts.sales?.gross).toBe("500.00");
    expect(thrown(() => pool.current(undefined)).message).toBe("No facts for eu in 2026-03-01..2026-03-31");
  });

  it("with keep, earlier periods are kept frozen per (contract, history array); the cycle is not kept", () => {
    const contract = two();
    const history = parsed([monthFacts("2026-02", {}), monthFacts("2026-02", { store: "eu" })]);
    const facts = parsed([march(), march({ store: "eu" })]);
    const first = createFactsPool(contract, MARCH, facts, history, true);
    const second = createFactsPool(contract, APRIL, [], history, true);
    const feb = first.of(undefined, FEB);
    expect(second.of(undefined, FEB)).toBe(feb);
    expect(Object.isFrozen(feb)).toBe(true);
    expect(Object.isFrozen(feb.facts)).toBe(true);
    const march1 = first.of(undefined, MARCH);
    expect(Object.isFrozen(march1)).toBe(false);
    expect(createFactsPool(contract, MARCH, facts, history, true).of(undefined, MARCH)).not.toBe(march1);
    // Another history array, or another contract, is pooled afresh.
    const copy = [...history];
    expect(createFactsPool(contract, MARCH, facts, copy, true).of(undefined, FEB)).not.toBe(feb);
    expect(createFactsPool(two(), MARCH, facts, history, true).of(undefined, FEB)).not.toBe(feb);
    // A kept period is found again under another store list only when it is the same list.
    expect(second.of(["us"], FEB)).not.toBe(feb);
    expect(second.of(["us", "eu"], FEB)).toBe(feb);
  });
});
