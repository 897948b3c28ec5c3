import * as z from "zod";
import { isParsedContract, safeParseContract } from "../contract/parseContract.js";
import { convertParsedFacts } from "../facts/convertFacts.js";
import { type FxTable, fxSchema, selectRate } from "../facts/fx.js";
import { parseFactsList } from "../facts/internal/readPeriodFacts.js";
import { poolParsedFacts } from "../facts/poolFacts.js";
import type { PeriodFacts, PeriodFactsInput } from "../facts/schema.js";
import { checkArguments } from "../internal/arguments.js";
import { compare, D, type Dec, formatDecimal, ONE, quotient, ZERO } from "../internal/decimal.js";
import { deepFreeze } from "../internal/deepFreeze.js";
import { refuse, toValidationIssues } from "../internal/issues.js";
import { safeParseData } from "../internal/plainJson.js";
import { getKpiDefinition } from "../kpis/catalogue.js";
import { computeKpiParsed } from "../kpis/computeKpi.js";
import { type CustomKpi, customKpiFromJson } from "../kpis/customKpi.js";
import { kpiValueDecimal } from "../kpis/internal/run.js";
import { resolvePreset } from "../kpis/presets.js";
import type {
  KpiComputeContext,
  KpiDefinition,
  KpiNullReason,
  KpiPolarity,
  KpiResult,
  KpiValueResult,
} from "../kpis/types.js";
import { type Cycle, cycleSchema, cyclesOf, refuseNotACycle } from "../values/cycle.js";
import {
  type DecimalString,
  decimalSchema,
  decimalTextSchema,
  describeInput,
  isDecimalString,
  normalizeDecimal,
} from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";
import {
  containsDay,
  dateSchema,
  type Period,
  periodArgumentSchema,
  periodSchema,
  sameDays,
} from "../values/period.js";
import { type BaselineResult, computeBaseline } from "./baseline.js";
import { baselineReadsPeriod, comparisonCycles, comparisonModeOf } from "./comparison.js";
import { type GoalKind, scopeInputSchema, singleGoal, type Target, targetSchema } from "./target.js";

/**
 * The parts of a contract that target evaluation reads. A parsed `Contract` satisfies it.
 */
export interface EvaluationContract {
  readonly term: Period;
  readonly cycle: Cycle;
  readonly stores: readonly { readonly id: string; readonly currency: string }[];
  readonly targets: readonly Target[];
  readonly fees: { readonly currency: string };
  readonly fx?: FxTable | undefined;
  readonly kpis?: readonly CustomKpi[] | undefined;
  readonly attainmentCap: DecimalString;
}

/** What `evaluateTargets` (and `settle`) read: the cycle, its facts per store, and earlier cycles. */
export interface EvaluationInput {
  /** The cycle being judged, one of `cyclesOf(term, cycle)`. */
  readonly cycle: Period;
  /** One entry per store for this cycle (`store` set, `period` equal to the cycle); validated here. */
  readonly facts: readonly PeriodFactsInput[];
  /** Earlier cycles, each a whole cycle of one store: for baselines and window targets; validated here. */
  readonly history?: readonly PeriodFactsInput[] | undefined;
}

/** An exchange rate the evaluation used, for the statement. */
export interface FxRateUse {
  readonly from: string;
  readonly to: string;
  readonly rate: DecimalString;
  /** The rate's date (null for a `fixed` policy rate). */
  readonly date: string | null;
  /** The store and period it converted. */
  readonly usedFor: string;
}

/** Whether a target counts as met in a cycle, or is waiting for its window to end. */
export type TargetStatus = "met" | "missed" | "pending";

/** One target judged in one cycle (SPEC §4.3). */
export interface TargetEvaluation {
  readonly targetId: string;
  readonly kpi: string;
  readonly role: "objective" | "guardrail";
  readonly weight: DecimalString | null;
  readonly status: TargetStatus;
  readonly met: boolean;
  /**
   * True when the target is judged in this cycle: every-cycle targets always, window targets in the
   * cycle that contains the window's last day. Only judged targets count in the score and pay or
   * charge bonuses and penalties.
   */
  readonly judged: boolean;
  readonly actual: DecimalString | null;
  /** Why `actual` is null. */
  readonly reason?: KpiNullReason;
  readonly target: DecimalString | null;
  readonly baseline: DecimalString | null;
  /** Attainment clamped to [0, attainmentCap]; "0" while pending. */
  readonly attainment: DecimalString;
  /** The scope used, presets expanded. */
  readonly scope: Readonly<Record<string, unknown>>;
  /** The preset the scope came from, with the version's date. */
  readonly preset?: { readonly name: string; readonly effectiveFrom: string };
  readonly trace: TargetEvaluationTrace;
}

/** How an evaluation was reached, as plain JSON. */
export interface TargetEvaluationTrace {
  readonly goal: string;
  /** The judged period (the cycle, or the evaluation window). */
  readonly period: Period;
  /** For mean-of-cycles: each cycle's value (null with its reason). */
  readonly cycles?: readonly {
    readonly period: Period;
    readonly value: DecimalString | null;
    readonly reason?: string;
    /** For a cycle without a value for `missing-facts`: the absent fact paths. */
    readonly missing?: readonly string[];
    /**
     * True for a cycle of a lower-is-better ratio with nothing in its numerator (a zero
     * denominator with a zero numerator): counted as met by SPEC §4.3, it is left out of the mean.
     */
    readonly leftOut?: boolean;
  }[];
  /** The KPI computation (pooled facts) where there is one. */
  readonly kpi?: KpiResult;
  readonly baseline?: unknown;
  readonly attainment: string;
}

/** The result of judging every target of a contract in one cycle. */
export interface TargetEvaluationReport {
  readonly cycle: Period;
  readonly evaluations: readonly TargetEvaluation[];
  /** Σ weight × min(attainment, 1) ÷ Σ weight over judged objectives; null when none is judged. */
  readonly score: DecimalString | null;
  readonly scoreTrace: string;
  readonly fxRates: readonly FxRateUse[];
  readonly warnings: readonly string[];
}

/** A scope with its preset expanded: the KPI, the knobs, and the preset version used. */
export interface ResolvedScope {
  readonly kpi: string;
  readonly scope: Record<string, unknown>;
  readonly preset?: { readonly name: string; readonly effectiveFrom: string };
}

/** What {@link resolveScope} reads of a contract: the term start picks a preset's version. */
const resolveScopeContract = z.looseObject(
  { term: z.looseObject({ start: dateSchema }, { error: "Expected the contract's term { start, end }" }) },
  { error: "Expected a contract" },
);

