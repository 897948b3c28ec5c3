import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/**
 * SMART rule `kpi-unknown` (specific, error): a target's KPI id is neither in the catalogue nor a
 * registered custom KPI (the contract's `kpis` or `options.customKpis`).
 *
 * @param ctx - the validation context
 * @returns one finding per target with an unknown KPI
 * @example
 * ```ts
 * kpiUnknown(ctx); // [{ code: "kpi-unknown", path: ["targets", 0, "kpi"], params: { target, kpi } }]
 * ```
 */
export function kpiUnknown(ctx: SmartContext): SmartFindingData[] {
  return ctx.targets
    .filter((t) => t.definition === undefined)
    .map((t) =>
      finding(
        "kpi-unknown",
        [...t.path, "kpi"],
        { target: t.target.id, kpi: t.target.kpi },
        { targetId: t.target.id },
      ),
    );
}
