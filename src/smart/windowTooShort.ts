import { cycleProration, cyclesOf } from "../values/cycle.js";
import { dayCount } from "../values/period.js";
import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/** Review, return and inventory KPIs: their figures need about a month to settle. */
export const SLOW_KPIS: readonly string[] = Object.freeze([
  "reviewRate",
  "negativeReviewRate",
  "averageRating",
  "returnRate",
  "refundRate",
  "inventoryTurnover",
  "daysOfInventory",
  "sellThroughRate",
]);

/** The shortest period, in days, over which slow KPIs are judged. */
export const MIN_WINDOW_DAYS = 28;

/**
 * SMART rule `window-too-short` (time-bound, warning): a review, return or inventory KPI
 * (reviewRate, negativeReviewRate, averageRating, returnRate, refundRate, inventoryTurnover,
 * daysOfInventory, sellThroughRate) judged over fewer than 28 days: its window, or for `every:
 * cycle` its shortest full cycle (a partial first or last cycle of the term is exempt).
 *
 * @param ctx - the validation context
 * @returns one finding per target judged too briefly
 * @example
 * ```ts
 * windowTooShort(ctx); // [{ code: "window-too-short", params: { target: "returns", kpi: "returnRate", days: "14", minimum: "28" } }]
 * ```
 */
export function windowTooShort(ctx: SmartContext): SmartFindingData[] {
  const { term, cycle } = ctx.contract;
  const fullCycles = cyclesOf(term, cycle).filter((p) => {
    const proration = cycleProration(p, cycle, term.start);
    return proration.days === proration.fullDays;
  });
  // A loop, not Math.min(...list): a long term of day cycles has more cycles than a call has room
  // for arguments.
  let shortestFullCycle = Number.POSITIVE_INFINITY;
  for (const p of fullCycles) shortestFullCycle = Math.min(shortestFullCycle, dayCount(p));
  const out: SmartFindingData[] = [];
  for (const t of ctx.targets) {
    const evaluation = t.target.evaluation;
    if (evaluation === undefined || !SLOW_KPIS.includes(t.target.kpi)) continue;
    const days = "every" in evaluation ? shortestFullCycle : dayCount(evaluation.window);
    if (!Number.isFinite(days) || days >= MIN_WINDOW_DAYS) continue;
    const path = "every" in evaluation ? ["cycle"] : [...t.path, "evaluation", "window"];
    out.push(
      finding(
        "window-too-short",
        path,
        { target: t.target.id, kpi: t.target.kpi, days: String(days), minimum: String(MIN_WINDOW_DAYS) },
        { targetId: t.target.id },
      ),
    );
  }
  return out;
}
