import {
  contractDecimal,
  type Dec,
  formatDecimal,
  quotient,
  readableDecimal,
  ZERO,
} from "../internal/decimal.js";
import type { DecimalString } from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";
import {
  applyCap,
  dec,
  evaluationOf,
  type FeeBasisValue,
  type FeeCycleContext,
  type FeeEvaluation,
  type FeeLineResult,
  type FeeTraceStep,
  failedGate,
  gateMessage,
  makeLine,
  say,
  traceTarget,
} from "./feeLine.js";
import { resolveBasis } from "./resolveBasis.js";
import type { BonusComponent } from "./schema.js";

type Payout = BonusComponent["payout"];

interface PayoutResult {
  readonly exact: Dec;
  readonly formula: string;
  readonly substituted: string;
  readonly steps: readonly FeeTraceStep[];
  readonly basis?: Dec;
  readonly rate?: DecimalString;
  readonly warnings: readonly string[];
}

/** The payout of a judged target (SPEC §6.2). */
function payoutOf(
  payout: Payout,
  e: FeeEvaluation,
  ctx: FeeCycleContext,
  component: string,
  basis: FeeBasisValue | undefined,
): PayoutResult {
  const attainment = dec(e.attainment);
  if ("fixed" in payout) {
    return {
      exact: e.met ? contractDecimal(payout.fixed) : ZERO,
      formula: "fixed amount when the target is met",
      substituted: e.met ? payout.fixed : `${e.targetId} missed: 0`,
      steps: [{ name: "met", value: String(e.met) }],
      warnings: [],
    };
  }
  if ("steps" in payout) {
    // The highest step reached: the largest `from` not above the attainment.
    let best: { from: DecimalString; amount: DecimalString } | undefined;
    for (const step of payout.steps) {
      const from = contractDecimal(step.from);
      if (attainment.gte(from) && (best === undefined || from.gt(contractDecimal(best.from)))) best = step;
    }
    return {
      exact: best === undefined ? ZERO : contractDecimal(best.amount),
      formula: "amount of the highest step whose `from` ≤ attainment",
      substituted:
        best === undefined
          ? `attainment ${e.attainment} is below every step: 0`
          : `attainment ${e.attainment} ≥ ${best.from}: ${best.amount}`,
      steps: [{ name: "attainment", value: e.attainment }],
      warnings: [],
    };
  }
  if ("linear" in payout) {
    const { from, to, min, max } = payout.linear;
    let exact: Dec;
    let substituted: string;
    if (attainment.lt(from)) {
      exact = ZERO;
      substituted = `attainment ${e.attainment} < ${from}: 0`;
    } else if (attainment.gte(to)) {
      exact = dec(max);
      substituted = `attainment ${e.attainment} ≥ ${to}: ${max}`;
    } else {
      exact = dec(min).plus(quotient(dec(max).minus(min).times(attainment.minus(from)), dec(to).minus(from)));
      substituted = `${min} + (${max} − ${min}) × (${e.attainment} − ${from}) ÷ (${to} − ${from})`;
    }
    return {
      exact,
      formula: "min + (max − min) × (attainment − from) ÷ (to − from); 0 below from, max from `to` on",
      substituted,
      steps: [{ name: "attainment", value: e.attainment }],
      warnings: [],
    };
  }
  if (basis === undefined) {
    throw new KpiContractError(
      "basis-missing",
      `Bonus ${component} pays a rate of a basis; pass the basis value`,
      {
        component,
      },
    );
  }
  const resolved = resolveBasis(payout.of, basis, ctx, component, { negativeBasis: "zero" });
  const exact = e.met ? resolved.amount.times(payout.rate) : ZERO;
  return {
    exact,
    formula: "basis × rate when the target is met",
    substituted: e.met ? `${formatDecimal(resolved.amount)} × ${payout.rate}` : `${e.targetId} missed: 0`,
    steps: [...resolved.steps, { name: "met", value: String(e.met) }],
    basis: resolved.amount,
    rate: payout.rate,
    warnings: resolved.warnings,
  };
}

