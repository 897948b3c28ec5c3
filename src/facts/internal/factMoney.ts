import { type Dec, formatDecimal } from "../../internal/decimal.js";
import { minorUnits } from "../../values/currency.js";

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
