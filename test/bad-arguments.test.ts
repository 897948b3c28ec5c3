// Bad arguments to the public functions, as a fuzz of the API found them: each is refused with a
// KpiContractError whose code and issue paths say what is wrong, never a TypeError, a DecimalError,
// a silent acceptance or a "NaN" in the output.
import { describe, expect, it } from "vitest";
import { safeParseContract } from "../src/contract/parseContract.js";
import { fxSchema, selectRate } from "../src/facts/fx.js";
import { attributedFactPath, readFact } from "../src/facts/readFact.js";
import type { PeriodFactsInput } from "../src/facts/schema.js";
import {
  type BaseFeePlusBonusOptions,
  type BasisOptions,
  type BonusOptions,
  baseFeePlusBonus,
  revenueShare,
} from "../src/fees/builders.js";
import { applyTiers } from "../src/fees/tiers.js";
import { getKpiDefinition, isCatalogueKpi } from "../src/kpis/catalogue.js";
import { computeKpi, safeComputeKpi } from "../src/kpis/computeKpi.js";
import { customKpiFromJson } from "../src/kpis/customKpi.js";
import { defineKpi } from "../src/kpis/defineKpi.js";
import { listPresets, resolvePreset } from "../src/kpis/presets.js";
import { renderFinding } from "../src/locales/index.js";
import { renderComparison } from "../src/report/renderComparison.js";
import { renderStatement } from "../src/report/renderStatement.js";
import { allocateStatement } from "../src/settlement/allocateStatement.js";
import { compareSchedules } from "../src/settlement/compareSchedules.js";
import { evaluateStanding } from "../src/settlement/evaluateStanding.js";
import type { SettleOptions } from "../src/settlement/SettlementStatement.js";
import { safeSettle, settle } from "../src/settlement/settle.js";
import { verifyStatement } from "../src/settlement/verifyStatement.js";
import { validateContract } from "../src/smart/validateContract.js";
import { computeBaseline } from "../src/targets/baseline.js";
import {
  evaluateTargets,
  resolveScope,
  scoreOf,
  storeFactsInCurrency,
} from "../src/targets/evaluateTargets.js";
import { singleGoal } from "../src/targets/target.js";
import { allocate } from "../src/values/allocate.js";
import { minorUnits } from "../src/values/currency.js";
import { type Cycle, cycleContaining, cycleProration } from "../src/values/cycle.js";
import { normalizeDecimal, numberToDecimalString } from "../src/values/decimal.js";
import { KpiContractError } from "../src/values/KpiContractError.js";
import { createLocalDater, localDate, parseTimestamp } from "../src/values/localDate.js";
import {
  addDays,
  daysInPeriod,
  type Period,
  periodContains,
  periodsOverlap,
  samePeriod,
} from "../src/values/period.js";
import { roundMoney } from "../src/values/rounding.js";
import contractJson from "./fixtures/worked/contract.json" with { type: "json" };
import historyJson from "./fixtures/worked/history.json" with { type: "json" };
import marchJson from "./fixtures/worked/march.json" with { type: "json" };

const CYCLE = { start: "2026-03-01", end: "2026-03-31" };
const INPUT = { cycle: CYCLE, facts: marchJson, history: historyJson };
const FACTS = marchJson[0];

/** The KpiContractError `fn` throws, as `{ code, paths }`; anything else fails the test. */
function refusal(fn: () => unknown): { code: string; paths: unknown[] } {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof KpiContractError)) throw error;
    return { code: error.code, paths: error.issues.map((i) => i.path) };
  }
  throw new Error("expected a KpiContractError");
}