/**
 * Computes the line of a `bonus` component (SPEC §6.2): `fixed` and `rate` pay only when the target
 * is met; `steps` and `linear` pay by attainment alone. A target whose window ends in a later cycle
 * pays nothing yet (the line says pending); a window target is paid only in the cycle that judges it.
 * A failed gate holds the bonus back to 0; `cap` limits it; the amount is rounded once.
 *
 * @param component - the parsed bonus component
 * @param ctx - the cycle being settled (its evaluations must include the bonus target)
 * @param basis - for `{ rate, of }` payouts: the basis KPI value of this cycle in the schedule currency
 * @returns the line and its warnings
 * @throws {@link KpiContractError} `target-unknown`, `basis-missing` (a rate payout without a basis),
 *   `baseline-unavailable`
 * @example
 * ```ts
 * const { line } = bonusLine(
 *   { type: "bonus", name: "growth-bonus", target: "gmv-growth",
 *     payout: { linear: { from: "0.8", to: "1.2", min: "0", max: "2000.00" } } },
 *   { currency: "USD", rounding: "half-up", cycle: { start: "2026-03-01", end: "2026-03-31" },
 *     proration: { days: 31, fullDays: 31 }, score: "1",
 *     evaluations: [{ targetId: "gmv-growth", status: "met", met: true, judged: true,
 *       actual: "1", target: "1", attainment: "1", baseline: null }] },
 * );
 * line.amount; // "1000.00"  (0 + 2,000 × (1 − 0.8) ÷ 0.4)
 * ```
 */
export function bonusLine(
  component: BonusComponent,
  ctx: FeeCycleContext,
  basis?: FeeBasisValue,
): FeeLineResult {
  const e = evaluationOf(ctx, component.target, component.name);
  const target = traceTarget(e);
  const zero = (reason: string, extra: Partial<{ gate: FeeEvaluation }> = {}): FeeLineResult => ({
    line: makeLine(
      {
        component: component.name,
        kind: "bonus",
        description: reason,
        trace: {
          formula: "no payout this cycle",
          substituted: reason,
          steps: [],
          target,
          ...(extra.gate ? { gate: traceTarget(extra.gate) } : {}),
        },
      },
      ZERO,
      ctx,
    ),
    warnings: [reason],
  });
  const gate = failedGate(ctx, component.gates, component.name);
  if (gate !== undefined) return zero(gateMessage(ctx.locale, component.name, gate), { gate });
  if (e.status === "pending") {
    return zero(
      say(
        ctx.locale,
        `${component.name} is pending: target ${e.targetId} is judged when its window ends`,
        `${component.name} 待定：目标 ${e.targetId} 在评估期结束时评估`,
      ),
    );
  }
  if (!e.judged) {
    return zero(
      say(
        ctx.locale,
        `${component.name} pays nothing this cycle: target ${e.targetId} was judged in the cycle its window ended`,
        `${component.name} 本期不支付：目标 ${e.targetId} 已在其评估期结束的周期结算`,
      ),
    );
  }
  const payout = payoutOf(component.payout, e, ctx, component.name, basis);
  const steps = [...payout.steps];
  const capped = applyCap(payout.exact, component.cap, steps);
  const exact = capped.amount;
  const cap = capped.cap;
  // The attainment is judged against 1 and the payout's steps or range: it is shown so that it
  // keeps its order against each (readable in the description; exact in the trace).
  const p = component.payout;
  const thresholds = [
    "1",
    ...("steps" in p ? p.steps.map((step) => step.from) : []),
    ...("linear" in p ? [p.linear.from, p.linear.to] : []),
  ];
  const attainment = readableDecimal(e.attainment, thresholds);
  const line = makeLine(
    {
      component: component.name,
      kind: "bonus",
      ...(payout.basis !== undefined ? { basis: formatDecimal(payout.basis) } : {}),
      ...(payout.rate !== undefined ? { rate: payout.rate } : {}),
      description: say(
        ctx.locale,
        `Bonus on ${e.targetId} (${e.status}, attainment ${attainment})${cap?.applied ? `, capped at ${cap.cap}` : ""}`,
        `绩效奖金：目标 ${e.targetId}（${e.met ? "已达成" : "未达成"}，达成率 ${attainment}）${cap?.applied ? `，封顶 ${cap.cap}` : ""}`,
      ),
      trace: {
        formula: payout.formula,
        substituted: payout.substituted,
        steps,
        target,
        ...(basis?.trace !== undefined && payout.basis !== undefined ? { basis: basis.trace } : {}),
        ...(cap !== undefined ? { cap } : {}),
      },
    },
    exact,
    ctx,
  );
  return { line, warnings: payout.warnings };
}
