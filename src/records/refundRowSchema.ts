import * as z from "zod";
import { currencySchema } from "../values/currency.js";
import { countSchema, nonNegativeDecimalSchema } from "../values/decimal.js";
import { checkMinorDigits, rowIdSchema, timestampSchema } from "./rowFieldSchemas.js";

/**
 * Zod schema of one raw refund (SPEC §10): `refundId` identifies it, `orderId` names the refunded
 * order, `refundedAt` is when the money went back; `amount` is the item value refunded, `tax` and
 * `shipping` the tax and shipping refunded (validated, not booked: facts have no field for them),
 * `quantity` the units returned, and `orderPurchasedAt` the order's own timestamp for orders that
 * are not among the order rows. Money follows the rules of order lines. Unknown keys are refused.
 *
 * @example
 * ```ts
 * refundRowSchema.parse({
 *   store: "amazon-us-main", refundId: "R-1", orderId: "113-1", refundedAt: "2026-04-03T10:00:00Z",
 *   amount: "19.99", quantity: 1, currency: "USD",
 * });
 * ```
 */
export const refundRowSchema = z
  .strictObject({
    store: rowIdSchema,
    refundId: rowIdSchema,
    orderId: rowIdSchema,
    refundedAt: timestampSchema,
    /** Item value refunded (tax and shipping excluded). */
    amount: nonNegativeDecimalSchema,
    tax: nonNegativeDecimalSchema.optional(),
    shipping: nonNegativeDecimalSchema.optional(),
    /** Units returned; a money-only refund leaves it out. */
    quantity: countSchema.optional(),
    /** The refunded order's purchase timestamp, used when the order is not among the order rows. */
    orderPurchasedAt: timestampSchema.optional(),
    currency: currencySchema,
  })
  .superRefine((row, ctx) =>
    checkMinorDigits(
      row.currency,
      [
        [["amount"], row.amount],
        [["tax"], row.tax],
        [["shipping"], row.shipping],
      ],
      ctx,
    ),
  );

/** A refund after parsing. */
export type RefundRow = z.output<typeof refundRowSchema>;
/** A refund as accepted on input. */
export type RefundRowInput = z.input<typeof refundRowSchema>;
