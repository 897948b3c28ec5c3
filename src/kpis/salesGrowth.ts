import * as z from "zod";
import { D } from "../internal/decimal.js";
import { abs, literal, minus, named } from "./internal/expr.js";
import { GMV_KNOBS, gmvKnobShape, gmvReads, namedGmv } from "./internal/gmvTerm.js";
import { choiceKnob, minSampleKnob } from "./internal/knobs.js";
import { missingFacts, ratioResult, startRun, step } from "./internal/run.js";
import type { KpiDefinition } from "./types.js";

/**
 * How a comparison's missing facts are named (`comparison.sales.refunds`): its inputs' prefix.
 *
 * @internal
 */
export const COMPARISON_PREFIX = "comparison.";

/**
 * Zod schema of the `salesGrowth` scope: gmv's knobs, `comparison` previous-period |
 * same-period-last-year | baseline (which figure the growth is measured against; the figure itself
 * is passed in as `options.comparison`), and the optional `minSample` (a minimum |comparison GMV|).
 *
 * @example
 * ```ts
 * salesGrowthScopeSchema.parse({ comparison: "same-period-last-year" }).refunds; // "include"
 * ```
 */
export const salesGrowthScopeSchema = z.strictObject({
  ...gmvKnobShape,
  comparison: choiceKnob("comparison", ["previous-period", "same-period-last-year", "baseline"]),
  minSample: minSampleKnob,
});

/** A parsed `salesGrowth` scope. */
export type SalesGrowthScope = z.output<typeof salesGrowthScopeSchema>;

/**
 * 销售增长率 salesGrowth: (gmv − comparison gmv) ÷ |comparison gmv|. The comparison is either facts
 * (their GMV is computed with the same knobs, inputs labelled `comparison.…`) or a stated GMV.
 * No comparison is `missing-facts` naming `comparison`; a comparison GMV of 0 is `zero-denominator`.
 * Ratio, higher is better.
 *
 * @example
 * ```ts
 * computeKpi("salesGrowth", facts).value; // or computeKpi(salesGrowthKpi, facts)
 * ```
 */
export const salesGrowthKpi: KpiDefinition<SalesGrowthScope> = Object.freeze({
  id: "salesGrowth",
  description: "Growth of GMV against a comparison period or a baseline",
  unit: "ratio",
  polarity: "higher-is-better",
  scopeSchema: salesGrowthScopeSchema,
  knobs: [...GMV_KNOBS, "comparison"],
  minSample: true,
  reads: (scope: SalesGrowthScope) => gmvReads(scope),
  compute(facts, scope, context) {
    const run = startRun(salesGrowthKpi, facts, scope);
    const gmv = namedGmv(run, scope);
    const comparison = context.comparison;
    let base: ReturnType<typeof namedGmv>;
    if (comparison === undefined) {
      run.missing.push("comparison");
    } else if (typeof comparison === "string") {
      run.inputs.comparison = comparison;
      base = step(run, "comparison gmv", named(literal(new D(comparison)), "comparison gmv"));
    } else {
      base = namedGmv(run, scope, "comparison gmv", comparison, COMPARISON_PREFIX);
    }
    if (gmv === undefined || base === undefined) return missingFacts(run);
    return ratioResult(run, minus(gmv, base), abs(base), scope.minSample);
  },
} satisfies KpiDefinition<SalesGrowthScope>);
