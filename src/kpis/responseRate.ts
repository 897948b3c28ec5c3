import * as z from "zod";
import { minSampleKnob } from "./internal/knobs.js";
import { factRatioKpi, type MinSampleOnlyScope } from "./internal/simpleKpis.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `responseRate` scope: only the optional `minSample` (a minimum `service.inquiries`).
 *
 * @example
 * ```ts
 * responseRateScopeSchema.parse({ minSample: 100 }); // { minSample: "100" }
 * ```
 */
export const responseRateScopeSchema = z.strictObject({ minSample: minSampleKnob });

/**
 * 24小时回复率 responseRate: `service.answeredWithin24h ÷ service.inquiries`. Ratio, higher is better; a share of a whole.
 *
 * @example
 * ```ts
 * computeKpi("responseRate", facts).value; // or computeKpi(responseRateKpi, facts)
 * ```
 */
export const responseRateKpi: KpiDefinition<MinSampleOnlyScope> = factRatioKpi({
  id: "responseRate",
  description: "Share of customer inquiries answered within 24 hours",
  polarity: "higher-is-better",
  numerator: "service.answeredWithin24h",
  denominator: "service.inquiries",
  shareOfWhole: true,
  scopeSchema: responseRateScopeSchema,
});
