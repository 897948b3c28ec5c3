import * as z from "zod";
import type { Contract } from "../contract/schema.js";
import { localeSchema } from "../contract/schema.js";
import { convertParsedFacts } from "../facts/convertFacts.js";
import { selectRate } from "../facts/fx.js";
import { poolParsedFacts } from "../facts/poolFacts.js";
import { type PeriodFacts, periodFactsSchema } from "../facts/schema.js";
import { D, formatDecimal, quotient } from "../internal/decimal.js";
import { toValidationIssues } from "../internal/issues.js";
import { findKpiDefinition } from "../kpis/catalogue.js";
import { computeKpi } from "../kpis/computeKpi.js";
import { customKpiFromJson } from "../kpis/customKpi.js";
import type { KpiDefinition } from "../kpis/types.js";
import { computeBaseline } from "../targets/baseline.js";
import { baselineReadsPeriod, comparisonCycles, comparisonModeOf } from "../targets/comparison.js";
import { expandScope } from "../targets/evaluateTargets.js";
import { type GoalKind, singleGoal, type Target } from "../targets/target.js";
import { cycleProration, cyclesOf } from "../values/cycle.js";
import { type DecimalString, describeInput } from "../values/decimal.js";
import { KpiContractError, type ValidationIssue } from "../values/KpiContractError.js";
import { type Period, sameDays } from "../values/period.js";
import { ratioSchema } from "../values/ratio.js";
import type { SmartParams } from "./SmartFinding.js";
import type { SmartOptions } from "./SmartOptions.js";

/** A JSON path inside the contract. */
export type JsonPath = readonly (string | number)[];

/** A problem found while resolving a scope (reported by `scope-invalid`). */
export interface ScopeProblem {
  readonly path: JsonPath;
  readonly params: SmartParams;
}

/** A scope after resolution: the knobs when valid, else the problems. */
export interface ScopeInfo {
  /** `scope-invalid` problems (unknown knob, refused value, bad preset). */
  readonly problems: readonly ScopeProblem[];
  /** Knobs the KPI needs that the scope does not state (`scope-incomplete`). */
  readonly missing: readonly string[];
  /** The parsed knobs (presets expanded) when there is no problem and nothing is missing. */
  readonly knobs?: Readonly<Record<string, unknown>>;
  /**
   * The knobs parsed with the library's defaults for those not stated, when the stated ones are
   * valid: enough to judge a goal (conversion rate counts orders unless `count` says units) while
   * `scope-incomplete` reports what is missing.
   */
  readonly withDefaults?: Readonly<Record<string, unknown>>;
}

/** What is known about a target's baseline. */
export type BaselineInfo =
  | { readonly status: "none" }
  | { readonly status: "stated"; readonly value: DecimalString }
  /** Computed from history, but no history was given. */
  | { readonly status: "not-checked"; readonly window: Period }
  /** Computed from history, but the KPI or scope is unusable or the window is misaligned (reported elsewhere). */
  | { readonly status: "skipped"; readonly window: Period }
  | { readonly status: "unavailable"; readonly window: Period; readonly params: SmartParams }
  | {
      readonly status: "computed";
      readonly window: Period;
      readonly value: DecimalString;
      /** The KPI in each cycle of the window (null when it has no value). */
      readonly cycles: readonly { readonly period: Period; readonly value: DecimalString | null }[];
    };

/** A target with everything the rules need, computed once. */
export interface TargetInfo {
  readonly target: Target;
  readonly index: number;
  readonly path: JsonPath;
  /** Undefined when the KPI id is unknown. */
  readonly definition: KpiDefinition | undefined;
  readonly scope: ScopeInfo;
  /** The single decimal goal, if the target has exactly one. */
  readonly goal: { readonly kind: GoalKind; readonly value: DecimalString } | undefined;
  readonly baseline: BaselineInfo;
  /** The stores the target pools (its own list, or every store of the contract). */
  readonly stores: readonly string[];
  /**
   * With history: the comparison cycles before the term (salesGrowth) that it lacks, as
   * `store start..end`; empty without history or without such a comparison.
   */
  readonly comparisonGaps: readonly string[];
}

/** The basis of a share component or of a rate bonus. */
export interface BasisInfo {
  readonly component: string;
  readonly componentIndex: number;
  readonly path: JsonPath;
  readonly kpi: string;
  readonly definition: KpiDefinition | undefined;
  readonly scope: ScopeInfo;
  readonly stores: readonly string[];
  readonly over: DecimalString | { readonly baselineOf: string } | undefined;
}

