import { D } from "../internal/decimal.js";
import { usableGoal } from "./goalInvalid.js";
import { finding, type SmartFindingData } from "./SmartFinding.js";
import { relativeChange, type SmartContext } from "./smartContext.js";

/** Growth KPIs of the pairs, and how much growth counts as aggressive (more than +30%). */
const GROWTH = { kpis: new Set(["gmv", "orders"]), above: new D("0.3") };

/**
 * The efficiency goals that pull against aggressive growth: a relative change beyond the limit in
 * the stated direction. SPEC §5 pairs: ACoS or TACoS more than 20% below baseline, gross margin
 * more than 20% above. Added: ROAS more than 20% above (the inverse of ACoS) and ad spend more than
 * 20% below (growth with a much smaller ad budget).
 */
const AGAINST: readonly { kpi: string; direction: "down" | "up"; limit: string }[] = [
  { kpi: "acos", direction: "down", limit: "0.2" },
  { kpi: "tacos", direction: "down", limit: "0.2" },
  { kpi: "grossMargin", direction: "up", limit: "0.2" },
  { kpi: "roas", direction: "up", limit: "0.2" },
  { kpi: "adSpend", direction: "down", limit: "0.2" },
];

/**
 * SMART rule `conflicting-targets` (relevant, warning): a gmv or orders goal more than 30% above
 * its baseline together with an efficiency goal pushed hard the other way: ACoS, TACoS or ad spend
 * more than 20% below baseline, or gross margin or ROAS more than 20% above. Changes are
 * (target − baseline) ÷ baseline, or the `change` itself; targets of any role count.
 *
 * @param ctx - the validation context
 * @returns one finding per conflicting pair
 * @example
 * ```ts
 * conflictingTargets(ctx); // [{ code: "conflicting-targets", params: { target: "gmv", change: "0.5", other: "acos", otherChange: "-0.3" } }]
 * ```
 */
export function conflictingTargets(ctx: SmartContext): SmartFindingData[] {
  const changes = ctx.targets
    .filter((t) => t.definition !== undefined && usableGoal(ctx, t) !== undefined)
    .map((t) => ({ t, change: relativeChange(t) }))
    .filter((x): x is { t: (typeof ctx.targets)[number]; change: string } => x.change !== undefined);
  const out: SmartFindingData[] = [];
  for (const g of changes) {
    if (!GROWTH.kpis.has(g.t.target.kpi) || !new D(g.change).gt(GROWTH.above)) continue;
    for (const o of changes) {
      const rule = AGAINST.find((a) => a.kpi === o.t.target.kpi);
      if (rule === undefined) continue;
      const c = new D(o.change);
      const aggressive = rule.direction === "down" ? c.lt(new D(rule.limit).neg()) : c.gt(rule.limit);
      if (!aggressive) continue;
      out.push(
        finding(
          "conflicting-targets",
          [...g.t.path, "goal"],
          {
            target: g.t.target.id,
            kpi: g.t.target.kpi,
            change: g.change,
            other: o.t.target.id,
            otherKpi: o.t.target.kpi,
            otherChange: o.change,
          },
          { targetId: g.t.target.id },
        ),
      );
    }
  }
  return out;
}
