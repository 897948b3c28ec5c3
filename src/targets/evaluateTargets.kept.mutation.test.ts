import { describe, expect, it } from "vitest";
import { monthFacts } from "../../test/contract/smartTestKit.js";
import { type PeriodFacts, type PeriodFactsInput, periodFactsSchema } from "../facts/schema.js";
import type { KpiResult } from "../kpis/types.js";
import { KpiContractError } from "../values/KpiContractError.js";
import {
  createFactsPool,
  type EvaluationContract,
  evaluateTargets,
  resolveScopeOnce,
} from "./evaluateTargets.js";
import { targetSchema } from "./target.js";

// What settle keeps between calls (resolved scopes of frozen scopes, pooled facts and per-cycle
// results of earlier periods), and custom KPIs in evaluateTargets. Built inside the tests.

const FEB = { start: "2026-02-01", end: "2026-02-28" };
const MARCH = { start: "2026-03-01", end: "2026-03-31" };

function contractOf(extra: Partial<EvaluationContract> = {}): EvaluationContract {
  return {
    term: { start: "2026-01-01", end: "2026-12-31" },
    cycle: "monthly",
    stores: [
      { id: "us", currency: "USD" },
      { id: "eu", currency: "USD" },
    ],
    targets: [],
    fees: { currency: "USD" },
    attainmentCap: "2",
    ...extra,
  };
}

const parsed = (list: readonly PeriodFactsInput[]): PeriodFacts[] =>
  list.map((f) => periodFactsSchema.parse(f));

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KpiContractError) return e;
    throw e;
  }
  throw new Error("expected a KpiContractError");
}

describe("resolveScopeOnce", () => {
  it("keeps the expansion of a frozen scope, deep-frozen, per KPI and term start", () => {
    const contract = contractOf();
    const scope = Object.freeze({ preset: "amazon-sp-acos" });
    const first = resolveScopeOnce(contract, "acos", scope);
    expect(first).toEqual({
      kpi: "acos",
      scope: { attributionWindow: "7d" },
      preset: { name: "amazon-sp-acos", effectiveFrom: "2000-01-01" },
    });
    expect(resolveScopeOnce(contract, "acos", scope)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.scope)).toBe(true);
    // Another term start is resolved again (a preset version depends on it).
    const later = resolveScopeOnce({ term: { start: "2027-01-01", end: "2027-12-31" } }, "acos", scope);
    expect(later).not.toBe(first);
    expect(later).toEqual(first);
  });

  it("keeps one expansion per KPI of the same frozen scope", () => {
    const contract = contractOf();
    const empty = Object.freeze({});
    expect(resolveScopeOnce(contract, "gmv", empty)).toEqual({ kpi: "gmv", scope: {} });
    expect(resolveScopeOnce(contract, "acos", empty)).toEqual({ kpi: "acos", scope: {} });
    expect(resolveScopeOnce(contract, "gmv", empty).kpi).toBe("gmv");
  });

  it("resolves a scope that is not frozen, or none, each time, and leaves it unfrozen", () => {
    const contract = contractOf();
    const scope = { attributionWindow: "14d" };
    const first = resolveScopeOnce(contract, "acos", scope);
    expect(first).toEqual({ kpi: "acos", scope: { attributionWindow: "14d" } });
    expect(resolveScopeOnce(contract, "acos", scope)).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(false);
    expect(resolveScopeOnce(contract, "gmv", undefined)).toEqual({ kpi: "gmv", scope: {} });
  });
});

describe("createFactsPool.current", () => {
  it("uses only the cycle's facts even when the history holds a record of the cycle", () => {
    const contract = contractOf();
    const history = parsed([monthFacts("2026-03", { store: "eu", gross: "1000.00" })]);
    const pool = createFactsPool(contract, MARCH, parsed([monthFacts("2026-03", {})]), history, false);
    // of() pools the cycle from both: us from the facts, eu from the history
    expect(pool.of(undefined, MARCH).facts.sales?.gross).toBe("31000.00");
    // current() must not reuse that: eu has no facts of its own for the cycle
    expect(thrown(() => pool.current(undefined)).message).toBe("No facts for eu in 2026-03-01..2026-03-31");
  });

  it("reuses what of() pooled for the cycle when the history has no record of it", () => {
    const contract = contractOf();
    const history = parsed([monthFacts("2026-02", {}), monthFacts("2026-02", { store: "eu" })]);
    const facts = parsed([monthFacts("2026-03", {}), monthFacts("2026-03", { store: "eu" })]);
    const pool = createFactsPool(contract, MARCH, facts, history, false);
    const pooled = pool.of(undefined, MARCH);
    expect(pool.current(undefined)).toBe(pooled);
  });
});

