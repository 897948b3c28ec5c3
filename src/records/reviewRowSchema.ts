import * as z from "zod";
import { rowIdSchema, timestampSchema } from "./rowFieldSchemas.js";

/**
 * Zod schema of one raw review (SPEC §10): `reviewId` identifies it, `createdAt` is when it was
 * posted, `stars` its rating, a whole number from 1 to 5. Unknown keys are refused.
 *
 * @example
 * ```ts
 * reviewRowSchema.parse({ store: "amazon-us-main", reviewId: "RV-1", createdAt: "2026-03-02T08:00:00Z", stars: 5 });
 * ```
 */
export const reviewRowSchema = z.strictObject({
  store: rowIdSchema,
  reviewId: rowIdSchema,
  createdAt: timestampSchema,
  stars: z
    .number({ error: "Expected stars as a whole number from 1 to 5" })
    .int({ error: "Expected stars as a whole number from 1 to 5" })
    .min(1, { error: "Expected stars from 1 to 5" })
    .max(5, { error: "Expected stars from 1 to 5" }),
});

/** A review after parsing. */
export type ReviewRow = z.output<typeof reviewRowSchema>;
/** A review as accepted on input. */
export type ReviewRowInput = z.input<typeof reviewRowSchema>;
