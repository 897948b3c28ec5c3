import { contractDecimal } from "../internal/decimal.js";
import { type FeeCycleContext, type FeeLineResult, isWhole, makeLine, prorate, say } from "./feeLine.js";
import type { FixedComponent } from "./schema.js";

/**
 * Computes the line of a `fixed` component (SPEC §6.2, §6.4): the base fee per cycle, scaled by
 * `days ÷ fullDays` in a partial cycle when `prorate` is `daily`, rounded once.
 *
 * @param component - the parsed fixed component
 * @param ctx - the cycle being settled
 * @returns the line and its warnings (none)
 * @throws never for a parsed component
 * @example
 * ```ts
 * const { line } = fixedLine(
 *   { type: "fixed", name: "base", amount: "1500.00", prorate: "daily" },
 *   { currency: "USD", rounding: "half-up", cycle: { start: "2026-01-10", end: "2026-01-31" },
 *     proration: { days: 22, fullDays: 31 }, evaluations: [], score: null },
 * );
 * line.amount; // "1064.52"  (1,500.00 × 22 ÷ 31 = 1,064.516…)
 * ```
 */
export function fixedLine(component: FixedComponent, ctx: FeeCycleContext): FeeLineResult {
  const amount = contractDecimal(component.amount);
  const daily = component.prorate === "daily" && !isWhole(ctx.proration);
  const exact = daily ? prorate(amount, ctx.proration) : amount;
  const { days, fullDays } = ctx.proration;
  const line = makeLine(
    {
      component: component.name,
      kind: "fixed",
      description: daily
        ? say(
            ctx.locale,
            `Base fee ${component.amount} prorated for ${days} of ${fullDays} days`,
            `基础服务费 ${component.amount}，按 ${days}/${fullDays} 天折算`,
          )
        : say(ctx.locale, `Base fee ${component.amount} for the cycle`, `本期基础服务费 ${component.amount}`),
      trace: daily
        ? {
            formula: "amount × d ÷ D",
            substituted: `${component.amount} × ${days} ÷ ${fullDays}`,
            steps: [
              { name: "amount", value: component.amount },
              { name: "d (days settled)", value: String(days) },
              { name: "D (days of the full cycle)", value: String(fullDays) },
            ],
          }
        : {
            formula: "amount",
            substituted: component.amount,
            steps: [
              { name: "amount", value: component.amount },
              {
                name: "proration",
                value:
                  component.prorate === "none"
                    ? "none (prorate: none)"
                    : `whole cycle (${days} of ${fullDays} days)`,
              },
            ],
          },
    },
    exact,
    ctx,
  );
  return { line, warnings: [] };
}
