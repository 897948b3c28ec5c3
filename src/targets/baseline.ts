import * as z from "zod";
import { safeParsePeriodFacts } from "../facts/internal/readPeriodFacts.js";
import { poolParsedFacts } from "../facts/poolFacts.js";
import type { PeriodFacts } from "../facts/schema.js";
import { D, formatDecimal, quotient, ZERO } from "../internal/decimal.js";
import { describeIssues, refuse, toValidationIssues } from "../internal/issues.js";
import { safeParseData } from "../internal/plainJson.js";
import { findKpiDefinition } from "../kpis/catalogue.js";
import { computeKpi } from "../kpis/computeKpi.js";
import type { KpiDefinition, KpiNullReason, KpiResult } from "../kpis/types.js";
import { type Cycle, cycleProration, cycleSchema, cyclesOf } from "../values/cycle.js";
import { type DecimalString, decimalSchema } from "../values/decimal.js";
import { KpiContractError, type ValidationIssue } from "../values/KpiContractError.js";
import { type Period, periodSchema, sameDays } from "../values/period.js";
import { baselineGrid, type ComparisonMode, comparisonCycles, comparisonModeOf } from "./comparison.js";

const statedBaselineSchema = z.strictObject({ value: decimalSchema, source: z.string().optional() });

const historyBaselineSchema = z.strictObject({
  from: z.literal("history", { error: 'A computed baseline has "from": "history"' }),
  window: periodSchema,
  aggregate: z.enum(["mean-of-cycles", "pooled"], { error: 'Expected "mean-of-cycles" or "pooled"' }),
});

const baselineForms = z.union([statedBaselineSchema, historyBaselineSchema]);

const BASELINE_FORMS =
  'Expected a baseline: { "value": "…" } or { "from": "history", "window": {start, end}, "aggregate": "mean-of-cycles" | "pooled" }';

/**
 * Zod schema of a baseline (SPEC §4.1): a stated value (`{ value, source? }`), or computed from
 * history facts over a window of whole cycles, as the mean of per-cycle values or once on pooled
 * facts (a ratio of sums). The form is chosen by its key (`value` or `from`), so each problem is
 * reported at its own path rather than as one vague union error.
 *
 * @example
 * ```ts
 * baselineSchema.parse({ value: "30720.00", source: "seller's Q4 report" });
 * baselineSchema.parse({ from: "history", window: { start: "2025-10-01", end: "2025-12-31" }, aggregate: "pooled" });
 * ```
 */
export const baselineSchema = z.preprocess((input, ctx) => {
  // A union would report one vague issue; picking the form by its key reports each problem
  // (a bad window date, a misspelt aggregate) at its own path.
  const form =
    typeof input !== "object" || input === null || Array.isArray(input)
      ? undefined
      : "from" in input
        ? historyBaselineSchema
        : "value" in input
          ? statedBaselineSchema
          : undefined;
  if (form === undefined) {
    ctx.addIssue({ code: "custom", message: BASELINE_FORMS, input, params: { code: "baseline-invalid" } });
    return input;
  }
  const parsed = form.safeParse(input);
  for (const issue of parsed.error?.issues ?? []) {
    // Re-raised as custom issues that keep the original code, so callers see zod's or ours.
    const own = (issue as { params?: { code?: unknown } }).params?.code;
    const code = issue.code === "custom" && typeof own === "string" ? own : issue.code;
    ctx.addIssue({ code: "custom", path: issue.path, message: issue.message, input, params: { code } });
  }
  return input;
}, baselineForms) as unknown as z.ZodType<z.output<typeof baselineForms>, z.input<typeof baselineForms>>;

/** A baseline after parsing. */
export type BaselineSpec = z.output<typeof baselineSchema>;
/** A baseline as accepted on input. */
export type BaselineSpecInput = z.input<typeof baselineSchema>;

