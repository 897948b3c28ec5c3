import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/**
 * SMART rule `scope-invalid` (specific, error): a scope names a knob the KPI does not have, gives a
 * knob a value the KPI's scope schema refuses, or names a preset that is unknown, not in effect at
 * the term start, of another KPI, or mixed with other knobs. Checked for targets and fee bases.
 *
 * @param ctx - the validation context
 * @returns one finding per problem
 * @example
 * ```ts
 * scopeInvalid(ctx); // [{ code: "scope-invalid", params: { reason: "unknown-knob", knob: "window", … } }]
 * ```
 */
export function scopeInvalid(ctx: SmartContext): SmartFindingData[] {
  const out: SmartFindingData[] = [];
  for (const t of ctx.targets) {
    for (const problem of t.scope.problems) {
      out.push(finding("scope-invalid", problem.path, problem.params, { targetId: t.target.id }));
    }
  }
  for (const b of ctx.bases) {
    for (const problem of b.scope.problems) out.push(finding("scope-invalid", problem.path, problem.params));
  }
  return out;
}
