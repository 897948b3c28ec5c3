import * as z from "zod";
import { D } from "../internal/decimal.js";
import { type Expr, literal, sum, times } from "./internal/expr.js";
import { minSampleKnob } from "./internal/knobs.js";
import { missingFacts, ratioResult, read, startRun, step } from "./internal/run.js";
import { STAR_PATHS } from "./internal/stars.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `averageRating` scope: only the optional `minSample` (a minimum number of reviews).
 *
 * @example
 * ```ts
 * averageRatingScopeSchema.parse({ minSample: 5 }); // { minSample: "5" }
 * ```
 */
export const averageRatingScopeSchema = z.strictObject({ minSample: minSampleKnob });

/** A parsed `averageRating` scope. */
export type AverageRatingScope = z.output<typeof averageRatingScopeSchema>;

/**
 * 平均评分 averageRating: Σ stars × count ÷ Σ count over the period's reviews. Stars, higher is better.
 *
 * @example
 * ```ts
 * computeKpi("averageRating", facts).value; // or computeKpi(averageRatingKpi, facts)
 * ```
 */
export const averageRatingKpi: KpiDefinition<AverageRatingScope> = Object.freeze({
  id: "averageRating",
  description: "Average star rating of the reviews received in the period",
  unit: "stars",
  polarity: "higher-is-better",
  scopeSchema: averageRatingScopeSchema,
  knobs: [],
  minSample: true,
  reads: () => [...STAR_PATHS],
  compute(facts, scope) {
    const run = startRun(averageRatingKpi, facts, scope);
    const counts = STAR_PATHS.map((path) => read(run, path));
    if (!counts.every((c) => c !== undefined)) return missingFacts(run);
    const terms = counts as [Expr, ...Expr[]];
    const stars = sum(terms.map((count, i) => times(literal(new D(i + 1)), count)) as [Expr, ...Expr[]]);
    const reviews = sum(terms);
    step(run, "stars", stars);
    step(run, "reviews", reviews);
    return ratioResult(run, stars, reviews, scope.minSample);
  },
} satisfies KpiDefinition<AverageRatingScope>);
