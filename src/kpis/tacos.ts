import * as z from "zod";
import { GMV_KNOBS, gmvKnobShape, gmvReads, namedGmv } from "./internal/gmvTerm.js";
import { minSampleKnob } from "./internal/knobs.js";
import { missingFacts, ratioResult, read, startRun } from "./internal/run.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `tacos` scope: gmv's knobs and the optional `minSample` (a minimum GMV).
 *
 * @example
 * ```ts
 * tacosScopeSchema.parse({ refunds: "exclude" }).refundTiming; // "refund-date"
 * ```
 */
export const tacosScopeSchema = z.strictObject({ ...gmvKnobShape, minSample: minSampleKnob });

/** A parsed `tacos` scope. */
export type TacosScope = z.output<typeof tacosScopeSchema>;

/**
 * 总广告销售成本比 TACoS: `ads.spend ÷ gmv` (all sales, not only attributed). Ratio, lower is better.
 *
 * @example
 * ```ts
 * computeKpi("tacos", facts).value; // or computeKpi(tacosKpi, facts)
 * ```
 */
export const tacosKpi: KpiDefinition<TacosScope> = Object.freeze({
  id: "tacos",
  description: "Total advertising cost of sales: ad spend over GMV",
  unit: "ratio",
  polarity: "lower-is-better",
  scopeSchema: tacosScopeSchema,
  knobs: GMV_KNOBS,
  minSample: true,
  reads: (scope: TacosScope) => ["ads.spend", ...gmvReads(scope)],
  compute(facts, scope) {
    const run = startRun(tacosKpi, facts, scope);
    const spend = read(run, "ads.spend");
    const gmv = namedGmv(run, scope);
    if (spend === undefined || gmv === undefined) return missingFacts(run);
    return ratioResult(run, spend, gmv, scope.minSample);
  },
} satisfies KpiDefinition<TacosScope>);
