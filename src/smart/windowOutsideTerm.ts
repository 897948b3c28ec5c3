import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/**
 * SMART rule `window-outside-term` (time-bound, error): an evaluation window starts before the term
 * or ends after it, so the target is never judged on the term's own cycles.
 *
 * @param ctx - the validation context
 * @returns one finding per window outside the term
 * @example
 * ```ts
 * windowOutsideTerm(ctx); // [{ code: "window-outside-term", params: { windowEnd: "2027-03-31", termEnd: "2026-12-31", … } }]
 * ```
 */
export function windowOutsideTerm(ctx: SmartContext): SmartFindingData[] {
  const { term } = ctx.contract;
  const out: SmartFindingData[] = [];
  for (const t of ctx.targets) {
    const evaluation = t.target.evaluation;
    if (evaluation === undefined || "every" in evaluation) continue;
    const { start, end } = evaluation.window;
    if (start >= term.start && end <= term.end) continue;
    out.push(
      finding(
        "window-outside-term",
        [...t.path, "evaluation", "window"],
        { target: t.target.id, windowStart: start, windowEnd: end, termStart: term.start, termEnd: term.end },
        { targetId: t.target.id },
      ),
    );
  }
  return out;
}
