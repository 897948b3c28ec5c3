import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext, TargetInfo } from "./smartContext.js";

/**
 * The ids of the targets whose baseline a fee basis uses (`over: { baselineOf }`).
 *
 * @param ctx - the validation context
 * @returns the target ids
 * @example
 * ```ts
 * baselinesUsedByFees(ctx).has("gmv-growth"); // true for the SPEC §8 contract
 * ```
 * @internal
 */
export function baselinesUsedByFees(ctx: SmartContext): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const b of ctx.bases)
    if (b.over !== undefined && typeof b.over !== "string") ids.add(b.over.baselineOf);
  return ids;
}

/**
 * Tells whether a target cannot be settled without its baseline value: a `change` goal, or a fee
 * charged over its baseline.
 *
 * @param t - the target
 * @param usedByFees - from {@link baselinesUsedByFees}
 * @returns true when the baseline's value is needed
 * @example
 * ```ts
 * needsBaselineValue(t, baselinesUsedByFees(ctx));
 * ```
 * @internal
 */
export function needsBaselineValue(t: TargetInfo, usedByFees: ReadonlySet<string>): boolean {
  return t.target.goal?.change !== undefined || usedByFees.has(t.target.id);
}

/**
 * SMART rule `baseline-missing` (achievable): a target has no baseline. An error when the baseline
 * is needed to settle (a relative `change` goal, or a fee basis `over` its baseline), a warning
 * otherwise (the goal cannot be judged achievable).
 *
 * @param ctx - the validation context
 * @returns one finding per target without a baseline
 * @example
 * ```ts
 * baselineMissing(ctx); // [{ code: "baseline-missing", severity: "warning", params: { target: "rating", kpi: "averageRating" } }]
 * ```
 */
export function baselineMissing(ctx: SmartContext): SmartFindingData[] {
  const used = baselinesUsedByFees(ctx);
  return ctx.targets
    .filter((t) => t.target.baseline === undefined)
    .map((t) =>
      finding(
        "baseline-missing",
        t.path,
        { target: t.target.id, kpi: t.target.kpi },
        { targetId: t.target.id, severity: needsBaselineValue(t, used) ? "error" : "warning" },
      ),
    );
}
