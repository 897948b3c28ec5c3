import * as z from "zod";
import { attributionWindowKeySchema } from "../facts/schema.js";
import { currencySchema } from "../values/currency.js";
import { countSchema, nonNegativeDecimalSchema } from "../values/decimal.js";
import { dateSchema } from "../values/period.js";
import { checkMinorDigits, rowIdSchema } from "./rowFieldSchemas.js";

/**
 * Zod schema of one raw advertising day (SPEC §10): on local `date` the store (or one `campaign` of
 * it) spent `spend` for `clicks` and `impressions`, and the ads were credited, per attribution window
 * (`"7d"`, `"14d"`…), with `sales` and `orders`. `campaign` is optional and only tells rows of one day
 * apart for duplicate detection. Money follows the rules of order lines. Unknown keys are refused.
 *
 * @example
 * ```ts
 * adsDayRowSchema.parse({
 *   store: "amazon-us-main", date: "2026-03-01", spend: "290.32", clicks: 484, impressions: 29032,
 *   attributed: { "7d": { sales: "1258.06", orders: 32 }, "14d": { sales: "1354.84", orders: 33 } },
 *   currency: "USD",
 * });
 * ```
 */
export const adsDayRowSchema = z
  .strictObject({
    store: rowIdSchema,
    date: dateSchema,
    /** Optional campaign id: rows of one store and day are duplicates unless their campaigns differ. */
    campaign: rowIdSchema.optional(),
    spend: nonNegativeDecimalSchema,
    clicks: countSchema,
    impressions: countSchema,
    /** Per attribution window, the sales and orders credited to the ads. */
    attributed: z.record(
      attributionWindowKeySchema,
      z.strictObject({ sales: nonNegativeDecimalSchema, orders: countSchema }),
    ),
    currency: currencySchema,
  })
  .superRefine((row, ctx) =>
    checkMinorDigits(
      row.currency,
      [
        [["spend"], row.spend],
        ...Object.entries(row.attributed).map(
          ([window, figures]) => [["attributed", window, "sales"], figures.sales] as const,
        ),
      ],
      ctx,
    ),
  );

/** An advertising day after parsing. */
export type AdsDayRow = z.output<typeof adsDayRowSchema>;
/** An advertising day as accepted on input. */
export type AdsDayRowInput = z.input<typeof adsDayRowSchema>;
