import type * as z from "zod";
import { adsDayRowSchema } from "./adsDayRowSchema.js";
import { inventorySnapshotRowSchema } from "./inventorySnapshotRowSchema.js";
import { orderLineRowSchema } from "./orderLineRowSchema.js";
import { refundRowSchema } from "./refundRowSchema.js";
import { reviewRowSchema } from "./reviewRowSchema.js";
import { trafficDayRowSchema } from "./trafficDayRowSchema.js";

/** The kinds of raw rows, named as the keys of `aggregateFacts`'s `sources`. */
export type RecordSource = "orders" | "refunds" | "ads" | "reviews" | "inventory" | "traffic";

/** Every row kind, in the order `aggregateFacts` reads them (orders before refunds). */
export const RECORD_SOURCES: readonly RecordSource[] = Object.freeze([
  "orders",
  "refunds",
  "ads",
  "reviews",
  "inventory",
  "traffic",
]);

/**
 * The row schema of each source kind.
 *
 * @example
 * ```ts
 * recordSchemas.orders.safeParse(row).success;
 * ```
 */
export const recordSchemas: { readonly [K in RecordSource]: z.ZodType } = Object.freeze({
  orders: orderLineRowSchema,
  refunds: refundRowSchema,
  ads: adsDayRowSchema,
  reviews: reviewRowSchema,
  inventory: inventorySnapshotRowSchema,
  traffic: trafficDayRowSchema,
});
