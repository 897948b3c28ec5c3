import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/**
 * SMART rule `weight-on-guardrail` (relevant, error): a guardrail carries a weight. SPEC §4.2:
 * weights are for objectives; guardrails are limits and never enter the score.
 *
 * @param ctx - the validation context
 * @returns one finding per weighted guardrail
 * @example
 * ```ts
 * weightOnGuardrail(ctx); // [{ code: "weight-on-guardrail", path: ["targets", 2, "weight"], params: { target: "negative-reviews", weight: "0.2" } }]
 * ```
 */
export function weightOnGuardrail(ctx: SmartContext): SmartFindingData[] {
  return ctx.targets
    .filter((t) => t.target.role === "guardrail" && t.target.weight !== undefined)
    .map((t) =>
      finding(
        "weight-on-guardrail",
        [...t.path, "weight"],
        { target: t.target.id, weight: t.target.weight as string },
        { targetId: t.target.id },
      ),
    );
}
