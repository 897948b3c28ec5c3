import Decimal from "decimal.js";

/** Significant digits of a quotient (SPEC §1.1: divisions to 34 significant digits, half-even). */
export const QUOTIENT_DIGITS = 34;

/**
 * The library's only Decimal constructor. Sums, differences and products are exact (SPEC §1.1):
 * the precision is decimal.js's largest, so they never round. Only quotients are limited, to
 * {@link QUOTIENT_DIGITS} significant digits half-even, and every division goes through
 * {@link quotient} (a test keeps `.div` and the other precision-bound methods out of the rest of
 * `src/`). Never exponent notation. Cloned so that the caller's global `Decimal` settings are never
 * read or changed.
 */
export const D = Decimal.clone({
  precision: 1e9,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
  maxE: 9e15,
  minE: -9e15,
});

const EXACT = D.precision;
/** The constructor's settings as decimal.js keeps them: plain, writable properties. */
const settings = D as { precision: number };

/**
 * `numerator ÷ denominator` to {@link QUOTIENT_DIGITS} significant digits, half-even: the one place
 * the library divides. The denominator must not be zero (callers turn a zero denominator into a
 * typed result before dividing).
 *
 * @internal
 */
export function quotient(numerator: Dec | number, denominator: Dec | number): Dec {
  // decimal.js reads the precision from the constructor at the call; it is lowered for this one
  // synchronous division only, so sums and products elsewhere stay exact.
  settings.precision = QUOTIENT_DIGITS;
  try {
    return (typeof numerator === "number" ? new D(numerator) : numerator).div(denominator);
  } finally {
    settings.precision = EXACT;
  }
}

/**
 * `base ^ exponent` to {@link QUOTIENT_DIGITS} significant digits, half-even: a fractional power
 * (a compound growth rate) cannot be exact, so it is rounded like a quotient.
 *
 * @internal
 */
export function power(base: Dec, exponent: Dec): Dec {
  settings.precision = QUOTIENT_DIGITS;
  try {
    return base.pow(exponent);
  } finally {
    settings.precision = EXACT;
  }
}

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

/** Decimals a description shows at least: ratios such as ACoS read as 0.2262 (22.62%). */
const READABLE_DECIMALS = 4;

/**
 * Writes a decimal for people to read in a description or message, never for arithmetic: as
 * written when it has at most four decimals; otherwise rounded half-up to the fewest decimals (four
 * or more) that keep its order against `against`, and marked "≈". A missed target of 0.22 thus
 * shows an actual of 0.22004 as "≈0.22004", never "≈0.2200". The exact value stays in the
 * statement's fields and traces.
 *
 * @param value - a decimal string (already validated)
 * @param against - the value it is compared with in the same sentence (a target or threshold)
 */
export function readableDecimal(value: string, against?: string): string {
  const exact = new D(value);
  const places = exact.decimalPlaces();
  const side = against === undefined ? 0 : exact.cmp(against);
  for (let d = READABLE_DECIMALS; d < places; d++) {
    const shown = exact.toDecimalPlaces(d, D.ROUND_HALF_UP);
    if (against === undefined || shown.cmp(against) === side) {
      return `≈${shown.isZero() ? ZERO.toFixed(d) : shown.toFixed(d)}`;
    }
  }
  return value;
}
