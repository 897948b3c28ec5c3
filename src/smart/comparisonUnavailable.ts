import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/**
 * SMART rule `comparison-unavailable` (measurable, warning): history was given, and a target whose
 * KPI compares with earlier cycles (salesGrowth with `previous-period` or `same-period-last-year`)
 * will read comparison cycles before the term that the history lacks, for one of its stores.
 * Settlement refuses such a cycle (`facts-missing` at `history`); the cycles inside the term come
 * from later settlements' history and are not checked here.
 *
 * @param ctx - the validation context
 * @returns one finding per target with missing comparison cycles, naming them
 * @example
 * ```ts
 * comparisonUnavailable(ctx); // [{ code: "comparison-unavailable", params: { target: "growth", cycles: ["us 2025-12-01..2025-12-31"] } }]
 * ```
 */
export function comparisonUnavailable(ctx: SmartContext): SmartFindingData[] {
  const out: SmartFindingData[] = [];
  for (const t of ctx.targets) {
    if (t.comparisonGaps.length === 0) continue;
    out.push(
      finding(
        "comparison-unavailable",
        [...t.path, "scope", "comparison"],
        { target: t.target.id, cycles: [...t.comparisonGaps] },
        { targetId: t.target.id },
      ),
    );
  }
  return out;
}