/** Achievability settings after defaults. */
export interface SmartSettings {
  readonly maxChangeHigher: DecimalString;
  readonly maxChangeLower: DecimalString;
  readonly growthMargin: DecimalString;
  /** Whether history was given (baselines from history are then computed). */
  readonly hasHistory: boolean;
}

/** Everything a SMART rule reads: the parsed contract and the per-target facts, computed once. */
export interface SmartContext {
  readonly contract: Contract;
  /** Custom KPIs of the contract that cannot be turned into definitions (reported as `schema-invalid`). */
  readonly customKpiIssues: readonly ValidationIssue[];
  readonly targets: readonly TargetInfo[];
  readonly bases: readonly BasisInfo[];
  readonly settings: SmartSettings;
}

/** Options after parsing. */
export interface ParsedSmartOptions {
  readonly locale: "en" | "zh-CN";
  readonly history: readonly PeriodFacts[] | undefined;
  readonly settings: Omit<SmartSettings, "hasHistory">;
  readonly customKpis: readonly KpiDefinition[];
}

const optionsSchema = z.strictObject({
  locale: localeSchema.optional(),
  history: z.array(periodFactsSchema).optional(),
  maxChange: z
    .strictObject({ higherIsBetter: ratioSchema.optional(), lowerIsBetter: ratioSchema.optional() })
    .optional(),
  growthMargin: ratioSchema.optional(),
  customKpis: z.array(z.custom<KpiDefinition>((v) => typeof v === "object" && v !== null)).optional(),
});

/**
 * Reads the SMART options, with defaults (SPEC §5): maxChange 1.0 / 0.5, growthMargin 0.10.
 *
 * @param options - the options as given
 * @returns the options parsed (history facts parsed, ratios normalised)
 * @throws {@link KpiContractError} `options-invalid` listing every problem with its path
 * @example
 * ```ts
 * parseSmartOptions({ maxChange: { higherIsBetter: "150%" } }).settings.maxChangeHigher; // "1.5"
 * ```
 * @internal
 */
