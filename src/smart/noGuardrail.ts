import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/** KPIs whose objectives are growth objectives. */
export const GROWTH_KPIS: readonly string[] = Object.freeze([
  "gmv",
  "salesGrowth",
  "orders",
  "averageOrderValue",
]);
/** KPIs that guard profitability. */
export const PROFITABILITY_KPIS: readonly string[] = Object.freeze([
  "acos",
  "tacos",
  "grossMargin",
  "grossProfit",
]);
/** KPIs that guard brand health. */
export const BRAND_HEALTH_KPIS: readonly string[] = Object.freeze([
  "negativeReviewRate",
  "averageRating",
  "returnRate",
  "reviewRate",
]);

/**
 * SMART rule `no-guardrail` (relevant, warning): the contract has a growth objective (gmv,
 * salesGrowth, orders, averageOrderValue) but no target of any role on profitability (acos, tacos,
 * grossMargin, grossProfit), or none on brand health (negativeReviewRate, averageRating, returnRate,
 * reviewRate). One finding per missing category.
 *
 * @param ctx - the validation context
 * @returns zero, one or two findings
 * @example
 * ```ts
 * noGuardrail(ctx); // [{ code: "no-guardrail", params: { reason: "brand-health", targets: ["gmv-growth"], kpis: [...] } }]
 * ```
 */
export function noGuardrail(ctx: SmartContext): SmartFindingData[] {
  const growth = ctx.targets.filter(
    (t) => t.target.role === "objective" && GROWTH_KPIS.includes(t.target.kpi),
  );
  const first = growth[0];
  if (first === undefined) return [];
  const kpis = new Set(ctx.targets.map((t) => t.target.kpi));
  const targets = growth.map((t) => t.target.id);
  const out: SmartFindingData[] = [];
  const categories = [
    ["profitability", PROFITABILITY_KPIS],
    ["brand-health", BRAND_HEALTH_KPIS],
  ] as const;
  for (const [reason, list] of categories) {
    if (list.some((k) => kpis.has(k))) continue;
    out.push(
      finding("no-guardrail", ["targets"], { reason, targets, kpis: list }, { targetId: first.target.id }),
    );
  }
  return out;
}
