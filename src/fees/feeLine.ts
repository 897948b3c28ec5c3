import { compare, contractDecimal, D, type Dec, formatDecimal, quotient } from "../internal/decimal.js";
import type { TargetEvaluation, TargetStatus } from "../targets/evaluateTargets.js";
import type { DecimalString } from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";
import type { Period } from "../values/period.js";
import { formatMoney, type RoundingMode, roundMoneyDec } from "../values/rounding.js";
import type { FeeComponent } from "./schema.js";
import type { ProrationDays, TierResult } from "./tiers.js";

/** What a statement line is: a component's type, or one of the schedule-level adjustments. */
export type FeeLineKind = FeeComponent["type"] | "minimum" | "maximum" | "tax";

/** The language line descriptions are written in. */
export type FeeLocale = "en" | "zh-CN";

/** One named intermediate value of a fee line, in the order it was computed. */
export interface FeeTraceStep {
  readonly name: string;
  readonly value: string;
}

/** The target a bonus, penalty or gate looked at, as it was judged in the cycle. */
export interface FeeTraceTarget {
  readonly id: string;
  readonly status: TargetStatus;
  readonly met: boolean;
  readonly judged: boolean;
  readonly actual: DecimalString | null;
  readonly target: DecimalString | null;
  readonly attainment: DecimalString;
}

/**
 * How a fee line's amount was reached, as plain JSON a person can recompute by hand: the formula,
 * the same formula with the numbers put in, the exact amount before rounding, the rounding mode, and
 * every intermediate value.
 */
export interface FeeLineTrace {
  readonly formula: string;
  readonly substituted: string;
  /** The exact amount before the one rounding of the line. */
  readonly exact: DecimalString;
  readonly rounding: RoundingMode;
  readonly steps: readonly FeeTraceStep[];
  /** Share and rate bonuses: the tier breakdown. */
  readonly tiers?: TierResult;
  /** The gate that held the component back. */
  readonly gate?: FeeTraceTarget;
  /** Bonus and penalty: the target the payout depends on. */
  readonly target?: FeeTraceTarget;
  /** Share, rate bonus and reimbursement: how the basis was computed (KPI trace, stores, FX). */
  readonly basis?: unknown;
  /** The component's cap and whether it bit. */
  readonly cap?: { readonly cap: DecimalString; readonly applied: boolean };
}

/**
 * One line of a settlement statement (SPEC §6.5): the component's name and kind, the basis and
 * rate where they apply, the amount rounded once to the currency's minor unit (deductions
 * negative), the trace, and a description in the statement's locale.
 */
export interface FeeLine {
  /** The component's name, or `minimum` / `maximum` / the tax name for schedule-level lines. */
  readonly component: string;
  readonly kind: FeeLineKind;
  /** The amount the rate applied to (exact, trailing zeros removed). */
  readonly basis?: DecimalString;
  /** The rate applied, when one rate describes the line. */
  readonly rate?: DecimalString;
  /** The line amount with exactly the currency's minor-unit digits. */
  readonly amount: DecimalString;
  readonly trace: FeeLineTrace;
  readonly description: string;
  /**
   * Share with `negativeBasis: "carry-forward"`: the negative basis carried into the next cycle
   * ("0" when nothing is carried). The next cycle's settlement reads it from `previousCycle`.
   */
  readonly carryForward?: DecimalString;
}

/** A fee line with the warnings its computation raised. */
export interface FeeLineResult {
  readonly line: FeeLine;
  readonly warnings: readonly string[];
}

/** The evaluation fields a fee component reads. A `TargetEvaluation` satisfies it. */
export type FeeEvaluation = Pick<
  TargetEvaluation,
  "targetId" | "status" | "met" | "judged" | "actual" | "target" | "attainment" | "baseline"
>;

/**
 * What a fee component needs to know about the cycle being settled: the schedule's currency and
 * rounding, the cycle and its proration, the target evaluations and the score.
 */
export interface FeeCycleContext {
  readonly currency: string;
  readonly rounding: RoundingMode;
  readonly cycle: Period;
  /** Proration of the cycle: `days ÷ fullDays` (1 ÷ 1 for a whole cycle). */
  readonly proration: ProrationDays;
  readonly evaluations: readonly FeeEvaluation[];
  /** The cycle's weighted score (SPEC §4.3), null when no objective is judged. */
  readonly score: DecimalString | null;
  /** Language of line descriptions; `en` by default. */
  readonly locale?: FeeLocale;
}

/**
 * The value of a fee basis in one cycle: the basis KPI computed on the pooled facts of its stores
 * in the schedule currency, before `over` and before any carried negative basis.
 */
export interface FeeBasisValue {
  readonly value: DecimalString;
  /** `value` as the Decimal it was written from, when the caller has it (not parsed again). */
  readonly decimal?: Dec;
  /** How it was computed, for the line's trace. */
  readonly trace?: unknown;
}