/**
 * Expands a scope as written in a contract: `{ "preset": name }` becomes the preset's knobs in the
 * version in force at the term start; any other scope is used as written.
 *
 * @param contract - the contract (its term start picks the preset version)
 * @param kpi - the KPI id the scope belongs to
 * @param scopeInput - the scope as written (or undefined)
 * @returns the KPI id, the knobs, and the preset used
 * @throws {@link KpiContractError} `preset-unknown`, `preset-not-effective`, or `preset-kpi-mismatch`;
 *   `arguments-invalid` for a contract without a term, a KPI id that is not a string or a scope
 *   that is not an object
 * @example
 * ```ts
 * resolveScope(contract, "acos", { preset: "amazon-sp-acos" }).scope; // { attributionWindow: "7d" }
 * ```
 */
export function resolveScope(
  contract: Pick<EvaluationContract, "term">,
  kpi: string,
  scopeInput: Readonly<Record<string, unknown>> | undefined,
): ResolvedScope {
  checkArguments("resolveScope", [
    ["contract", resolveScopeContract, contract],
    ["kpi", z.string({ error: "Expected a KPI id" }), kpi],
    ["scopeInput", scopeInputSchema.optional(), scopeInput],
  ]);
  return expandScope(contract, kpi, scopeInput);
}

/** {@link resolveScope} on a parsed contract and scope (what target plans and SMART rules call). @internal */
export function expandScope(
  contract: Pick<EvaluationContract, "term">,
  kpi: string,
  scopeInput: Readonly<Record<string, unknown>> | undefined,
): ResolvedScope {
  const input = scopeInput ?? {};
  const presetName = input.preset;
  if (presetName === undefined) return { kpi, scope: { ...input } };
  if (typeof presetName !== "string" || Object.keys(input).length !== 1) {
    throw new KpiContractError(
      "scope-invalid",
      'A preset scope is exactly { "preset": "<name>" }, with no other knobs',
      { kpi, scope: input },
    );
  }
  const preset = resolvePreset(presetName, contract.term.start);
  if (preset.kpi !== kpi) {
    throw new KpiContractError(
      "preset-kpi-mismatch",
      `Preset "${presetName}" is a scope of ${preset.kpi}, not of ${kpi}`,
      { preset: presetName, kpi, presetKpi: preset.kpi },
    );
  }
  return {
    kpi,
    scope: { ...preset.scope },
    preset: { name: preset.name, effectiveFrom: preset.effectiveFrom },
  };
}

/** Resolved scopes of frozen scope objects, by (scope object, KPI and term start). */
const RESOLVED_SCOPES = new WeakMap<object, Map<string, ResolvedScope>>();

/**
 * {@link resolveScope}, kept per scope object when that object is frozen (as in the contracts
 * `settle` parses and keeps): a frozen scope cannot change, so neither can its expansion. The kept
 * result is deep-frozen, since it reaches statements.
 *
 * @internal
 */
export function resolveScopeOnce(
  contract: Pick<EvaluationContract, "term">,
  kpi: string,
  scopeInput: Readonly<Record<string, unknown>> | undefined,
): ResolvedScope {
  if (scopeInput === undefined || !Object.isFrozen(scopeInput)) return expandScope(contract, kpi, scopeInput);
  let byKey = RESOLVED_SCOPES.get(scopeInput);
  if (byKey === undefined) {
    byKey = new Map();
    RESOLVED_SCOPES.set(scopeInput, byKey);
  }
  const key = `${kpi}\u0000${contract.term.start}`;
  let resolved = byKey.get(key);
  if (resolved === undefined) {
    resolved = deepFreeze(expandScope(contract, kpi, scopeInput));
    byKey.set(key, resolved);
  }
  return resolved;
}

function customDefinitions(contract: Pick<EvaluationContract, "kpis">): KpiDefinition[] {
  return (contract.kpis ?? []).map((k) => customKpiFromJson(k));
}

/** The ids of the stores a target or basis names, or every store of the contract. @internal */
export function storeIdsOf(
  contract: EvaluationContract,
  ids: readonly string[] | undefined,
): readonly string[] {
  return ids ?? contract.stores.map((s) => s.id);
}

/**
 * Converts the facts of one store and one period to the fee schedule's currency with the
 * contract's FX table (SPEC §6.4): `cycle-end` uses the latest rate dated on or before the
 * period's last day, `fixed` the one undated rate. A missing rate throws; it is never taken as 1.
 */
function toScheduleCurrency(
  contract: EvaluationContract,
  store: string,
  facts: PeriodFacts,
  rates: FxRateUse[],
): PeriodFacts {
  const to = contract.fees.currency;
  if (facts.currency === to) return facts;
  if (contract.fx === undefined) {
    throw new KpiContractError(
      "fx-rate-missing",
      `Facts of ${store} are in ${facts.currency} but the fees are in ${to}, and the contract has no fx table`,
      { from: facts.currency, to, date: facts.period.end },
    );
  }
  const rate = selectRate(contract.fx, facts.currency, to, facts.period.end);
  rates.push({
    from: facts.currency,
    to,
    rate: normalizeDecimal(rate.rate), // written as every non-money decimal: no trailing zeros
    date: rate.date ?? null,
    usedFor: `${store} ${facts.period.start}..${facts.period.end}`,
  });
  return convertParsedFacts(facts, to, rate.rate);
}

/**
 * Pools the facts of some stores for one period, each converted to the schedule currency first
 * (SPEC §4.2: stores are pooled after currency conversion).
 *
 * @param contract - the contract, raw JSON or parsed (`parseContract`), or an object with the
 *   fields of {@link EvaluationContract}
 * @param storeIds - the stores to pool (undefined: every store of the contract)
 * @param period - the period whose facts to use (one entry per store must exist in `facts`)
 * @param facts - period facts of that period (and possibly others, which are ignored), raw or parsed
 * @returns the pooled facts in the schedule currency and the FX rates used
 * @throws {@link KpiContractError} `facts-missing` naming the stores without facts for the period,
 *   `facts-duplicate`, `fx-rate-missing`; `contract-invalid`, `facts-invalid` and
 *   `arguments-invalid` (store ids or a period of the wrong shape) with their paths
 * @example
 * ```ts
 * const { facts: pooled } = storeFactsInCurrency(contract, undefined, cycle, input.facts);
 * ```
 */
export function storeFactsInCurrency(
  contract: EvaluationContract | Readonly<Record<string, unknown>>,
  storeIds: readonly string[] | undefined,
  period: Period,
  facts: readonly (PeriodFacts | PeriodFactsInput)[],
): { facts: PeriodFacts; rates: FxRateUse[] } {
  const parsed = asEvaluationContract(contract);
  checkArguments("storeFactsInCurrency", [
    ["storeIds", storeIdsArgument, storeIds],
    ["period", periodArgumentSchema, period],
  ]);
  return pooledStoreFacts(parsed, storeIds, period, parseFactsList(facts, ["facts"]));
}

