import * as z from "zod";
import { isCurrencyCode, minorUnits } from "../values/currency.js";
import { describeInput } from "../values/decimal.js";
import { parseTimestamp } from "../values/localDate.js";
import { MINOR_TOO_PRECISE, parseMinorUnits } from "./parseMinorUnits.js";

/** Longest id, SKU or store reference a row may carry (UTF-16 units); a bound keeps one bad row from costing much. */
export const MAX_ROW_ID_LENGTH = 256;

/**
 * Zod schema of an id inside a raw row (order id, SKU, refund id, store reference): a non-empty
 * string of at most 256 UTF-16 units, taken as written (platform ids such as `#1001` or
 * `113-1234567-1234567` are all fine).
 *
 * @example
 * ```ts
 * rowIdSchema.parse("113-1234567-1234567");
 * rowIdSchema.safeParse("").success; // false
 * ```
 */
export const rowIdSchema: z.ZodType<string, string> = z
  .string({ error: "Expected a non-empty string id" })
  .min(1, { error: "Expected a non-empty string id" })
  .max(MAX_ROW_ID_LENGTH, { error: `Expected an id of at most ${MAX_ROW_ID_LENGTH} characters` });

// The JSON Schema shape of a timestamp; the refinement below is the real (stricter) check.
const TIMESTAMP_SHAPE = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?([Zz]|[+-]\d{2}(:?\d{2})?)$/;

/**
 * Zod schema of an ISO 8601 timestamp with its UTC offset (`2026-03-31T23:30:00-07:00`,
 * `2026-03-08T10:00:00Z`), as `parseTimestamp` reads it; a timestamp without offset is refused
 * because its instant, and so its local day, is unknown.
 *
 * @example
 * ```ts
 * timestampSchema.parse("2026-03-31T23:30:00-07:00");
 * timestampSchema.safeParse("2026-03-31 23:30").success; // false
 * ```
 */
export const timestampSchema: z.ZodType<string, string> = z
  .string({ error: "Expected an ISO 8601 timestamp with offset such as 2026-03-31T23:30:00-07:00" })
  .regex(TIMESTAMP_SHAPE, {
    error: (iss) =>
      `Expected an ISO 8601 timestamp with Z or a ±HH:MM, ±HHMM or ±HH offset such as 2026-03-31T23:30:00-07:00, received ${describeInput(iss.input)}`,
  })
  .superRefine((text, ctx) => {
    try {
      parseTimestamp(text);
    } catch (error) {
      // parseTimestamp throws only KpiContractError.
      ctx.addIssue({
        code: "custom",
        message: (error as Error).message,
        input: text,
        params: { code: "timestamp-invalid" },
      });
    }
  });

/**
 * Adds an issue for every money field of a row that has a non-zero digit beyond its currency's
 * minor unit (`"19.999"` in USD): input is never rounded silently.
 *
 * @param currency - the row's currency code (an unknown code is left to the currency schema)
 * @param fields - each money field as `[path, value]`, `value` undefined when the field is absent
 * @param ctx - the refinement context the issues go to
 * @returns nothing; the issues are added to `ctx`
 * @example
 * ```ts
 * z.strictObject({ amount: z.string(), currency: z.string() })
 *   .superRefine((row, ctx) => checkMinorDigits(row.currency, [[["amount"], row.amount]], ctx));
 * ```
 */
export function checkMinorDigits(
  currency: string,
  fields: readonly (readonly [readonly (string | number)[], string | undefined])[],
  ctx: z.RefinementCtx,
): void {
  if (!isCurrencyCode(currency)) return;
  const exponent = minorUnits(currency);
  for (const [path, value] of fields) {
    if (value !== undefined && parseMinorUnits(value, exponent) === MINOR_TOO_PRECISE) {
      ctx.addIssue({
        code: "custom",
        path: [...path],
        input: value,
        message: `Amount "${value}" has more fraction digits than ${currency} allows (${exponent}); amounts are never rounded on input`,
        params: { code: "amount-too-precise" },
      });
    }
  }
}
