import { type Dec, formatDecimal, quotient } from "../../internal/decimal.js";
import type { ExactRatio } from "../../kpis/internal/run.js";
import { minorUnits } from "../../values/currency.js";
import type { DecimalString } from "../../values/decimal.js";
import { formatMoney } from "../../values/rounding.js";
import type { RelativeNullReason } from "../Reconciliation.js";

/** The tolerance as internal decimals. @internal */
export interface ToleranceDec {
  readonly absolute: Dec;
  readonly relative: Dec;
}

/** A difference between two present values. @internal */
export interface ComparedValues {
  readonly difference: Dec;
  /** difference ÷ |verified|, 0 when the difference is 0; null when verified is 0 and the difference is not. */
  readonly relative: Dec | null;
  readonly exceeds: boolean;
}

/**
 * Compares a reported value with a verified one under a tolerance. The rule: a difference exceeds
 * when |difference| > absolute AND |relative| > relative, so a small amount on a small figure and a
 * small percentage of a large figure both pass. With `absolute: false` (ratio, days and stars KPIs,
 * whose unit an absolute money or count tolerance does not measure) only the relative test applies.
 * A zero verified value with a non-zero difference has an unbounded relative difference, which
 * always exceeds the relative tolerance.
 *
 * @internal
 */
export function compareValues(
  reported: Dec,
  verified: Dec,
  tolerance: ToleranceDec,
  useAbsolute: boolean,
  exact?: { readonly reported: ExactRatio; readonly verified: ExactRatio },
): ComparedValues {
  if (exact !== undefined) return compareFractions(exact.reported, exact.verified, tolerance, useAbsolute);
  const difference = reported.minus(verified);
  if (difference.isZero()) return { difference, relative: difference, exceeds: false };
  const relative = verified.isZero() ? null : quotient(difference, verified.abs());
  return judged(difference, relative, tolerance, useAbsolute);
}

/**
 * {@link compareValues} of two values given as the fractions n₁ ÷ d₁ (reported) and n₂ ÷ d₂
 * (verified) they were divided from: difference = (n₁d₂ − n₂d₁) ÷ (d₁d₂) and relative = difference ÷
 * |n₂ ÷ d₂| = (n₁d₂ − n₂d₁) × |d₂| ÷ (d₁d₂|n₂|), each one division of exact products rounded once, so
 * a difference exactly at the tolerance is not pushed over it by the values' 34-digit rounding.
 */
function compareFractions(
  reported: ExactRatio,
  verified: ExactRatio,
  tolerance: ToleranceDec,
  useAbsolute: boolean,
): ComparedValues {
  const { numerator: n1, denominator: d1 } = reported;
  const { numerator: n2, denominator: d2 } = verified;
  const cross = n1.times(d2).minus(n2.times(d1));
  const both = d1.times(d2);
  const difference = quotient(cross, both);
  if (cross.isZero()) return { difference, relative: difference, exceeds: false };
  const relative = n2.isZero() ? null : quotient(cross.times(d2.abs()), both.times(n2.abs()));
  return judged(difference, relative, tolerance, useAbsolute);
}

function judged(
  difference: Dec,
  relative: Dec | null,
  tolerance: ToleranceDec,
  useAbsolute: boolean,
): ComparedValues {
  const overAbsolute = !useAbsolute || difference.abs().gt(tolerance.absolute);
  const overRelative = relative === null || relative.abs().gt(tolerance.relative);
  return { difference, relative, exceeds: overAbsolute && overRelative };
}

/** Why `relative` is null, given which sides have a value. @internal */
export function missingReason(hasReported: boolean, hasVerified: boolean): RelativeNullReason {
  if (hasReported) return "missing-verified";
  return hasVerified ? "missing-reported" : "missing-both";
}

/**
 * Writes a money value of facts: with exactly the currency's minor-unit digits when it has no more
 * than those (`"46000"` → `"46000.00"`), else exactly as it is (facts are never rounded here).
 *
 * @internal
 */
export function moneyText(value: Dec, currency: string): DecimalString {
  return value.decimalPlaces() <= minorUnits(currency) ? formatMoney(value, currency) : formatDecimal(value);
}
