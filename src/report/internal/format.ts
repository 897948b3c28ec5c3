import { D, formatDecimal } from "../../internal/decimal.js";
import type { KpiUnit } from "../../kpis/types.js";
import { isCurrencyCode } from "../../values/currency.js";
import { type DecimalString, isDecimalString } from "../../values/decimal.js";
import { daysInMonth, type Period } from "../../values/period.js";
import { roundMoney } from "../../values/rounding.js";

/**
 * Groups the integer digits of a decimal string by thousands with commas (`"2575.20"` →
 * `"2,575.20"`), by string operations only, so no locale or binary float is involved. Text that is
 * not a decimal is returned as it is.
 */
export function groupDigits(value: string): string {
  if (!isDecimalString(value)) return value;
  const negative = value.startsWith("-");
  const body = negative ? value.slice(1) : value;
  const dot = body.indexOf(".");
  const int = dot === -1 ? body : body.slice(0, dot);
  const frac = dot === -1 ? "" : body.slice(dot);
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ",");
  return `${negative ? "-" : ""}${grouped}${frac}`;
}

/** A money amount already carrying its minor-unit digits, grouped: `"1,075.20"`. */
export function formatAmount(amount: string): string {
  return groupDigits(amount);
}

/**
 * A ratio as a percent with at most two decimals, half-even, trailing zeros removed (`"0.2142857"`
 * → `"21.43%"`). Display only: comparisons were made on the full value.
 */
export function formatPercent(ratio: string): string {
  if (!isDecimalString(ratio)) return ratio;
  return `${groupDigits(formatDecimal(new D(ratio).times(100).toDecimalPlaces(2, D.ROUND_HALF_EVEN)))}%`;
}

/**
 * A plain number with at most four decimals, half-even, grouped. The value is a decimal string:
 * reports check every value before formatting it.
 */
export function formatNumber(value: DecimalString): string {
  return groupDigits(formatDecimal(new D(value).toDecimalPlaces(4, D.ROUND_HALF_EVEN)));
}

/** How a KPI value is written: its unit, the statement currency and the word for days. */
export interface ValueStyle {
  readonly unit: KpiUnit | undefined;
  readonly currency: string;
  readonly days: string;
}

/**
 * Writes a KPI value by its unit: ratios as percents, money rounded half-even to the currency's
 * minor unit for display, days with their word, stars with a star, other numbers with at most four
 * decimals. The value is a decimal string: reports check every value before formatting it.
 */
export function formatValue(value: DecimalString, style: ValueStyle): string {
  switch (style.unit) {
    case "ratio":
      return formatPercent(value);
    case "money":
      return isCurrencyCode(style.currency)
        ? groupDigits(roundMoney(value, style.currency, "half-even"))
        : formatNumber(value);
    case "days":
      return `${formatNumber(value)} ${style.days}`;
    case "stars":
      return `${formatNumber(value)} ★`;
    default:
      return formatNumber(value);
  }
}

/**
 * A short label of a cycle: `2026-03` for a whole calendar month, `start..end` otherwise.
 */
export function cycleLabel(cycle: Period): string {
  const month = cycle.start.slice(0, 7);
  // A whole month ends on its last day; read from the calendar, not the day after (there is none
  // after 9999-12-31).
  if (
    cycle.start.endsWith("-01") &&
    cycle.end.slice(0, 7) === month &&
    Number(cycle.end.slice(8, 10)) === daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))
  ) {
    return month;
  }
  return `${cycle.start}..${cycle.end}`;
}

/** A period written in full: `2026-03-01 – 2026-03-31`. */
export function periodText(period: Period): string {
  return `${period.start} – ${period.end}`;
}

/** A JSON path as people read it: `targets[0].goal.change`. */
export function pathText(path: readonly (string | number)[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? key : `.${key}`;
  }
  return out === "" ? "(root)" : out;
}
