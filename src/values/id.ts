import * as z from "zod";
import { describeInput } from "./decimal.js";

/** The pattern of ids (stores, targets, custom KPIs, contracts): letters, digits, `_ . : -`, 1–64 characters. */
export const ID_PATTERN: RegExp = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/**
 * Zod schema of an id such as `"amazon-us-main"` or `"gmv-growth"`. The pattern keeps ids safe to use
 * as object keys (no `__proto__`) and readable in statements.
 *
 * @example
 * ```ts
 * idSchema.parse("gmv-growth"); // "gmv-growth"
 * idSchema.safeParse("__proto__").success; // false
 * ```
 */
export const idSchema: z.ZodType<string> = z
  .string({ error: "Expected an id (letters, digits, _ . : -)" })
  .regex(ID_PATTERN, {
    error: (iss) =>
      `Expected an id of 1–64 letters, digits or _ . : - starting with a letter or digit, received ${describeInput(iss.input)}`,
  });
