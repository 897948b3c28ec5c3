import { formatDecimal, ONE } from "../internal/decimal.js";
import {
  dec,
  type FeeBasisValue,
  type FeeCycleContext,
  type FeeLineResult,
  makeLine,
  say,
} from "./feeLine.js";
import type { ReimbursementComponent } from "./schema.js";

/**
 * Computes the line of a `reimbursement` component (SPEC §6.2): the cost the agency paid on the
 * seller's behalf (the fact named by `fact`, pooled over the component's stores in the schedule
 * currency) re-billed at cost × (1 + markup), rounded once.
 *
 * @param component - the parsed reimbursement component
 * @param ctx - the cycle being settled
 * @param cost - the value of the component's fact this cycle, in the schedule currency
 * @returns the line and its warnings (none)
 * @throws never for parsed input
 * @example
 * ```ts
 * const { line } = reimbursementLine(
 *   { type: "reimbursement", name: "ads", fact: "ads.spend", markup: "0.05" },
 *   { currency: "USD", rounding: "half-up", cycle: { start: "2026-03-01", end: "2026-03-31" },
 *     proration: { days: 31, fullDays: 31 }, evaluations: [], score: null },
 *   { value: "9000.00" },
 * );
 * line.amount; // "9450.00"  (9,000.00 × 1.05)
 * ```
 */
export function reimbursementLine(
  component: ReimbursementComponent,
  ctx: FeeCycleContext,
  cost: FeeBasisValue,
): FeeLineResult {
  const value = dec(cost.value);
  const factor = ONE.plus(component.markup);
  const line = makeLine(
    {
      component: component.name,
      kind: "reimbursement",
      basis: formatDecimal(value),
      rate: component.markup,
      description: say(
        ctx.locale,
        `Re-billed ${component.fact} ${formatDecimal(value)} at cost plus ${component.markup} markup`,
        `代垫费用 ${component.fact} ${formatDecimal(value)}，按成本加 ${component.markup} 加价转售`,
      ),
      trace: {
        formula: "cost × (1 + markup)",
        substituted: `${formatDecimal(value)} × ${formatDecimal(factor)}`,
        steps: [
          { name: component.fact, value: formatDecimal(value) },
          { name: "markup", value: component.markup },
        ],
        ...(cost.trace !== undefined ? { basis: cost.trace } : {}),
      },
    },
    value.times(factor),
    ctx,
  );
  return { line, warnings: [] };
}