/** Picks the English or Chinese text. @internal */
export function say(locale: FeeLocale | undefined, en: string, zh: string): string {
  return locale === "zh-CN" ? zh : en;
}

/** `amount × days ÷ fullDays`, exact (one division). @internal */
export function prorate(amount: Dec, proration: ProrationDays): Dec {
  if (proration.days === proration.fullDays) return amount;
  return quotient(amount.times(proration.days), proration.fullDays);
}

/** Whether the cycle is a whole cycle. @internal */
export function isWhole(proration: ProrationDays): boolean {
  return proration.days === proration.fullDays;
}

/**
 * Applies a component's own cap (share, bonus, penalty): an amount above it becomes the cap, with a
 * `capped at` step; an amount at or below it is kept. The cap as the line's trace shows it, or
 * undefined when the component has none. @internal
 */
export function applyCap(
  amount: Dec,
  cap: DecimalString | undefined,
  steps: FeeTraceStep[],
): { readonly amount: Dec; readonly cap: FeeLineTrace["cap"] } {
  if (cap === undefined) return { amount, cap: undefined };
  const limit = contractDecimal(cap);
  if (compare(amount, limit) <= 0) return { amount, cap: { cap, applied: false } };
  steps.push({ name: `capped at ${cap}`, value: formatDecimal(limit) });
  return { amount: limit, cap: { cap, applied: true } };
}

/** Rounds an exact line amount once and writes it with the currency's digits. @internal */
export function roundLine(exact: Dec, ctx: Pick<FeeCycleContext, "currency" | "rounding">): DecimalString {
  return formatMoney(roundMoneyDec(exact, ctx.currency, ctx.rounding), ctx.currency);
}

/** The evaluation of a target, which the contract's references guarantee. @internal */
export function evaluationOf(ctx: FeeCycleContext, targetId: string, component: string): FeeEvaluation {
  const found = ctx.evaluations.find((e) => e.targetId === targetId);
  if (found === undefined) {
    throw new KpiContractError(
      "target-unknown",
      `Component ${component} names target ${targetId}, which has no evaluation in this cycle`,
      { component, targetId },
    );
  }
  return found;
}

/** The evaluation as a trace entry. @internal */
export function traceTarget(e: FeeEvaluation): FeeTraceTarget {
  return {
    id: e.targetId,
    status: e.status,
    met: e.met,
    judged: e.judged,
    actual: e.actual,
    target: e.target,
    attainment: e.attainment,
  };
}

/**
 * The first gate that is not met in this cycle (SPEC §6.2: a gated component pays nothing unless
 * every gated target is met in that cycle; a pending target is not met). @internal
 */
export function failedGate(
  ctx: FeeCycleContext,
  gates: readonly string[] | undefined,
  component: string,
): FeeEvaluation | undefined {
  for (const id of gates ?? []) {
    const e = evaluationOf(ctx, id, component);
    if (e.status !== "met") return e;
  }
  return undefined;
}

/** Builds a line whose amount is the exact amount rounded once. @internal */
export function makeLine(
  fields: Omit<FeeLine, "amount" | "trace"> & {
    readonly trace: Omit<FeeLineTrace, "exact" | "rounding">;
  },
  exact: Dec,
  ctx: Pick<FeeCycleContext, "currency" | "rounding">,
): FeeLine {
  // A fixed key order keeps statements readable and byte-identical. Members are assigned one by
  // one: every line of every settlement is built here, and spreads into literals are slow in V8.
  const line: { -readonly [K in keyof FeeLine]?: FeeLine[K] } = {
    component: fields.component,
    kind: fields.kind,
  };
  if (fields.basis !== undefined) line.basis = fields.basis;
  if (fields.rate !== undefined) line.rate = fields.rate;
  line.amount = roundLine(exact, ctx);
  line.description = fields.description;
  if (fields.carryForward !== undefined) line.carryForward = fields.carryForward;
  const trace: Record<string, unknown> = {};
  for (const key in fields.trace) trace[key] = fields.trace[key as keyof typeof fields.trace];
  trace.exact = formatDecimal(exact);
  trace.rounding = ctx.rounding;
  line.trace = trace as unknown as FeeLineTrace;
  return line as FeeLine;
}

/** Reads a decimal string of trusted data. @internal */
export function dec(value: DecimalString): Dec {
  return new D(value);
}

/** The gate message of a held-back component, for the description and the warnings. @internal */
export function gateMessage(locale: FeeLocale | undefined, component: string, gate: FeeEvaluation): string {
  const status =
    gate.status === "pending" ? say(locale, "pending", "待评估") : say(locale, "missed", "未达成");
  return say(
    locale,
    `${component} pays nothing this cycle: gate ${gate.targetId} is ${status}`,
    `${component} 本期不支付：门槛目标 ${gate.targetId} ${status}`,
  );
}
