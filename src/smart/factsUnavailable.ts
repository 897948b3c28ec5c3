import type { KpiDefinition } from "../kpis/types.js";
import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/**
 * The fact group of a fact path: its first segment.
 *
 * @param path - a fact path
 * @returns the group
 * @example
 * ```ts
 * factGroupOf("ads.attributed.14d.sales"); // "ads"
 * ```
 * @internal
 */
export function factGroupOf(path: string): string {
  const dot = path.indexOf(".");
  return dot === -1 ? path : path.slice(0, dot);
}

function missingGroups(
  definition: KpiDefinition,
  knobs: Readonly<Record<string, unknown>>,
  available: ReadonlySet<string>,
): string[] {
  const groups = new Set(definition.reads(knobs).map(factGroupOf));
  return [...groups].filter((g) => !available.has(g));
}

/**
 * SMART rule `facts-unavailable` (measurable, error): the contract's `dataSources` lack a fact
 * group that a target's KPI, a fee basis, or a reimbursement reads (fact paths are mapped to groups
 * by their first segment). Without `dataSources` every group is available.
 *
 * @param ctx - the validation context
 * @returns one finding per target, basis or reimbursement, listing the missing groups
 * @example
 * ```ts
 * factsUnavailable(ctx); // [{ code: "facts-unavailable", params: { target: "rr", kpi: "returnRate", groups: ["sales"] } }]
 * ```
 */
export function factsUnavailable(ctx: SmartContext): SmartFindingData[] {
  const sources = ctx.contract.dataSources;
  if (sources === undefined) return [];
  const available = new Set<string>(sources);
  const out: SmartFindingData[] = [];
  for (const t of ctx.targets) {
    if (t.definition === undefined || t.scope.knobs === undefined) continue;
    const groups = missingGroups(t.definition, t.scope.knobs, available);
    if (groups.length > 0) {
      out.push(
        finding(
          "facts-unavailable",
          [...t.path, "kpi"],
          { target: t.target.id, kpi: t.target.kpi, groups },
          {
            targetId: t.target.id,
          },
        ),
      );
    }
  }
  for (const b of ctx.bases) {
    if (b.definition === undefined || b.scope.knobs === undefined) continue;
    const groups = missingGroups(b.definition, b.scope.knobs, available);
    if (groups.length > 0) {
      out.push(
        finding("facts-unavailable", [...b.path, "kpi"], { component: b.component, kpi: b.kpi, groups }),
      );
    }
  }
  ctx.contract.fees.components.forEach((c, i) => {
    if (c.type !== "reimbursement") return;
    const group = factGroupOf(c.fact);
    if (!available.has(group)) {
      out.push(
        finding("facts-unavailable", ["fees", "components", i, "fact"], {
          component: c.name,
          fact: c.fact,
          groups: [group],
        }),
      );
    }
  });
  return out;
}