/** Store ids as {@link storeFactsInCurrency} takes them. */
const storeIdsArgument = z
  .array(z.string({ error: "Expected a store id" }), { error: "Expected an array of store ids" })
  .optional();

/**
 * Where the records `pooledStoreFacts` reads sit in the caller's input, for issue paths: the path of
 * the record at an index, and the path of the array a missing record belongs in.
 */
interface FactsPlace {
  readonly at: (index: number) => readonly (string | number)[];
  readonly missing: readonly (string | number)[];
}

/** Records of one array named `name` in the input (`facts` or `history`). */
const placeIn = (name: string): FactsPlace => ({ at: (i) => [name, i], missing: [name] });

const IN_FACTS = placeIn("facts");
const IN_HISTORY = placeIn("history");

/**
 * {@link storeFactsInCurrency} on a parsed contract, facts and period (what settle and the pools
 * call). A refusal carries issues at their paths in the input (`place`): for `facts-missing` one per
 * store without a record; for `facts-duplicate` one per later record of the first store found twice.
 */
function pooledStoreFacts(
  contract: EvaluationContract,
  storeIds: readonly string[] | undefined,
  period: Period,
  facts: readonly PeriodFacts[],
  place: FactsPlace = IN_FACTS,
): { facts: PeriodFacts; rates: FxRateUse[] } {
  const rates: FxRateUse[] = [];
  const ids = storeIdsOf(contract, storeIds);
  const missing: string[] = [];
  const selected: PeriodFacts[] = [];
  const covers = (f: PeriodFacts, id: string) => f.store === id && sameDays(f.period, period);
  for (const id of ids) {
    const found = facts.filter((f) => covers(f, id));
    if (found.length === 0) missing.push(id);
    if (found.length > 1) {
      const indexes = facts.flatMap((f, i) => (covers(f, id) ? [i] : []));
      const first = place.at(indexes[0] as number).join(".");
      throw new KpiContractError(
        "facts-duplicate",
        `Store ${id} has ${found.length} facts records for ${period.start}..${period.end}; give one`,
        { store: id, period },
        indexes.slice(1).map((i) => ({
          code: "facts-duplicate",
          path: place.at(i),
          message: `Store ${id} already has facts for ${period.start}..${period.end} at ${first}`,
        })),
      );
    }
    for (const f of found) selected.push(toScheduleCurrency(contract, id, f, rates));
  }
  if (missing.length > 0) {
    throw new KpiContractError(
      "facts-missing",
      `No facts for ${missing.join(", ")} in ${period.start}..${period.end}`,
      { stores: missing, period },
      missing.map((id) => ({
        code: "facts-missing",
        path: place.missing,
        message: `No facts for store ${id} in ${period.start}..${period.end}`,
      })),
    );
  }
  return { facts: poolParsedFacts(selected), rates };
}

/** Pooled facts of some stores for one period, in the schedule currency, with the FX rates used. */
type PooledFacts = { readonly facts: PeriodFacts; readonly rates: readonly FxRateUse[] };

/**
 * Pools facts for target evaluation and fee bases, each (stores, period) once per call. `of` reads
 * the cycle's facts and the history (as {@link storeFactsInCurrency} on both), `current` only the
 * cycle's facts (fee bases are computed on the cycle's own facts).
 *
 * @internal
 */
export interface FactsPool {
  of(storeIds: readonly string[] | undefined, period: Period): PooledFacts;
  current(storeIds: readonly string[] | undefined): PooledFacts;
  /**
   * `make()`, kept between calls per (contract, history array, target, period) when the pool keeps
   * earlier periods and `period` is not the cycle (the result then depends on the history only).
   */
  earlier<T>(target: object, period: Period, make: () => T): T;
}

/** Pooled facts of earlier cycles, kept per (contract, history array); see {@link createFactsPool}. */
const POOLED_HISTORY = new WeakMap<object, WeakMap<object, Map<string, PooledFacts>>>();

/** Results on earlier periods, kept per (contract, history array, target); see {@link createFactsPool}. */
const EARLIER_RESULTS = new WeakMap<object, WeakMap<object, WeakMap<object, Map<string, unknown>>>>();

/**
 * Makes the pool of one evaluation. With `keep`, the pooled facts of periods other than the cycle
 * are kept between calls per (contract, history array): they depend only on the history (the
 * cycle's facts all cover the cycle), so settling another cycle or store with the same objects
 * pools each earlier period once. Kept results are deep-frozen: parts of them reach statements.
 *
 * @internal
 * @param contract - the contract (kept unchanged by the caller when `keep` is set)
 * @param cycle - the cycle judged; every entry of `current` covers exactly it
 * @param current - the cycle's facts
 * @param history - earlier cycles (kept unchanged by the caller when `keep` is set)
 * @param keep - keep earlier periods' pooled facts between calls
 * @returns the pool
 */
