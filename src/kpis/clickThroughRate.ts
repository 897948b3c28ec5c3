import * as z from "zod";
import { minSampleKnob } from "./internal/knobs.js";
import { factRatioKpi, type MinSampleOnlyScope } from "./internal/simpleKpis.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `clickThroughRate` scope: only the optional `minSample` (a minimum `ads.impressions`).
 *
 * @example
 * ```ts
 * clickThroughRateScopeSchema.parse({ minSample: 100 }); // { minSample: "100" }
 * ```
 */
export const clickThroughRateScopeSchema = z.strictObject({ minSample: minSampleKnob });

/**
 * 点击率 clickThroughRate: `ads.clicks ÷ ads.impressions`. Ratio, higher is better; a share of a whole.
 *
 * @example
 * ```ts
 * computeKpi("clickThroughRate", facts).value; // or computeKpi(clickThroughRateKpi, facts)
 * ```
 */
export const clickThroughRateKpi: KpiDefinition<MinSampleOnlyScope> = factRatioKpi({
  id: "clickThroughRate",
  description: "Clicks over impressions of the ads",
  polarity: "higher-is-better",
  numerator: "ads.clicks",
  denominator: "ads.impressions",
  shareOfWhole: true,
  scopeSchema: clickThroughRateScopeSchema,
});
