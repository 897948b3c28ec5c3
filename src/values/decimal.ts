import * as z from "zod";
import { D, formatDecimal } from "../internal/decimal.js";

/**
 * A decimal number written as a string: `^-?(0|[1-9][0-9]*)(\.[0-9]+)?$`, for example `"1234.50"`,
 * `"0.22"` or `"-3"`. No exponent, no thousands separator, no `+`, no `NaN` or `Infinity`.
 */
export type DecimalString = string;

/** The pattern every decimal string matches. */
export const DECIMAL_PATTERN: RegExp = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/**
 * Tells whether a value is a decimal string of the library's form.
 *
 * @param value - anything
 * @returns true for strings such as `"1234.50"`, false for `"1e3"`, `"1,000"`, `"+1"` or numbers
 * @example
 * ```ts
 * isDecimalString("0.22"); // true
 * isDecimalString("1e3");  // false
 * ```
 */
export function isDecimalString(value: unknown): value is DecimalString {
  return typeof value === "string" && DECIMAL_PATTERN.test(value);
}

/**
 * Converts a finite JS number to a decimal string exactly from its shortest round-trip text,
 * written out in full (`0.1` gives `"0.1"`, `1e-7` gives `"0.0000001"`, `-0` gives `"0"`).
 *
 * @param value - a finite number
 * @returns the decimal string
 * @throws RangeError when the number is NaN or infinite
 * @example
 * ```ts
 * numberToDecimalString(1e-7); // "0.0000001"
 * ```
 */
export function numberToDecimalString(value: number): DecimalString {
  if (!Number.isFinite(value)) throw new RangeError(`${describeInput(value)} is not a finite number`);
  // String(n) is the shortest text that round-trips; Decimal reads it exactly and writes it out in full.
  return formatDecimal(new D(String(value)));
}

/**
 * Normalises a decimal string: trailing zeros removed, `"-0"` written as `"0"`.
 *
 * @param value - a decimal string
 * @returns the same number in normal form (`"1500.00"` gives `"1500"`)
 * @throws RangeError when `value` is not a decimal string
 * @example
 * ```ts
 * normalizeDecimal("1500.00"); // "1500"
 * normalizeDecimal("-0.0");    // "0"
 * ```
 */
export function normalizeDecimal(value: DecimalString): DecimalString {
  if (!isDecimalString(value)) throw new RangeError(`${describeInput(value)} is not a decimal string`);
  return normalForm(value);
}

/**
 * The normal form of a string that matches {@link DECIMAL_PATTERN}: trailing fraction zeros and a
 * bare dot removed, "-0" written "0". Text only, so no digit is ever rounded; a property test checks
 * it against writing the parsed Decimal.
 *
 * @internal
 * @param decimal - a string matching the decimal pattern
 * @returns its normal form
 */
export function normalForm(decimal: string): string {
  let end = decimal.length;
  if (decimal.includes(".")) {
    // The pattern puts a digit before the dot, so this stops at the dot at the latest.
    while (decimal.charCodeAt(end - 1) === 48 /* 0 */) end--;
    if (decimal.charCodeAt(end - 1) === 46 /* . */) end--;
  }
  const text = end === decimal.length ? decimal : decimal.slice(0, end);
  return text === "-0" ? "0" : text;
}

/**
 * Writes an exact scaled integer `units ÷ 10^scale` as a decimal string in plain notation: the
 * library's one writer of minor units and other scaled integers.
 *
 * @internal
 * @param units - the scaled integer
 * @param scale - digits after the point (≥ 0)
 * @returns the decimal string with exactly `scale` fraction digits (none when 0), never "-0"
 * @example
 * ```ts
 * scaledToDecimalString(-5n, 2); // "-0.05"
 * ```
 */
