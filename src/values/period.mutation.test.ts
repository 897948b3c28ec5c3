// Tests that pin what mutation testing found loose in period: the day-number calendar at century and
// era boundaries (checked against every day from 1600 to 2500), non-string input, and the range error.
import { describe, expect, it } from "vitest";
import { dayNumber, fromDayNumber, isDateString } from "./period.js";

const MS_PER_DAY = 86_400_000;

describe("period (mutation-driven)", () => {
  it("agrees with the proleptic Gregorian calendar on every day from 1600-01-01 to 2500-12-31", () => {
    const first = dayNumber("1600-01-01");
    const last = dayNumber("2500-12-31");
    expect(first).toBe(Date.UTC(1600, 0, 1) / MS_PER_DAY);
    let mismatches = 0;
    for (let day = first; day <= last; day++) {
      const expected = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
      if (fromDayNumber(day) !== expected || dayNumber(expected) !== day) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it.each([
    "0000-01-01",
    "0000-02-29",
    "0399-12-31",
    "0400-02-29",
    "1600-02-29",
    "1700-02-28",
    "1700-03-01",
    "2000-02-29",
    "2000-03-01",
    "2100-02-28",
    "2100-03-01",
    "9999-12-31",
  ])("round-trips %s at a century or era boundary", (date) => {
    expect(fromDayNumber(dayNumber(date))).toBe(date);
    if (date !== "0000-01-01") expect(fromDayNumber(dayNumber(date) - 1) < date).toBe(true);
  });

  it("is not fooled by a non-string whose text is a date", () => {
    expect(isDateString(["2026-01-01"])).toBe(false);
    expect(isDateString({ toString: () => "2026-01-01" })).toBe(false);
  });

  it("names the day number it cannot write", () => {
    expect(() => fromDayNumber(dayNumber("9999-12-31") + 1)).toThrow(
      expect.objectContaining({
        code: "date-out-of-range",
        message: `Day number ${dayNumber("9999-12-31") + 1} is not a whole day within 0000-01-01..9999-12-31`,
        params: { day: dayNumber("9999-12-31") + 1 },
      }),
    );
  });
});
