import * as z from "zod";
import { D } from "../internal/decimal.js";
import { dayCount } from "../values/period.js";
import { type Expr, literal, over, times } from "./internal/expr.js";
import { inventoryBasisKnob, inventoryReads, inventoryTerms } from "./internal/inventoryTerm.js";
import { missingFacts, nullRatio, startRun, step, valueResult } from "./internal/run.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `daysOfInventory` scope: `basis` cost | units.
 *
 * @example
 * ```ts
 * daysOfInventoryScopeSchema.parse({ basis: "units" }); // { basis: "units" }
 * ```
 */
export const daysOfInventoryScopeSchema = z.strictObject({ basis: inventoryBasisKnob });

/** A parsed `daysOfInventory` scope. */
export type DaysOfInventoryScope = z.output<typeof daysOfInventoryScopeSchema>;

/**
 * 库存周转天数 daysOfInventory: period days ÷ inventory turnover on the same basis (never annualised).
 * An average inventory of 0 leaves the turnover undefined and a turnover of 0 (nothing sold) has no
 * finite days: both are `zero-denominator`, carrying the division that failed. Days, lower is better.
 *
 * @example
 * ```ts
 * computeKpi("daysOfInventory", facts).value; // or computeKpi(daysOfInventoryKpi, facts)
 * ```
 */
export const daysOfInventoryKpi: KpiDefinition<DaysOfInventoryScope> = Object.freeze({
  id: "daysOfInventory",
  description: "Days the average inventory lasts at the period's rate of sale",
  unit: "days",
  polarity: "lower-is-better",
  scopeSchema: daysOfInventoryScopeSchema,
  knobs: ["basis"],
  reads: (scope: DaysOfInventoryScope) => inventoryReads(scope.basis),
  compute(facts, scope) {
    const run = startRun(daysOfInventoryKpi, facts, scope);
    const terms = inventoryTerms(run, scope.basis);
    if (terms === undefined) return missingFacts(run);
    const turnover = over(terms.sold, terms.average);
    if (turnover === undefined) return nullRatio(run, "zero-denominator", terms.sold, terms.average);
    step(run, "turnover", turnover);
    const days = literal(new D(dayCount(facts.period)), "period days");
    // period days ÷ turnover = days × average ÷ sold, in one division of exact products rounded
    // once to 34 digits (SPEC §1.1), not a division by the rounded turnover.
    if (turnover.value.isZero()) return nullRatio(run, "zero-denominator", days, turnover);
    return valueResult(run, over(times(days, terms.average), terms.sold) as Expr);
  },
} satisfies KpiDefinition<DaysOfInventoryScope>);