export function createFactsPool(
  contract: EvaluationContract,
  cycle: Period,
  current: readonly PeriodFacts[],
  history: readonly PeriodFacts[],
  keep: boolean,
): FactsPool {
  const local = new Map<string, PooledFacts>();
  const currentOnly = new Map<string, PooledFacts>();
  let all: readonly PeriodFacts[] | undefined;
  let kept: Map<string, PooledFacts> | undefined;
  let historyHasCycle: boolean | undefined;
  // The stores' part of a key, made once per store list (a target's or fee's list, or undefined
  // for all stores): the pool is asked for the same few lists many times per call.
  const storeKeys = new Map<readonly string[] | undefined, string>();
  const storesKey = (storeIds: readonly string[] | undefined): string => {
    let key = storeKeys.get(storeIds);
    if (key === undefined) {
      key = storeIdsOf(contract, storeIds).join("\u0000");
      storeKeys.set(storeIds, key);
    }
    return key;
  };
  const keyOf = (storeIds: readonly string[] | undefined, period: Period) =>
    `${storesKey(storeIds)}\u0001${period.start}..${period.end}`;
  const keptMap = (): Map<string, PooledFacts> => {
    if (kept !== undefined) return kept;
    let byHistory = POOLED_HISTORY.get(contract);
    if (byHistory === undefined) {
      byHistory = new WeakMap();
      POOLED_HISTORY.set(contract, byHistory);
    }
    kept = byHistory.get(history);
    if (kept === undefined) {
      kept = new Map();
      byHistory.set(history, kept);
    }
    return kept;
  };
  return {
    of(storeIds, period) {
      const key = keyOf(storeIds, period);
      const earlier = keep && !sameDays(period, cycle);
      const map = earlier ? keptMap() : local;
      let pooled = map.get(key);
      if (pooled === undefined) {
        if (earlier) {
          pooled = deepFreeze(pooledStoreFacts(contract, storeIds, period, history, IN_HISTORY));
        } else {
          // The cycle's facts first: of a store's records given twice, the history's is the one flagged.
          all ??= [...current, ...history];
          pooled = pooledStoreFacts(contract, storeIds, period, all, {
            at: (i) => (i < current.length ? ["facts", i] : ["history", i - current.length]),
            missing: sameDays(period, cycle) ? ["facts"] : ["history"],
          });
        }
        map.set(key, pooled);
      }
      return pooled;
    },
    current(storeIds) {
      const key = keyOf(storeIds, cycle);
      let pooled = currentOnly.get(key);
      if (pooled === undefined) {
        // Without history entries for the cycle, the cycle's facts alone are what `of` pooled.
        historyHasCycle ??= history.some((f) => sameDays(f.period, cycle));
        pooled = historyHasCycle ? undefined : local.get(key);
        pooled ??= pooledStoreFacts(contract, storeIds, cycle, current, IN_FACTS);
        currentOnly.set(key, pooled);
      }
      return pooled;
    },
    earlier(target, period, make) {
      if (!keep || sameDays(period, cycle)) return make();
      let byHistory = EARLIER_RESULTS.get(contract);
      if (byHistory === undefined) {
        byHistory = new WeakMap();
        EARLIER_RESULTS.set(contract, byHistory);
      }
      let byTarget = byHistory.get(history);
      if (byTarget === undefined) {
        byTarget = new WeakMap();
        byHistory.set(history, byTarget);
      }
      let results = byTarget.get(target);
      if (results === undefined) {
        results = new Map();
        byTarget.set(target, results);
      }
      const key = `${period.start}..${period.end}`;
      if (!results.has(key)) results.set(key, deepFreeze(make()));
      return results.get(key) as ReturnType<typeof make>;
    },
  };
}

function compareGoal(kind: GoalKind, polarity: KpiPolarity, actual: Dec, target: Dec): boolean {
  switch (kind) {
    case "atLeast":
      return compare(actual, target) >= 0;
    case "atMost":
      return compare(actual, target) <= 0;
    case "above":
      return compare(actual, target) > 0;
    case "below":
      return compare(actual, target) < 0;
    case "change":
      return polarity === "higher-is-better" ? compare(actual, target) >= 0 : compare(actual, target) <= 0;
  }
}

/** value ≤ 0, without making a Decimal of 0 to compare with. */
function notPositive(value: Dec): boolean {
  return value.isNeg() || value.isZero();
}

function clamp(value: Dec, cap: Dec): Dec {
  if (value.isNeg()) return ZERO;
  return compare(value, cap) > 0 ? cap : value;
}

/**
 * Attainment (SPEC §4.3): actual ÷ target for higher-is-better, target ÷ actual for
 * lower-is-better (an actual of 0 gives the cap), clamped to [0, cap]; a target ≤ 0 gives the cap
 * when met and 0 otherwise.
 */
function attainmentOf(polarity: KpiPolarity, actual: Dec, target: Dec, met: boolean, cap: Dec): Dec {
  if (notPositive(target)) return met ? cap : ZERO;
  if (polarity === "higher-is-better") return clamp(quotient(actual, target), cap);
  if (actual.isZero()) return cap;
  return clamp(quotient(target, actual), cap);
}

interface Judgement {
  readonly actual: DecimalString | null;
  /** The actual as the Decimal it was written from (null when there is none). */
  readonly actualValue: Dec | null;
  readonly reason?: KpiNullReason;
  /** A lower-is-better ratio with nothing in its numerator (no spend, no negative reviews). */
  readonly emptyNumerator: boolean;
  readonly trace: Pick<TargetEvaluationTrace, "cycles" | "kpi">;
}

function nullReason(result: KpiResult): KpiNullReason | undefined {
  return result.value === null ? result.reason : undefined;
}

function emptyNumerator(result: KpiResult): boolean {
  return (
    result.value === null &&
    result.reason === "zero-denominator" &&
    result.numerator !== undefined &&
    new D(result.numerator).isZero()
  );
}

/** A computed baseline with the FX rates its history conversion used, in order. */
interface KeptBaseline {
  readonly result: BaselineResult;
  readonly rates: readonly FxRateUse[];
}

/** Baselines kept per (contract, target, history array); see {@link evaluateParsedTargets}. */
type BaselineCache = WeakMap<object, WeakMap<object, WeakMap<object, KeptBaseline>>>;

const BASELINES: BaselineCache = new WeakMap();

function cachedBaseline(
  cache: BaselineCache | undefined,
  contract: EvaluationContract,
  target: Target,
  history: readonly PeriodFacts[],
  rates: FxRateUse[],
  compute: () => KeptBaseline,
): BaselineResult {
  let byTarget = cache?.get(contract);
  let byHistory = byTarget?.get(target);
  let kept = byHistory?.get(history);
  if (kept === undefined) {
    kept = compute();
    if (cache !== undefined) {
      deepFreeze(kept);
      if (byTarget === undefined) {
        byTarget = new WeakMap();
        cache.set(contract, byTarget);
      }
      if (byHistory === undefined) {
        byHistory = new WeakMap();
        byTarget.set(target, byHistory);
      }
      byHistory.set(history, kept);
    }
  }
  rates.push(...kept.rates);
  return kept.result;
}

/** What judging a target reads from the contract alone, worked out once per (contract, target). */
interface TargetPlan {
  readonly customKpis: readonly KpiDefinition[];
  readonly resolved: ResolvedScope;
  readonly definition: KpiDefinition;
  readonly cap: Dec;
  readonly capText: string;
  /** SPEC §4.3's exception: a null lower-is-better ratio with nothing in its numerator counts as met. */
  readonly lowerRatio: boolean;
  readonly weight: DecimalString | null;
  /** The weight as a Decimal, for the score. */
  readonly weightValue: Dec | null;
  readonly goal: { kind: GoalKind; value: DecimalString } | undefined;
  /** The goal's value as a Decimal: the target itself, or 1 + change for a change goal. */
  readonly goalValue: Dec | undefined;
  readonly goalValueText: string;
  /** The target of a goal that is not a change: the goal's value itself. */
  readonly fixedTarget: TargetValue | undefined;
  /** The cycles of the evaluation window, once they have been needed. */
  cycles?: readonly Period[];
}

