import * as z from "zod";
import { attributedFactPath } from "../facts/readFact.js";
import { attributionWindowKnob, minSampleKnob } from "./internal/knobs.js";
import { missingFacts, ratioResult, readAll, startRun } from "./internal/run.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `roas` scope: `attributionWindow` (default `14d`) and the optional `minSample`
 * (a minimum ad spend).
 *
 * @example
 * ```ts
 * roasScopeSchema.parse({ attributionWindow: "7d" }); // { attributionWindow: "7d" }
 * ```
 */
export const roasScopeSchema = z.strictObject({
  attributionWindow: attributionWindowKnob,
  minSample: minSampleKnob,
});

/** A parsed `roas` scope. */
export type RoasScope = z.output<typeof roasScopeSchema>;

/**
 * 广告支出回报率 ROAS: `ads.attributed.<window>.sales ÷ ads.spend` (1 ÷ ACoS). Ratio, higher is better.
 *
 * @example
 * ```ts
 * computeKpi("roas", facts).value; // or computeKpi(roasKpi, facts)
 * ```
 */
export const roasKpi: KpiDefinition<RoasScope> = Object.freeze({
  id: "roas",
  description: "Return on ad spend: sales attributed to ads in the window over ad spend",
  unit: "ratio",
  polarity: "higher-is-better",
  scopeSchema: roasScopeSchema,
  knobs: ["attributionWindow"],
  minSample: true,
  reads: (scope: RoasScope) => [attributedFactPath(scope.attributionWindow, "sales"), "ads.spend"],
  compute(facts, scope) {
    const run = startRun(roasKpi, facts, scope);
    const f = readAll(run, {
      sales: attributedFactPath(scope.attributionWindow, "sales"),
      spend: "ads.spend",
    });
    return f === undefined ? missingFacts(run) : ratioResult(run, f.sales, f.spend, scope.minSample);
  },
} satisfies KpiDefinition<RoasScope>);
