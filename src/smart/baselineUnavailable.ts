import { baselinesUsedByFees, needsBaselineValue } from "./baselineMissing.js";
import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/**
 * SMART rule `baseline-unavailable` (achievable): history was given but the baseline cannot be
 * computed from it: cycles of the window have no facts (named), a rate to convert them is
 * missing, or the KPI has no value over the window. An error when the baseline is needed to settle
 * (a `change` goal, or a fee over it), a warning otherwise.
 *
 * @param ctx - the validation context
 * @returns one finding per target whose baseline cannot be computed
 * @example
 * ```ts
 * baselineUnavailable(ctx); // [{ code: "baseline-unavailable", params: { reason: "missing-cycles", cycles: ["us 2025-11-01..2025-11-30"] } }]
 * ```
 */
export function baselineUnavailable(ctx: SmartContext): SmartFindingData[] {
  const used = baselinesUsedByFees(ctx);
  const out: SmartFindingData[] = [];
  for (const t of ctx.targets) {
    if (t.baseline.status !== "unavailable") continue;
    out.push(
      finding("baseline-unavailable", [...t.path, "baseline"], t.baseline.params, {
        targetId: t.target.id,
        severity: needsBaselineValue(t, used) ? "error" : "warning",
      }),
    );
  }
  return out;
}
