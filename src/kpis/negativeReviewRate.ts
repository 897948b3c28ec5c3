import * as z from "zod";
import { choiceKnob, minSampleKnob } from "./internal/knobs.js";
import { missingFacts, ratioResult, read, startRun, step } from "./internal/run.js";
import { starPaths, starSum } from "./internal/stars.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `negativeReviewRate` scope: `maxStars` 2 | 1 | 3 (reviews with at most this many
 * stars are negative), `denominator` reviews | orders, and the optional `minSample`.
 *
 * @example
 * ```ts
 * negativeReviewRateScopeSchema.parse({ denominator: "orders" }); // { maxStars: 2, denominator: "orders" }
 * ```
 */
export const negativeReviewRateScopeSchema = z.strictObject({
  maxStars: choiceKnob("maxStars", [2, 1, 3]),
  denominator: choiceKnob("denominator", ["reviews", "orders"]),
  minSample: minSampleKnob,
});

/** A parsed `negativeReviewRate` scope. */
export type NegativeReviewRateScope = z.output<typeof negativeReviewRateScopeSchema>;

/**
 * 差评率 negativeReviewRate: reviews with stars ≤ maxStars ÷ all reviews received (or ÷ orders).
 * Ratio, lower is better.
 *
 * @example
 * ```ts
 * computeKpi("negativeReviewRate", facts).value; // or computeKpi(negativeReviewRateKpi, facts)
 * ```
 */
export const negativeReviewRateKpi: KpiDefinition<NegativeReviewRateScope> = Object.freeze({
  id: "negativeReviewRate",
  description: "Share of reviews (or orders) with a rating of at most maxStars stars",
  unit: "ratio",
  polarity: "lower-is-better",
  scopeSchema: negativeReviewRateScopeSchema,
  knobs: ["maxStars", "denominator"],
  minSample: true,
  shareOfWhole: true,
  reads: (scope: NegativeReviewRateScope) =>
    scope.denominator === "reviews"
      ? [...starPaths(1, 5)]
      : [...starPaths(1, scope.maxStars), "sales.orders"],
  compute(facts, scope) {
    const run = startRun(negativeReviewRateKpi, facts, scope);
    const negative = starSum(run, starPaths(1, scope.maxStars));
    const denominator =
      scope.denominator === "reviews" ? starSum(run, starPaths(1, 5)) : read(run, "sales.orders");
    if (negative === undefined || denominator === undefined) return missingFacts(run);
    step(run, "negative reviews", negative);
    if (scope.denominator === "reviews") step(run, "reviews", denominator);
    return ratioResult(run, negative, denominator, scope.minSample);
  },
} satisfies KpiDefinition<NegativeReviewRateScope>);
