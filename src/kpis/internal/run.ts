import { readFactValue } from "../../facts/readFact.js";
import type { PeriodFacts } from "../../facts/schema.js";
import { D, type Dec, formatDecimal } from "../../internal/decimal.js";
import type { KpiNullResult, KpiResult, KpiTrace, KpiUnit, KpiValueResult } from "../types.js";
import { type Expr, factTerm, over } from "./expr.js";

/**
 * The working state of one KPI computation: the facts it reads, what it read, what was missing and
 * the named steps, so that every result carries a complete trace. Created inside `compute` and
 * never shared.
 *
 * @internal
 */
export interface KpiRun {
  readonly id: string;
  readonly unit: KpiUnit;
  readonly facts: PeriodFacts;
  readonly scope: Readonly<Record<string, unknown>>;
  readonly inputs: Record<string, string>;
  readonly missing: string[];
  readonly steps: { name: string; value: string }[];
}

/** Starts a computation of KPI `id` over trusted facts and a parsed scope. */
export function startRun(
  kpi: { readonly id: string; readonly unit: KpiUnit },
  facts: PeriodFacts,
  scope: Readonly<Record<string, unknown>>,
): KpiRun {
  return { id: kpi.id, unit: kpi.unit, facts, scope, inputs: {}, missing: [], steps: [] };
}

/**
 * Reads one fact into the trace; a missing fact is recorded (under `label`, which defaults to the
 * path) and gives undefined.
 */
export function read(
  run: KpiRun,
  path: string,
  facts: PeriodFacts = run.facts,
  label: string = path,
): Expr | undefined {
  const raw = readFactValue(facts, path);
  if (raw === undefined) {
    if (!run.missing.includes(label)) run.missing.push(label);
    return undefined;
  }
  const term = factTerm(label, raw);
  run.inputs[label] = term.text;
  return term;
}

/** Reads several facts; undefined when any is missing (every missing one is recorded). */
export function readAll<K extends string>(
  run: KpiRun,
  paths: Readonly<Record<K, string>>,
): Record<K, Expr> | undefined {
  const out = {} as Record<K, Expr>;
  let complete = true;
  for (const key of Object.keys(paths) as K[]) {
    const term = read(run, paths[key]);
    if (term === undefined) complete = false;
    else out[key] = term;
  }
  return complete ? out : undefined;
}

/** Records a named intermediate value and returns the expression unchanged. */
export function step(run: KpiRun, name: string, expr: Expr): Expr {
  run.steps.push({ name, value: formatDecimal(expr.value) });
  return expr;
}

/**
 * The trace of a run's result. A run ends with its one result (every compute returns it at once),
 * so the trace takes the run's own `inputs` and `steps`; the scope, which is shared between runs,
 * is copied.
 */
function trace(run: KpiRun, expr: Pick<Expr, "formula" | "text">): KpiTrace {
  return {
    kpi: run.id,
    formula: expr.formula,
    substituted: expr.text,
    inputs: run.inputs,
    steps: run.steps,
    scope: { ...run.scope },
  };
}

/** The result for a computed value; the value itself is the last step. */
export function valueResult(run: KpiRun, expr: Expr): KpiValueResult {
  const value = formatDecimal(expr.value);
  run.steps.push({ name: run.id, value });
  const result: KpiValueResult = { value, unit: run.unit, trace: trace(run, expr) };
  lastResult = result;
  lastValue = expr.value;
  return result;
}

/** The last value result made, and the Decimal its value was written from. */
let lastResult: KpiValueResult | undefined;
let lastValue: Dec = new D(0);

/**
 * The value of a KPI result as a Decimal. Right after computing it (before any other KPI), that is
 * the Decimal its text was written from, read without parsing the text again; otherwise, and for a
 * zero (whose sign the text drops), the text parsed. Either way the same number.
 *
 * @internal
 * @param result - a KPI result with a value
 * @returns its value
 */
export function kpiValueDecimal(result: KpiValueResult): Dec {
  return result === lastResult && !lastValue.isZero() ? lastValue : new D(result.value);
}

/** The `missing-facts` result naming every fact that was missing, in the order they were needed. */
export function missingFacts(run: KpiRun): KpiNullResult {
  return { value: null, unit: run.unit, reason: "missing-facts", missing: [...run.missing] };
}

/** A `zero-denominator` or `insufficient-data` result with the ratio's two sides. */
export function nullRatio(
  run: KpiRun,
  reason: "zero-denominator" | "insufficient-data",
  numerator: Expr,
  denominator: Expr,
): KpiNullResult {
  return {
    value: null,
    unit: run.unit,
    reason,
    numerator: formatDecimal(numerator.value),
    denominator: formatDecimal(denominator.value),
    trace: trace(run, {
      formula: `${bracket(numerator.formula, numerator.formulaPrec)} ÷ ${bracket(denominator.formula, denominator.formulaPrec)}`,
      text: `${bracket(numerator.text, numerator.textPrec)} ÷ ${bracket(denominator.text, denominator.textPrec)}`,
    }),
  };
}

function bracket(s: string, prec: number): string {
  return prec < 2 ? `(${s})` : s;
}

/**
 * Divides, applying the library's two ratio rules uniformly (SPEC §3): below `minSample` (a
 * minimum denominator in the denominator's own unit) the value is null with `insufficient-data`,
 * including a denominator of 0 when a sample is required; otherwise a denominator of 0 gives
 * `zero-denominator`. Both null results carry the numerator and denominator. `then` continues
 * from the ratio (inventory turnover annualised).
 */
export function ratioResult(
  run: KpiRun,
  numerator: Expr,
  denominator: Expr,
  minSample?: string,
  then: (ratio: Expr, numerator: Expr, denominator: Expr) => Expr = (ratio) => ratio,
): KpiResult {
  if (minSample !== undefined && denominator.value.lt(new D(minSample))) {
    return nullRatio(run, "insufficient-data", numerator, denominator);
  }
  const ratio = over(numerator, denominator);
  if (ratio === undefined) return nullRatio(run, "zero-denominator", numerator, denominator);
  const value = then(ratio, numerator, denominator);
  const result = valueResult(run, value);
  if (recording !== undefined && value === ratio) {
    recording.set(result, { numerator: numerator.value, denominator: denominator.value });
  }
  return result;
}

/** An exact fraction whose 34-digit quotient is a KPI value. @internal */
export interface ExactRatio {
  readonly numerator: Dec;
  readonly denominator: Dec;
}

/**
 * The fractions of the ratio results made while {@link withExactRatios} runs; undefined otherwise,
 * so that settling (where nothing reads them) keeps no table of its results.
 */
let recording: WeakMap<KpiResult, ExactRatio> | undefined;

/**
 * Runs `work` (synchronous) while recording the exact numerator and denominator of every KPI value
 * that is one division of them, for arithmetic on the values that must not start from their 34-digit
 * rounding (a reconciliation's differences). `exactRatioOf` reads the fraction of a result.
 *
 * @internal
 */
export function withExactRatios<T>(work: () => T): {
  readonly value: T;
  readonly exactRatioOf: (result: KpiResult) => ExactRatio | undefined;
} {
  const outer = recording;
  const table = outer ?? new WeakMap<KpiResult, ExactRatio>();
  recording = table;
  try {
    return { value: work(), exactRatioOf: (result) => table.get(result) };
  } finally {
    recording = outer;
  }
}
