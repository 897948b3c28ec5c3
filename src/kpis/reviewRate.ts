import * as z from "zod";
import { choiceKnob, minSampleKnob } from "./internal/knobs.js";
import { missingFacts, ratioResult, read, startRun, step } from "./internal/run.js";
import { STAR_PATHS, starSum } from "./internal/stars.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `reviewRate` scope: `per` orders | units, and the optional `minSample` (a
 * minimum number of orders or units).
 *
 * @example
 * ```ts
 * reviewRateScopeSchema.parse({ per: "units" }); // { per: "units" }
 * ```
 */
export const reviewRateScopeSchema = z.strictObject({
  per: choiceKnob("per", ["orders", "units"]),
  minSample: minSampleKnob,
});

/** A parsed `reviewRate` scope. */
export type ReviewRateScope = z.output<typeof reviewRateScopeSchema>;

/**
 * 留评率 reviewRate: reviews received (Σ byStars) ÷ `sales.orders` (or `sales.units`). Ratio, higher is better.
 *
 * @example
 * ```ts
 * computeKpi("reviewRate", facts).value; // or computeKpi(reviewRateKpi, facts)
 * ```
 */
export const reviewRateKpi: KpiDefinition<ReviewRateScope> = Object.freeze({
  id: "reviewRate",
  description: "Reviews received per order (or per unit)",
  unit: "ratio",
  polarity: "higher-is-better",
  scopeSchema: reviewRateScopeSchema,
  knobs: ["per"],
  minSample: true,
  reads: (scope: ReviewRateScope) => [...STAR_PATHS, scope.per === "orders" ? "sales.orders" : "sales.units"],
  compute(facts, scope) {
    const run = startRun(reviewRateKpi, facts, scope);
    const reviews = starSum(run, STAR_PATHS);
    const per = read(run, scope.per === "orders" ? "sales.orders" : "sales.units");
    if (reviews === undefined || per === undefined) return missingFacts(run);
    step(run, "reviews", reviews);
    return ratioResult(run, reviews, per, scope.minSample);
  },
} satisfies KpiDefinition<ReviewRateScope>);