/** Options of {@link computeBaseline}. */
export interface ComputeBaselineOptions {
  /** The contract's cycle: the window is split into these (`{ days }` counted from the window start). */
  readonly cycle: Cycle;
  /** Only facts of these stores are used (pooled per cycle); all stores when omitted. */
  readonly stores?: readonly string[] | undefined;
  /** Custom KPI definitions to look ids up in. */
  readonly customKpis?: readonly KpiDefinition[] | undefined;
  /**
   * The contract's term, for a KPI that compares with earlier cycles (salesGrowth): a window inside
   * it compares with the term's (clipped) cycles. Without it, or for a window outside the term,
   * the comparison cycles are whole cycles counted as the window's own.
   */
  readonly term?: Period | undefined;
}

/** How a baseline was reached, as plain JSON. */
export interface BaselineTrace {
  readonly kind: "stated" | "mean-of-cycles" | "pooled";
  readonly source?: string;
  readonly window?: Period;
  /** Each cycle's value (mean-of-cycles) or the pooled cycles (pooled). */
  readonly cycles?: readonly {
    readonly period: Period;
    readonly value?: DecimalString | null;
    readonly reason?: string;
  }[];
  /** The pooled KPI computation (pooled). */
  readonly kpi?: KpiResult;
  /** The arithmetic, for a person to recompute. */
  readonly formula: string;
}

/** A computed baseline: the value (null with the reason when a KPI has no value) and its trace. */
export interface BaselineResult {
  readonly value: DecimalString | null;
  readonly reason?: KpiNullReason;
  readonly trace: BaselineTrace;
}

/** The options {@link computeBaseline} reads. */
const baselineOptionsSchema = z.looseObject({
  cycle: cycleSchema,
  stores: z.array(z.string()).optional(),
  customKpis: z.array(z.unknown()).optional(),
  term: periodSchema.optional(),
});

/**
 * Refuses a baseline, history or options of the wrong shape with their paths (`spec`, `history`,
 * `options`): a stated `"NaN"` or a reversed window would otherwise reach the arithmetic.
 */
function checkBaselineArguments(spec: unknown, history: unknown, options: unknown): BaselineSpec {
  const issues: ValidationIssue[] = [];
  const parsed = safeParseData(baselineSchema, spec);
  if (!parsed.success) issues.push(...toValidationIssues(parsed.error, ["spec"]));
  if (!Array.isArray(history)) {
    issues.push({ code: "invalid_type", path: ["history"], message: "Expected an array of period facts" });
  }
  const o = baselineOptionsSchema.safeParse(options);
  if (!o.success) issues.push(...toValidationIssues(o.error, ["options"]));
  // `!parsed.success` implies an issue; it is spelt out so that `parsed.data` below is typed.
  if (issues.length > 0 || !parsed.success) {
    refuse("arguments-invalid", "Invalid computeBaseline arguments", issues);
  }
  return parsed.data;
}

function parseHistory(history: readonly unknown[]): PeriodFacts[] {
  return history.map((f, i) => {
    const parsed = safeParsePeriodFacts(f);
    if (parsed.success) return parsed.data;
    const issues = toValidationIssues(parsed.error, ["history", i]);
    throw new KpiContractError(
      "facts-invalid",
      `Invalid history facts:\n${describeIssues(issues)}`,
      { issues },
      issues,
    );
  });
}

/**
 * Splits a baseline window into cycles and checks that every one is whole: a monthly or quarterly
 * window starts on a cycle's first day and ends on a cycle's last day; a `{ days }` window is a
 * whole number of runs.
 */
function wholeCycles(window: Period, cycle: Cycle): Period[] {
  const cycles = cyclesOf(window, cycle);
  const partial = cycles.filter((c) => {
    const { days, fullDays } = cycleProration(c, cycle, window.start);
    return days !== fullDays;
  });
  if (partial.length > 0) {
    throw new KpiContractError(
      "baseline-window-partial",
      `The baseline window ${window.start}..${window.end} does not consist of whole cycles: ${partial
        .map((p) => `${p.start}..${p.end}`)
        .join(", ")} ${partial.length === 1 ? "is" : "are"} partial`,
      { window, partial },
    );
  }
  return cycles;
}