/** The cycles of a target's evaluation window (which the plan's target fixes), worked out once. */
function windowCycles(plan: TargetPlan, window: Period, cycle: Cycle): readonly Period[] {
  // Deep-frozen: the periods reach statements (in traces), shared by every call.
  plan.cycles ??= deepFreeze(cyclesOf(window, cycle));
  return plan.cycles;
}

function planTarget(
  contract: EvaluationContract,
  target: Target,
  customKpis: readonly KpiDefinition[],
): TargetPlan {
  const resolved = resolveScopeOnce(contract, target.kpi, target.scope);
  const definition = getKpiDefinition(target.kpi, customKpis);
  const cap = new D(contract.attainmentCap);
  // The parser keeps a weight as written so that SMART reports it; a settlement with allowInvalid
  // must still refuse one it cannot compute with, rather than fail inside the arithmetic.
  if (target.role === "objective" && target.weight !== undefined && !isDecimalString(target.weight)) {
    throw new KpiContractError(
      "target-incomplete",
      `Target ${target.id} has a weight that is not a decimal (${describeInput(target.weight)}); validateContract reports why`,
      { targetId: target.id },
    );
  }
  const goal = singleGoal(target.goal);
  const goalValue =
    goal === undefined ? undefined : goal.kind === "change" ? ONE.plus(goal.value) : new D(goal.value);
  return {
    customKpis,
    resolved,
    definition,
    cap,
    capText: formatDecimal(cap),
    lowerRatio: definition.polarity === "lower-is-better" && definition.unit === "ratio",
    weight: target.role === "objective" ? (target.weight ?? null) : null,
    weightValue: target.role === "objective" && target.weight !== undefined ? new D(target.weight) : null,
    goal,
    goalValue,
    goalValueText: goalValue === undefined ? "" : formatDecimal(goalValue),
    fixedTarget:
      goal === undefined || goalValue === undefined || goal.kind === "change"
        ? undefined
        : { value: goalValue, text: formatDecimal(goalValue), goalText: `${goal.kind} ${goal.value}` },
  };
}

/** A target's value for the cycle, as a Decimal and as written, with the goal's trace text. */
interface TargetValue {
  readonly value: Dec | null;
  readonly text: DecimalString | null;
  readonly goalText: string;
}

/** Targets of change goals per kept baseline (which fixes the target, the goal and the history). */
const CHANGE_TARGETS = new WeakMap<object, TargetValue>();

/** baseline × (1 + change); kept per baseline when the baseline is kept. */
function changeTarget(
  plan: TargetPlan,
  change: DecimalString,
  baselineValue: DecimalString | null,
  keptBaseline: object | undefined,
): TargetValue {
  const kept = keptBaseline === undefined ? undefined : CHANGE_TARGETS.get(keptBaseline);
  if (kept !== undefined) return kept;
  const value = baselineValue === null ? null : new D(baselineValue).times(plan.goalValue as Dec);
  const made: TargetValue = {
    value,
    text: value === null ? null : formatDecimal(value),
    goalText: `baseline × (1 + ${change}) = ${baselineValue ?? "null"} × ${plan.goalValueText}`,
  };
  if (keptBaseline !== undefined) CHANGE_TARGETS.set(keptBaseline, made);
  return made;
}

/** Plans of frozen targets of frozen contracts, as `settle` keeps them. */
const PLANS = new WeakMap<object, WeakMap<object, TargetPlan>>();

/**
 * The plan of a target: kept per (contract, target) when both are frozen (a frozen object cannot
 * change, so neither can what is read from it), and worked out again when the custom KPIs differ.
 */
function targetPlan(
  contract: EvaluationContract,
  target: Target,
  customKpis: readonly KpiDefinition[],
): TargetPlan {
  if (!Object.isFrozen(contract) || !Object.isFrozen(target)) return planTarget(contract, target, customKpis);
  let byTarget = PLANS.get(contract);
  if (byTarget === undefined) {
    byTarget = new WeakMap();
    PLANS.set(contract, byTarget);
  }
  let plan = byTarget.get(target);
  if (plan === undefined || plan.customKpis !== customKpis) {
    plan = planTarget(contract, target, customKpis);
    byTarget.set(target, plan);
  }
  return plan;
}

/**
 * Judges one target in one cycle (SPEC §4.2–4.3).
 */
