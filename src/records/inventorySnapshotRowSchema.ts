import * as z from "zod";
import { countSchema, nonNegativeDecimalSchema } from "../values/decimal.js";
import { dateSchema } from "../values/period.js";
import { rowIdSchema } from "./rowFieldSchemas.js";

/**
 * Zod schema of one raw inventory snapshot (SPEC §10): at the end of local `date` the store held
 * `units` of `sku`, optionally valued at `unitCost` each, in the store's currency (a cost price may
 * have more digits than the currency's minor unit: the inventory value is computed exactly and
 * rounded once). Unknown keys are refused.
 *
 * @example
 * ```ts
 * inventorySnapshotRowSchema.parse({ store: "amazon-us-main", date: "2026-02-28", sku: "MUG-1", units: 400, unitCost: "3.1250" });
 * ```
 */
export const inventorySnapshotRowSchema = z.strictObject({
  store: rowIdSchema,
  date: dateSchema,
  sku: rowIdSchema,
  units: countSchema,
  /** Cost of one unit in the store's currency. */
  unitCost: nonNegativeDecimalSchema.optional(),
});

/** An inventory snapshot after parsing. */
export type InventorySnapshotRow = z.output<typeof inventorySnapshotRowSchema>;
/** An inventory snapshot as accepted on input. */
export type InventorySnapshotRowInput = z.input<typeof inventorySnapshotRowSchema>;