describe("settle options are checked at the boundary", () => {
  const statement = settle(contractJson, INPUT);
  const bad = (options: unknown) => refusal(() => settle(contractJson, INPUT, options as SettleOptions));

  it("refuses options that are not an object, and safeSettle returns the refusal", () => {
    expect(bad(null)).toEqual({ code: "options-invalid", paths: [["options"]] });
    const safe = safeSettle(contractJson, INPUT, null as unknown as SettleOptions);
    expect(safe.success ? "settled" : safe.error.code).toBe("options-invalid");
  });

  it("refuses an unknown option (a misspelt one would be ignored) and a wrong allocateBy", () => {
    expect(bad({ allowinvalid: true }).code).toBe("options-invalid");
    expect(bad({ allocateBy: "weights" })).toEqual({
      code: "options-invalid",
      paths: [["options", "allocateBy"]],
    });
    expect(bad({ allowInvalid: "yes" }).paths).toEqual([["options", "allowInvalid"]]);
    expect(bad({ standingHistory: 0 }).paths).toEqual([["options", "standingHistory"]]);
  });

  it("refuses a previous statement with a line amount that is not a decimal, instead of adjusting by NaN", () => {
    const previous = structuredClone(statement) as unknown as { lines: { amount: string }[] };
    (previous.lines[0] as { amount: string }).amount = "NaN";
    expect(bad({ previous })).toEqual({
      code: "options-invalid",
      paths: [["options", "previous", "lines", 0, "amount"]],
    });
    expect(bad({ previous: null }).paths).toEqual([["options", "previous"]]);
    expect(bad({ previousCycle: 0 }).paths).toEqual([["options", "previousCycle"]]);
  });

  it("still settles with a whole statement as previous (extra keys are fine)", () => {
    const trueUp = settle(contractJson, INPUT, { previous: statement });
    expect(trueUp.adjustmentTotal).toBe("0.00");
  });
});

describe("verifyStatement checks the statement it is given", () => {
  const statement = settle(contractJson, INPUT);

  it("refuses something that is not a statement with the path of the problem", () => {
    expect(refusal(() => verifyStatement(null as never, contractJson, INPUT)).code).toBe("statement-invalid");
    expect(
      refusal(() => verifyStatement({ ...statement, lines: [null] } as never, contractJson, INPUT)),
    ).toEqual({
      code: "statement-invalid",
      paths: [["lines", 0]],
    });
    expect(
      refusal(() => verifyStatement({ ...statement, options: undefined } as never, contractJson, INPUT))
        .paths,
    ).toEqual([["options"]]);
  });

  it("verifies a genuine statement", () => {
    expect(verifyStatement(statement, contractJson, INPUT)).toEqual({ ok: true, differences: [] });
  });
});

describe("computeKpi checks its KPI and options", () => {
  it("refuses a KPI that is neither an id nor a definition, and options that are not an object", () => {
    expect(refusal(() => computeKpi(0 as never, FACTS))).toEqual({
      code: "arguments-invalid",
      paths: [["kpi"]],
    });
    expect(refusal(() => computeKpi("gmv", FACTS, {}, null as never)).paths).toEqual([["options"]]);
    expect(refusal(() => computeKpi("gmv", FACTS, {}, { customKpis: {} } as never)).paths).toEqual([
      ["options", "customKpis"],
    ]);
    const safe = safeComputeKpi(undefined as never, FACTS);
    expect(safe.success ? "computed" : safe.error.code).toBe("arguments-invalid");
  });
});

describe("evaluateTargets, computeBaseline and evaluateStanding check their arguments", () => {
  it("refuses facts or history that are not arrays", () => {
    expect(refusal(() => evaluateTargets(contractJson, { cycle: CYCLE, facts: 1 as never }))).toEqual({
      code: "facts-invalid",
      paths: [["facts"]],
    });
    expect(
      refusal(() => evaluateTargets(contractJson, { cycle: CYCLE, facts: marchJson, history: {} as never }))
        .paths,
    ).toEqual([["history"]]);
  });

  it("refuses a stated baseline of NaN and a reversed window instead of computing NaN", () => {
    const baseline = (spec: unknown, options: unknown = { cycle: "monthly" }) =>
      refusal(() => computeBaseline(spec as never, "gmv", {}, [], options as never));
    expect(baseline({ value: "NaN" })).toMatchObject({ code: "arguments-invalid" });
    expect(baseline({ value: "NaN" }).paths[0]).toEqual(["spec", "value"]);
    const reversed = baseline({
      from: "history",
      window: { start: "2025-12-01", end: "2025-10-31" },
      aggregate: "mean-of-cycles",
    });
    expect(reversed.code).toBe("arguments-invalid");
    expect(String(reversed.paths[0])).toMatch(/^spec,window/);
    expect(baseline({ value: "1" }, {}).paths).toEqual([["options", "cycle"]]);
    expect(computeBaseline({ value: "30720.00" }, "gmv", {}, [], { cycle: "monthly" }).value).toBe("30720");
  });

  it("refuses standing options that are not an object or name an unknown locale", () => {
    const rules = { threshold: "0.7", consecutiveCycles: 2, rectificationDays: 30 };
    expect(refusal(() => evaluateStanding(rules, [], null as never)).code).toBe("options-invalid");
    expect(refusal(() => evaluateStanding(rules, [], { locale: "fr" } as never)).paths).toEqual([
      ["options", "locale"],
    ]);
  });
});

