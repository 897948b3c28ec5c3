import * as z from "zod";
import {
  GROSS_PROFIT_KNOBS,
  type GrossProfitKnobs,
  grossProfitKnobShape,
  grossProfitReads,
  grossProfitTerms,
} from "./internal/grossProfitTerm.js";
import { missingFacts, startRun, valueResult } from "./internal/run.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `grossProfit` scope: `adSpendAsCost` true | false, then gmv's knobs except
 * `refunds` (refunds are always deducted).
 *
 * @example
 * ```ts
 * grossProfitScopeSchema.parse({ adSpendAsCost: false }).refundTiming; // "refund-date"
 * ```
 */
export const grossProfitScopeSchema = z.strictObject(grossProfitKnobShape);

/** A parsed `grossProfit` scope. */
export type GrossProfitScope = GrossProfitKnobs;

/**
 * 毛利 grossProfit: gmv(refunds=exclude) − `costs.cogs` − `costs.platformFees` −
 * `costs.fulfilmentFees` − `costs.other` (− `ads.spend` when adSpendAsCost). Money, higher is better.
 *
 * @example
 * ```ts
 * computeKpi("grossProfit", facts).value; // or computeKpi(grossProfitKpi, facts)
 * ```
 */
export const grossProfitKpi: KpiDefinition<GrossProfitScope> = Object.freeze({
  id: "grossProfit",
  description:
    "GMV net of refunds less cost of goods, platform and fulfilment fees, other costs and ad spend",
  unit: "money",
  polarity: "higher-is-better",
  scopeSchema: grossProfitScopeSchema,
  knobs: GROSS_PROFIT_KNOBS,
  reads: grossProfitReads,
  compute(facts, scope) {
    const run = startRun(grossProfitKpi, facts, scope);
    const terms = grossProfitTerms(run, scope);
    if (terms === undefined) return missingFacts(run);
    return valueResult(run, terms.profit);
  },
} satisfies KpiDefinition<GrossProfitScope>);