describe("createFactsPool.earlier", () => {
  const result = (value: string): { result: KpiResult; used: [] } => ({
    result: {
      value,
      unit: "money",
      trace: { kpi: "x", formula: "", substituted: "", inputs: {}, steps: [], scope: {} },
    },
    used: [],
  });
  const target = () => targetSchema.parse({ id: "t", kpi: "gmv" });

  it("with keep, an earlier period's result is made once per (contract, history, target, period), frozen", () => {
    const contract = contractOf();
    const history = parsed([]);
    const t = target();
    let made = 0;
    const make = (value: string) => () => {
      made += 1;
      return result(value);
    };
    const feb = createFactsPool(contract, MARCH, [], history, true).earlier(t, FEB, make("1"));
    expect(feb.result.value).toBe("1");
    expect(Object.isFrozen(feb)).toBe(true);
    expect(createFactsPool(contract, MARCH, [], history, true).earlier(t, FEB, make("2"))).toBe(feb);
    expect(made).toBe(1);
    // Another period, target, history array or contract is made afresh.
    const jan = { start: "2026-01-01", end: "2026-01-31" };
    expect(createFactsPool(contract, MARCH, [], history, true).earlier(t, jan, make("3")).result.value).toBe(
      "3",
    );
    expect(
      createFactsPool(contract, MARCH, [], history, true).earlier(target(), FEB, make("4")).result.value,
    ).toBe("4");
    expect(
      createFactsPool(contract, MARCH, [], parsed([]), true).earlier(t, FEB, make("5")).result.value,
    ).toBe("5");
    expect(
      createFactsPool(contractOf(), MARCH, [], history, true).earlier(t, FEB, make("6")).result.value,
    ).toBe("6");
    expect(made).toBe(5);
    // Both kinds were kept side by side.
    expect(createFactsPool(contract, MARCH, [], history, true).earlier(t, jan, make("7")).result.value).toBe(
      "3",
    );
  });

  it("the cycle itself, or a pool that does not keep, makes it every time, unfrozen", () => {
    const contract = contractOf();
    const history = parsed([]);
    const t = target();
    const kept = createFactsPool(contract, MARCH, [], history, true);
    const cycle = kept.earlier(t, MARCH, () => result("1"));
    expect(kept.earlier(t, MARCH, () => result("2")).result.value).toBe("2");
    expect(Object.isFrozen(cycle)).toBe(false);
    const open = createFactsPool(contract, MARCH, [], history, false);
    expect(open.earlier(t, FEB, () => result("3")).result.value).toBe("3");
    const again = open.earlier(t, FEB, () => result("4"));
    expect(again.result.value).toBe("4");
    expect(Object.isFrozen(again)).toBe(false);
  });
});

describe("evaluateTargets with the contract's custom KPIs", () => {
  it("computes a target on a custom KPI of the contract", () => {
    const contract = contractOf({
      stores: [{ id: "us", currency: "USD" }],
      kpis: [
        {
          id: "refundShare",
          unit: "ratio",
          polarity: "lower-is-better",
          expression: { ratio: ["sales.refunds", "sales.gross"] },
        },
      ],
      targets: [
        targetSchema.parse({
          id: "refunds",
          kpi: "refundShare",
          goal: { atMost: "0.05" },
          evaluation: { every: "cycle" },
          weight: "1",
        }),
      ],
    });
    const report = evaluateTargets(contract, {
      cycle: MARCH,
      facts: [monthFacts("2026-03", { gross: "30000.00", refunds: "1200.00" })],
    });
    // 1200 ÷ 30000 = 0.04 ≤ 0.05; attainment 0.05 ÷ 0.04 = 1.25
    expect(report.evaluations[0]).toMatchObject({ actual: "0.04", status: "met", attainment: "1.25" });
  });
});
