import * as z from "zod";
import { refundPath } from "./internal/gmvTerm.js";
import { choiceKnob, minSampleKnob } from "./internal/knobs.js";
import { missingFacts, ratioResult, readAll, startRun } from "./internal/run.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `refundRate` scope: `refundTiming` refund-date | order-date, and the optional
 * `minSample` (a minimum gross).
 *
 * @example
 * ```ts
 * refundRateScopeSchema.parse({ refundTiming: "order-date" }); // { refundTiming: "order-date" }
 * ```
 */
export const refundRateScopeSchema = z.strictObject({
  refundTiming: choiceKnob("refundTiming", ["refund-date", "order-date"]),
  minSample: minSampleKnob,
});

/** A parsed `refundRate` scope. */
export type RefundRateScope = z.output<typeof refundRateScopeSchema>;

/**
 * 退款率 refundRate: `sales.refunds ÷ sales.gross` (by refund date), or
 * `sales.refundsOnPeriodOrders ÷ sales.gross` (by order date). Ratio, lower is better.
 *
 * @example
 * ```ts
 * computeKpi("refundRate", facts).value; // or computeKpi(refundRateKpi, facts)
 * ```
 */
export const refundRateKpi: KpiDefinition<RefundRateScope> = Object.freeze({
  id: "refundRate",
  description: "Value refunded over gross sales",
  unit: "ratio",
  polarity: "lower-is-better",
  scopeSchema: refundRateScopeSchema,
  knobs: ["refundTiming"],
  minSample: true,
  reads: (scope: RefundRateScope) => [refundPath(scope.refundTiming), "sales.gross"],
  compute(facts, scope) {
    const run = startRun(refundRateKpi, facts, scope);
    const f = readAll(run, { refunds: refundPath(scope.refundTiming), gross: "sales.gross" });
    return f === undefined ? missingFacts(run) : ratioResult(run, f.refunds, f.gross, scope.minSample);
  },
} satisfies KpiDefinition<RefundRateScope>);
