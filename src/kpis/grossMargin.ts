import * as z from "zod";
import { named } from "./internal/expr.js";
import {
  GROSS_PROFIT_KNOBS,
  type GrossProfitKnobs,
  grossProfitKnobShape,
  grossProfitReads,
  grossProfitTerms,
} from "./internal/grossProfitTerm.js";
import { minSampleKnob } from "./internal/knobs.js";
import { missingFacts, ratioResult, startRun, step } from "./internal/run.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `grossMargin` scope: as `grossProfit`, plus the optional `minSample` (a minimum GMV).
 *
 * @example
 * ```ts
 * grossMarginScopeSchema.parse({}).adSpendAsCost; // true
 * ```
 */
export const grossMarginScopeSchema = z.strictObject({ ...grossProfitKnobShape, minSample: minSampleKnob });

/** A parsed `grossMargin` scope. */
export type GrossMarginScope = GrossProfitKnobs & { readonly minSample?: string | undefined };

/**
 * 毛利率 grossMargin: grossProfit ÷ gmv(refunds=exclude). Ratio, higher is better.
 *
 * @example
 * ```ts
 * computeKpi("grossMargin", facts).value; // or computeKpi(grossMarginKpi, facts)
 * ```
 */
export const grossMarginKpi: KpiDefinition<GrossMarginScope> = Object.freeze({
  id: "grossMargin",
  description: "Gross profit over GMV net of refunds",
  unit: "ratio",
  polarity: "higher-is-better",
  scopeSchema: grossMarginScopeSchema,
  knobs: GROSS_PROFIT_KNOBS,
  minSample: true,
  shareOfWhole: true,
  reads: grossProfitReads,
  compute(facts, scope) {
    const run = startRun(grossMarginKpi, facts, scope);
    const terms = grossProfitTerms(run, scope);
    if (terms === undefined) return missingFacts(run);
    const profit = named(step(run, "gross profit", terms.profit), "gross profit");
    return ratioResult(run, profit, terms.gmv, scope.minSample);
  },
} satisfies KpiDefinition<GrossMarginScope>);
