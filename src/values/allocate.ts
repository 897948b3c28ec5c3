import { D } from "../internal/decimal.js";
import { minorUnits } from "./currency.js";
import {
  type DecimalString,
  describeInput,
  isDecimalString,
  numberToDecimalString,
  scaledToDecimalString,
} from "./decimal.js";
import { KpiContractError } from "./KpiContractError.js";

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
    throw new KpiContractError(
      "allocation-amount-invalid",
      `Amount ${describeInput(amount)} is not a decimal string`,
      {
        amount,
      },
    );
  }
  if (new D(amount).decimalPlaces() > exponent) {
    throw new KpiContractError(
      "allocation-amount-invalid",
      `Amount ${amount} has more fraction digits than ${currency} allows (${exponent}); round it first`,
      { amount, currency, exponent },
    );
  }
  if (!Array.isArray(weights)) {
    throw new KpiContractError(
      "allocation-weights-invalid",
      `Weights must be an array of decimals, received ${describeInput(weights)}`,
      {},
    );
  }
  if (weights.length === 0) {
    throw new KpiContractError("allocation-weights-empty", "Allocation needs at least one weight", {});
  }
  // Array.from reads a hole of a sparse array as undefined, which is refused (map would skip it).
  const ws: string[] = Array.from(weights, (w, index) => {
    const text = typeof w === "number" && Number.isFinite(w) ? numberToDecimalString(w) : w;
    if (!isDecimalString(text)) {
      throw new KpiContractError(
        "allocation-weight-invalid",
        `Weight ${index} is not a decimal: ${describeInput(w)}`,
        {
          index,
          weight: describeInput(w),
        },
      );
    }
    if (text.startsWith("-") && !/^-0(\.0+)?$/.test(text)) {
      throw new KpiContractError("allocation-weight-negative", `Weight ${index} is negative: ${text}`, {
        index,
        weight: text,
      });
    }
    return text.startsWith("-") ? text.slice(1) : text;
  });

  // Everything below is integer arithmetic on BigInt: the amount in minor units and the weights
  // scaled to a common number of fraction digits. A Decimal of limited precision would round the
  // products of long amounts and long weights, and could then hand the extra unit to the wrong part.
  const digits = ws.reduce((most, w) => Math.max(most, fractionDigits(w)), 0);
  const scaled = ws.map((w) => toScaledInteger(w, digits));
  const weightSum = scaled.reduce((sum, w) => sum + w, 0n);
  if (weightSum === 0n) {
    throw new KpiContractError("allocation-weights-zero", "Allocation weights are all zero", {});
  }
  const negative = amount.startsWith("-");
  const units = toScaledInteger(negative ? amount.slice(1) : amount, exponent);
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  for (const w of scaled) {
    const numerator = units * w;
    parts.push(numerator / weightSum);
    remainders.push(numerator % weightSum);
  }
  const left = units - parts.reduce((sum, p) => sum + p, 0n);
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((x, y) => (x.remainder === y.remainder ? x.index - y.index : x.remainder > y.remainder ? -1 : 1));
  // left < number of weights, because each part lost less than one unit to the floor.
  for (const { index } of order.slice(0, Number(left))) {
    parts[index] = (parts[index] as bigint) + 1n;
  }
  return parts.map((p) => scaledToDecimalString(negative ? -p : p, exponent));
}

function fractionDigits(decimal: string): number {
  const dot = decimal.indexOf(".");
  return dot === -1 ? 0 : decimal.length - dot - 1;
}

/**
 * A non-negative decimal string times 10^digits; its fraction must have at most `digits` significant
 * digits (trailing zeros beyond them are dropped, so "1.500" USD is 150 cents).
 */
function toScaledInteger(decimal: string, digits: number): bigint {
  const [whole = "0", fraction = ""] = decimal.split(".");
  return BigInt(whole + fraction.replace(/0+$/, "").padEnd(digits, "0"));
}