describe("renderFinding and allocate check their input", () => {
  it("refuses something that is not a finding, and codes that are only Object.prototype's names", () => {
    expect(refusal(() => renderFinding(null as never))).toEqual({ code: "finding-invalid", paths: [[]] });
    expect(refusal(() => renderFinding({ code: 5, params: {} } as never)).paths).toEqual([["code"]]);
    expect(refusal(() => renderFinding({ code: "no-window", params: null } as never)).paths).toEqual([
      ["params"],
    ]);
    expect(
      refusal(() => renderFinding({ code: "goal-invalid", params: { value: Number.NaN } } as never)),
    ).toEqual({
      code: "finding-invalid",
      paths: [["params", "value"]],
    });
    expect(refusal(() => renderFinding({ code: "constructor", params: {} } as never)).code).toBe(
      "finding-code-unknown",
    );
    expect(refusal(() => renderFinding({ code: "no-window", params: {} }, 10n as never)).code).toBe(
      "locale-unknown",
    );
  });

  it("refuses weights that are not an array", () => {
    expect(refusal(() => allocate("100.00", "USD", null as never)).code).toBe("allocation-weights-invalid");
  });
});

describe("long terms", () => {
  it("validates a term of 137,000 day cycles without overflowing the call stack", () => {
    const report = validateContract({
      ...structuredClone(contractJson),
      term: { start: "2026-01-01", end: "2400-12-31" },
      cycle: { days: 1 },
    });
    expect(report.findings.every((f) => typeof f.message === "string")).toBe(true);
  });
});

describe("poolFacts and convertFacts validate the facts they are given", () => {
  it("refuses NaN, Infinity and malformed records with their paths instead of writing them out", async () => {
    const { poolFacts } = await import("../src/facts/poolFacts.js");
    const { convertFacts } = await import("../src/facts/convertFacts.js");
    const [a, b] = historyJson as unknown as [Record<string, unknown>, Record<string, unknown>];
    const withRefunds = (refunds: unknown) => ({ ...a, sales: { ...(a.sales as object), refunds } });
    expect(refusal(() => poolFacts([withRefunds("NaN"), b] as never))).toMatchObject({
      code: "facts-invalid",
    });
    expect(refusal(() => poolFacts([withRefunds("NaN"), b] as never)).paths[0]).toEqual([
      0,
      "sales",
      "refunds",
    ]);
    expect(refusal(() => poolFacts(undefined as never)).code).toBe("facts-invalid");
    expect(
      refusal(() => convertFacts(withRefunds(Number.POSITIVE_INFINITY) as never, "EUR", "0.9")).paths[0],
    ).toEqual(["sales", "refunds"]);
    expect(poolFacts([a, b] as never).sales?.gross).toBeDefined();
  });
});

describe("what the second fuzz run found", () => {
  it("refuses, under allowInvalid, an objective weight the parser kept as written but cannot be computed", () => {
    const contract = structuredClone(contractJson) as { targets: { weight?: string }[] };
    (contract.targets[0] as { weight?: string }).weight = " 0.5";
    expect(refusal(() => settle(contract, INPUT, { allowInvalid: true })).code).toBe("target-incomplete");
  });

  it("reads a hole in a sparse history or weights array as a missing entry, refused at its index", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of the test
    const history = [historyJson[0], , historyJson[1]];
    expect(
      refusal(() =>
        evaluateTargets(contractJson, { cycle: CYCLE, facts: marchJson, history: history as never }),
      ).paths[0],
    ).toEqual(["history", 1]);
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of the test
    expect(refusal(() => allocate("100.00", "USD", [1, , 1] as never)).code).toBe(
      "allocation-weight-invalid",
    );
  });

  it("never writes a negative zero tolerance", async () => {
    const { reconcile } = await import("../src/audit/reconcile.js");
    const result = reconcile(
      contractJson,
      { cycle: CYCLE, reported: marchJson, verified: marchJson, history: historyJson },
      { tolerance: { absolute: "-0.00", relative: "-0%" } },
    );
    expect(result.tolerance).toEqual({ absolute: "0", relative: "0" });
  });
});

