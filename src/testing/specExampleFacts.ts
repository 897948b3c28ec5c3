import type { PeriodFacts } from "../facts/schema.js";

/**
 * The period facts of SPEC §2 (Amazon US, March 2026), every group filled: a ready input for
 * examples and tests.
 *
 * @example
 * ```ts
 * computeKpi("acos", SPEC_EXAMPLE_FACTS).value; // "0.2142857142857142857142857142857143"
 * ```
 */
export const SPEC_EXAMPLE_FACTS: PeriodFacts = deepFreeze({
  store: "amazon-us-main",
  period: { start: "2026-03-01", end: "2026-03-31" },
  currency: "USD",
  sales: {
    orders: 1200,
    units: 1500,
    gross: "46000.00",
    tax: "0.00",
    shipping: "0.00",
    cancelledOrders: 14,
    cancelledValue: "510.00",
    refunds: "1840.00",
    refundsOnPeriodOrders: "1700.00",
    refundedOrders: 40,
    returnedUnits: 45,
  },
  ads: {
    spend: "9000.00",
    clicks: 15000,
    impressions: 900000,
    attributed: { "7d": { sales: "39000.00", orders: 980 }, "14d": { sales: "42000.00", orders: 1010 } },
  },
  traffic: { sessions: 24000, pageViews: 31000 },
  reviews: { byStars: { "1": 1, "2": 1, "3": 6, "4": 40, "5": 252 } },
  inventory: { openingUnits: 4000, closingUnits: 3600, openingValue: "40000.00", closingValue: "36000.00" },
  costs: { cogs: "15000.00", platformFees: "6900.00", fulfilmentFees: "5200.00", other: "0.00" },
  listings: { inScope: 40, optimized: 31 },
  service: { inquiries: 210, answeredWithin24h: 204 },
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
