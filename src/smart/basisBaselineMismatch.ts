import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

function differingKnobs(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/**
 * SMART rule `basis-baseline-mismatch` (specific, error): a fee basis with `over: { baselineOf }`
 * names a target of another KPI, another scope (knobs compared after presets are expanded), or
 * other stores (SPEC §9: the growth must be measured the way the baseline was).
 *
 * @param ctx - the validation context
 * @returns one finding per mismatched basis
 * @example
 * ```ts
 * basisBaselineMismatch(ctx); // [{ code: "basis-baseline-mismatch", params: { reason: "kpi", basisKpi: "gmv", targetKpi: "orders", … } }]
 * ```
 */
export function basisBaselineMismatch(ctx: SmartContext): SmartFindingData[] {
  const out: SmartFindingData[] = [];
  for (const b of ctx.bases) {
    if (b.over === undefined || typeof b.over === "string") continue;
    const targetId = b.over.baselineOf;
    const t = ctx.targets.find((x) => x.target.id === targetId);
    if (t === undefined) continue; // the parser reports an unknown reference
    const path = [...b.path, "over", "baselineOf"];
    const base = { component: b.component, target: targetId };
    if (t.target.kpi !== b.kpi) {
      out.push(
        finding("basis-baseline-mismatch", path, {
          ...base,
          reason: "kpi",
          basisKpi: b.kpi,
          targetKpi: t.target.kpi,
        }),
      );
      continue;
    }
    if (b.scope.knobs !== undefined && t.scope.knobs !== undefined) {
      const knobs = differingKnobs(b.scope.knobs, t.scope.knobs);
      if (knobs.length > 0) {
        out.push(finding("basis-baseline-mismatch", path, { ...base, reason: "scope", knobs }));
        continue;
      }
    }
    const basisStores = [...new Set(b.stores)].sort();
    const targetStores = [...new Set(t.stores)].sort();
    if (basisStores.join("\u0000") !== targetStores.join("\u0000")) {
      out.push(
        finding("basis-baseline-mismatch", path, { ...base, reason: "stores", basisStores, targetStores }),
      );
    }
  }
  return out;
}
