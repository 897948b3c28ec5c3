import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as z from "zod";
import { KpiContractError } from "./KpiContractError.js";
import {
  addDays,
  dateSchema,
  dayNumber,
  daysInMonth,
  daysInPeriod,
  fromDayNumber,
  isDateString,
  periodContains,
  periodSchema,
  periodsOverlap,
  samePeriod,
} from "./period.js";

const p = (start: string, end: string) => ({ start, end });

describe("dateSchema", () => {
  test.each([
    "2026-01-01",
    "2026-12-31",
    "2028-02-29",
    "2000-02-29",
    "2026-04-30",
    "0001-01-01",
    "9999-12-31",
  ])("accepts %s", (date) => {
    expect(dateSchema.parse(date)).toBe(date);
  });

  test.each([
    "2026-02-30", // February never has 30 days
    "2026-13-01", // no month 13
    "2025-02-29", // 2025 is not a leap year
    "1900-02-29", // divisible by 100, not by 400
    "2026-04-31",
    "2026-00-10",
    "2026-01-00",
    "2026-1-01", // the month needs two digits
    "2026-01-1",
    "26-01-01",
    "2026/01/01",
    "2026-01-01T00:00:00Z",
    " 2026-01-01",
    "",
  ])("refuses %j with the message and the path", (date) => {
    const result = z.object({ on: dateSchema }).safeParse({ on: date });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: "custom",
        path: ["on"],
        message: `Expected a real calendar date YYYY-MM-DD, received ${JSON.stringify(date)}`,
      }),
    ]);
  });

  test.each([20260101, null, undefined, new Date(0)])("refuses the non-string %s", (value) => {
    const result = dateSchema.safeParse(value);
    expect(result.error?.issues).toMatchObject([
      { code: "invalid_type", message: "Expected a date YYYY-MM-DD" },
    ]);
  });
});

describe("isDateString and daysInMonth", () => {
  test("knows the Gregorian leap rule", () => {
    expect([1900, 2000, 2024, 2026, 2028, 2100, 2400].map((y) => daysInMonth(y, 2))).toEqual([
      28, 29, 29, 28, 29, 28, 29,
    ]);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });

  test("reads years 0000–0099 as themselves, not as 1900–1999", () => {
    // Year 0 is a leap year of the proleptic Gregorian calendar (divisible by 400); 1900 is not.
    expect(isDateString("0000-02-29")).toBe(true);
    expect(isDateString("0100-02-29")).toBe(false);
    expect(addDays("0050-12-31", 1)).toBe("0051-01-01");
  });

  test.each([null, 20260101, {}])("refuses the non-string %j", (value) => {
    expect(isDateString(value)).toBe(false);
  });

  test.each([
    "2026-1-01",
    "2026-01-1",
    "2026/01/01",
    "2026-01-01 ",
    "+026-01-01",
    "2026-00-10",
    "2026-13-01",
    "2026-04-31",
    "２０２６-01-01",
    "2026-0a-01",
  ])("refuses %j", (value) => {
    expect(isDateString(value)).toBe(false);
  });

  test("agrees with a pattern and calendar reference on strings shaped like dates", () => {
    // Reference: the YYYY-MM-DD pattern, then the calendar by Date.UTC on a year moved out of 0–99.
    const reference = (text: string): boolean => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!m) return false;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      // 400 years later the calendar repeats, and Date.UTC reads the year as written.
      const date = new Date(Date.UTC(y + 400, mo - 1, d));
      return date.getUTCFullYear() === y + 400 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
    };
    const digit = fc.constantFrom(..."0123456789/-a ".split(""));
    const shaped = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
      );
    const noisy = fc.array(digit, { minLength: 8, maxLength: 11 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(fc.oneof(shaped, noisy), (text) => {
        expect(isDateString(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("periodSchema", () => {
  test("accepts a period, both ends included, and a one-day period", () => {
    expect(periodSchema.parse(p("2026-03-01", "2026-03-31"))).toEqual(p("2026-03-01", "2026-03-31"));
    expect(periodSchema.parse(p("2026-03-01", "2026-03-01"))).toEqual(p("2026-03-01", "2026-03-01"));
  });

  test("refuses end before start on the path ['end'] with period-reversed", () => {
    const result = z.object({ term: periodSchema }).safeParse({ term: p("2026-03-31", "2026-03-01") });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: "custom",
        path: ["term", "end"],
        message: "Period end 2026-03-01 is before its start 2026-03-31",
        params: { code: "period-reversed" },
      }),
    ]);
  });

  test("refuses unknown keys", () => {
    const result = periodSchema.safeParse({ start: "2026-03-01", end: "2026-03-31", days: 31 });
    expect(result.error?.issues).toMatchObject([{ code: "unrecognized_keys", keys: ["days"], path: [] }]);
  });

  test("refuses a missing end with its path", () => {
    const result = periodSchema.safeParse({ start: "2026-03-01" });
    expect(result.error?.issues).toMatchObject([{ path: ["end"] }]);
  });

  test("an invalid date gets its own issue and no misleading 'reversed' one", () => {
    const result = periodSchema.safeParse(p("2026-02-30", "2026-01-01"));
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["start"] })]);
  });
});