describe("a term or period that ends on 9999-12-31, the open-ended sentinel", () => {
  it("validates a term to 9999-12-31 in 14-day cycles without stepping past the last date", async () => {
    const { cycleProration, cyclesOf } = await import("../src/values/cycle.js");
    const term = { start: "2026-01-01", end: "9999-12-31" };
    const last = cyclesOf(term, { days: 14 }).at(-1) as { start: string; end: string };
    expect(last.end).toBe("9999-12-31");
    // The last cycle is clipped by the term: its full run would end in the year 10000.
    const proration = cycleProration(last, { days: 14 }, term.start);
    expect(proration.fullDays).toBe(14);
    expect(proration.days).toBeLessThan(14);
    expect(proration.full).toEqual({ start: last.start, end: "9999-12-31" });
    const report = validateContract({
      ...structuredClone(contractJson),
      term: { start: "2026-01-01", end: "9999-12-31" },
      cycle: { days: 14 },
    });
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it("aggregates a period that ends on 9999-12-31", async () => {
    const { aggregateFacts } = await import("../src/records/aggregateFacts.js");
    const { facts, rejected } = await aggregateFacts(
      { orders: [] },
      {
        stores: [{ id: "us", currency: "USD", timeZone: "UTC" }],
        period: { start: "9999-12-01", end: "9999-12-31" },
        cycle: "monthly",
      },
    );
    expect(rejected).toEqual([]);
    expect(facts.map((f) => f.period)).toEqual([{ start: "9999-12-01", end: "9999-12-31" }]);
  });
});

describe("the helpers beside the entry points check their arguments", () => {
  const MARCH = { start: "2026-03-01", end: "2026-03-31" };
  const paths = (fn: () => unknown) => refusal(fn).paths;

  it("period helpers refuse what is not a period or a date, and accept periods with more keys", () => {
    expect(refusal(() => samePeriod(null as unknown as Period, MARCH))).toEqual({
      code: "arguments-invalid",
      paths: [["a"]],
    });
    expect(
      paths(() => periodContains({ start: "2026-02-01", end: "2026-01-31" }, undefined as unknown as string)),
    ).toEqual([["period", "end"], ["date"]]);
    expect(paths(() => periodsOverlap({ start: "2026-01-01" } as Period, 5 as unknown as Period))).toEqual([
      ["a", "end"],
      ["b"],
    ]);
    expect(paths(() => daysInPeriod({ start: "2026-02-30", end: "2026-03-01" }))).toEqual([
      ["period", "start"],
    ]);
    expect(paths(() => addDays("2026-02-30", 1.5))).toEqual([["date"], ["days"]]);
    expect(daysInPeriod({ ...MARCH, store: "us" } as Period)).toBe(31);
    expect(periodContains(MARCH, "2026-03-31")).toBe(true);
  });

  it("cycle helpers refuse a malformed period, cycle or anchor", () => {
    expect(paths(() => cycleProration(MARCH, { days: 0 }))).toEqual([["cycle"]]);
    expect(paths(() => cycleProration(MARCH, "monthly", "2026-3-1"))).toEqual([["anchor"]]);
    expect(paths(() => cycleContaining(undefined as unknown as Period, "weekly" as Cycle, "x"))).toEqual([
      ["term"],
      ["cycle"],
      ["date"],
    ]);
    expect(paths(() => cycleProration(MARCH, null as unknown as Cycle))).toEqual([["cycle"]]);
    expect(paths(() => cycleProration(MARCH, { days: 7, weeks: 1 } as unknown as Cycle))).toEqual([
      ["cycle"],
    ]);
    expect(cycleProration(MARCH, "quarterly")).toMatchObject({ days: 31, fullDays: 90 });
    expect(cycleProration(MARCH, { days: 31 }, "2026-03-01")).toMatchObject({ days: 31, fullDays: 31 });
  });

  it("messages describe BigInt and other values JSON cannot write, instead of throwing a TypeError", () => {
    expect(() => minorUnits(10n as unknown as string)).toThrow(/Unknown currency code 10n/);
    expect(() => parseTimestamp(10n as unknown as string)).toThrow(KpiContractError);
    expect(() => localDate("2026-03-01T00:00:00Z", 1n as unknown as string)).toThrow(/Unknown time zone 1n/);
    expect(() => resolvePreset(5n as unknown as string, "2026-01-01")).toThrow(/Unknown preset 5n/);
  });

  it("builders refuse options they cannot read with schedule-invalid and paths from options", () => {
    const builderRefusal = (fn: () => unknown) => refusal(fn);
    expect(builderRefusal(() => baseFeePlusBonus(null as unknown as BaseFeePlusBonusOptions))).toEqual({
      code: "schedule-invalid",
      paths: [["options"]],
    });
    const bonus = { target: "acos", payout: "100" } as unknown as BonusOptions;
    expect(
      paths(() =>
        baseFeePlusBonus({ currency: "USD", baseFee: "1", bonuses: [bonus], penalties: [null as never] }),
      ),
    ).toEqual([
      ["options", "bonuses", 0, "payout"],
      ["options", "penalties", 0],
    ]);
    const basis = { kpi: "gmv", scope: {}, over: null } as unknown as BasisOptions;
    expect(paths(() => revenueShare({ currency: "USD", basis, rate: "0.05" }))).toEqual([
      ["options", "basis", "over"],
    ]);
  });

  it("allocateStatement and compareSchedules refuse arguments of the wrong shape", () => {
    expect(refusal(() => allocateStatement(undefined as never, [{ store: "us", weight: "1" }]))).toEqual({
      code: "arguments-invalid",
      paths: [["statement"]],
    });
    expect(
      paths(() => allocateStatement({ total: "10.00", currency: "USD" }, [{ weight: "1" } as never])),
    ).toEqual([["weights", 0, "store"]]);
    expect(
      paths(() =>
        compareSchedules([{ schedule: {} } as never], {} as never, null as never, { locales: "en" } as never),
      ),
    ).toEqual([["schedules", 0, "name"], ["scenarios"], ["base"], ["options"]]);
  });

  it("the KPI helpers refuse a definition, a custom list or facts that are not one", () => {
    expect(refusal(() => defineKpi(null as never)).code).toBe("kpi-definition-invalid");
    expect(refusal(() => getKpiDefinition("acos", {} as never))).toEqual({
      code: "arguments-invalid",
      paths: [["customKpis"]],
    });
    expect(refusal(() => listPresets([{ name: "x" }] as never)).code).toBe("arguments-invalid");
    expect(refusal(() => readFact(undefined as never, "sales.gross")).paths).toEqual([["facts"]]);
    expect(refusal(() => readFact({ sales: { gross: {} } } as never, "sales.gross"))).toEqual({
      code: "facts-invalid",
      paths: [["facts", "sales", "gross"]],
    });
    expect(refusal(() => readFact(FACTS as never, 5 as never)).code).toBe("fact-path-unknown");
    expect(singleGoal(null as never)).toBeUndefined();
  });

  it("scoreOf, selectRate and storeFactsInCurrency check what they read", () => {
    expect(
      paths(() => scoreOf([{ role: "objective", judged: true, weight: "x", attainment: "1" }] as never)),
    ).toEqual([["evaluations", 0, "weight"]]);
    expect(paths(() => selectRate({ policy: "cycle-end" } as never, "EUR", "USD", "2026-03-31"))).toEqual([
      ["fx", "rates"],
    ]);
    const numeric = { policy: "fixed", rates: [{ from: "EUR", to: "USD", rate: 1.08 }] };
    expect(refusal(() => selectRate(numeric as never, "EUR", "USD", "2026-03-31")).code).toBe(
      "arguments-invalid",
    );
    const fx = fxSchema.parse({ policy: "fixed", rates: [{ from: "EUR", to: "USD", rate: "1.08" }] });
    expect(selectRate(fx, "EUR", "USD", "2026-03-31").rate).toBe("1.08");
    expect(paths(() => storeFactsInCurrency(contractJson, "us" as never, MARCH, marchJson))).toEqual([
      ["storeIds"],
    ]);
    expect(refusal(() => storeFactsInCurrency(contractJson, undefined, MARCH, [{}] as never)).code).toBe(
      "facts-invalid",
    );
    expect(storeFactsInCurrency(contractJson, ["us"], MARCH, marchJson).facts.sales?.gross).toBe(
      FACTS?.sales.gross,
    );
    // An object with the contract's fields only (no id, so not a whole contract): its FX table is
    // parsed too, so a rate given as a number converts like the contract's own would.
    const { id: _id, ...fields } = contractJson;
    const euro = {
      ...fields,
      stores: [{ ...contractJson.stores[0], currency: "EUR" }],
      fx: { policy: "fixed", rates: [{ from: "EUR", to: "USD", rate: 1.5 }] },
      attainmentCap: "1.5",
    };
    const eurFacts = { ...FACTS, currency: "EUR", sales: { ...FACTS?.sales, gross: "100.00" } };
    const pooled = storeFactsInCurrency(euro, ["us"], MARCH, [eurFacts as PeriodFactsInput]);
    expect(pooled.facts.sales?.gross).toBe("150.00");
    expect(pooled.rates.map((r) => r.rate)).toEqual(["1.5"]);
  });
});

describe("what a fuzz of every export with nested bad values found", () => {
  const MARCH = { start: "2026-03-01", end: "2026-03-31" };
  const INPUT_MARCH = { cycle: MARCH, facts: marchJson, history: historyJson };

  it("refuses scope knobs that are not JSON values when the contract is parsed", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const value of [10n, Number.NaN, cyclic, new Uint8Array(1), Symbol("x")]) {
      const contract = structuredClone(contractJson) as { targets: { scope: Record<string, unknown> }[] };
      (contract.targets[0] as { scope: Record<string, unknown> }).scope.tax = value;
      const safe = safeSettle(contract, INPUT_MARCH);
      expect(safe.success ? "settled" : [safe.error.code, safe.error.issues.map((i) => i.path)]).toEqual([
        "contract-invalid",
        [["targets", 0, "scope", "tax"]],
      ]);
    }
  });

  it("refuses a hole in customKpis, and names with no string form", () => {
    expect(refusal(() => getKpiDefinition("nope", new Array(1) as never))).toEqual({
      code: "arguments-invalid",
      paths: [["customKpis"]],
    });
    expect(isCatalogueKpi(Object.create(null))).toBe(false);
    let deep: unknown[] = [];
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(refusal(() => roundMoney("1", "USD", deep as never)).code).toBe("rounding-mode-unknown");
    expect(refusal(() => attributedFactPath({} as never, "sales")).paths).toEqual([["window"]]);
    expect(refusal(() => attributedFactPath("7d", "clicks" as never)).paths).toEqual([["field"]]);
  });

  it("a local dater refuses what is not a number of milliseconds", () => {
    const toLocalDay = createLocalDater("UTC");
    for (const value of [null, "1", [], true, 5n]) {
      expect(refusal(() => toLocalDay(value as never)).code).toBe("timestamp-invalid");
    }
  });

  it("defineKpi refuses knobs, a scope schema or reads of the wrong type", () => {
    const spec = {
      id: "ordersOverFloor",
      description: "Orders above a floor",
      unit: "count" as const,
      polarity: "higher-is-better" as const,
      reads: () => ["sales.orders"],
      compute: () => ({ value: "1", trace: {} }) as never,
    };
    const codes = (extra: object) => {
      try {
        defineKpi({ ...spec, ...extra } as never);
      } catch (error) {
        return (error as KpiContractError).issues.map((i) => [i.code, i.path]);
      }
      return "defined";
    };
    expect(codes({ knobs: "floor" })).toEqual([["knob-invalid", ["knobs"]]]);
    expect(codes({ knobs: [5] })).toEqual([["knob-invalid", ["knobs", 0]]]);
    expect(codes({ scopeSchema: {} })).toEqual([["scope-schema-invalid", ["scopeSchema"]]]);
    expect(codes({ reads: () => "sales.orders" })).toEqual([["reads-invalid", ["reads"]]]);
  });

  it("applyTiers, resolveScope, readFact and the report renderers check their options and inputs", () => {
    const tiers = [{ upTo: null, rate: "0.1" }];
    expect(refusal(() => applyTiers("100", tiers, "graduated", null as never)).code).toBe(
      "proration-invalid",
    );
    expect(
      refusal(() => applyTiers("100", tiers, "graduated", { prorationFactor: null as never })).code,
    ).toBe("proration-invalid");
    expect(refusal(() => resolveScope("x" as never, "acos", { preset: "amazon-sp-acos" })).paths).toEqual([
      ["contract"],
    ]);
    const noWindows = { ...FACTS, ads: { ...FACTS?.ads, attributed: null } };
    expect(readFact(noWindows as never, "ads.attributed.14d.sales")).toBeUndefined();
    const statement = settle(contractJson, INPUT_MARCH);
    expect(refusal(() => renderStatement(statement, null as never)).code).toBe("report-options-invalid");
  });

  it("settle refuses options that are not a plain object (an array, a Date, a Map)", () => {
    for (const options of [[], new Date(0), new Map()]) {
      expect(refusal(() => settle(contractJson, INPUT_MARCH, options as never))).toEqual({
        code: "options-invalid",
        paths: [["options"]],
      });
    }
    expect(settle(contractJson, INPUT_MARCH, Object.create(null)).total).toBe("2575.20");
  });

  it("a baseline window of many missing day cycles is reported at once, its message naming the first twelve", () => {
    const spec = {
      from: "history" as const,
      window: { start: "2020-01-01", end: "2025-12-31" },
      aggregate: "mean-of-cycles" as const,
    };
    let caught: unknown;
    try {
      computeBaseline(spec, "gmv", {}, [], { cycle: { days: 1 } });
    } catch (error) {
      caught = error;
    }
    expect((caught as KpiContractError).code).toBe("baseline-history-missing");
    expect((caught as KpiContractError).message).toContain("2020-01-12..2020-01-12 and 2180 more");
    expect(((caught as KpiContractError).params as { missing: unknown[] }).missing).toHaveLength(2192);
  });
});

