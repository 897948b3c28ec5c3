// Exact conversions between decimal strings and whole numbers of 10^-digits, on BigInt, for the
// arbitraries: generating a bigint and writing it out never passes through a binary float.
import { isDecimalString } from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";

/**
 * A decimal string as a whole number of 10^-digits units, rounded toward the given side when it has
 * more fraction digits than `digits`.
 *
 * @internal
 */
export function toScaled(decimal: string, digits: number, side: "floor" | "ceil"): bigint {
  if (!isDecimalString(decimal)) {
    throw new KpiContractError("arbitrary-options-invalid", `"${String(decimal)}" is not a decimal string`, {
      value: String(decimal),
    });
  }
  const negative = decimal.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? decimal.slice(1) : decimal).split(".");
  const scale = Math.max(fraction.length, digits);
  const exact = BigInt(whole + fraction.padEnd(scale, "0")) * (negative ? -1n : 1n);
  const divisor = 10n ** BigInt(scale - digits);
  const quotient = exact / divisor; // truncates toward zero
  const remainder = exact % divisor;
  if (remainder === 0n) return quotient;
  if (side === "floor") return exact < 0n ? quotient - 1n : quotient;
  return exact > 0n ? quotient + 1n : quotient;
}

/**
 * Writes a whole number of 10^-digits units with exactly `digits` fraction digits, never "-0".
 *
 * @internal
 */
export function formatScaled(units: bigint, digits: number): string {
  const negative = units < 0n;
  const text = (negative ? -units : units).toString().padStart(digits + 1, "0");
  const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${body}` : body;
}

/**
 * Writes a non-negative fraction as a percent string by moving the point, exactly: "0.0525" → "5.25%",
 * "1" → "100%".
 *
 * @internal
 */
export function fractionToPercent(fraction: string): string {
  const [whole = "0", part = ""] = fraction.split(".");
  const all = whole + part.padEnd(2, "0");
  const intPart = all.slice(0, whole.length + 2).replace(/^0+(?=\d)/, "");
  const rest = all.slice(whole.length + 2).replace(/0+$/, "");
  return `${rest.length > 0 ? `${intPart}.${rest}` : intPart}%`;
}