function evaluateTarget(
  contract: EvaluationContract,
  target: Target,
  cycle: Period,
  pool: FactsPool,
  history: readonly PeriodFacts[],
  customKpis: readonly KpiDefinition[],
  rates: FxRateUse[],
  baselines: BaselineCache | undefined,
): JudgedTarget {
  const plan = targetPlan(contract, target, customKpis);
  const { resolved, definition, cap, lowerRatio, weight, goal } = plan;
  const evaluation = target.evaluation;
  // Built field by field (not by spreading) in the order statements show them: this runs per
  // target per call, and spreading into a new literal is several times slower in V8.
  const evaluationOf = (
    fields: Pick<
      TargetEvaluation,
      "status" | "met" | "judged" | "actual" | "reason" | "target" | "baseline" | "attainment"
    >,
    trace: TargetEvaluationTrace,
  ): TargetEvaluation => {
    const e: { -readonly [K in keyof TargetEvaluation]?: TargetEvaluation[K] } = {
      targetId: target.id,
      kpi: target.kpi,
      role: target.role,
      weight,
      scope: resolved.scope,
    };
    if (resolved.preset) e.preset = resolved.preset;
    e.status = fields.status;
    e.met = fields.met;
    e.judged = fields.judged;
    e.actual = fields.actual;
    if (fields.reason) e.reason = fields.reason;
    e.target = fields.target;
    e.baseline = fields.baseline;
    e.attainment = fields.attainment;
    e.trace = trace;
    return e as TargetEvaluation;
  };
  if (goal === undefined || evaluation === undefined) {
    throw new KpiContractError(
      "target-incomplete",
      `Target ${target.id} has no single decimal goal or no evaluation; validateContract reports why`,
      { targetId: target.id },
    );
  }

  const factsFor = (period: Period) => pool.of(target.stores, period);
  // The facts were parsed at the boundary; pooling and conversion keep them valid. `judged` are the
  // cycles the facts cover, for a comparison (salesGrowth) read from the history.
  const compute = (facts: PeriodFacts, judged: readonly Period[], used: FxRateUse[]) =>
    computeKpiParsed(
      definition,
      facts,
      resolved.scope,
      comparisonContext(contract, definition, resolved.scope, target.stores, judged, pool, used),
    );

  // Which period is judged, and is it judged now?
  let period: Period;
  let judged: boolean;
  let pending = false;
  if ("every" in evaluation) {
    period = cycle;
    judged = true;
  } else {
    period = evaluation.window;
    const endsNow = containsDay(cycle, period.end);
    pending = cycle.end < period.end;
    judged = endsNow;
  }

  // Baseline, in the schedule currency.
  let baselineValue: DecimalString | null = null;
  let baselineTrace: unknown;
  // The kept baseline (an object that lives as long as the history array), if it is kept.
  let keptBaseline: object | undefined;
  if (target.baseline !== undefined) {
    const spec = target.baseline;
    const baseline = cachedBaseline(baselines, contract, target, history, rates, () => {
      const used: FxRateUse[] = [];
      const stores = storeIdsOf(contract, target.stores);
      // Only the records the baseline can read are converted (and listed in fxRates): the target's
      // stores inside the baseline window. A stated baseline reads none.
      // A comparing KPI (salesGrowth) reads its comparison cycles before the window too.
      const reads =
        "window" in spec
          ? baselineReadsPeriod(
              spec,
              comparisonModeOf(definition, resolved.scope),
              contract.cycle,
              contract.term,
            )
          : undefined;
      const convertedHistory: PeriodFacts[] = [];
      for (const f of history) {
        const store = f.store;
        if (reads === undefined || store === undefined || !stores.includes(store)) continue;
        if (!reads(f.period)) continue;
        convertedHistory.push(toScheduleCurrency(contract, store, f, used));
      }
      const result = computeBaseline(spec, definition, resolved.scope, convertedHistory, {
        cycle: contract.cycle,
        term: contract.term,
        stores,
      });
      return { result, rates: used };
    });
    baselineValue = baseline.value;
    baselineTrace = baseline.trace;
    if (baselines !== undefined) keptBaseline = baseline;
  }

  // Target value: of a change goal, per kept baseline; otherwise the plan's.
  const {
    value: targetValue,
    text: targetText,
    goalText,
  } = goal.kind === "change"
    ? changeTarget(plan, goal.value, baselineValue, keptBaseline)
    : (plan.fixedTarget as TargetValue);

  if (pending) {
    const pendingEvaluation = evaluationOf(
      {
        status: "pending",
        met: false,
        judged: false,
        actual: null,
        target: targetText,
        baseline: baselineValue,
        attainment: "0",
      },
      {
        goal: goalText,
        period: { start: period.start, end: period.end },
        baseline: baselineTrace,
        attainment: "pending: the window ends in a later cycle",
      },
    );
    return { evaluation: pendingEvaluation, attainment: ZERO, weight: plan.weightValue };
  }

  // Actual value.
  let judgement: Judgement;
  if ("every" in evaluation || evaluation.aggregate === "pooled") {
    const periods = "every" in evaluation ? [cycle] : windowCycles(plan, period, contract.cycle);
    // One period is pooled already, and pooling is idempotent (a property test says so).
    const pooled =
      periods.length === 1
        ? toPooled(factsFor(periods[0] as Period), rates)
        : poolParsedFacts(periods.map((p) => toPooled(factsFor(p), rates)));
    const result = compute(pooled, periods, rates);
    judgement = {
      actual: result.value,
      actualValue: result.value === null ? null : kpiValueDecimal(result),
      ...(result.value === null ? { reason: result.reason } : {}),
      emptyNumerator: emptyNumerator(result),
      trace: { kpi: result },
    };
  } else {
    const cycles = windowCycles(plan, period, contract.cycle).map((p) => {
      // An earlier cycle's value depends on the history only: kept between calls by settle.
      const { result, used } = pool.earlier(target, p, () => {
        const pooled = factsFor(p);
        const compared: FxRateUse[] = [];
        const result = compute(pooled.facts, [p], compared);
        return { result, used: compared.length === 0 ? pooled.rates : [...pooled.rates, ...compared] };
      });
      rates.push(...used);
      return { period: p, result };
    });
    // SPEC §4.3 counts a lower-is-better ratio with nothing in its numerator (no spend, no negative
    // reviews) as met: such a cycle has nothing to average, so it is left out of the mean, and a
    // window of nothing but such cycles is an empty numerator itself (met, attainment at the cap).
    const counted = lowerRatio ? cycles.filter((c) => !emptyNumerator(c.result)) : cycles;
    const firstNull = counted.find((c) => c.result.value === null);
    const mean =
      firstNull === undefined && counted.length > 0
        ? quotient(
            counted.reduce((sum, c) => sum.plus(cycleValue(c.result as KpiValueResult)), ZERO),
            counted.length,
          )
        : null;
    const reason =
      counted.length === 0 ? "zero-denominator" : firstNull ? nullReason(firstNull.result) : undefined;
    judgement = {
      actual: mean === null ? null : formatDecimal(mean),
      actualValue: mean,
      ...(reason ? { reason } : {}),
      emptyNumerator: counted.length === 0,
      trace: {
        cycles: cycles.map((c) => ({
          // A fresh object: the window's cycles are kept (and frozen) in the target's plan.
          period: { start: c.period.start, end: c.period.end },
          value: c.result.value,
          ...(c.result.value === null ? { reason: c.result.reason } : {}),
          ...(c.result.value === null && c.result.missing !== undefined ? { missing: c.result.missing } : {}),
          ...(lowerRatio && emptyNumerator(c.result) ? { leftOut: true } : {}),
        })),
      },
    };
  }

  // met and attainment.
  let met: boolean;
  let attainment: Dec;
  let attainmentText: string;
  if (targetValue === null) {
    met = false;
    attainment = ZERO;
    attainmentText = "no target value (the baseline has no value): missed, attainment 0";
  } else if (judgement.actual === null) {
    met = lowerRatio && judgement.emptyNumerator;
    attainment = met ? cap : ZERO;
    attainmentText = met
      ? `no value (zero denominator with a zero numerator) on a lower-is-better ratio: met, attainment = cap ${plan.capText}`
      : `no value (${judgement.reason ?? "null"}): missed, attainment 0`;
  } else {
    const actual = judgement.actualValue ?? new D(judgement.actual);
    met = compareGoal(goal.kind, definition.polarity, actual, targetValue);
    attainment = attainmentOf(definition.polarity, actual, targetValue, met, cap);
    attainmentText = notPositive(targetValue)
      ? `target ${targetText} ≤ 0: ${met ? "met, attainment = cap" : "missed, attainment 0"}`
      : definition.polarity === "higher-is-better"
        ? `actual ÷ target = ${judgement.actual} ÷ ${targetText}, clamped to [0, ${plan.capText}]`
        : actual.isZero()
          ? `actual 0 on a lower-is-better KPI: attainment = cap ${plan.capText}`
          : `target ÷ actual = ${targetText} ÷ ${judgement.actual}, clamped to [0, ${plan.capText}]`;
  }

  const trace: { -readonly [K in keyof TargetEvaluationTrace]?: TargetEvaluationTrace[K] } = {
    goal: goalText,
    period: { start: period.start, end: period.end },
  };
  if (judgement.trace.cycles !== undefined) trace.cycles = judgement.trace.cycles;
  if (judgement.trace.kpi !== undefined) trace.kpi = judgement.trace.kpi;
  trace.baseline = baselineTrace;
  trace.attainment = attainmentText;
  const attainmentWritten = formatDecimal(attainment);
  const judgedEvaluation = evaluationOf(
    {
      status: met ? "met" : "missed",
      met,
      judged,
      actual: judgement.actual,
      ...(judgement.reason ? { reason: judgement.reason } : {}),
      target: targetText,
      baseline: baselineValue,
      attainment: attainmentWritten,
    },
    trace as TargetEvaluationTrace,
  );
  return { evaluation: judgedEvaluation, attainment, weight: plan.weightValue };
}