export function parseSmartOptions(options: SmartOptions | undefined): ParsedSmartOptions {
  const parsed = optionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    const issues = toValidationIssues(parsed.error, ["options"]);
    throw new KpiContractError(
      "options-invalid",
      `Invalid validation options: ${issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      { count: issues.length },
      issues,
    );
  }
  const o = parsed.data;
  const nonNegative = (value: string | undefined, fallback: string, path: string): string => {
    if (value === undefined) return fallback;
    if (new D(value).isNeg()) {
      const message = `${path} must be zero or more, received ${value}`;
      throw new KpiContractError("options-invalid", message, { [path]: value }, [
        { code: "too_small", path: ["options", ...path.split(".")], message },
      ]);
    }
    return value;
  };
  return {
    locale: o.locale ?? "en",
    history: o.history,
    customKpis: o.customKpis ?? [],
    settings: {
      maxChangeHigher: nonNegative(o.maxChange?.higherIsBetter, "1", "maxChange.higherIsBetter"),
      maxChangeLower: nonNegative(o.maxChange?.lowerIsBetter, "0.5", "maxChange.lowerIsBetter"),
      growthMargin: nonNegative(o.growthMargin, "0.1", "growthMargin"),
    },
  };
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
}

/**
 * Resolves a scope as a contract writes it against a KPI: presets expanded at the term start,
 * knobs checked with the KPI's scope schema, and the knobs a contract must state listed.
 */
function resolveScopeInfo(
  contract: Contract,
  definition: KpiDefinition | undefined,
  kpi: string,
  scopeInput: Readonly<Record<string, unknown>> | undefined,
  path: JsonPath,
  who: SmartParams,
): ScopeInfo {
  if (definition === undefined) return { problems: [], missing: [] };
  const scopePath = [...path, "scope"];
  let knobs: Record<string, unknown>;
  try {
    knobs = expandScope(contract, kpi, scopeInput).scope;
  } catch (error) {
    if (!(error instanceof KpiContractError)) throw error;
    const presetInput = scopeInput?.preset;
    if (error.code === "scope-invalid" && presetInput !== undefined && typeof presetInput !== "string") {
      // `{ "preset": null }` and the like: not a preset name, whether other knobs follow or not.
      const params = { ...who, kpi, reason: "preset-not-name", value: describeInput(presetInput) };
      return { problems: [{ path: [...scopePath, "preset"], params }], missing: [] };
    }
    const preset = String(presetInput ?? "");
    const base = { ...who, kpi, preset };
    const problem: ScopeProblem =
      error.code === "preset-kpi-mismatch"
        ? {
            path: [...scopePath, "preset"],
            params: {
              ...base,
              reason: "preset-kpi-mismatch",
              presetKpi: String(error.params.presetKpi),
            },
          }
        : error.code === "scope-invalid"
          ? { path: scopePath, params: { ...base, reason: "preset-with-knobs" } }
          : {
              path: [...scopePath, "preset"],
              params: { ...base, reason: "preset-unknown", termStart: contract.term.start },
            };
    return { problems: [problem], missing: [] };
  }

  const problems: ScopeProblem[] = [];
  const parsed = definition.scopeSchema.safeParse(knobs);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          problems.push({
            path: [...scopePath, key],
            params: { ...who, kpi, reason: "unknown-knob", knob: key },
          });
        }
      } else {
        const knob = String(issue.path[0] ?? "");
        problems.push({
          path: [...scopePath, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
          params: { ...who, kpi, reason: "bad-value", knob, value: describeValue(knobs[knob]) },
        });
      }
    }
  }
  const required = definition.requiredKnobs?.(knobs) ?? definition.knobs;
  const missing = required.filter((k) => !Object.hasOwn(knobs, k));
  if (!parsed.success) return { problems, missing };
  const data = parsed.data as Record<string, unknown>;
  // salesGrowth against "baseline" reads a comparison value that only computeKpi's caller can pass:
  // inside a contract nothing supplies it, so the KPI could never have a value.
  if (definition.knobs.includes("comparison") && data.comparison === "baseline") {
    const params = { ...who, kpi, reason: "comparison-baseline", knob: "comparison" };
    return { problems: [{ path: [...scopePath, "comparison"], params }], missing };
  }
  // A scope that parses has no other problems: every problem above comes from a failed parse.
  if (missing.length > 0) return { problems, missing, withDefaults: data };
  return { problems, missing, knobs: data, withDefaults: data };
}

/**
 * Tells whether a period consists of whole cycles, counted as `cyclesOf(window, cycle)` counts
 * them (`{ days }` cycles from the window's start).
 *
 * @param window - the period
 * @param cycle - the contract's cycle
 * @returns true when no cycle of the window is partial
 * @example
 * ```ts
 * isWholeCycles({ start: "2025-10-01", end: "2025-12-31" }, "monthly"); // true
 * ```
 * @internal
 */
export function isWholeCycles(window: Period, cycle: Contract["cycle"]): boolean {
  return cyclesOf(window, cycle).every((p) => {
    const proration = cycleProration(p, cycle, window.start);
    return proration.days === proration.fullDays;
  });
}

function findArray(params: Record<string, unknown>, keys: readonly string[]): unknown[] | undefined {
  for (const key of keys) {
    const v = params[key];
    if (Array.isArray(v)) return v;
  }
  return undefined;
}

function describeCycles(list: readonly unknown[]): string[] {
  return list.map((c) => {
    if (typeof c === "string") return c;
    if (typeof c === "object" && c !== null && "start" in c && "end" in c) {
      const p = c as { start: unknown; end: unknown; store?: unknown };
      return `${typeof p.store === "string" ? `${p.store} ` : ""}${String(p.start)}..${String(p.end)}`;
    }
    return describeValue(c);
  });
}

/**
 * The comparison cycles before the term that a comparing KPI's target (salesGrowth with
 * `previous-period` or `same-period-last-year`) will read and the history lacks, for each of its
 * stores: the ones the validation can check, since the history of the term itself comes later.
 */
function comparisonGapsOf(
  contract: Contract,
  target: Target,
  definition: KpiDefinition | undefined,
  knobs: Readonly<Record<string, unknown>> | undefined,
  stores: readonly string[],
  history: readonly PeriodFacts[] | undefined,
): string[] {
  const evaluation = target.evaluation;
  if (history === undefined || definition === undefined || knobs === undefined || evaluation === undefined) {
    return [];
  }
  const mode = comparisonModeOf(definition, knobs);
  if (mode === undefined) return [];
  const { term, cycle } = contract;
  const judged: Period[][] =
    "every" in evaluation
      ? cyclesOf(term, cycle).map((c) => [c])
      : evaluation.aggregate === "pooled"
        ? [cyclesOf(evaluation.window, cycle)]
        : cyclesOf(evaluation.window, cycle).map((c) => [c]);
  const needed = new Map<string, Period>();
  for (const cycles of judged) {
    let compared: Period[];
    try {
      compared = comparisonCycles(mode, cycles, cycle, term);
    } catch (error) {
      // No cycle before year 0000: nothing the history could hold, so nothing to report.
      if (!(error instanceof KpiContractError)) throw error;
      break;
    }
    const before = compared.filter((c) => c.end < term.start);
    // Comparisons move forward with the judged cycles: once none is before the term, none will be.
    if (before.length === 0) break;
    for (const c of before) needed.set(`${c.start}..${c.end}`, c);
  }
  const held = new Set(history.map((f) => `${f.store ?? ""} ${f.period.start}..${f.period.end}`));
  const gaps: string[] = [];
  for (const key of needed.keys()) {
    for (const store of stores) if (!held.has(`${store} ${key}`)) gaps.push(`${store} ${key}`);
  }
  return gaps;
}

/**
 * Computes a target's baseline from history as settlement does: the history of the target's
 * stores converted to the schedule currency with the contract's fx table, then `computeBaseline`.
 */
function computedBaseline(
  contract: Contract,
  target: Target,
  definition: KpiDefinition | undefined,
  knobs: Readonly<Record<string, unknown>> | undefined,
  stores: readonly string[],
  history: readonly PeriodFacts[] | undefined,
): BaselineInfo {
  const spec = target.baseline;
  if (spec === undefined) return { status: "none" };
  if ("value" in spec) return { status: "stated", value: spec.value };
  const window = spec.window;
  if (history === undefined) return { status: "not-checked", window };
  if (definition === undefined || knobs === undefined || !isWholeCycles(window, contract.cycle)) {
    return { status: "skipped", window };
  }
  const to = contract.fees.currency;
  const storeSet = new Set(stores);
  // A comparing KPI (salesGrowth) reads its comparison cycles before the window too;
  // computeBaseline names them when they are missing.
  const reads = baselineReadsPeriod(spec, comparisonModeOf(definition, knobs), contract.cycle, contract.term);
  const relevant = history.filter((f) => f.store !== undefined && storeSet.has(f.store) && reads(f.period));
  // Every store must have facts for every cycle of the window; a store missing from a cycle would
  // otherwise leave the pooled baseline silently short.
  const missing: string[] = [];
  for (const period of cyclesOf(window, contract.cycle)) {
    for (const store of stores) {
      if (!relevant.some((f) => f.store === store && sameDays(f.period, period))) {
        missing.push(`${store} ${period.start}..${period.end}`);
      }
    }
  }
  if (missing.length > 0) {
    return {
      status: "unavailable",
      window,
      params: { target: target.id, reason: "missing-cycles", cycles: missing },
    };
  }
  const converted: PeriodFacts[] = [];
  for (const f of relevant) {
    if (f.currency === to) {
      converted.push(f);
      continue;
    }
    try {
      if (contract.fx === undefined) throw new KpiContractError("fx-rate-missing", "no fx table");
      const rate = selectRate(contract.fx, f.currency, to, f.period.end);
      converted.push(convertParsedFacts(f, to, rate.rate));
    } catch (error) {
      if (!(error instanceof KpiContractError)) throw error;
      return {
        status: "unavailable",
        window,
        params: { target: target.id, reason: "fx", from: f.currency, to, date: f.period.end },
      };
    }
  }

  let value: DecimalString | null;
  let nullReason: string | undefined;
  try {
    const result = computeBaseline(spec, definition, knobs, converted, {
      cycle: contract.cycle,
      term: contract.term,
      stores,
    });
    value = result.value;
    nullReason = (result as { reason?: string }).reason;
  } catch (error) {
    if (!(error instanceof KpiContractError)) throw error;
    const missing = findArray(error.params, ["missingCycles", "missing", "cycles"]);
    return {
      status: "unavailable",
      window,
      params:
        missing !== undefined && missing.length > 0
          ? { target: target.id, reason: "missing-cycles", cycles: describeCycles(missing) }
          : { target: target.id, reason: "other", detail: error.message },
    };
  }
  if (value === null) {
    return {
      status: "unavailable",
      window,
      params: { target: target.id, reason: "null-value", nullReason: nullReason ?? "missing-facts" },
    };
  }

  let cycles: { period: Period; value: DecimalString | null }[];
  try {
    cycles = cyclesOf(window, contract.cycle).map((period) => {
      // Never empty: every store has facts for every cycle (checked above), and an empty store
      // list has already failed in computeBaseline.
      const facts = converted.filter((f) => sameDays(f.period, period));
      return { period, value: computeKpi(definition, poolParsedFacts(facts), knobs).value };
    });
  } catch (error) {
    // Per-cycle values only feed the growth test; the baseline itself is known.
    if (!(error instanceof KpiContractError)) throw error;
    cycles = [];
  }
  return { status: "computed", window, value, cycles };
}

/**
 * Builds the context every SMART rule reads: KPI definitions, resolved scopes, single goals and
 * baselines (computed from history when it is given).
 *
 * @param contract - the parsed contract
 * @param options - the parsed options
 * @returns the context
 * @throws only on a bug: problems of the contract become context data, never exceptions
 * @example
 * ```ts
 * const ctx = buildSmartContext(parseContract(json), parseSmartOptions({ history }));
 * ```
 * @internal
 */
export function buildSmartContext(contract: Contract, options: ParsedSmartOptions): SmartContext {
  const customKpiIssues: ValidationIssue[] = [];
  const own: KpiDefinition[] = [];
  (contract.kpis ?? []).forEach((k, i) => {
    try {
      own.push(customKpiFromJson(k));
    } catch (error) {
      if (!(error instanceof KpiContractError)) throw error;
      customKpiIssues.push({ code: error.code, path: ["kpis", i], message: error.message });
    }
  });
  const custom = [...options.customKpis, ...own];
  const allStores = contract.stores.map((s) => s.id);

  const targets = contract.targets.map((target, index): TargetInfo => {
    const path = ["targets", index];
    const definition = findKpiDefinition(target.kpi, custom);
    const scope = resolveScopeInfo(contract, definition, target.kpi, target.scope, path, {
      target: target.id,
    });
    const stores = target.stores ?? allStores;
    return {
      target,
      index,
      path,
      definition,
      scope,
      goal: singleGoal(target.goal),
      baseline: computedBaseline(contract, target, definition, scope.knobs, stores, options.history),
      stores,
      comparisonGaps: comparisonGapsOf(contract, target, definition, scope.knobs, stores, options.history),
    };
  });

  const bases: BasisInfo[] = [];
  contract.fees.components.forEach((component, componentIndex) => {
    const at = ["fees", "components", componentIndex];
    const basis =
      component.type === "share"
        ? { basis: component.basis, path: [...at, "basis"] }
        : component.type === "bonus" && "of" in component.payout
          ? { basis: component.payout.of, path: [...at, "payout", "of"] }
          : undefined;
    if (basis === undefined) return;
    const definition = findKpiDefinition(basis.basis.kpi, custom);
    bases.push({
      component: component.name,
      componentIndex,
      path: basis.path,
      kpi: basis.basis.kpi,
      definition,
      scope: resolveScopeInfo(contract, definition, basis.basis.kpi, basis.basis.scope, basis.path, {
        component: component.name,
      }),
      stores: basis.basis.stores ?? allStores,
      over: basis.basis.over,
    });
  });

  return {
    contract,
    customKpiIssues,
    targets,
    bases,
    settings: { ...options.settings, hasHistory: options.history !== undefined },
  };
}

/**
 * The baseline value of a target when known: stated, or computed from history.
 *
 * @param info - the target
 * @returns the value, or undefined
 * @example
 * ```ts
 * baselineValue(ctx.targets[0]); // "30720" for the SPEC §8 GMV target with history
 * ```
 * @internal
 */
export function baselineValue(info: TargetInfo): DecimalString | undefined {
  return info.baseline.status === "stated" || info.baseline.status === "computed"
    ? info.baseline.value
    : undefined;
}

/**
 * The target value of a target when it can be known: the goal value, or baseline × (1 + change).
 *
 * @param info - the target
 * @returns the value, or undefined
 * @example
 * ```ts
 * targetValue(ctx.targets[0]); // "43008" = 30,720 × 1.4
 * ```
 * @internal
 */
export function targetValue(info: TargetInfo): DecimalString | undefined {
  const goal = info.goal;
  if (goal === undefined) return undefined;
  if (goal.kind !== "change") return goal.value;
  const baseline = baselineValue(info);
  return baseline === undefined ? undefined : formatDecimal(new D(baseline).times(new D(1).plus(goal.value)));
}

/**
 * The relative change a goal asks for, (target − baseline) ÷ baseline: the `change` itself for a
 * relative goal, else computed from a known baseline above zero.
 *
 * @param info - the target
 * @returns the change, or undefined
 * @example
 * ```ts
 * relativeChange(acos); // "-0.12" for a goal of at most 0.22 on a baseline of 0.25
 * ```
 * @internal
 */
export function relativeChange(info: TargetInfo): DecimalString | undefined {
  const goal = info.goal;
  if (goal === undefined) return undefined;
  const baseline = baselineValue(info);
  if (baseline === undefined || !new D(baseline).gt(0))
    return goal.kind === "change" ? goal.value : undefined;
  if (goal.kind === "change") return goal.value;
  return formatDecimal(quotient(new D(goal.value).minus(baseline), new D(baseline)));
}
