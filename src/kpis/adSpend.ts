import * as z from "zod";
import { factValueKpi } from "./internal/simpleKpis.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `adSpend` scope: no knobs.
 *
 * @example
 * ```ts
 * adSpendScopeSchema.parse({}); // {}
 * ```
 */
export const adSpendScopeSchema = z.strictObject({});

/**
 * 广告花费 adSpend: `ads.spend`. Money, lower is better.
 *
 * @example
 * ```ts
 * computeKpi("adSpend", facts).value; // or computeKpi(adSpendKpi, facts)
 * ```
 */
export const adSpendKpi: KpiDefinition<z.output<typeof adSpendScopeSchema>> = factValueKpi({
  id: "adSpend",
  description: "Advertising spend in the period",
  unit: "money",
  polarity: "lower-is-better",
  path: "ads.spend",
  scopeSchema: adSpendScopeSchema,
});