/** The comparison a baseline's KPI reads from the history, if any (an unknown id has none here). */
function comparisonOf(
  kpi: string | KpiDefinition,
  scope: Readonly<Record<string, unknown>>,
  customKpis: readonly KpiDefinition[] | undefined,
): ComparisonMode | undefined {
  const definition = typeof kpi === "string" ? findKpiDefinition(kpi, customKpis) : kpi;
  return definition === undefined ? undefined : comparisonModeOf(definition, scope);
}

/**
 * The cycles whose facts a baseline reads, each once, oldest first: the comparison cycles (which
 * come before the window, or overlap it for a previous period) and the window's own.
 */
function checkedCycles<C extends { readonly period: Period }>(
  compared: readonly C[],
  window: readonly C[],
): C[] {
  const seen = new Set<string>();
  const out: C[] = [];
  for (const c of [...compared, ...window]) {
    const key = `${c.period.start}..${c.period.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  // Comparison cycles come first in time unless they overlap the window: a stable sort by start.
  return out.sort((a, b) => (a.period.start < b.period.start ? -1 : a.period.start > b.period.start ? 1 : 0));
}

/** How many missing cycles a `baseline-history-missing` message names. */
const MESSAGE_GAPS = 12;

/**
 * Computes a baseline (SPEC §4.1): a stated value as given, or from history facts over a window of
 * whole cycles, either averaging the per-cycle KPI values (`mean-of-cycles`: "average monthly GMV")
 * or computing the KPI once on the pooled facts (`pooled`: "ACoS over the quarter", a ratio of sums).
 * Several stores' facts of the same cycle are pooled first. History facts must be in one currency.
 *
 * @param spec - the baseline as written in the target
 * @param kpi - a catalogue or custom KPI id, or a definition
 * @param scope - the KPI scope (presets already expanded)
 * @param history - earlier facts, each a whole cycle of one store
 * @param options - `cycle` (the contract's), `stores` to use, `customKpis`
 * @returns the value (null with a reason when the KPI has none) and a trace
 * @throws {@link KpiContractError} `arguments-invalid` (a malformed baseline, a history that is not
 *   an array, or options without a valid `cycle`, with their paths); `baseline-history-missing`
 *   naming the missing cycles of the window (the first 12 in the message, all in params)
 *   without facts (params `{ missing }`), `baseline-window-partial`, `facts-invalid`, `kpi-unknown`,
 *   `scope-invalid`, `currency-mismatch` (history in several currencies)
 * @example
 * ```ts
 * computeBaseline(
 *   { from: "history", window: { start: "2025-10-01", end: "2025-12-31" }, aggregate: "mean-of-cycles" },
 *   "gmv", { refunds: "exclude" }, history, { cycle: "monthly" },
 * ).value; // "30720"
 * ```
 */
export function computeBaseline(
  spec: BaselineSpec,
  kpi: string | KpiDefinition,
  scope: Readonly<Record<string, unknown>>,
  history: readonly unknown[],
  options: ComputeBaselineOptions,
): BaselineResult {
  spec = checkBaselineArguments(spec, history, options);
  if ("value" in spec) {
    return {
      value: formatDecimal(new D(spec.value)),
      trace: {
        kind: "stated",
        ...(spec.source !== undefined ? { source: spec.source } : {}),
        formula: `stated ${spec.value}`,
      },
    };
  }
  const facts = parseHistory(history);
  const cycles = wholeCycles(spec.window, options.cycle);
  const stores = options.stores;
  const factsOf = (period: Period) => ({
    period,
    facts: facts.filter(
      (f) =>
        sameDays(f.period, period) &&
        (stores === undefined || (f.store !== undefined && stores.includes(f.store))),
    ),
  });
  const perCycle = cycles.map(factsOf);
  // salesGrowth compares each cycle (mean-of-cycles) or the whole window (pooled) with earlier
  // cycles of the same history, as a target does (docs/kpis.md).
  const mode = comparisonOf(kpi, scope, options.customKpis);
  const grid = baselineGrid(spec.window, options.term);
  const comparing = (judged: readonly Period[]) =>
    mode === undefined ? [] : comparisonCycles(mode, judged, options.cycle, grid).map(factsOf);
  const compared = spec.aggregate === "pooled" ? comparing(cycles) : cycles.flatMap((c) => comparing([c]));
  // With named stores every store must have facts in every cycle: a store silently absent from one
  // cycle would lower a pooled or averaged baseline.
  const gaps = checkedCycles(compared, perCycle).flatMap(
    (c): { period: Period; store: string | undefined }[] =>
      stores === undefined
        ? c.facts.length === 0
          ? [{ period: c.period, store: undefined }]
          : []
        : stores
            .filter((id) => !c.facts.some((f) => f.store === id))
            .map((id) => ({ period: c.period, store: id })),
  );
  if (gaps.length > 0) {
    const missing = [...new Set(gaps.map((g) => g.period))];
    // The message names the first gaps; params list them all (a long window of day cycles can
    // miss tens of thousands).
    const named = gaps
      .slice(0, MESSAGE_GAPS)
      .map((g) => `${g.store === undefined ? "" : `${g.store} `}${g.period.start}..${g.period.end}`)
      .join(", ");
    const more = gaps.length > MESSAGE_GAPS ? ` and ${gaps.length - MESSAGE_GAPS} more` : "";
    throw new KpiContractError(
      "baseline-history-missing",
      `History has no facts for ${named}${more} (baseline window ${spec.window.start}..${spec.window.end})`,
      {
        missing,
        window: spec.window,
        ...(stores === undefined ? {} : { gaps: gaps.map((g) => ({ store: g.store, period: g.period })) }),
      },
    );
  }
  const currencies = [...new Set([...perCycle, ...compared].flatMap((c) => c.facts.map((f) => f.currency)))];
  if (currencies.length > 1) {
    // Checked here too, not only by poolFacts: a mean of single-store cycles never pools across
    // cycles, and would silently average amounts in different currencies.
    throw new KpiContractError(
      "currency-mismatch",
      `Baseline history is in ${currencies.join(", ")}: convert it to one currency first (convertFacts)`,
      { currencies },
    );
  }
  const computeOptions = (judged: readonly Period[]) => {
    if (mode === undefined) return { customKpis: options.customKpis };
    const comparison = comparing(judged).flatMap((c) => c.facts);
    return { customKpis: options.customKpis, comparison: poolParsedFacts(comparison) };
  };

  if (spec.aggregate === "pooled") {
    const result = computeKpi(
      kpi,
      poolParsedFacts(perCycle.flatMap((c) => c.facts)),
      scope,
      computeOptions(cycles),
    );
    return {
      value: result.value,
      ...(result.value === null ? { reason: result.reason } : {}),
      trace: {
        kind: "pooled",
        window: spec.window,
        cycles: perCycle.map((c) => ({ period: c.period })),
        kpi: result,
        formula: `KPI of the facts pooled over ${cycles.length} cycle${cycles.length === 1 ? "" : "s"} = ${
          result.value === null ? `null (${result.reason})` : result.value
        }`,
      },
    };
  }

  const values = perCycle.map((c) => ({
    period: c.period,
    result: computeKpi(kpi, poolParsedFacts(c.facts), scope, computeOptions([c.period])),
  }));
  const traceCycles = values.map((v) => ({
    period: v.period,
    value: v.result.value,
    ...(v.result.value === null ? { reason: v.result.reason } : {}),
  }));
  const firstNull = values.find((v) => v.result.value === null)?.result;
  if (firstNull !== undefined && firstNull.value === null) {
    return {
      value: null,
      reason: firstNull.reason,
      trace: {
        kind: "mean-of-cycles",
        window: spec.window,
        cycles: traceCycles,
        formula: `a cycle has no value (${firstNull.reason}), so the mean has none`,
      },
    };
  }
  const sum = values.reduce((acc, v) => acc.plus(v.result.value as string), ZERO);
  const mean = formatDecimal(quotient(sum, values.length));
  return {
    value: mean,
    trace: {
      kind: "mean-of-cycles",
      window: spec.window,
      cycles: traceCycles,
      formula: `(${values.map((v) => v.result.value).join(" + ")}) ÷ ${values.length} = ${mean}`,
    },
  };
}
