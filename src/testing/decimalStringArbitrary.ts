import fc from "fast-check";
import type { DecimalString } from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { formatScaled, toScaled } from "./scaledDecimal.js";

/** Options of {@link decimalStringArbitrary}. */
export interface DecimalStringArbitraryOptions {
  /** Smallest value, inclusive (default `"-1000000"`). */
  readonly min?: DecimalString;
  /** Largest value, inclusive (default `"1000000"`). */
  readonly max?: DecimalString;
  /** Most fraction digits a value is written with (default 4); `min` and `max` may not have more. */
  readonly maxFractionDigits?: number;
}

/**
 * A fast-check arbitrary of decimal strings in the library's input form (SPEC §1.1): no exponent, no
 * `+`, no separator, never `"-0"`; values may carry trailing zeros (`"12.50"`) as an ERP would send them.
 *
 * Values are drawn as whole numbers of 10^-d for a random d ≤ `maxFractionDigits`, exactly, so they
 * shrink toward short, small numbers and hit `min`, `max` and 0 often.
 *
 * @param options - `min`, `max` (inclusive) and `maxFractionDigits`
 * @returns an arbitrary of decimal strings between `min` and `max`
 * @throws `KpiContractError` `arbitrary-options-invalid` when a bound is not a decimal string,
 *   has more fraction digits than allowed, `min` is above `max`, or `maxFractionDigits` is not a whole
 *   number from 0 to 20
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { decimalStringArbitrary } from "kpi-contract/testing";
 * fc.assert(fc.property(decimalStringArbitrary({ min: "0", max: "100" }), (d) => Number(d) <= 100));
 * ```
 */
export function decimalStringArbitrary(
  options: DecimalStringArbitraryOptions = {},
): fc.Arbitrary<DecimalString> {
  const { min = "-1000000", max = "1000000", maxFractionDigits = 4 } = options;
  if (!Number.isInteger(maxFractionDigits) || maxFractionDigits < 0 || maxFractionDigits > 20) {
    throw new KpiContractError(
      "arbitrary-options-invalid",
      `maxFractionDigits is a whole number from 0 to 20, received ${String(maxFractionDigits)}`,
      { maxFractionDigits },
    );
  }
  const lo = toScaled(min, maxFractionDigits, "ceil");
  const hi = toScaled(max, maxFractionDigits, "floor");
  if (toScaled(min, maxFractionDigits, "floor") !== lo || toScaled(max, maxFractionDigits, "ceil") !== hi) {
    throw new KpiContractError(
      "arbitrary-options-invalid",
      `min ${min} and max ${max} may have at most ${maxFractionDigits} fraction digits`,
      { min, max, maxFractionDigits },
    );
  }
  if (lo > hi) {
    throw new KpiContractError("arbitrary-options-invalid", `min ${min} is above max ${max}`, { min, max });
  }
  return fc.integer({ min: 0, max: maxFractionDigits }).chain((digits) => {
    const low = toScaled(min, digits, "ceil");
    const high = toScaled(max, digits, "floor");
    // Too few digits to land between close bounds: use them all, where the bounds are exact.
    if (low > high) return fc.bigInt(lo, hi).map((units) => formatScaled(units, maxFractionDigits));
    return fc.bigInt(low, high).map((units) => formatScaled(units, digits));
  });
}
