/**
 * Strict, allocation-free readers of money amounts as whole minor units, for the per-row path of
 * {@link aggregateFacts}. Nothing here goes through binary floating point or decimal.js: the text is
 * scanned digit by digit into an integer that stays below 10^15 (so sums of many stay exact as
 * doubles until the accumulator flushes them to a BigInt), or into a BigInt when it is larger.
 */

/** The text is not a non-negative decimal of the library's form (`-0` counts as zero). */
export const MINOR_MALFORMED = -1;
/** The text is a valid decimal but holds 10^15 minor units or more: read it with {@link parseMinorUnitsBig}. */
export const MINOR_TOO_LARGE = -2;
/** The text has a non-zero digit beyond the currency's minor unit (`"19.999"` in USD). */
export const MINOR_TOO_PRECISE = -3;

const ZERO = 48;
const DOT = 46;
const MINUS = 45;
// 10^15 < 2^50: an accumulator below 2^52 plus one such amount is still below 2^53 (exact).
const FAST_LIMIT = 1e15;

/**
 * Reads a non-negative decimal string as a whole number of minor units.
 *
 * Accepts exactly what `nonNegativeDecimalSchema` accepts as a string (`^-?(0|[1-9][0-9]*)(\.[0-9]+)?$`
 * with no value below zero), with at most `exponent` significant fraction digits: trailing zeros
 * beyond the minor unit are fine (`"19.990"` is 1999 cents), a non-zero digit there is not.
 *
 * @param text - the amount as written
 * @param exponent - the currency's minor-unit exponent (USD 2, JPY 0)
 * @returns the minor units (0 ≤ n < 10^15), or {@link MINOR_MALFORMED}, {@link MINOR_TOO_LARGE} or
 *   {@link MINOR_TOO_PRECISE}
 * @example
 * ```ts
 * parseMinorUnits("1234.5", 2);  // 123450
 * parseMinorUnits("19.999", 2);  // MINOR_TOO_PRECISE
 * parseMinorUnits("1e3", 2);     // MINOR_MALFORMED
 * ```
 */
export function parseMinorUnits(text: string, exponent: number): number {
  const n = text.length;
  let i = 0;
  let negative = false;
  if (n > 0 && text.charCodeAt(0) === MINUS) {
    negative = true;
    i = 1;
  }
  if (i >= n) return MINOR_MALFORMED;
  let value = 0;
  let large = false;
  const first = text.charCodeAt(i) - ZERO;
  if (first < 0 || first > 9) return MINOR_MALFORMED;
  if (first === 0) {
    i++;
  } else {
    for (; i < n; i++) {
      const d = text.charCodeAt(i) - ZERO;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
      if (value >= FAST_LIMIT) large = true;
    }
  }
  let fraction = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== DOT) return MINOR_MALFORMED;
    i++;
    if (i >= n) return MINOR_MALFORMED;
    let tooPrecise = false;
    for (; i < n; i++) {
      const d = text.charCodeAt(i) - ZERO;
      if (d < 0 || d > 9) return MINOR_MALFORMED;
      if (fraction < exponent) {
        value = value * 10 + d;
        if (value >= FAST_LIMIT) large = true;
        fraction++;
      } else if (d !== 0) {
        tooPrecise = true;
      }
    }
    // A non-zero digit beyond the minor unit: a negative amount is then below zero (malformed).
    if (tooPrecise) return negative ? MINOR_MALFORMED : MINOR_TOO_PRECISE;
  }
  for (; fraction < exponent; fraction++) {
    value *= 10;
    if (value >= FAST_LIMIT) large = true;
  }
  if (negative) return value === 0 && !large ? 0 : MINOR_MALFORMED;
  return large ? MINOR_TOO_LARGE : value;
}

/**
 * Reads an amount that {@link parseMinorUnits} called too large, exactly, as a BigInt of minor units.
 *
 * @param text - a non-negative decimal string with at most `exponent` significant fraction digits
 * @param exponent - the currency's minor-unit exponent
 * @returns the minor units
 * @throws RangeError when the text is not such a decimal (callers validate first)
 * @example
 * ```ts
 * parseMinorUnitsBig("12345678901234567.89", 2); // 1234567890123456789n
 * ```
 */
export function parseMinorUnitsBig(text: string, exponent: number): bigint {
  const code = parseMinorUnits(text, exponent);
  if (code >= 0) return BigInt(code);
  if (code !== MINOR_TOO_LARGE)
    throw new RangeError(`"${text}" is not an amount of ${exponent} fraction digits`);
  const dot = text.indexOf(".");
  const whole = dot < 0 ? text : text.slice(0, dot);
  const fraction = dot < 0 ? "" : text.slice(dot + 1);
  return BigInt(whole + fraction.padEnd(exponent, "0").slice(0, exponent));
}

/**
 * Reads a non-negative decimal string as an exact scaled integer: the value is `units ÷ 10^scale`.
 *
 * @param text - a decimal string of the library's form, not negative
 * @returns `{ units, scale }` with `scale` the number of fraction digits written
 * @throws RangeError when the text is not such a decimal
 * @example
 * ```ts
 * parseScaled("1.0850"); // { units: 10850n, scale: 4 }
 * ```
 */
export function parseScaled(text: string): { readonly units: bigint; readonly scale: number } {
  if (!/^(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(text))
    throw new RangeError(`"${text}" is not a non-negative decimal`);
  const dot = text.indexOf(".");
  if (dot < 0) return { units: BigInt(text), scale: 0 };
  return { units: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}
