import { D, type Dec, ZERO } from "../internal/decimal.js";
import { minorUnits } from "./currency.js";
import { type DecimalString, isDecimalString, numberToDecimalString } from "./decimal.js";
import { KpiContractError } from "./KpiContractError.js";
import { formatMoney } from "./rounding.js";

/**
 * Splits a money amount across parties or stores by weights so that the parts add back up to the
 * amount exactly, to the minor unit.
 *
 * Rule (largest remainder): each part first gets the whole minor units of its exact share
 * `|amount| × weight ÷ Σ weights`, rounded toward zero; the minor units left over go one each to the
 * parts with the largest fractional remainders, ties going to the earlier weight. A negative amount
 * (a credit) is split the same way by its magnitude, every part then negative or zero.
 *
 * @param amount - the amount to split, already a whole number of minor units of `currency`
 * @param currency - ISO 4217 code
 * @param weights - non-negative decimal strings or finite numbers, at least one above zero
 * @returns one part per weight, in order, each with the currency's minor-unit digits
 * @throws {@link KpiContractError} `allocation-weights-empty`, `allocation-weight-invalid`,
 *   `allocation-weight-negative`, `allocation-weights-zero`, `allocation-amount-invalid`,
 *   `currency-unknown`
 * @example
 * ```ts
 * allocate("100.00", "USD", ["1", "1", "1"]); // ["33.34", "33.33", "33.33"]
 * allocate("10", "JPY", [3, 7]);               // ["3", "7"]
 * ```
 */
export function allocate(
  amount: DecimalString,
  currency: string,
  weights: readonly (DecimalString | number)[],
): DecimalString[] {
  const exponent = minorUnits(currency);
  if (!isDecimalString(amount)) {
    throw new KpiContractError("allocation-amount-invalid", `Amount "${String(amount)}" is not a decimal string`, {
      amount,
    });
  }
  const total = new D(amount);
  if (total.decimalPlaces() > exponent) {
    throw new KpiContractError(
      "allocation-amount-invalid",
      `Amount ${amount} has more fraction digits than ${currency} allows (${exponent}); round it first`,
      { amount, currency, exponent },
    );
  }
  if (weights.length === 0) {
    throw new KpiContractError("allocation-weights-empty", "Allocation needs at least one weight", {});
  }
  const ws: Dec[] = weights.map((w, index) => {
    const text = typeof w === "number" && Number.isFinite(w) ? numberToDecimalString(w) : w;
    if (!isDecimalString(text)) {
      throw new KpiContractError("allocation-weight-invalid", `Weight ${index} is not a decimal: ${String(w)}`, {
        index,
        weight: String(w),
      });
    }
    const value = new D(text);
    if (value.isNegative() && !value.isZero()) {
      throw new KpiContractError("allocation-weight-negative", `Weight ${index} is negative: ${text}`, {
        index,
        weight: text,
      });
    }
    return value;
  });
  const weightSum = ws.reduce((sum, w) => sum.plus(w), ZERO);
  if (weightSum.isZero()) {
    throw new KpiContractError("allocation-weights-zero", "Allocation weights are all zero", {});
  }

  const scale = new D(10).pow(exponent);
  const units = total.abs().times(scale);
  // Remainders are kept as numerator − whole × Σweights (a fraction over Σweights) rather than a
  // rounded quotient, so two shares that differ only far to the right still compare correctly.
  const floors: Dec[] = [];
  const remainders: Dec[] = [];
  for (const w of ws) {
    const numerator = units.times(w);
    const whole = numerator.divToInt(weightSum);
    floors.push(whole);
    remainders.push(numerator.minus(whole.times(weightSum)));
  }
  let left = units.minus(floors.reduce((sum, f) => sum.plus(f), ZERO)).toNumber();
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  const parts = [...floors];
  for (const { index } of order) {
    if (left <= 0) break;
    parts[index] = (parts[index] as Dec).plus(1);
    left -= 1;
  }
  const sign = total.isNegative() ? -1 : 1;
  return parts.map((p) => formatMoney(p.div(scale).times(sign), currency));
}
