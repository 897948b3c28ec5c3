import * as z from "zod";
import { attributedFactPath } from "../facts/readFact.js";
import { attributionWindowKnob, choiceKnob, minSampleKnob } from "./internal/knobs.js";
import { missingFacts, ratioResult, readAll, startRun } from "./internal/run.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `conversionRate` scope: `source` all | ads, `count` orders | units (units only
 * with source=all: Amazon's unit session percentage), `attributionWindow` (used with source=ads,
 * default `14d`) and the optional `minSample` (minimum sessions or clicks).
 *
 * @example
 * ```ts
 * conversionRateScopeSchema.parse({ source: "ads", attributionWindow: "7d" });
 * conversionRateScopeSchema.safeParse({ source: "ads", count: "units" }).success; // false
 * ```
 */
export const conversionRateScopeSchema = z
  .strictObject({
    source: choiceKnob("source", ["all", "ads"]),
    count: choiceKnob("count", ["orders", "units"]),
    attributionWindow: attributionWindowKnob,
    minSample: minSampleKnob,
  })
  .superRefine((scope, ctx) => {
    if (scope.source === "ads" && scope.count === "units") {
      ctx.addIssue({
        code: "custom",
        path: ["count"],
        message:
          'Knob "count" may be "units" only with source "all" (units per session); ads report attributed orders per click, so with source "ads" count must be "orders"',
        input: scope.count,
      });
    }
  });

/** A parsed `conversionRate` scope. */
export type ConversionRateScope = z.output<typeof conversionRateScopeSchema>;

function paths(scope: ConversionRateScope): { n: string; d: string } {
  if (scope.source === "ads")
    return { n: attributedFactPath(scope.attributionWindow, "orders"), d: "ads.clicks" };
  return { n: scope.count === "orders" ? "sales.orders" : "sales.units", d: "traffic.sessions" };
}

/**
 * 转化率 conversionRate: `sales.orders ÷ traffic.sessions` (or `sales.units ÷ traffic.sessions`), or
 * with source=ads `ads.attributed.<window>.orders ÷ ads.clicks`. Ratio, higher is better; by orders
 * a share of a whole.
 *
 * @example
 * ```ts
 * computeKpi("conversionRate", facts).value; // or computeKpi(conversionRateKpi, facts)
 * ```
 */
export const conversionRateKpi: KpiDefinition<ConversionRateScope> = Object.freeze({
  id: "conversionRate",
  description: "Orders (or units) per session, or attributed orders per ad click",
  unit: "ratio",
  polarity: "higher-is-better",
  scopeSchema: conversionRateScopeSchema,
  knobs: ["source", "count", "attributionWindow"],
  // SPEC §3 lists the window as a knob of source=ads: with all sessions it is not used.
  requiredKnobs: (stated) =>
    stated.source === "ads" ? ["source", "count", "attributionWindow"] : ["source", "count"],
  minSample: true,
  shareOfWhole: (scope: ConversionRateScope) => scope.count === "orders",
  reads: (scope: ConversionRateScope) => {
    const p = paths(scope);
    return [p.n, p.d];
  },
  compute(facts, scope) {
    const run = startRun(conversionRateKpi, facts, scope);
    const f = readAll(run, paths(scope));
    return f === undefined ? missingFacts(run) : ratioResult(run, f.n, f.d, scope.minSample);
  },
} satisfies KpiDefinition<ConversionRateScope>);
