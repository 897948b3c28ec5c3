import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/**
 * SMART rule `gate-not-every-cycle` (time-bound, error): a component is gated on a target that is
 * judged over a window rather than every cycle (SPEC §6.2: gates must name targets judged every
 * cycle, otherwise the gate is undecided in most cycles). A gate on a target without evaluation is
 * left to `no-window`.
 *
 * @param ctx - the validation context
 * @returns one finding per such gate
 * @example
 * ```ts
 * gateNotEveryCycle(ctx); // [{ code: "gate-not-every-cycle", path: ["fees", "components", 1, "gates", 0], params: { component: "share", target: "gmv-growth" } }]
 * ```
 */
export function gateNotEveryCycle(ctx: SmartContext): SmartFindingData[] {
  const out: SmartFindingData[] = [];
  ctx.contract.fees.components.forEach((c, i) => {
    if (!("gates" in c)) return;
    (c.gates ?? []).forEach((gate, k) => {
      const t = ctx.targets.find((x) => x.target.id === gate);
      const evaluation = t?.target.evaluation;
      if (evaluation === undefined || "every" in evaluation) return;
      out.push(
        finding(
          "gate-not-every-cycle",
          ["fees", "components", i, "gates", k],
          { component: c.name, target: gate },
          {
            targetId: gate,
          },
        ),
      );
    });
  });
  return out;
}
