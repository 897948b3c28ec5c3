import * as z from "zod";
import { D, type Dec, formatDecimal, quotient } from "../internal/decimal.js";
import { DECIMAL_PATTERN, type DecimalString, describeInput, numberToDecimalString } from "./decimal.js";
import { KpiContractError } from "./KpiContractError.js";

/**
 * A ratio as a decimal fraction string: `"0.22"` means 22%.
 */
export type RatioString = DecimalString;

const PERCENT_PATTERN = /^(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?)%$/;

/**
 * Reads a ratio input: a decimal string or finite number (a fraction), or a percent string
 * (`"22%"` means `0.22`).
 *
 * @param input - `"0.22"`, `0.22` or `"22%"`
 * @returns the fraction as a normalised decimal string (`"0.22"`)
 * @throws {@link KpiContractError} `ratio-invalid` for anything else (`"22 %"`, `"1e-2"`, `NaN`)
 * @example
 * ```ts
 * parseRatio("22%");  // "0.22"
 * parseRatio("0.22"); // "0.22"
 * parseRatio(0.05);   // "0.05"
 * ```
 */
export function parseRatio(input: string | number): RatioString {
  const result = readRatio(input);
  if (result === undefined) {
    throw new KpiContractError("ratio-invalid", ratioMessage(input), { input });
  }
  return result;
}

function readRatio(input: unknown): RatioString | undefined {
  if (typeof input === "number") return Number.isFinite(input) ? numberToDecimalString(input) : undefined;
  if (typeof input !== "string") return undefined;
  if (DECIMAL_PATTERN.test(input)) return formatDecimal(new D(input));
  const percent = PERCENT_PATTERN.exec(input);
  // Shifting the exponent is exact; `div(100)` would round past 34 significant digits and make a
  // long "x%" differ from the same fraction written out.
  if (percent?.[1] !== undefined) return formatDecimal(new D(`${percent[1]}e-2`));
  return undefined;
}

const ratioMessage = (input: unknown): string =>
  `Expected a ratio as a fraction ("0.22") or a percent ("22%"), received ${describeInput(input)}`;

/**
 * Zod schema of a ratio input: a fraction (`"0.22"`, `0.22`) or a percent string (`"22%"`),
 * normalised at parse time to a fraction string.
 *
 * @example
 * ```ts
 * ratioSchema.parse("22%"); // "0.22"
 * ```
 */
export const ratioSchema: z.ZodType<RatioString, string | number> = z
  .union([z.string(), z.number()], { error: (iss) => ratioMessage(iss.input) })
  .transform((input, ctx) => {
    const result = readRatio(input);
    if (result === undefined) {
      ctx.addIssue({
        code: "custom",
        message: ratioMessage(input),
        input,
        params: { code: "ratio-invalid" },
      });
      return z.NEVER;
    }
    return result;
  });

/**
 * Divides two decimals to 34 significant digits, half-even (the library's ratio precision).
 * Returns undefined for a zero denominator: callers turn that into a typed `zero-denominator` result.
 *
 * @internal
 */
export function divide(numerator: Dec, denominator: Dec): Dec | undefined {
  if (denominator.isZero()) return undefined;
  return quotient(numerator, denominator);
}
