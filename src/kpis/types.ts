import type * as z from "zod";
import type { PeriodFacts } from "../facts/schema.js";
import type { DecimalString } from "../values/decimal.js";

/** What a KPI value measures. */
export type KpiUnit = "money" | "ratio" | "count" | "days" | "stars";

/** Which direction is good. */
export type KpiPolarity = "higher-is-better" | "lower-is-better";

/** Why a KPI has no value. */
export type KpiNullReason = "zero-denominator" | "missing-facts" | "insufficient-data";

/**
 * The arithmetic behind a KPI value, as plain JSON, so a person can recompute it by hand.
 */
export interface KpiTrace {
  /** The KPI id. */
  readonly kpi: string;
  /** The formula with fact paths, for example `"ads.spend ÷ ads.attributed.14d.sales"`. */
  readonly formula: string;
  /** The same formula with the numbers put in, for example `"9000.00 ÷ 42000.00"`. */
  readonly substituted: string;
  /** Every fact read: fact path → value as written in the facts (counts as decimal strings). */
  readonly inputs: Readonly<Record<string, string>>;
  /** Named intermediate values in the order they were computed (for example `gmv`, `average inventory`). */
  readonly steps: readonly { readonly name: string; readonly value: string }[];
  /** The scope actually used, every knob spelled out (defaults filled in). */
  readonly scope: Readonly<Record<string, unknown>>;
}

/** A KPI that has a value. `value` is a normalised decimal string (trailing zeros removed). */
export interface KpiValueResult {
  readonly value: DecimalString;
  readonly unit: KpiUnit;
  readonly trace: KpiTrace;
}

/**
 * A KPI that has no value, with the reason. Never NaN, Infinity or a silent 0.
 * `missing` names the fact paths that were absent (`missing-facts`); `numerator` and `denominator`
 * are given for ratios (`zero-denominator`, `insufficient-data`), so that a lower-is-better ratio
 * with nothing in its numerator (no spend, no negative reviews) can be judged met.
 */
export interface KpiNullResult {
  readonly value: null;
  readonly unit: KpiUnit;
  readonly reason: KpiNullReason;
  readonly missing?: readonly string[];
  readonly numerator?: DecimalString;
  readonly denominator?: DecimalString;
  readonly trace?: KpiTrace;
}

/** The result of computing a KPI. */
export type KpiResult = KpiValueResult | KpiNullResult;

/** Extra inputs some KPIs need, passed by `computeKpi`'s options. */
export interface KpiComputeContext {
  /**
   * The comparison for `salesGrowth`: facts of the comparison period (the KPI computes their GMV
   * with the same scope) or a stated GMV value.
   */
  readonly comparison?: PeriodFacts | DecimalString;
}

/**
 * A test on a scope. Declared as a method so that a definition with a narrower scope type is still
 * a `KpiDefinition` (method parameters are bivariant).
 */
export type ScopePredicate<Scope> = { check(scope: Scope): boolean }["check"];

/**
 * A KPI definition: identity, unit, polarity, the scope knobs (as a zod schema), the fact fields
 * it reads, and a pure `compute`.
 */
export interface KpiDefinition<Scope extends Record<string, unknown> = Record<string, unknown>> {
  /** Catalogue or custom id, for example `"acos"`. */
  readonly id: string;
  /** One-line English description. */
  readonly description: string;
  readonly unit: KpiUnit;
  readonly polarity: KpiPolarity;
  /**
   * Zod schema of the scope: a strict object whose knobs all have library defaults (for ad-hoc
   * use). Parsing `{}` gives the default scope.
   */
  readonly scopeSchema: z.ZodType<Scope, Record<string, unknown>>;
  /** The knobs a contract must state (SMART `scope-incomplete`); `minSample` is never listed. */
  readonly knobs: readonly string[];
  /**
   * The knobs a contract must state given the knobs it stated, when some of `knobs` only matter for
   * certain values of others (conversion rate needs `attributionWindow` only with `source: "ads"`).
   * Without it, every knob in `knobs` must be stated.
   */
  requiredKnobs?(stated: Readonly<Record<string, unknown>>): readonly string[];
  /** The fact paths the KPI reads under a scope (for `facts-unavailable` and documentation). */
  reads(scope: Scope): readonly string[];
  /**
   * Whether the value is a share of a whole, so it can never exceed 1 (negative review rate,
   * click-through rate…); a function when it depends on the scope (conversion rate by orders is,
   * by units is not). SMART uses it to spot goals above 100%.
   */
  readonly shareOfWhole?: boolean | ScopePredicate<Scope>;
  /** Whether the scope takes the optional `minSample` knob (every ratio KPI does). */
  readonly minSample?: boolean;
  /** Computes the KPI from trusted (parsed) facts and a parsed scope. Never throws on valid input. */
  compute(facts: PeriodFacts, scope: Scope, context: KpiComputeContext): KpiResult;
}
