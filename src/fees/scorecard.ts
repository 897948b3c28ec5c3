import { contractDecimal, readableDecimal, ZERO } from "../internal/decimal.js";
import {
  dec,
  type FeeCycleContext,
  type FeeLineResult,
  failedGate,
  gateMessage,
  makeLine,
  say,
  traceTarget,
} from "./feeLine.js";
import type { ScorecardComponent } from "./schema.js";

/**
 * Computes the line of a `scorecard` component (SPEC §6.2): `pool × score` when the cycle's score is
 * at least `threshold`, else 0 (also 0 when no objective is judged and the score is null). A failed
 * gate holds it back to 0. Rounded once.
 *
 * @param component - the parsed scorecard component
 * @param ctx - the cycle being settled (its `score`)
 * @returns the line and its warnings
 * @throws {@link KpiContractError} `target-unknown` for a gate without an evaluation
 * @example
 * ```ts
 * const { line } = scorecardLine(
 *   { type: "scorecard", name: "scorecard", pool: "3000.00", threshold: "0.7" },
 *   { currency: "USD", rounding: "half-up", cycle: { start: "2026-03-01", end: "2026-03-31" },
 *     proration: { days: 31, fullDays: 31 }, evaluations: [], score: "0.85" },
 * );
 * line.amount; // "2550.00"  (3,000.00 × 0.85)
 * ```
 */
export function scorecardLine(component: ScorecardComponent, ctx: FeeCycleContext): FeeLineResult {
  const gate = failedGate(ctx, component.gates, component.name);
  const score = ctx.score;
  const warnings: string[] = [];
  let exact = ZERO;
  let substituted: string;
  let description: string;
  if (gate !== undefined) {
    description = gateMessage(ctx.locale, component.name, gate);
    substituted = description;
    warnings.push(description);
  } else if (score === null) {
    substituted = "no objective target is judged this cycle: no score, 0";
    description = say(
      ctx.locale,
      `Scorecard pool ${component.pool}: no score this cycle, nothing paid`,
      `计分奖金池 ${component.pool}：本期无评分，不支付`,
    );
    warnings.push(say(ctx.locale, `${component.name}: no score this cycle`, `${component.name}：本期无评分`));
  } else if (dec(score).gte(contractDecimal(component.threshold))) {
    exact = contractDecimal(component.pool).times(score);
    substituted = `${component.pool} × ${score}`;
    const shown = readableDecimal(score, component.threshold);
    description = say(
      ctx.locale,
      `Scorecard pool ${component.pool} × score ${shown} (threshold ${component.threshold} reached)`,
      `计分奖金池 ${component.pool} × 评分 ${shown}（达到门槛 ${component.threshold}）`,
    );
  } else {
    substituted = `score ${score} < threshold ${component.threshold}: 0`;
    const shown = readableDecimal(score, component.threshold);
    description = say(
      ctx.locale,
      `Scorecard pool ${component.pool}: score ${shown} is below the threshold ${component.threshold}`,
      `计分奖金池 ${component.pool}：评分 ${shown} 低于门槛 ${component.threshold}`,
    );
  }
  const line = makeLine(
    {
      component: component.name,
      kind: "scorecard",
      ...(gate === undefined && score !== null ? { basis: component.pool, rate: score } : {}),
      description,
      trace: {
        formula: "pool × score when score ≥ threshold, else 0",
        substituted,
        steps: [
          { name: "pool", value: component.pool },
          { name: "score", value: score ?? "null" },
          { name: "threshold", value: component.threshold },
        ],
        ...(gate !== undefined ? { gate: traceTarget(gate) } : {}),
      },
    },
    exact,
    ctx,
  );
  return { line, warnings };
}
