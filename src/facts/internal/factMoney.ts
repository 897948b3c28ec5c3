import { type Dec, formatDecimal } from "../../internal/decimal.js";
import { minorUnits } from "../../values/currency.js";
import { DECIMAL_PATTERN } from "../../values/decimal.js";

/**
 * Writes a money fact: with the currency's minor-unit digits when the value has no more
 * (`"44160.00"`), else exactly as computed (a converted `"49910.0004"` keeps every digit). Facts
 * are never rounded: rounding happens only on fee lines (SPEC §1.2).
 *
 * @internal
 */
export function formatFactMoney(value: Dec, currency: string): string {
  const digits = minorUnits(currency);
  if (value.decimalPlaces() > digits) return formatDecimal(value);
  return value.isZero() ? value.abs().toFixed(digits) : value.toFixed(digits);
}

/**
 * Whether a money fact is already written as {@link formatFactMoney} writes its value after
 * arithmetic: a decimal with exactly `digits` (the currency's minor-unit digits) after the point and
 * not a negative zero (sums are exact, so no length rounds). Such text can be kept as it is where the
 * value would otherwise be summed and written again.
 *
 * @internal
 */
export function isWrittenFactMoney(value: string, digits: number): boolean {
  if (!DECIMAL_PATTERN.test(value)) return false;
  const dot = value.indexOf(".");
  if ((dot < 0 ? 0 : value.length - dot - 1) !== digits) return false;
  // "-0.00" is written "0.00": only a negative with a non-zero digit is kept.
  return value.charCodeAt(0) !== 45 /* - */ || /[1-9]/.test(value);
}
