import fc from "fast-check";
import { minorUnits } from "../values/currency.js";
import type { DecimalString } from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { formatScaled, toScaled } from "./scaledDecimal.js";

/** Options of {@link moneyArbitrary}. */
export interface MoneyArbitraryOptions {
  /** Smallest amount, inclusive (default `"0"`). */
  readonly min?: DecimalString;
  /** Largest amount, inclusive (default `"1000000"`). */
  readonly max?: DecimalString;
}

/**
 * A fast-check arbitrary of money amounts in a currency's output form (SPEC §1.1): exactly the
 * currency's minor-unit digits (`"1500.00"` USD, `"617"` JPY, `"1.250"` KWD), never `"-0"`.
 *
 * @param currency - an ISO 4217 code the library knows
 * @param options - `min` and `max`, inclusive (default 0 to 1,000,000), rounded inward to the minor unit
 * @returns an arbitrary of amounts between `min` and `max`
 * @throws `KpiContractError` `currency-unknown`; `arbitrary-options-invalid` when a bound is not a
 *   decimal string or no amount of the currency lies between them
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { roundMoney } from "kpi-contract";
 * import { moneyArbitrary } from "kpi-contract/testing";
 * fc.assert(fc.property(moneyArbitrary("JPY"), (yen) => roundMoney(yen, "JPY") === yen));
 * ```
 */
export function moneyArbitrary(
  currency: string,
  options: MoneyArbitraryOptions = {},
): fc.Arbitrary<DecimalString> {
  const exponent = minorUnits(currency);
  const { min = "0", max = "1000000" } = options;
  const lo = toScaled(min, exponent, "ceil");
  const hi = toScaled(max, exponent, "floor");
  if (lo > hi) {
    throw new KpiContractError(
      "arbitrary-options-invalid",
      `No ${currency} amount lies between ${min} and ${max}`,
      { currency, min, max },
    );
  }
  return fc.bigInt(lo, hi).map((units) => formatScaled(units, exponent));
}
