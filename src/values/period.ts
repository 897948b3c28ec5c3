import * as z from "zod";
import { checkArguments } from "../internal/arguments.js";
import { digitsAt } from "../internal/digits.js";
import { describeInput } from "./decimal.js";
import { KpiContractError } from "./KpiContractError.js";

/** A calendar day `YYYY-MM-DD` in the store's time zone. */
export type DateString = string;

/** A period of calendar days, both ends included. */
export interface Period {
  /** First day, included. */
  readonly start: DateString;
  /** Last day, included; never before `start`. */
  readonly end: DateString;
}

/** Day number of 0000-01-01, the first day a `YYYY-MM-DD` string can name. */
const FIRST_DAY = -719_528;
/** Day number of 9999-12-31, the last day a `YYYY-MM-DD` string can name. @internal */
export const LAST_DAY = 2_932_896;

/**
 * Tells whether a string is a real calendar date `YYYY-MM-DD` (so `2026-02-30` is not).
 *
 * @param value - anything
 * @returns true for a valid date string
 * @example
 * ```ts
 * isDateString("2028-02-29"); // true
 * isDateString("2026-02-30"); // false
 * ```
 */
export function isDateString(value: unknown): value is DateString {
  // A scanner rather than a regular expression: periods are checked wherever they cross the API.
  if (typeof value !== "string" || value.length !== 10) return false;
  if (value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return false;
  const y = digitsAt(value, 0, 4);
  const mo = digitsAt(value, 5, 2);
  const d = digitsAt(value, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

const DASH = 45;

// Calendar arithmetic is done on integers (proleptic Gregorian, days since 1970-01-01) rather than
// through `Date`, whose `Date.UTC` reads years 0–99 as 1900–1999.
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). @internal */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number (days since 1970-01-01) of a valid date string. @internal */
export function dayNumber(date: DateString): number {
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  // Days from civil (H. Hinnant): years start on 1 March so the leap day is the last of the year.
  const y = Number(date.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Date string of a day number.
 *
 * @throws {@link KpiContractError} `date-out-of-range` when the day is before 0000-01-01 or after
 *   9999-12-31 (no `YYYY-MM-DD` string names it)
 * @internal
 */
export function fromDayNumber(day: number): DateString {
  if (!Number.isSafeInteger(day) || day < FIRST_DAY || day > LAST_DAY) {
    throw new KpiContractError(
      "date-out-of-range",
      `Day number ${day} is not a whole day within 0000-01-01..9999-12-31`,
      { day },
    );
  }
  // Civil from days (H. Hinnant), the inverse of dayNumber.
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Adds whole days to a date.
 *
 * @param date - a `YYYY-MM-DD` date
 * @param days - days to add (negative to go back)
 * @returns the new date
 * @throws {@link KpiContractError} `date-out-of-range` when the result is before 0000-01-01 or after
 *   9999-12-31; `arguments-invalid` for a date that is not a real `YYYY-MM-DD` day or days that
 *   are not a whole number
 * @example
 * ```ts
 * addDays("2026-02-28", 1); // "2026-03-01"
 * ```
 */
export function addDays(date: DateString, days: number): DateString {
  if (!isDateString(date) || !Number.isSafeInteger(days)) {
    checkArguments("addDays", [
      ["date", dateSchema, date],
      ["days", wholeDaysSchema, days],
    ]);
  }
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * Zod schema of a calendar date `YYYY-MM-DD` that exists (`2026-02-30` is refused).
 *
 * @example
 * ```ts
 * dateSchema.safeParse("2026-02-30").success; // false
 * ```
 */
export const dateSchema: z.ZodType<DateString, string> = z
  .string({ error: "Expected a date YYYY-MM-DD" })
  .refine(isDateString, {
    error: (iss) => `Expected a real calendar date YYYY-MM-DD, received ${describeInput(iss.input)}`,
  });

/**
 * Zod schema of a period `{ start, end }`, both days included, `end` not before `start`.
 * Unknown keys are refused.
 *
 * @example
 * ```ts
 * periodSchema.parse({ start: "2026-03-01", end: "2026-03-31" });
 * ```
 */
export const periodSchema: z.ZodType<Period, { start: string; end: string }> = z
  .strictObject({ start: dateSchema, end: dateSchema })
  .superRefine(refuseReversed);

/** The `period-reversed` issue of a period whose end is before its start. */
function refuseReversed(p: { start: string; end: string }, ctx: z.RefinementCtx): void {
  // An invalid date already has its own issue; comparing it would add a misleading second one.
  if (isDateString(p.start) && isDateString(p.end) && p.end < p.start) {
    ctx.addIssue({
      code: "custom",
      path: ["end"],
      message: `Period end ${p.end} is before its start ${p.start}`,
      params: { code: "period-reversed" },
    });
  }
}

/** Whole days for {@link addDays}. */
const wholeDaysSchema = z
  .number({ error: "Expected a whole number of days" })
  .int("Expected a whole number of days");

/**
 * A period as the period helpers accept it: two real dates in order; other keys (a cycle's, a
 * facts record's) are left alone.
 *
 * @internal
 */
export const periodArgumentSchema = z
  .looseObject({ start: dateSchema, end: dateSchema })
  .superRefine(refuseReversed);

/** The cheap test of a period argument: an object with two real dates in order. @internal */
export function isPeriodArgument(p: unknown): p is Period {
  if (typeof p !== "object" || p === null) return false;
  const { start, end } = p as { start?: unknown; end?: unknown };
  return isDateString(start) && isDateString(end) && start <= end;
}

/**
 * Refuses a period helper's arguments that are not periods (or a date) with `arguments-invalid`.
 * Callers run {@link isPeriodArgument} first, so that internal code pays a few comparisons.
 */
function checkPeriods(
  fn: string,
  periods: readonly (readonly [string, unknown])[],
  dates: readonly (readonly [string, unknown])[] = [],
): void {
  checkArguments(fn, [
    ...periods.map(([name, p]) => [name, periodArgumentSchema, p] as const),
    ...dates.map(([name, d]) => [name, dateSchema, d] as const),
  ]);
}

/**
 * Counts the days of a period, both ends included.
 *
 * @param period - the period
 * @returns the inclusive day count (`2026-03-01..2026-03-31` gives 31)
 * @throws {@link KpiContractError} `arguments-invalid` for an argument that is not a period of real
 *   dates in order
 * @example
 * ```ts
 * daysInPeriod({ start: "2026-01-10", end: "2026-01-31" }); // 22
 * ```
 */
export function daysInPeriod(period: Period): number {
  if (!isPeriodArgument(period)) checkPeriods("daysInPeriod", [["period", period]]);
  return dayCount(period);
}

/** {@link daysInPeriod} without the argument check, for periods already parsed. @internal */
export function dayCount(period: Period): number {
  return dayNumber(period.end) - dayNumber(period.start) + 1;
}

/**
 * Tells whether two periods share at least one day.
 *
 * @param a - a period
 * @param b - another period
 * @returns true when they overlap
 * @throws {@link KpiContractError} `arguments-invalid` for an argument that is not a period of real
 *   dates in order
 * @example
 * ```ts
 * periodsOverlap({ start: "2026-01-01", end: "2026-01-31" }, { start: "2026-01-31", end: "2026-02-28" }); // true
 * ```
 */
export function periodsOverlap(a: Period, b: Period): boolean {
  if (!isPeriodArgument(a) || !isPeriodArgument(b))
    checkPeriods("periodsOverlap", [
      ["a", a],
      ["b", b],
    ]);
  return a.start <= b.end && b.start <= a.end;
}

/**
 * Tells whether a date falls inside a period (ends included).
 *
 * @param period - the period
 * @param date - a `YYYY-MM-DD` date
 * @returns true when `start ≤ date ≤ end`
 * @throws {@link KpiContractError} `arguments-invalid` for a period that is not two real dates in
 *   order, or a date that is not a real `YYYY-MM-DD` day
 * @example
 * ```ts
 * periodContains({ start: "2026-03-01", end: "2026-03-31" }, "2026-03-31"); // true
 * ```
 */
export function periodContains(period: Period, date: DateString): boolean {
  if (!isPeriodArgument(period) || !isDateString(date))
    checkPeriods("periodContains", [["period", period]], [["date", date]]);
  return containsDay(period, date);
}

/** {@link periodContains} without the argument check, for a period and date already parsed. @internal */
export function containsDay(period: Period, date: DateString): boolean {
  return period.start <= date && date <= period.end;
}

/**
 * Tells whether two periods are the same days.
 *
 * @param a - a period
 * @param b - another period
 * @returns true when both start and end match
 * @throws {@link KpiContractError} `arguments-invalid` for an argument that is not a period of real
 *   dates in order
 * @example
 * ```ts
 * samePeriod({ start: "2026-03-01", end: "2026-03-31" }, { start: "2026-03-01", end: "2026-03-31" }); // true
 * ```
 */
export function samePeriod(a: Period, b: Period): boolean {
  if (!isPeriodArgument(a) || !isPeriodArgument(b))
    checkPeriods("samePeriod", [
      ["a", a],
      ["b", b],
    ]);
  return sameDays(a, b);
}

/** {@link samePeriod} without the argument check, for periods already parsed. @internal */
export function sameDays(a: Period, b: Period): boolean {
  return a.start === b.start && a.end === b.end;
}
