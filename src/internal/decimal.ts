import Decimal from "decimal.js";

/**
 * The library's only Decimal constructor: 34 significant digits, half-even, never exponent
 * notation. Cloned so that the caller's global `Decimal` settings are never read or changed.
 */
export const D = Decimal.clone({
  precision: 34,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
  maxE: 9e15,
  minE: -9e15,
});

/** A decimal value of the library's private constructor. Never part of a public type. */
export type Dec = InstanceType<typeof D>;

/** Zero, shared because Decimals are immutable. */
export const ZERO: Dec = new D(0);
/** One, shared because Decimals are immutable. */
export const ONE: Dec = new D(1);

/** Reads a decimal string (already validated) or a Dec into a Dec. */
export function dec(value: string | Dec): Dec {
  return typeof value === "string" ? new D(value) : value;
}

/**
 * Writes a non-money decimal: plain notation, trailing zeros removed, never "-0".
 */
export function formatDecimal(value: Dec): string {
  if (value.isZero()) return "0";
  return value.toFixed();
}

/**
 * Writes an already-rounded money amount with exactly `exponent` fraction digits, never "-0".
 * Rounding must have happened before (in `roundMoney`); this only pads.
 */
export function formatMinor(value: Dec, exponent: number): string {
  if (value.decimalPlaces() > exponent) {
    throw new Error(`internal: ${value.toFixed()} is not rounded to ${exponent} fraction digits`);
  }
  if (value.isZero()) return ZERO.toFixed(exponent);
  return value.toFixed(exponent);
}
