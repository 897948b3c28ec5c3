import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/**
 * SMART rule `target-without-effect` (relevant, info): a target that nothing depends on. A target
 * has an effect when a bonus or penalty is on it or a component is gated on it; an objective also
 * has one through the score when the schedule has a scorecard or the contract has standing rules.
 * (A fee `over` its baseline uses the baseline, not whether the target is met.)
 *
 * @param ctx - the validation context
 * @returns one finding per target without effect
 * @example
 * ```ts
 * targetWithoutEffect(ctx); // [{ code: "target-without-effect", severity: "info", params: { reason: "objective", target: "gmv-growth" } }]
 * ```
 */
export function targetWithoutEffect(ctx: SmartContext): SmartFindingData[] {
  const { contract } = ctx;
  const referenced = new Set<string>();
  let scorecard = false;
  for (const c of contract.fees.components) {
    if (c.type === "bonus" || c.type === "penalty") referenced.add(c.target);
    if ("gates" in c) for (const g of c.gates ?? []) referenced.add(g);
    if (c.type === "scorecard") scorecard = true;
  }
  const scoreMatters = scorecard || contract.standing !== undefined;
  return ctx.targets
    .filter((t) => !referenced.has(t.target.id) && !(t.target.role === "objective" && scoreMatters))
    .map((t) =>
      finding(
        "target-without-effect",
        t.path,
        { reason: t.target.role, target: t.target.id },
        { targetId: t.target.id },
      ),
    );
}
