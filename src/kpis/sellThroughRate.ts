import * as z from "zod";
import { plus } from "./internal/expr.js";
import { minSampleKnob } from "./internal/knobs.js";
import { missingFacts, ratioResult, readAll, startRun, step } from "./internal/run.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `sellThroughRate` scope: only the optional `minSample` (a minimum of units sold
 * plus units left).
 *
 * @example
 * ```ts
 * sellThroughRateScopeSchema.parse({}); // {}
 * ```
 */
export const sellThroughRateScopeSchema = z.strictObject({ minSample: minSampleKnob });

/** A parsed `sellThroughRate` scope. */
export type SellThroughRateScope = z.output<typeof sellThroughRateScopeSchema>;

/**
 * 售罄率 sellThroughRate: `sales.units ÷ (sales.units + inventory.closingUnits)`. Ratio, higher is better.
 *
 * @example
 * ```ts
 * computeKpi("sellThroughRate", facts).value; // or computeKpi(sellThroughRateKpi, facts)
 * ```
 */
export const sellThroughRateKpi: KpiDefinition<SellThroughRateScope> = Object.freeze({
  id: "sellThroughRate",
  description: "Units sold over units sold plus units left at the period's end",
  unit: "ratio",
  polarity: "higher-is-better",
  scopeSchema: sellThroughRateScopeSchema,
  knobs: [],
  minSample: true,
  shareOfWhole: true,
  reads: () => ["sales.units", "inventory.closingUnits"],
  compute(facts, scope) {
    const run = startRun(sellThroughRateKpi, facts, scope);
    const f = readAll(run, { units: "sales.units", closing: "inventory.closingUnits" });
    if (f === undefined) return missingFacts(run);
    const available = step(run, "units available", plus(f.units, f.closing));
    return ratioResult(run, f.units, available, scope.minSample);
  },
} satisfies KpiDefinition<SellThroughRateScope>);