/** The Decimals of kept (frozen) earlier-cycle KPI results, which live as long as their history. */
const KEPT_VALUES = new WeakMap<object, Dec>();

/** A cycle's KPI value as a Decimal: parsed once for a kept result, not parsed for a fresh one. */
function cycleValue(result: KpiValueResult): Dec {
  if (!Object.isFrozen(result)) return kpiValueDecimal(result);
  let value = KEPT_VALUES.get(result);
  if (value === undefined) {
    value = new D(result.value);
    KEPT_VALUES.set(result, value);
  }
  return value;
}

/**
 * One target judged here, with the Decimals its attainment and weight were written from: the score
 * reads them instead of parsing the texts again.
 */
interface JudgedTarget {
  readonly evaluation: TargetEvaluation;
  readonly attainment: Dec;
  readonly weight: Dec | null;
}

function toPooled(result: PooledFacts, rates: FxRateUse[]): PeriodFacts {
  rates.push(...result.rates);
  return result.facts;
}

const NO_CONTEXT: KpiComputeContext = Object.freeze({});

/**
 * What a KPI with a `comparison` knob (salesGrowth, SPEC §3) compares with inside a contract, where
 * nobody passes the comparison in: the facts of the same stores, pooled in the schedule currency,
 * over the comparison cycles of the judged cycles. `previous-period`: as many whole cycles as are
 * judged, just before them (a quarter's window compares with the quarter before). `same-period-last-
 * year`: each judged cycle a year earlier. Both come from the history; a cycle it lacks is
 * `facts-missing` at `history`. Other KPIs, and the `baseline` comparison (which SMART refuses in a
 * contract), get no comparison.
 *
 * @param contract - the contract (its cycle kind and term start place the cycles)
 * @param definition - the KPI
 * @param scope - its resolved scope
 * @param stores - the stores pooled (undefined: all)
 * @param judged - the judged cycles, oldest first (at least one)
 * @param pool - the evaluation's facts pool
 * @param rates - receives the FX rates used
 * @returns the compute context
 */
function comparisonContext(
  contract: EvaluationContract,
  definition: KpiDefinition,
  scope: Readonly<Record<string, unknown>>,
  stores: readonly string[] | undefined,
  judged: readonly Period[],
  pool: FactsPool,
  rates: FxRateUse[],
): KpiComputeContext {
  const mode = comparisonModeOf(definition, scope);
  if (mode === undefined) return NO_CONTEXT;
  const cycles = comparisonCycles(mode, judged, contract.cycle, contract.term);
  const facts = cycles.map((c) => toPooled(pool.of(stores, c), rates));
  return { comparison: facts.length === 1 ? (facts[0] as PeriodFacts) : poolParsedFacts(facts) };
}

/**
 * The weighted score of a cycle (SPEC §4.3): Σ weight × min(attainment, 1) over the objective
 * targets judged in the cycle, divided by the sum of their weights; null when none is judged.
 *
 * @param evaluations - the cycle's evaluations
 * @returns the score and a trace of its arithmetic
 * @throws {@link KpiContractError} `arguments-invalid` for evaluations without a role, `judged`,
 *   a decimal (or null) weight and a decimal attainment
 * @example
 * ```ts
 * scoreOf(report.evaluations).score; // "0.979213..."
 * ```
 */
export function scoreOf(evaluations: readonly TargetEvaluation[]): {
  score: DecimalString | null;
  trace: string;
} {
  checkArguments("scoreOf", [["evaluations", scoredEvaluations, evaluations]]);
  return scoreOfEvaluations(evaluations);
}

/** What {@link scoreOf} reads of each evaluation. */
const scoredEvaluations = z.array(
  z.looseObject(
    {
      role: z.enum(["objective", "guardrail"], { error: 'Expected a role: "objective" or "guardrail"' }),
      judged: z.boolean({ error: "Expected judged: true or false" }),
      weight: z.union([decimalTextSchema, z.null()], {
        error: "Expected a weight: a decimal string or null",
      }),
      attainment: decimalTextSchema,
    },
    { error: "Expected a target evaluation" },
  ),
  { error: "Expected an array of target evaluations" },
);

/**
 * {@link scoreOf} on checked evaluations; `judged` (what `evaluateTargets` and `settle` pass) gives
 * each evaluation's attainment and weight as the Decimals they were written from.
 */
function scoreOfEvaluations(
  evaluations: readonly TargetEvaluation[],
  judged?: readonly JudgedTarget[],
): {
  score: DecimalString | null;
  trace: string;
} {
  const counted: TargetEvaluation[] = [];
  const attainments: Dec[] = [];
  const weights: Dec[] = [];
  let weightSum = ZERO;
  for (let i = 0; i < evaluations.length; i++) {
    const e = evaluations[i] as TargetEvaluation;
    if (e.role !== "objective" || !e.judged || e.weight === null) continue;
    const kept = judged?.[i];
    const weight = kept?.weight ?? new D(e.weight);
    counted.push(e);
    attainments.push(kept?.attainment ?? new D(e.attainment));
    weights.push(weight);
    weightSum = weightSum.plus(weight);
  }
  if (counted.length === 0 || weightSum.isZero()) {
    return { score: null, trace: "no objective target is judged in this cycle" };
  }
  let weighted = ZERO;
  for (let i = 0; i < counted.length; i++) {
    const a = attainments[i] as Dec;
    weighted = weighted.plus((weights[i] as Dec).times(compare(a, ONE) > 0 ? ONE : a));
  }
  const score = formatDecimal(quotient(weighted, weightSum));
  const terms = counted.map((e) => `${e.weight} × min(${e.attainment}, 1)`).join(" + ");
  return { score, trace: `(${terms}) ÷ ${formatDecimal(weightSum)} = ${score}` };
}

