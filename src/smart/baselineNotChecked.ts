import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/**
 * SMART rule `baseline-not-checked` (achievable, info): a baseline is computed from history but no
 * history was given, so its value is unknown and the rules that need it (`target-unrealistic` on
 * absolute goals and growth, `target-already-met`, `conflicting-targets`, a `change` on a baseline
 * ≤ 0) were skipped for this target.
 *
 * @param ctx - the validation context
 * @returns one finding per target with an unchecked baseline
 * @example
 * ```ts
 * baselineNotChecked(ctx); // [{ code: "baseline-not-checked", severity: "info", params: { target: "gmv-growth" } }]
 * ```
 */
export function baselineNotChecked(ctx: SmartContext): SmartFindingData[] {
  return ctx.targets
    .filter((t) => t.baseline.status === "not-checked")
    .map((t) =>
      finding(
        "baseline-not-checked",
        [...t.path, "baseline"],
        { target: t.target.id },
        { targetId: t.target.id },
      ),
    );
}
