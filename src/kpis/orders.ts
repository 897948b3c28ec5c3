import * as z from "zod";
import { factValueKpi } from "./internal/simpleKpis.js";
import type { KpiDefinition } from "./types.js";

/**
 * Zod schema of the `orders` scope: no knobs.
 *
 * @example
 * ```ts
 * ordersScopeSchema.parse({}); // {}
 * ```
 */
export const ordersScopeSchema = z.strictObject({});

/**
 * 订单量 orders: `sales.orders`, orders placed in the period without cancelled ones. Count, higher is better.
 *
 * @example
 * ```ts
 * computeKpi("orders", facts).value; // or computeKpi(ordersKpi, facts)
 * ```
 */
export const ordersKpi: KpiDefinition<z.output<typeof ordersScopeSchema>> = factValueKpi({
  id: "orders",
  description: "Orders placed in the period, cancelled ones excluded",
  unit: "count",
  polarity: "higher-is-better",
  path: "sales.orders",
  scopeSchema: ordersScopeSchema,
});
