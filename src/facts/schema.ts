import * as z from "zod";
import { currencySchema } from "../values/currency.js";
import { countSchema, nonNegativeDecimalSchema } from "../values/decimal.js";
import { periodSchema } from "../values/period.js";

const money = nonNegativeDecimalSchema;
const count = countSchema;

/** Attribution window keys such as `7d` or `14d`: lower-case letters, digits and `-`. */
export const attributionWindowKeySchema: z.ZodType<string> = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, { error: 'Expected an attribution window key such as "7d" or "14d"' });

/** Zod schema of the `sales` group of period facts (SPEC §2). */
export const salesFactsSchema = z.strictObject({
  /** Orders placed in the period, cancelled ones excluded. */
  orders: count.optional(),
  /** Units of those orders. */
  units: count.optional(),
  /** Item value of those orders after promotional discounts, excluding tax and shipping. */
  gross: money.optional(),
  /** Tax charged on those orders. */
  tax: money.optional(),
  /** Shipping charged on those orders. */
  shipping: money.optional(),
  /** Orders cancelled in full. */
  cancelledOrders: count.optional(),
  /** Item value of cancelled lines. */
  cancelledValue: money.optional(),
  /** Value refunded in the period, by refund date. */
  refunds: money.optional(),
  /** Value refunded so far on orders placed in the period, by order date. */
  refundsOnPeriodOrders: money.optional(),
  /** Orders refunded in the period, by refund date. */
  refundedOrders: count.optional(),
  /** Units returned in the period, by refund date. */
  returnedUnits: count.optional(),
});

/** Zod schema of one attribution window's figures. */
export const attributedFactsSchema = z.strictObject({
  /** Sales attributed to ads in this window. */
  sales: money.optional(),
  /** Orders attributed to ads in this window. */
  orders: count.optional(),
});

/** Zod schema of the `ads` group of period facts. */
export const adsFactsSchema = z.strictObject({
  spend: money.optional(),
  clicks: count.optional(),
  impressions: count.optional(),
  attributed: z.record(attributionWindowKeySchema, attributedFactsSchema).optional(),
});

/** Zod schema of the `traffic` group of period facts. */
export const trafficFactsSchema = z.strictObject({
  sessions: count.optional(),
  pageViews: count.optional(),
});

/** Zod schema of the `reviews` group: counts of reviews received in the period by star rating. */
export const reviewsFactsSchema = z.strictObject({
  byStars: z
    .strictObject({
      "1": count.optional(),
      "2": count.optional(),
      "3": count.optional(),
      "4": count.optional(),
      "5": count.optional(),
    })
    .optional(),
});

/** Zod schema of the `inventory` group: snapshots at the period's opening and closing. */
export const inventoryFactsSchema = z.strictObject({
  openingUnits: count.optional(),
  closingUnits: count.optional(),
  openingValue: money.optional(),
  closingValue: money.optional(),
});

/** Zod schema of the `costs` group. */
export const costsFactsSchema = z.strictObject({
  cogs: money.optional(),
  platformFees: money.optional(),
  fulfilmentFees: money.optional(),
  other: money.optional(),
});

/** Zod schema of the `listings` group. */
export const listingsFactsSchema = z.strictObject({
  inScope: count.optional(),
  optimized: count.optional(),
});

/** Zod schema of the `service` group. */
export const serviceFactsSchema = z.strictObject({
  inquiries: count.optional(),
  answeredWithin24h: count.optional(),
});

/**
 * Zod schema of period facts (SPEC §2): the aggregated figures of one store, or one pooled group
 * of stores, for one period. Every group and field is optional; money fields are decimals in
 * `currency`; counts are whole numbers of zero or more. Unknown keys are refused.
 *
 * @example
 * ```ts
 * const facts = periodFactsSchema.parse({
 *   store: "amazon-us-main",
 *   period: { start: "2026-03-01", end: "2026-03-31" },
 *   currency: "USD",
 *   sales: { orders: 1200, gross: "46000.00", refunds: "1840.00" },
 * });
 * ```
 */
export const periodFactsSchema = z.strictObject({
  store: z.string().min(1).optional(),
  period: periodSchema,
  currency: currencySchema,
  sales: salesFactsSchema.optional(),
  ads: adsFactsSchema.optional(),
  traffic: trafficFactsSchema.optional(),
  reviews: reviewsFactsSchema.optional(),
  inventory: inventoryFactsSchema.optional(),
  costs: costsFactsSchema.optional(),
  listings: listingsFactsSchema.optional(),
  service: serviceFactsSchema.optional(),
});

/** Period facts after parsing: decimals are strings, counts are numbers. */
export type PeriodFacts = z.output<typeof periodFactsSchema>;
/** Period facts as accepted on input (decimals may also be finite numbers). */
export type PeriodFactsInput = z.input<typeof periodFactsSchema>;

/** The names of the fact groups (`sales`, `ads`, …), as used by a contract's `dataSources`. */
export type FactGroup =
  | "sales"
  | "ads"
  | "traffic"
  | "reviews"
  | "inventory"
  | "costs"
  | "listings"
  | "service";

/** Every fact group, in SPEC order. */
export const FACT_GROUPS: readonly FactGroup[] = Object.freeze([
  "sales",
  "ads",
  "traffic",
  "reviews",
  "inventory",
  "costs",
  "listings",
  "service",
]);
