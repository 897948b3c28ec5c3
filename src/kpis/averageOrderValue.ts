import * as z from "zod";
import { plus } from "./internal/expr.js";
import { GMV_KNOBS, gmvKnobShape, gmvReads, namedGmv } from "./internal/gmvTerm.js";
import { minSampleKnob } from "./internal/knobs.js";
import { missingFacts, ratioResult, read, startRun } from "./internal/run.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `averageOrderValue` scope: gmv's knobs and the optional `minSample` (a minimum
 * number of orders).
 *
 * @example
 * ```ts
 * averageOrderValueScopeSchema.parse({ refunds: "exclude" }).cancelled; // "exclude"
 * ```
 */
export const averageOrderValueScopeSchema = z.strictObject({ ...gmvKnobShape, minSample: minSampleKnob });

/** A parsed `averageOrderValue` scope. */
export type AverageOrderValueScope = z.output<typeof averageOrderValueScopeSchema>;

/**
 * 客单价 averageOrderValue: gmv ÷ `sales.orders`; with cancelled=include the cancelled value is in
 * GMV, so the cancelled orders join the denominator (÷ orders + cancelledOrders). Money, higher is better.
 *
 * @example
 * ```ts
 * computeKpi("averageOrderValue", facts).value; // or computeKpi(averageOrderValueKpi, facts)
 * ```
 */
export const averageOrderValueKpi: KpiDefinition<AverageOrderValueScope> = Object.freeze({
  id: "averageOrderValue",
  description: "Average order value: GMV over the orders it comes from",
  unit: "money",
  polarity: "higher-is-better",
  scopeSchema: averageOrderValueScopeSchema,
  knobs: GMV_KNOBS,
  minSample: true,
  reads: (scope: AverageOrderValueScope) => [
    ...gmvReads(scope),
    "sales.orders",
    ...(scope.cancelled === "include" ? ["sales.cancelledOrders"] : []),
  ],
  compute(facts, scope) {
    const run = startRun(averageOrderValueKpi, facts, scope);
    const gmv = namedGmv(run, scope);
    const orders = read(run, "sales.orders");
    const cancelled = scope.cancelled === "include" ? read(run, "sales.cancelledOrders") : undefined;
    if (
      gmv === undefined ||
      orders === undefined ||
      (scope.cancelled === "include" && cancelled === undefined)
    ) {
      return missingFacts(run);
    }
    return ratioResult(run, gmv, cancelled === undefined ? orders : plus(orders, cancelled), scope.minSample);
  },
} satisfies KpiDefinition<AverageOrderValueScope>);
