import * as z from "zod";
import { rowIdSchema, timestampSchema } from "../records/rowFieldSchemas.js";
import { currencySchema } from "../values/currency.js";
import { countSchema, nonNegativeDecimalSchema } from "../values/decimal.js";

/**
 * Zod schema of an order row as the anomaly signals read it: the minimal `{ store, orderId,
 * purchasedAt, itemPrice }` plus the optional `buyerId` and `addressHash` columns that
 * `buyerConcentration` groups by. Every other field of a SPEC §10 order line (`sku`, `status`,
 * `quantity`, `itemTax`, `shippingPrice`, `currency`) is accepted too, so the rows given to
 * `aggregateFacts` can be passed as they are (with the two extra columns where the ERP has them).
 * `status: "cancelled"` marks a cancelled line; `currency`, when given, must be the store's.
 * Unknown keys are refused.
 *
 * @example
 * ```ts
 * signalOrderRowSchema.parse({
 *   store: "us", orderId: "113-1", purchasedAt: "2026-03-02T10:00:00-08:00", itemPrice: "39.98",
 *   buyerId: "B-17", addressHash: "9f2c…",
 * });
 * ```
 */
export const signalOrderRowSchema = z.strictObject({
  store: rowIdSchema,
  orderId: rowIdSchema,
  /** When the order was placed, with its UTC offset. */
  purchasedAt: timestampSchema,
  /** The line total after promotional discounts, excluding tax and shipping. */
  itemPrice: nonNegativeDecimalSchema,
  /** With `sku`, `orderId` + `sku` identify a line: a repeated line is counted once (the first). */
  sku: rowIdSchema.optional(),
  /** `"cancelled"` marks a cancelled line; any other value, or none, counts as a sale. */
  status: z.string({ error: "Expected a status string" }).optional(),
  quantity: countSchema.optional(),
  itemTax: nonNegativeDecimalSchema.optional(),
  shippingPrice: nonNegativeDecimalSchema.optional(),
  currency: currencySchema.optional(),
  /** The platform's (possibly hashed) buyer id. */
  buyerId: rowIdSchema.optional(),
  /** A hash of the normalised shipping address. */
  addressHash: rowIdSchema.optional(),
});

/** An order row of the signals after parsing. */
export type SignalOrderRow = z.output<typeof signalOrderRowSchema>;
/** An order row of the signals as accepted on input. */
export type SignalOrderRowInput = z.input<typeof signalOrderRowSchema>;
