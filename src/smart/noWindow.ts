import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/**
 * SMART rule `no-window` (time-bound, error): a target has no `evaluation`, so nobody knows when
 * it is judged (`{ "every": "cycle" }`, or a window with its aggregate).
 *
 * @param ctx - the validation context
 * @returns one finding per target without evaluation
 * @example
 * ```ts
 * noWindow(ctx); // [{ code: "no-window", path: ["targets", 0, "evaluation"], params: { target: "gmv" } }]
 * ```
 */
export function noWindow(ctx: SmartContext): SmartFindingData[] {
  return ctx.targets
    .filter((t) => t.target.evaluation === undefined)
    .map((t) =>
      finding("no-window", [...t.path, "evaluation"], { target: t.target.id }, { targetId: t.target.id }),
    );
}
