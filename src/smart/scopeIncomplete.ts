import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/**
 * SMART rule `scope-incomplete` (specific, error): a knob of the KPI is not stated, in a target's
 * scope or in a fee basis's scope (`minSample` is optional). Presets count as stating the knobs
 * they expand to.
 *
 * @param ctx - the validation context
 * @returns one finding per target or basis, listing the missing knobs
 * @example
 * ```ts
 * scopeIncomplete(ctx); // [{ code: "scope-incomplete", params: { target: "acos", kpi: "acos", knobs: ["attributionWindow"] } }]
 * ```
 */
export function scopeIncomplete(ctx: SmartContext): SmartFindingData[] {
  const out: SmartFindingData[] = [];
  for (const t of ctx.targets) {
    if (t.scope.missing.length === 0) continue;
    out.push(
      finding(
        "scope-incomplete",
        [...t.path, "scope"],
        { target: t.target.id, kpi: t.target.kpi, knobs: t.scope.missing },
        { targetId: t.target.id },
      ),
    );
  }
  for (const b of ctx.bases) {
    if (b.scope.missing.length === 0) continue;
    out.push(
      finding("scope-incomplete", [...b.path, "scope"], {
        component: b.component,
        kpi: b.kpi,
        knobs: b.scope.missing,
      }),
    );
  }
  return out;
}
