import * as z from "zod";
import { D } from "../internal/decimal.js";
import { dayCount } from "../values/period.js";
import { type Expr, literal, over, times } from "./internal/expr.js";
import {
  type InventoryBasis,
  inventoryBasisKnob,
  inventoryReads,
  inventoryTerms,
} from "./internal/inventoryTerm.js";
import { choiceKnob, minSampleKnob } from "./internal/knobs.js";
import { missingFacts, ratioResult, startRun, step } from "./internal/run.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `inventoryTurnover` scope: `basis` cost | units, `annualize` false | true
 * (× 365 ÷ period days), and the optional `minSample` (a minimum average inventory).
 *
 * @example
 * ```ts
 * inventoryTurnoverScopeSchema.parse({ annualize: true }); // { basis: "cost", annualize: true }
 * ```
 */
export const inventoryTurnoverScopeSchema = z.strictObject({
  basis: inventoryBasisKnob,
  annualize: choiceKnob("annualize", [false, true]),
  minSample: minSampleKnob,
});

/** A parsed `inventoryTurnover` scope. */
export type InventoryTurnoverScope = z.output<typeof inventoryTurnoverScopeSchema>;

/**
 * 库存周转率 inventoryTurnover: `costs.cogs ÷ average inventory value`, or `sales.units ÷ average
 * units`, average = (opening + closing) ÷ 2; annualised × 365 ÷ period days. Ratio (turns), higher
 * is better.
 *
 * @example
 * ```ts
 * computeKpi("inventoryTurnover", facts).value; // or computeKpi(inventoryTurnoverKpi, facts)
 * ```
 */
export const inventoryTurnoverKpi: KpiDefinition<InventoryTurnoverScope> = Object.freeze({
  id: "inventoryTurnover",
  description: "How many times the average inventory was sold in the period (or per year)",
  unit: "ratio",
  polarity: "higher-is-better",
  scopeSchema: inventoryTurnoverScopeSchema,
  knobs: ["basis", "annualize"],
  minSample: true,
  reads: (scope: InventoryTurnoverScope) => inventoryReads(scope.basis as InventoryBasis),
  compute(facts, scope) {
    const run = startRun(inventoryTurnoverKpi, facts, scope);
    const terms = inventoryTerms(run, scope.basis);
    if (terms === undefined) return missingFacts(run);
    return ratioResult(run, terms.sold, terms.average, scope.minSample, (turnover, sold, average) => {
      if (!scope.annualize) return turnover;
      step(run, "turnover", turnover);
      const days = literal(new D(dayCount(facts.period)), "period days");
      // sold × 365 ÷ (average × days) in one division of exact products, rounded once to 34 digits
      // (SPEC §1.1), not the rounded turnover divided again. The average is not zero here (the
      // turnover has a value) and period days are at least 1, so the division cannot fail.
      return over(times(sold, literal(new D(365))), times(average, days)) as Expr;
    });
  },
} satisfies KpiDefinition<InventoryTurnoverScope>);