describe("promises and values with no string form, from the same fuzz", () => {
  const MARCH = { start: "2026-03-01", end: "2026-03-31" };

  it("reports a promise inside a contract, facts, a custom KPI or a baseline at its path", () => {
    const contract = structuredClone(contractJson) as { targets: Record<string, unknown>[] };
    (contract.targets[0] as Record<string, unknown>).baseline = Promise.resolve(1);
    const parsed = safeParseContract(contract);
    expect(parsed.success ? "parsed" : parsed.error.issues.map((i) => [i.path, i.message])).toEqual([
      [["targets", 0, "baseline"], "Expected JSON data, received a promise"],
    ]);
    const facts = [{ ...FACTS, sales: Promise.resolve(1) }] as never;
    expect(refusal(() => settle(contractJson, { cycle: MARCH, facts, history: historyJson }))).toEqual({
      code: "facts-invalid",
      paths: [["facts", 0, "sales"]],
    });
    expect(
      refusal(() =>
        customKpiFromJson({
          id: "x",
          unit: "count",
          polarity: "higher-is-better",
          expression: Promise.resolve(1),
        }),
      ).paths,
    ).toEqual([["expression"]]);
    expect(
      refusal(() => computeBaseline(Promise.resolve(1) as never, "gmv", {}, [], { cycle: "monthly" })).paths,
    ).toEqual([["spec"]]);
    // A contract that does not parse whole is read for its fields: the promise is an issue there too.
    expect(refusal(() => storeFactsInCurrency(contract as never, undefined, MARCH, marchJson)).code).toBe(
      "contract-invalid",
    );
  });

  it("keeps the documented RangeError of the decimal conversions for any value", () => {
    expect(() => normalizeDecimal(Symbol("x") as never)).toThrow(
      new RangeError("Symbol(x) is not a decimal string"),
    );
    expect(() => numberToDecimalString(Object.create(null))).toThrow(RangeError);
  });

  it("fee builders refuse a bonus or penalty target that is not a string, without writing a name from it", () => {
    const options = { currency: "USD", baseFee: "1", penalties: [{ target: Symbol("x"), amount: "1" }] };
    expect(refusal(() => baseFeePlusBonus(options as never)).code).toBe("schedule-invalid");
  });

  it("renderComparison checks rows and cells with paths", () => {
    const comparison = {
      schedules: ["a"],
      rows: [{ scenario: "+0%", cells: [{ schedule: "a", currency: "USD", total: {} }] }],
    };
    expect(refusal(() => renderComparison(comparison as never))).toEqual({
      code: "comparison-invalid",
      paths: [["comparison", "rows", 0, "cells", 0, "total"]],
    });
    expect(
      refusal(() => renderComparison({ schedules: ["a"], rows: [{ scenario: "x", cells: {} }] } as never))
        .paths,
    ).toEqual([["comparison", "rows", 0, "cells"]]);
  });
});
