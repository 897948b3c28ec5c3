import { D } from "../internal/decimal.js";
import type { KpiPolarity } from "../kpis/types.js";
import type { GoalKind } from "../targets/target.js";
import { usableGoal } from "./goalInvalid.js";
import { finding, type SmartFindingData } from "./SmartFinding.js";
import { baselineValue, type SmartContext, targetValue } from "./smartContext.js";

/**
 * Tells whether a value meets a goal, with the comparisons of SPEC §4.2: inclusive for `atLeast`,
 * `atMost` and `change` (by polarity), strict for `above` and `below`.
 *
 * @param kind - the goal kind
 * @param polarity - the KPI's polarity (used by `change`)
 * @param value - the value judged (a decimal string)
 * @param target - the target value (a decimal string)
 * @returns true when met
 * @example
 * ```ts
 * meetsGoal("below", "lower-is-better", "0.008", "0.008"); // false
 * ```
 * @internal
 */
export function meetsGoal(kind: GoalKind, polarity: KpiPolarity, value: string, target: string): boolean {
  const v = new D(value);
  switch (kind) {
    case "atLeast":
      return v.gte(target);
    case "atMost":
      return v.lte(target);
    case "above":
      return v.gt(target);
    case "below":
      return v.lt(target);
    case "change":
      return polarity === "higher-is-better" ? v.gte(target) : v.lte(target);
  }
}

/**
 * SMART rule `target-already-met` (achievable, warning), on objectives: the baseline already meets
 * the goal, or a `change` asks for no improvement (≤ 0 on a higher-is-better KPI, ≥ 0 on a
 * lower-is-better one). Guardrails are exempt: a limit that holds at the start is their normal state.
 *
 * @param ctx - the validation context
 * @returns at most one finding per objective
 * @example
 * ```ts
 * targetAlreadyMet(ctx); // [{ code: "target-already-met", params: { reason: "change-direction", change: "-0.1", … } }]
 * ```
 */
export function targetAlreadyMet(ctx: SmartContext): SmartFindingData[] {
  const out: SmartFindingData[] = [];
  for (const t of ctx.targets) {
    const definition = t.definition;
    const goal = usableGoal(ctx, t);
    if (t.target.role !== "objective" || definition === undefined || goal === undefined) continue;
    const targetId = t.target.id;
    const path = [...t.path, "goal", goal.kind];
    const higher = definition.polarity === "higher-is-better";
    if (goal.kind === "change") {
      // A usable change has a baseline above zero (goal-invalid refuses the rest), and products are
      // exact, so a change in the right direction always asks for more than the baseline.
      const change = new D(goal.value);
      if (higher ? change.lte(0) : change.gte(0)) {
        out.push(
          finding(
            "target-already-met",
            path,
            { reason: "change-direction", target: targetId, kpi: t.target.kpi, change: goal.value },
            { targetId },
          ),
        );
      }
      continue;
    }
    const baseline = baselineValue(t);
    const wanted = targetValue(t);
    if (baseline === undefined || wanted === undefined) continue;
    if (!meetsGoal(goal.kind, definition.polarity, baseline, wanted)) continue;
    out.push(
      finding(
        "target-already-met",
        path,
        {
          reason: "baseline-meets",
          target: targetId,
          kpi: t.target.kpi,
          unit: definition.unit,
          currency: ctx.contract.fees.currency,
          baseline,
          kind: goal.kind,
          targetValue: wanted,
        },
        { targetId },
      ),
    );
  }
  return out;
}
