import * as z from "zod";
import { attributedFactPath } from "../facts/readFact.js";
import { attributionWindowKnob, minSampleKnob } from "./internal/knobs.js";
import { missingFacts, ratioResult, readAll, startRun } from "./internal/run.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `acos` scope: `attributionWindow` (any key of `ads.attributed`, default `14d`)
 * and the optional `minSample` (minimum attributed sales).
 *
 * @example
 * ```ts
 * acosScopeSchema.parse({ attributionWindow: "7d" }); // { attributionWindow: "7d" }
 * ```
 */
export const acosScopeSchema = z.strictObject({
  attributionWindow: attributionWindowKnob,
  minSample: minSampleKnob,
});

/** A parsed `acos` scope. */
export type AcosScope = z.output<typeof acosScopeSchema>;

/**
 * 广告销售成本比 ACoS: `ads.spend ÷ ads.attributed.<window>.sales`. Ratio, lower is better.
 *
 * @example
 * ```ts
 * computeKpi("acos", facts).value; // or computeKpi(acosKpi, facts)
 * ```
 */
export const acosKpi: KpiDefinition<AcosScope> = Object.freeze({
  id: "acos",
  description: "Advertising cost of sales: ad spend over the sales attributed to ads in the window",
  unit: "ratio",
  polarity: "lower-is-better",
  scopeSchema: acosScopeSchema,
  knobs: ["attributionWindow"],
  minSample: true,
  reads: (scope: AcosScope) => ["ads.spend", attributedFactPath(scope.attributionWindow, "sales")],
  compute(facts, scope) {
    const run = startRun(acosKpi, facts, scope);
    const f = readAll(run, {
      spend: "ads.spend",
      sales: attributedFactPath(scope.attributionWindow, "sales"),
    });
    return f === undefined ? missingFacts(run) : ratioResult(run, f.spend, f.sales, scope.minSample);
  },
} satisfies KpiDefinition<AcosScope>);
