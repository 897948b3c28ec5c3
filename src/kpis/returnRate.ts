import * as z from "zod";
import { choiceKnob, minSampleKnob } from "./internal/knobs.js";
import { missingFacts, ratioResult, readAll, startRun } from "./internal/run.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `returnRate` scope: `basis` units | orders, and the optional `minSample` (a
 * minimum number of units or orders).
 *
 * @example
 * ```ts
 * returnRateScopeSchema.parse({ basis: "orders" }); // { basis: "orders" }
 * ```
 */
export const returnRateScopeSchema = z.strictObject({
  basis: choiceKnob("basis", ["units", "orders"]),
  minSample: minSampleKnob,
});

/** A parsed `returnRate` scope. */
export type ReturnRateScope = z.output<typeof returnRateScopeSchema>;

function paths(scope: ReturnRateScope): { n: string; d: string } {
  return scope.basis === "units"
    ? { n: "sales.returnedUnits", d: "sales.units" }
    : { n: "sales.refundedOrders", d: "sales.orders" };
}

/**
 * 退货率 returnRate: `sales.returnedUnits ÷ sales.units`, or `sales.refundedOrders ÷ sales.orders`.
 * Returns count by refund date, so a month's rate may exceed 1 after a strong previous month.
 * Ratio, lower is better.
 *
 * @example
 * ```ts
 * computeKpi("returnRate", facts).value; // or computeKpi(returnRateKpi, facts)
 * ```
 */
export const returnRateKpi: KpiDefinition<ReturnRateScope> = Object.freeze({
  id: "returnRate",
  description: "Returned units per unit sold, or refunded orders per order",
  unit: "ratio",
  polarity: "lower-is-better",
  scopeSchema: returnRateScopeSchema,
  knobs: ["basis"],
  minSample: true,
  reads: (scope: ReturnRateScope) => {
    const p = paths(scope);
    return [p.n, p.d];
  },
  compute(facts, scope) {
    const run = startRun(returnRateKpi, facts, scope);
    const f = readAll(run, paths(scope));
    return f === undefined ? missingFacts(run) : ratioResult(run, f.n, f.d, scope.minSample);
  },
} satisfies KpiDefinition<ReturnRateScope>);