describe("daysInPeriod", () => {
  test.each([
    ["2026-03-01", "2026-03-31", 31],
    ["2026-01-10", "2026-01-31", 22], // 31 − 10 + 1
    ["2026-03-01", "2026-03-01", 1],
    ["2026-02-01", "2026-02-28", 28],
    ["2028-02-01", "2028-02-29", 29],
    ["2026-01-01", "2026-12-31", 365],
    ["2028-01-01", "2028-12-31", 366],
    ["2025-12-31", "2026-01-01", 2],
    // 2026-03-08 is the US daylight-saving change; a date has no clock, so the day still counts once.
    ["2026-03-07", "2026-03-09", 3],
  ])("%s..%s has %i days", (start, end, days) => {
    expect(daysInPeriod(p(start, end))).toBe(days);
  });
});

describe("addDays", () => {
  test.each([
    ["2026-02-28", 1, "2026-03-01"], // month end
    ["2028-02-28", 1, "2028-02-29"], // leap day
    ["2028-02-29", 1, "2028-03-01"],
    ["2026-12-31", 1, "2027-01-01"], // year end
    ["2027-01-01", -1, "2026-12-31"], // back across the year
    ["2026-03-01", -1, "2026-02-28"],
    ["2028-03-01", -1, "2028-02-29"],
    ["2026-01-31", 0, "2026-01-31"],
    ["2026-01-01", 365, "2027-01-01"],
    ["2028-01-01", 365, "2028-12-31"], // 366-day year
    ["2026-01-10", 21, "2026-01-31"],
    ["1970-01-01", -1, "1969-12-31"],
  ])("%s %+i days is %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  test("reaches the last representable day and refuses to go past it", () => {
    expect(addDays("9999-12-30", 1)).toBe("9999-12-31");
    expect(addDays("0000-01-02", -1)).toBe("0000-01-01");
    for (const [date, days] of [
      ["9999-12-31", 1],
      ["0000-01-01", -1],
    ] as const) {
      let caught: unknown;
      try {
        addDays(date, days);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(KpiContractError);
      expect((caught as KpiContractError).code).toBe("date-out-of-range");
    }
    // Half a day is not a number of days: a bad argument, not a date out of range.
    expect(() => addDays("2026-01-01", 0.5)).toThrow(
      "Invalid addDays arguments:\ndays: Expected a whole number of days",
    );
  });

  test("day numbers round-trip and count from 1970-01-01", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("2026-01-10")).toBe(20_463);
    expect(fromDayNumber(20_463)).toBe("2026-01-10");
    expect(dayNumber("0000-01-01")).toBe(-719_528);
    expect(fromDayNumber(dayNumber("9999-12-31"))).toBe("9999-12-31");
  });
});

describe("periodsOverlap", () => {
  const january = p("2026-01-01", "2026-01-31");
  test.each([
    [p("2026-01-31", "2026-02-28"), true], // share the last day
    [p("2025-12-01", "2026-01-01"), true], // share the first day
    [p("2026-01-10", "2026-01-20"), true], // inside
    [p("2025-12-01", "2026-03-01"), true], // around
    [p("2026-02-01", "2026-02-28"), false], // adjacent after
    [p("2025-12-01", "2025-12-31"), false], // adjacent before
    [p("2027-01-01", "2027-01-31"), false],
  ])("January and %j: %s", (other, expected) => {
    expect(periodsOverlap(january, other)).toBe(expected);
    expect(periodsOverlap(other, january)).toBe(expected);
  });
});

describe("periodContains", () => {
  const march = p("2026-03-01", "2026-03-31");
  test.each([
    ["2026-03-01", true],
    ["2026-03-31", true],
    ["2026-03-15", true],
    ["2026-02-28", false],
    ["2026-04-01", false],
    ["2025-03-15", false],
  ])("March contains %s: %s", (date, expected) => {
    expect(periodContains(march, date)).toBe(expected);
  });
});

describe("samePeriod", () => {
  test("is true only when both ends match", () => {
    expect(samePeriod(p("2026-03-01", "2026-03-31"), p("2026-03-01", "2026-03-31"))).toBe(true);
    expect(samePeriod(p("2026-03-01", "2026-03-31"), p("2026-03-01", "2026-03-30"))).toBe(false);
    expect(samePeriod(p("2026-03-01", "2026-03-31"), p("2026-03-02", "2026-03-31"))).toBe(false);
  });
});
