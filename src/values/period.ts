import { z } from "zod";

/** A calendar day `YYYY-MM-DD` in the store's time zone. */
export type DateString = string;

/** A period of calendar days, both ends included. */
export interface Period {
  /** First day, included. */
  readonly start: DateString;
  /** Last day, included; never before `start`. */
  readonly end: DateString;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

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
  if (typeof value !== "string") return false;
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). @internal */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day number (days since 1970-01-01) of a valid date string. @internal */
export function dayNumber(date: DateString): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** Date string of a day number. @internal */
export function fromDayNumber(day: number): DateString {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Adds whole days to a date.
 *
 * @param date - a `YYYY-MM-DD` date
 * @param days - days to add (negative to go back)
 * @returns the new date
 * @example
 * ```ts
 * addDays("2026-02-28", 1); // "2026-03-01"
 * ```
 */
export function addDays(date: DateString, days: number): DateString {
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
  .refine(isDateString, { error: (iss) => `Expected a real calendar date YYYY-MM-DD, received ${JSON.stringify(iss.input)}` });

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
  .superRefine((p, ctx) => {
    if (p.end < p.start) {
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: `Period end ${p.end} is before its start ${p.start}`,
        params: { code: "period-reversed" },
      });
    }
  });

/**
 * Counts the days of a period, both ends included.
 *
 * @param period - the period
 * @returns the inclusive day count (`2026-03-01..2026-03-31` gives 31)
 * @example
 * ```ts
 * daysInPeriod({ start: "2026-01-10", end: "2026-01-31" }); // 22
 * ```
 */
export function daysInPeriod(period: Period): number {
  return dayNumber(period.end) - dayNumber(period.start) + 1;
}

/**
 * Tells whether two periods share at least one day.
 *
 * @param a - a period
 * @param b - another period
 * @returns true when they overlap
 * @example
 * ```ts
 * periodsOverlap({ start: "2026-01-01", end: "2026-01-31" }, { start: "2026-01-31", end: "2026-02-28" }); // true
 * ```
 */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * Tells whether a date falls inside a period (ends included).
 *
 * @param period - the period
 * @param date - a `YYYY-MM-DD` date
 * @returns true when `start ≤ date ≤ end`
 * @example
 * ```ts
 * periodContains({ start: "2026-03-01", end: "2026-03-31" }, "2026-03-31"); // true
 * ```
 */
export function periodContains(period: Period, date: DateString): boolean {
  return period.start <= date && date <= period.end;
}

/**
 * Tells whether two periods are the same days.
 *
 * @param a - a period
 * @param b - another period
 * @returns true when both start and end match
 * @example
 * ```ts
 * samePeriod({ start: "2026-03-01", end: "2026-03-31" }, { start: "2026-03-01", end: "2026-03-31" }); // true
 * ```
 */
export function samePeriod(a: Period, b: Period): boolean {
  return a.start === b.start && a.end === b.end;
}