export function scaledToDecimalString(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const body =
    scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${body}` : body;
}

/** Digits {@link scaledInteger} reads: 10^15 − 1 is a safe integer, and so is a sum of two. */
const SCALED_DIGITS = 15;

/**
 * Reads decimal text (`-?digits(.digits)?`, leading zeros allowed) of at most 15 digits as a whole
 * number of its last digit's unit, without decimal.js: `"46000.00"` is `{ int: 4600000, scale: 2 }`.
 * The inverse of {@link scaledToDecimalString}. Any other text, and more digits, give undefined;
 * `"-0.00"` gives an `int` of -0.
 *
 * @internal
 * @param text - the decimal text
 * @returns the integer of the digits and the digits after the point, or undefined
 * @example
 * ```ts
 * scaledInteger("-12.50"); // { int: -1250, scale: 2 }
 * scaledInteger("1e3");    // undefined
 * ```
 */
export function scaledInteger(text: string): { readonly int: number; readonly scale: number } | undefined {
  const negative = text.charCodeAt(0) === 45; /* - */
  let int = 0;
  let digits = 0;
  let dot = -1;
  for (let i = negative ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      int = int * 10 + (c - 48);
      digits++;
    } else if (c === 46 /* . */ && dot < 0 && digits > 0) {
      dot = i;
    } else {
      return undefined;
    }
  }
  if (digits === 0 || digits > SCALED_DIGITS || dot === text.length - 1) return undefined;
  return { int: negative ? -int : int, scale: dot < 0 ? 0 : text.length - dot - 1 };
}

/**
 * Describes any input for an error message without ever throwing (a BigInt, a cyclic object or an
 * object without a prototype must still produce an issue, not a crash inside `safeParse`).
 *
 * @param input - anything
 * @returns JSON text where possible (`"\"1e3\""`, `"null"`), else a plain description (`"10n"`, `"NaN"`)
 * @example
 * ```ts
 * describeInput("1e3"); // "\"1e3\""
 * describeInput(10n);   // "10n"
 * ```
 * @internal
 */
export function describeInput(input: unknown): string {
  if (typeof input === "bigint") return `${input}n`;
  if (typeof input === "number") return String(input);
  try {
    return JSON.stringify(input) ?? String(input);
  } catch {
    return Object.prototype.toString.call(input);
  }
}

const decimalMessage = (input: unknown): string =>
  typeof input === "number"
    ? `Expected a finite number, received ${String(input)}`
    : `Expected a decimal string like "1234.50" (digits, optional "-" and "."; no exponent, separators or "+"), received ${describeInput(input)}`;

/**
 * Zod schema of a decimal written as a string, exactly as the library writes one (no number, no
 * exponent, no separator): what reports and checks of the library's own outputs read. Issues
 * carry the code `decimal-invalid`.
 *
 * @internal
 */
export const decimalTextSchema: z.ZodType<DecimalString, DecimalString> = z.custom<DecimalString>(
  isDecimalString,
  {
    error: (iss) =>
      `Expected a decimal string like "1234.50" (digits, optional "-" and "."; no exponent, separators or "+"), received ${describeInput(iss.input)}`,
    params: { code: "decimal-invalid" },
  },
);

/**
 * Zod schema of a decimal input: a decimal string, or a finite JS number converted exactly.
 * The output is always a decimal string; strings are kept as written (`"1500.00"` stays).
 *
 * @example
 * ```ts
 * decimalSchema.parse(0.1);       // "0.1"
 * decimalSchema.parse("1234.50"); // "1234.50"
 * decimalSchema.safeParse("1e3").success; // false
 * ```
 */
export const decimalSchema: z.ZodType<DecimalString, DecimalString | number> = z
  .union([z.string(), z.number()], { error: (iss) => decimalMessage(iss.input) })
  .transform((input, ctx) => {
    if (typeof input === "number") {
      if (!Number.isFinite(input)) {
        ctx.addIssue({
          code: "custom",
          message: decimalMessage(input),
          input,
          params: { code: "decimal-invalid" },
        });
        return z.NEVER;
      }
      return numberToDecimalString(input);
    }
    if (!DECIMAL_PATTERN.test(input)) {
      ctx.addIssue({
        code: "custom",
        message: decimalMessage(input),
        input,
        params: { code: "decimal-invalid" },
      });
      return z.NEVER;
    }
    return input;
  });

/**
 * Zod schema of a decimal input that must be zero or more (amounts, fees, caps).
 *
 * @example
 * ```ts
 * nonNegativeDecimalSchema.safeParse("-1").success; // false
 * ```
 */
export const nonNegativeDecimalSchema: z.ZodType<DecimalString, DecimalString | number> =
  decimalSchema.refine((value) => !value.startsWith("-") || new D(value).isZero(), {
    error: "Expected a decimal of zero or more",
  });

/**
 * Zod schema of a count: a non-negative safe integer (orders, units, clicks).
 *
 * @example
 * ```ts
 * countSchema.safeParse(-1).success; // false
 * ```
 */
export const countSchema: z.ZodType<number, number> = z
  .number({ error: "Expected a count (a whole number of zero or more)" })
  .int({ error: "Expected a whole number" })
  .nonnegative({ error: "Expected a count of zero or more" })
  .max(Number.MAX_SAFE_INTEGER, { error: "Count exceeds the largest safe integer" });
