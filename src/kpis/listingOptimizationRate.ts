import * as z from "zod";
import { minSampleKnob } from "./internal/knobs.js";
import { factRatioKpi, type MinSampleOnlyScope } from "./internal/simpleKpis.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `listingOptimizationRate` scope: only the optional `minSample` (a minimum `listings.inScope`).
 *
 * @example
 * ```ts
 * listingOptimizationRateScopeSchema.parse({ minSample: 100 }); // { minSample: "100" }
 * ```
 */
export const listingOptimizationRateScopeSchema = z.strictObject({ minSample: minSampleKnob });

/**
 * 商品优化率 listingOptimizationRate: `listings.optimized ÷ listings.inScope`. Ratio, higher is better; a share of a whole.
 *
 * @example
 * ```ts
 * computeKpi("listingOptimizationRate", facts).value; // or computeKpi(listingOptimizationRateKpi, facts)
 * ```
 */
export const listingOptimizationRateKpi: KpiDefinition<MinSampleOnlyScope> = factRatioKpi({
  id: "listingOptimizationRate",
  description: "Share of the listings in scope that are optimised",
  polarity: "higher-is-better",
  numerator: "listings.optimized",
  denominator: "listings.inScope",
  shareOfWhole: true,
  scopeSchema: listingOptimizationRateScopeSchema,
});
