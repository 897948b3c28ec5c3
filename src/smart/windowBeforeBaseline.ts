import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/**
 * SMART rule `window-before-baseline` (time-bound, error): the evaluation starts on or before the
 * last day of the baseline window. The evaluation starts at the window's start, or at the term's
 * start for `every: cycle` (its first judged cycle).
 *
 * @param ctx - the validation context
 * @returns one finding per overlapping target
 * @example
 * ```ts
 * windowBeforeBaseline(ctx); // [{ code: "window-before-baseline", params: { windowStart: "2025-12-01", baselineEnd: "2025-12-31" } }]
 * ```
 */
export function windowBeforeBaseline(ctx: SmartContext): SmartFindingData[] {
  const out: SmartFindingData[] = [];
  for (const t of ctx.targets) {
    const spec = t.target.baseline;
    const evaluation = t.target.evaluation;
    if (spec === undefined || !("window" in spec) || evaluation === undefined) continue;
    const windowStart = "every" in evaluation ? ctx.contract.term.start : evaluation.window.start;
    const baselineEnd = spec.window.end;
    if (windowStart > baselineEnd) continue;
    const path = "every" in evaluation ? ["term", "start"] : [...t.path, "evaluation", "window", "start"];
    out.push(
      finding(
        "window-before-baseline",
        path,
        { target: t.target.id, windowStart, baselineEnd },
        { targetId: t.target.id },
      ),
    );
  }
  return out;
}
