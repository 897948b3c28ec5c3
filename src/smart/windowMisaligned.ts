import { cyclesOf } from "../values/cycle.js";
import { finding, type SmartFindingData } from "./SmartFinding.js";
import { isWholeCycles, type SmartContext } from "./smartContext.js";

/**
 * SMART rule `window-misaligned` (time-bound, error): an evaluation window inside the term that
 * does not start on the first day of one of the term's cycles and end on the last day of one
 * (facts come per cycle, so a window must be whole cycles); or a baseline window that is not whole
 * cycles counted from its own start (SPEC §4.1).
 *
 * @param ctx - the validation context
 * @returns one finding per misaligned window
 * @example
 * ```ts
 * windowMisaligned(ctx); // [{ code: "window-misaligned", params: { reason: "evaluation", start: "2026-01-15", end: "2026-03-31" } }]
 * ```
 */
export function windowMisaligned(ctx: SmartContext): SmartFindingData[] {
  const { term, cycle } = ctx.contract;
  const cycles = cyclesOf(term, cycle);
  const starts = new Set(cycles.map((c) => c.start));
  const ends = new Set(cycles.map((c) => c.end));
  const out: SmartFindingData[] = [];
  for (const t of ctx.targets) {
    const targetId = t.target.id;
    const evaluation = t.target.evaluation;
    if (evaluation !== undefined && !("every" in evaluation)) {
      const { start, end } = evaluation.window;
      const inside = start >= term.start && end <= term.end;
      if (inside && !(starts.has(start) && ends.has(end))) {
        out.push(
          finding(
            "window-misaligned",
            [...t.path, "evaluation", "window"],
            { reason: "evaluation", target: targetId, start, end },
            { targetId },
          ),
        );
      }
    }
    const spec = t.target.baseline;
    if (spec !== undefined && "window" in spec && !isWholeCycles(spec.window, cycle)) {
      out.push(
        finding(
          "window-misaligned",
          [...t.path, "baseline", "window"],
          { reason: "baseline", target: targetId, start: spec.window.start, end: spec.window.end },
          { targetId },
        ),
      );
    }
  }
  return out;
}
