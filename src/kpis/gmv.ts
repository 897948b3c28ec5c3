import * as z from "zod";
import { GMV_KNOBS, type GmvKnobs, gmvKnobShape, gmvReads, gmvTerm } from "./internal/gmvTerm.js";
import { missingFacts, startRun, valueResult } from "./internal/run.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `gmv` scope (SPEC §3): `refunds` include | exclude, `refundTiming` refund-date |
 * order-date, `cancelled`, `tax` and `shipping` exclude | include (defaults first).
 *
 * @example
 * ```ts
 * gmvScopeSchema.parse({ refunds: "exclude" });
 * // { refunds: "exclude", refundTiming: "refund-date", cancelled: "exclude", tax: "exclude", shipping: "exclude" }
 * ```
 */
export const gmvScopeSchema = z.strictObject(gmvKnobShape);

/** A parsed `gmv` scope. */
export type GmvScope = GmvKnobs;

/**
 * 商品交易总额 GMV: `sales.gross` (+ `cancelledValue` when cancelled=include) (+ `tax`, + `shipping`
 * when included) (− the refund figure of `refundTiming` when refunds=exclude). Money, higher is better.
 *
 * @example
 * ```ts
 * computeKpi("gmv", facts).value; // or computeKpi(gmvKpi, facts)
 * ```
 */
export const gmvKpi: KpiDefinition<GmvScope> = Object.freeze({
  id: "gmv",
  description: "Gross merchandise value: item value of the period's orders, with the scope's adjustments",
  unit: "money",
  polarity: "higher-is-better",
  scopeSchema: gmvScopeSchema,
  knobs: GMV_KNOBS,
  reads: gmvReads,
  compute(facts, scope) {
    const run = startRun(gmvKpi, facts, scope);
    const gmv = gmvTerm(run, scope);
    return gmv === undefined ? missingFacts(run) : valueResult(run, gmv);
  },
} satisfies KpiDefinition<GmvScope>);
