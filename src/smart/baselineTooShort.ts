import { dayCount } from "../values/period.js";
import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/** The shortest baseline window, in days, that smooths out a month's promotions and seasons. */
export const MIN_BASELINE_DAYS = 90;

/**
 * SMART rule `baseline-too-short` (achievable, warning): a baseline computed from history covers
 * fewer than 90 days (counted inclusively). Stated baselines have no window and are not checked.
 *
 * @param ctx - the validation context
 * @returns one finding per short baseline
 * @example
 * ```ts
 * baselineTooShort(ctx); // [{ code: "baseline-too-short", params: { target: "gmv", days: "31", minimum: "90" } }]
 * ```
 */
export function baselineTooShort(ctx: SmartContext): SmartFindingData[] {
  const out: SmartFindingData[] = [];
  for (const t of ctx.targets) {
    const spec = t.target.baseline;
    if (spec === undefined || !("window" in spec)) continue;
    const days = dayCount(spec.window);
    if (days >= MIN_BASELINE_DAYS) continue;
    out.push(
      finding(
        "baseline-too-short",
        [...t.path, "baseline", "window"],
        { target: t.target.id, days: String(days), minimum: String(MIN_BASELINE_DAYS) },
        { targetId: t.target.id },
      ),
    );
  }
  return out;
}
