import type Decimal from "decimal.js";
import * as z from "zod";
import { D, type Dec, formatMinor, ZERO } from "../internal/decimal.js";
import { minorUnits } from "./currency.js";
import type { DecimalString } from "./decimal.js";
import { describeInput, isDecimalString, scaledInteger, scaledToDecimalString } from "./decimal.js";
import { KpiContractError } from "./KpiContractError.js";

/**
 * How an exact amount becomes a whole number of minor units:
 * - `half-up`: to nearest, .5 away from zero (the default)
 * - `half-even`: to nearest, .5 to the even digit (banker's rounding)
 * - `down`: toward zero
 * - `up`: away from zero
 * - `floor`: toward negative infinity
 * - `ceiling`: toward positive infinity
 */
export type RoundingMode = "half-up" | "half-even" | "down" | "up" | "floor" | "ceiling";

/** Every rounding mode, in documentation order. */
export const ROUNDING_MODES: readonly RoundingMode[] = Object.freeze([
  "half-up",
  "half-even",
  "down",
  "up",
  "floor",
  "ceiling",
]);

/**
 * Zod schema of a rounding mode.
 *
 * @example
 * ```ts
 * roundingModeSchema.parse("half-even"); // "half-even"
 * ```
 */
export const roundingModeSchema: z.ZodType<RoundingMode> = z.enum(
  ["half-up", "half-even", "down", "up", "floor", "ceiling"],
  { error: "Expected a rounding mode: half-up, half-even, down, up, floor or ceiling" },
);

const DECIMAL_JS_MODE: Record<RoundingMode, Decimal.Rounding> = {
  "half-up": D.ROUND_HALF_UP,
  "half-even": D.ROUND_HALF_EVEN,
  down: D.ROUND_DOWN,
  up: D.ROUND_UP,
  floor: D.ROUND_FLOOR,
  ceiling: D.ROUND_CEIL,
};

/**
 * The one money-rounding function of the library, on internal decimals. Every fee line and every
 * other rounded money amount passes through here.
 *
 * @internal
 */
export function roundMoneyDec(amount: Dec, currency: string, mode: RoundingMode): Dec {
  const exponent = minorUnits(currency);
  // An amount with no more digits than the currency has needs no rounding in any mode.
  if (amount.decimalPlaces() <= exponent) return amount;
  return amount.toDecimalPlaces(exponent, DECIMAL_JS_MODE[mode]);
}

/**
 * Rounds an exact amount to its currency's minor unit with a named rounding mode.
 *
 * @param amount - the exact amount, as a decimal string
 * @param currency - ISO 4217 code (its minor-unit exponent sets the digits: USD 2, JPY 0, KWD 3)
 * @param mode - rounding mode, `half-up` by default
 * @returns the rounded amount with exactly the currency's minor-unit digits (`"1064.52"`, JPY `"617"`)
 * @throws {@link KpiContractError} `currency-unknown` for an unknown code, `decimal-invalid` for a bad amount
 * @example
 * ```ts
 * roundMoney("1064.516129", "USD");            // "1064.52"
 * roundMoney("616.5", "JPY", "half-even");      // "616"
 * roundMoney("-2.345", "USD", "floor");         // "-2.35"
 * ```
 */
export function roundMoney(
  amount: DecimalString,
  currency: string,
  mode: RoundingMode = "half-up",
): DecimalString {
  if (!isDecimalString(amount)) {
    throw new KpiContractError("decimal-invalid", `${describeInput(amount)} is not a decimal string`, {
      amount,
    });
  }
  if (typeof mode !== "string" || !Object.hasOwn(DECIMAL_JS_MODE, mode)) {
    throw new KpiContractError("rounding-mode-unknown", `Unknown rounding mode ${describeInput(mode)}`, {
      mode,
    });
  }
  return formatMoney(roundMoneyDec(new D(amount), currency, mode), currency);
}

/**
 * Writes a rounded internal amount with exactly the currency's minor-unit digits.
 *
 * @internal
 */
export function formatMoney(amount: Dec, currency: string): DecimalString {
  return formatMinor(amount, minorUnits(currency));
}

/**
 * The exact sum of money amounts as {@link formatMoney} writes them (statement lines). When every
 * amount has the same number of fraction digits, the sum is counted in those minor units with JS
 * integers (each amount read by `scaledInteger`, at most 15 digits) and parsed once; when the
 * digits differ, an amount has more digits or a partial sum leaves the safe integers, decimal.js
 * adds them. Either way the result is the same exact value, and a zero sum is +0.
 *
 * @internal
 * @param items - anything with a decimal-string `amount`
 * @returns Σ amounts
 */
export function sumAmounts(items: readonly { readonly amount: DecimalString }[]): Dec {
  const counted = inMinorUnits(items);
  if (counted === undefined) return sumDecimals(items);
  return counted.minor === 0 ? ZERO : new D(scaledToDecimalString(BigInt(counted.minor), counted.places));
}

/**
 * {@link sumAmounts} written as {@link formatMoney} writes it in `currency`. When the amounts are
 * counted in the currency's own minor units, the count is written as it is, with no Decimal made.
 *
 * @internal
 * @param items - anything with a decimal-string `amount`
 * @param currency - the currency of the amounts
 * @returns Σ amounts with the currency's minor-unit digits
 */
export function sumMoneyAmounts(
  items: readonly { readonly amount: DecimalString }[],
  currency: string,
): DecimalString {
  const counted = inMinorUnits(items);
  return counted !== undefined && counted.places === minorUnits(currency)
    ? scaledToDecimalString(BigInt(counted.minor), counted.places)
    : formatMoney(sumAmounts(items), currency);
}

/**
 * Σ amounts as a count of their minor units (`places` fraction digits), when every amount is a
 * decimal string with the same digits and every amount and partial sum is a safe integer; else
 * undefined (and an empty list, which has no digits).
 */
function inMinorUnits(
  items: readonly { readonly amount: DecimalString }[],
): { readonly minor: number; readonly places: number } | undefined {
  let minor = 0;
  let places = -1;
  for (const { amount } of items) {
    // Anything but decimal text of up to 15 digits ("", " 12", "0x10", more digits) takes decimal.js.
    const scaled = typeof amount === "string" ? scaledInteger(amount) : undefined;
    if (scaled === undefined || (places >= 0 && scaled.scale !== places)) return undefined;
    places = scaled.scale;
    minor += scaled.int;
    if (!Number.isSafeInteger(minor)) return undefined;
  }
  return places < 0 ? undefined : { minor, places };
}

function sumDecimals(items: readonly { readonly amount: DecimalString }[]): Dec {
  return items.reduce((sum, { amount }) => sum.plus(amount), ZERO);
}