/**
 * Judges every target of a contract in one cycle (SPEC §4.3): actual, target value, baseline,
 * status, attainment, and the weighted score of the objectives judged in the cycle.
 *
 * Facts are converted to the fee schedule's currency with the contract's FX table and pooled over
 * the target's stores before the KPI is computed (a ratio of sums). Window targets are `pending`
 * until the cycle that contains the window's last day; in later cycles they are reported with
 * their window result but `judged: false`.
 *
 * @param contract - the contract, as raw JSON or parsed (`parseContract`), or an object with the
 *   fields of {@link EvaluationContract}
 * @param input - `{ cycle, facts, history }`: the cycle (one of `cyclesOf(term, cycle)`), facts per
 *   store for it, earlier cycles in history
 * @returns the evaluations, the score, the FX rates used and warnings
 * @throws {@link KpiContractError} `contract-invalid` (every structural issue with its path),
 *   `cycle-invalid`, `facts-invalid`, `facts-missing`, `fx-rate-missing`,
 *   `baseline-history-missing`, `target-incomplete` (run `validateContract` first), `kpi-unknown`
 * @example
 * ```ts
 * const report = evaluateTargets(contract, { cycle: { start: "2026-03-01", end: "2026-03-31" }, facts, history });
 * report.score; // "0.9792131696428571428571428571428572"
 * ```
 */
export function evaluateTargets(
  contract: EvaluationContract | Readonly<Record<string, unknown>>,
  input: EvaluationInput,
): TargetEvaluationReport {
  const parsed = asEvaluationContract(contract);
  const cycle = parseEvaluationCycle(parsed, input);
  const facts = parseFactsList((input as { facts?: unknown }).facts, ["facts"]);
  const history = parseFactsList((input as { history?: unknown }).history, ["history"]);
  const pool = createFactsPool(parsed, cycle, facts, history, false);
  return judgeTargets(parsed, cycle, pool, history, customDefinitions(parsed), undefined);
}

/** The fields target evaluation reads, for an object built as an {@link EvaluationContract}. */
const evaluationContractSchema = z.looseObject({
  term: periodSchema,
  cycle: cycleSchema,
  stores: z.array(z.looseObject({ id: z.string(), currency: z.string() })),
  targets: z.array(targetSchema),
  fees: z.looseObject({ currency: z.string() }),
  attainmentCap: decimalSchema,
  fx: fxSchema.optional(),
});

/**
 * The contract to evaluate: one `parseContract` returned as it is; raw contract JSON parsed (its
 * defaults, such as `attainmentCap`, filled in); else an object with the fields of an
 * {@link EvaluationContract}. Anything else is refused with the contract's own issues.
 */
function asEvaluationContract(input: unknown): EvaluationContract {
  if (isParsedContract(input)) return input;
  const structural = (): EvaluationContract | undefined => {
    const fields = safeParseData(evaluationContractSchema, input);
    if (!fields.success) return undefined;
    // The FX table as parsed (rates given as numbers become decimal strings).
    const fx = fields.data.fx;
    return (fx === undefined ? input : { ...(input as object), fx }) as EvaluationContract;
  };
  // A structural contract has no schemaVersion: read it as one first, sparing a whole parse that
  // would fail (a contract without a version is refused with all its problems below).
  const versioned = typeof input === "object" && input !== null && Object.hasOwn(input, "schemaVersion");
  const early = versioned ? undefined : structural();
  if (early !== undefined) return early;
  const whole = safeParseContract(input);
  if (whole.success) return whole.data;
  const late = versioned ? structural() : undefined;
  if (late !== undefined) return late;
  throw whole.error;
}

/** The cycle judged: a valid period and one of the contract's cycles, else `cycle-invalid`. */
function parseEvaluationCycle(contract: EvaluationContract, input: EvaluationInput): Period {
  const raw: unknown = (input as { cycle?: unknown } | null | undefined)?.cycle;
  const result = periodSchema.safeParse(raw);
  if (!result.success) refuse("cycle-invalid", "Invalid cycle", toValidationIssues(result.error, ["cycle"]));
  const cycle = result.data;
  if (!cyclesOf(contract.term, contract.cycle).some((c) => sameDays(c, cycle))) {
    refuseNotACycle(contract.term, contract.cycle, cycle);
  }
  return cycle;
}

/**
 * {@link evaluateTargets} on facts and history already parsed, for `settle`: the contract, its
 * custom KPI definitions and the history array are parsed once by the caller and never mutated, so
 * computed baselines are kept per (contract, target, history array) in a WeakMap, and so are the
 * pooled facts of earlier periods when `pool` keeps them (see {@link createFactsPool}).
 *
 * @internal
 * @param contract - a parsed contract, kept unchanged by the caller
 * @param cycle - the cycle judged
 * @param pool - the facts pool of this call, made by {@link createFactsPool} on the cycle's parsed
 *   facts and the parsed history
 * @param history - the parsed history, kept unchanged by the caller
 * @param customKpis - the contract's custom KPI definitions
 * @returns the same report as `evaluateTargets`
 * @throws as `evaluateTargets`, except `facts-invalid`
 */
export function evaluateParsedTargets(
  contract: EvaluationContract,
  cycle: Period,
  pool: FactsPool,
  history: readonly PeriodFacts[],
  customKpis: readonly KpiDefinition[],
): TargetEvaluationReport {
  return judgeTargets(contract, cycle, pool, history, customKpis, BASELINES);
}

function judgeTargets(
  contract: EvaluationContract,
  cycle: Period,
  pool: FactsPool,
  history: readonly PeriodFacts[],
  customKpis: readonly KpiDefinition[],
  baselines: BaselineCache | undefined,
): TargetEvaluationReport {
  const rates: FxRateUse[] = [];
  const judged = contract.targets.map((t) =>
    evaluateTarget(contract, t, cycle, pool, history, customKpis, rates, baselines),
  );
  const evaluations = judged.map((j) => j.evaluation);
  const { score, trace } = scoreOfEvaluations(evaluations, judged);
  const warnings = evaluations
    .filter((e) => e.status === "pending")
    .map((e) => `Target ${e.targetId} is pending: its evaluation window ends after this cycle`);
  return { cycle, evaluations, score, scoreTrace: trace, fxRates: dedupeRates(rates), warnings };
}

/**
 * The FX rates in first-use order, each (from, to, rate, date, usedFor) once.
 *
 * @internal
 * @param rates - the rates as used, possibly repeated
 * @returns the rates without repeats
 */
export function dedupeRates(rates: readonly FxRateUse[]): FxRateUse[] {
  const seen = new Set<string>();
  return rates.filter((r) => {
    const key = `${r.from}|${r.to}|${r.rate}|${r.date}|${r.usedFor}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
