import * as z from "zod";
import { countSchema } from "../values/decimal.js";
import { dateSchema } from "../values/period.js";
import { rowIdSchema } from "./rowFieldSchemas.js";

/**
 * Zod schema of one raw traffic day (SPEC §10): on local `date` the store had `sessions` and
 * `pageViews`. Unknown keys are refused.
 *
 * @example
 * ```ts
 * trafficDayRowSchema.parse({ store: "amazon-us-main", date: "2026-03-01", sessions: 774, pageViews: 1000 });
 * ```
 */
export const trafficDayRowSchema = z.strictObject({
  store: rowIdSchema,
  date: dateSchema,
  sessions: countSchema,
  pageViews: countSchema,
});

/** A traffic day after parsing. */
export type TrafficDayRow = z.output<typeof trafficDayRowSchema>;
/** A traffic day as accepted on input. */
export type TrafficDayRowInput = z.input<typeof trafficDayRowSchema>;
