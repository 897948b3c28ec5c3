import * as z from "zod";
import { currencySchema } from "../values/currency.js";
import { countSchema, nonNegativeDecimalSchema } from "../values/decimal.js";
import { checkMinorDigits, rowIdSchema, timestampSchema } from "./rowFieldSchemas.js";

/**
 * Zod schema of one raw order line (SPEC §10): `orderId` + `sku` identify it; `purchasedAt` is an
 * ISO 8601 timestamp with offset; `status` `"cancelled"` marks a cancelled line and any other value a
 * sale; `itemPrice` is the line total after promotional discounts (tax and shipping excluded);
 * `itemTax` and `shippingPrice` are optional; money is in the row's `currency`, as decimal strings
 * (or finite numbers, converted exactly) with at most the currency's minor-unit digits. Unknown keys
 * are refused.
 *
 * @example
 * ```ts
 * orderLineRowSchema.parse({
 *   store: "amazon-us-main", orderId: "113-1", sku: "MUG-1", purchasedAt: "2026-03-31T23:30:00-07:00",
 *   status: "shipped", quantity: 2, itemPrice: "39.98", currency: "USD",
 * });
 * ```
 */
export const orderLineRowSchema = z
  .strictObject({
    /** The store the line belongs to (an id of the `stores` option). */
    store: rowIdSchema,
    orderId: rowIdSchema,
    sku: rowIdSchema,
    /** When the order was placed, with its UTC offset. */
    purchasedAt: timestampSchema,
    /** `"cancelled"` marks a cancelled line; any other value counts as a sale. */
    status: z.string({ error: "Expected a status string" }),
    quantity: countSchema,
    /** The line total after promotional discounts, excluding tax and shipping. */
    itemPrice: nonNegativeDecimalSchema,
    itemTax: nonNegativeDecimalSchema.optional(),
    shippingPrice: nonNegativeDecimalSchema.optional(),
    currency: currencySchema,
  })
  .superRefine((row, ctx) =>
    checkMinorDigits(
      row.currency,
      [
        [["itemPrice"], row.itemPrice],
        [["itemTax"], row.itemTax],
        [["shippingPrice"], row.shippingPrice],
      ],
      ctx,
    ),
  );

/** An order line after parsing (money as decimal strings). */
export type OrderLineRow = z.output<typeof orderLineRowSchema>;
/** An order line as accepted on input (money may also be finite numbers). */
export type OrderLineRowInput = z.input<typeof orderLineRowSchema>;
