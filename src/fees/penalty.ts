import { contractDecimal, type Dec, readableDecimal, readablePair } from "../internal/decimal.js";
import type { DecimalString } from "../values/decimal.js";
import {
  applyCap,
  dec,
  evaluationOf,
  type FeeCycleContext,
  type FeeLineResult,
  type FeeTraceStep,
  makeLine,
  say,
  traceTarget,
} from "./feeLine.js";
import type { PenaltyComponent } from "./schema.js";

/** What a penalty needs besides the cycle: the fixed lines of the same cycle. */
export interface PenaltyLineOptions {
  /** Σ of this cycle's rounded (prorated) `fixed` lines, for `rateOfFixed`. */
  readonly fixedTotal: DecimalString;
}

/**
 * Computes the line of a `penalty` component (SPEC §6.2): when its target is judged and missed in
 * this cycle, `amount` or `rateOfFixed × Σ fixed lines` is deducted (a negative line), limited to
 * its own `cap`, rounded once. A met target, or one not judged in this cycle (pending, or a window
 * already judged), gives no line.
 *
 * @param component - the parsed penalty component
 * @param ctx - the cycle being settled
 * @param options - `fixedTotal`, the sum of this cycle's fixed lines
 * @returns the line and its warnings, or null when nothing is deducted
 * @throws {@link KpiContractError} `target-unknown`
 * @example
 * ```ts
 * const result = penaltyLine(
 *   { type: "penalty", name: "acos-miss", target: "acos", rateOfFixed: "0.10" },
 *   { currency: "USD", rounding: "half-up", cycle: { start: "2026-03-01", end: "2026-03-31" },
 *     proration: { days: 31, fullDays: 31 }, score: "0.5",
 *     evaluations: [{ targetId: "acos", status: "missed", met: false, judged: true,
 *       actual: "0.25", target: "0.22", attainment: "0.88", baseline: null }] },
 *   { fixedTotal: "1500.00" },
 * );
 * result?.line.amount; // "-150.00"  (10% × 1,500.00)
 * ```
 */
export function penaltyLine(
  component: PenaltyComponent,
  ctx: FeeCycleContext,
  options: PenaltyLineOptions,
): FeeLineResult | null {
  const e = evaluationOf(ctx, component.target, component.name);
  if (!e.judged || e.status !== "missed") return null;
  const steps: FeeTraceStep[] = [];
  let magnitude: Dec;
  let formula: string;
  let substituted: string;
  if (component.rateOfFixed !== undefined) {
    magnitude = dec(options.fixedTotal).times(contractDecimal(component.rateOfFixed));
    formula = "−(rateOfFixed × Σ fixed lines), capped";
    substituted = `−(${component.rateOfFixed} × ${options.fixedTotal})`;
    steps.push(
      { name: "Σ fixed lines", value: options.fixedTotal },
      { name: "rateOfFixed", value: component.rateOfFixed },
    );
  } else {
    magnitude = contractDecimal(component.amount ?? "0");
    formula = "−amount, capped";
    substituted = `−${component.amount ?? "0"}`;
    steps.push({ name: "amount", value: component.amount ?? "0" });
  }
  const capped = applyCap(magnitude, component.cap, steps);
  magnitude = capped.amount;
  const cap = capped.cap;
  // Readable in the description; the exact values are in the trace.
  const [actualText, targetText] =
    e.actual !== null && e.target !== null
      ? readablePair(e.actual, e.target)
      : [
          e.actual === null ? null : readableDecimal(e.actual),
          e.target === null ? null : readableDecimal(e.target),
        ];
  const line = makeLine(
    {
      component: component.name,
      kind: "penalty",
      ...(component.rateOfFixed !== undefined
        ? { basis: options.fixedTotal, rate: component.rateOfFixed }
        : {}),
      description: say(
        ctx.locale,
        `Penalty: target ${e.targetId} missed (actual ${actualText ?? "none"}, target ${targetText ?? "none"})${cap?.applied ? `, capped at ${cap.cap}` : ""}`,
        `罚金：目标 ${e.targetId} 未达成（实际 ${actualText ?? "无"}，目标 ${targetText ?? "无"}）${cap?.applied ? `，封顶 ${cap.cap}` : ""}`,
      ),
      trace: { formula, substituted, steps, target: traceTarget(e), ...(cap !== undefined ? { cap } : {}) },
    },
    magnitude.neg(),
    ctx,
  );
  return { line, warnings: [] };
}
