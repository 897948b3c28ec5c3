import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { type Cycle, cycleContaining, cycleProration, cyclesOf } from "./cycle.js";
import { addDays, dayNumber, daysInPeriod, fromDayNumber, isDateString, type Period } from "./period.js";

const FIRST = dayNumber("1990-01-01");
const LAST = dayNumber("2100-12-31");

const day = fc.integer({ min: FIRST, max: LAST });

/** A term of 1 to ~6 years' days, often starting or ending on a month edge or a leap day. */
const term: fc.Arbitrary<Period> = fc
  .record({
    start: fc.oneof(
      day,
      day.map((d) => dayNumber(`${fromDayNumber(d).slice(0, 8)}01`)),
      fc.constantFrom(dayNumber("2028-02-29"), dayNumber("2024-02-28"), dayNumber("2026-12-31")),
    ),
    length: fc.oneof(fc.integer({ min: 1, max: 62 }), fc.integer({ min: 1, max: 2200 })),
  })
  .map(({ start, length }) => ({ start: fromDayNumber(start), end: fromDayNumber(start + length - 1) }));

const cycle: fc.Arbitrary<Cycle> = fc.oneof(
  fc.constant<Cycle>("monthly"),
  fc.constant<Cycle>("quarterly"),
  fc.integer({ min: 1, max: 400 }).map((days): Cycle => ({ days })),
);

/** The calendar month or quarter of a date, as "YYYY-MM" of its first month. */
function calendarKey(date: string, kind: "monthly" | "quarterly"): string {
  const month = Number(date.slice(5, 7));
  const first = kind === "monthly" ? month : month - ((month - 1) % 3);
  return `${date.slice(0, 4)}-${String(first).padStart(2, "0")}`;
}

describe("cyclesOf properties", () => {
  fcTest.prop([term, cycle])("cycles cover the term exactly, contiguous and without overlap", (t, c) => {
    const cycles = cyclesOf(t, c);
    expect(cycles.length).toBeGreaterThan(0);
    expect(cycles[0]?.start).toBe(t.start);
    expect(cycles.at(-1)?.end).toBe(t.end);
    cycles.forEach((cy, i) => {
      expect(isDateString(cy.start) && isDateString(cy.end)).toBe(true);
      expect(cy.start <= cy.end).toBe(true);
      const next = cycles[i + 1];
      if (next !== undefined) expect(next.start).toBe(addDays(cy.end, 1));
    });
  });

  fcTest.prop([term, cycle])("the days of the cycles sum to the days of the term", (t, c) => {
    const total = cyclesOf(t, c).reduce((sum, cy) => sum + daysInPeriod(cy), 0);
    expect(total).toBe(daysInPeriod(t));
  });

  fcTest.prop([term, fc.constantFrom<"monthly" | "quarterly">("monthly", "quarterly")])(
    "each month or quarter cycle lies within one calendar cycle, and only the first and last are partial",
    (t, c) => {
      const cycles = cyclesOf(t, c);
      cycles.forEach((cy, i) => {
        expect(calendarKey(cy.start, c)).toBe(calendarKey(cy.end, c));
        if (i > 0) expect(cy.start.slice(8)).toBe("01");
        if (i < cycles.length - 1) expect(addDays(cy.end, 1).slice(8)).toBe("01");
        // Consecutive cycles belong to different calendar cycles.
        if (i > 0) expect(calendarKey(cy.start, c)).not.toBe(calendarKey(cycles[i - 1]?.start ?? "", c));
      });
    },
  );

  fcTest.prop([term, fc.integer({ min: 1, max: 400 })])(
    "{ days } cycles are n days long, counted from the term start, except a shorter last one",
    (t, n) => {
      const cycles = cyclesOf(t, { days: n });
      cycles.forEach((cy, i) => {
        expect(dayNumber(cy.start) - dayNumber(t.start)).toBe(i * n);
        if (i < cycles.length - 1) expect(daysInPeriod(cy)).toBe(n);
        else expect(daysInPeriod(cy)).toBeLessThanOrEqual(n);
      });
    },
  );

  fcTest.prop([term, cycle])("every cycle prorates within one cycle, d ≤ D", (t, c) => {
    for (const cy of cyclesOf(t, c)) {
      const { days, fullDays, full } = cycleProration(cy, c, t.start);
      expect(days).toBe(daysInPeriod(cy));
      expect(days).toBeLessThanOrEqual(fullDays);
      expect(fullDays).toBe(daysInPeriod(full));
      expect(full.start <= cy.start && cy.end <= full.end).toBe(true);
      if (typeof c === "object") expect(fullDays).toBe(c.days);
      else expect(fullDays).toBeGreaterThanOrEqual(c === "monthly" ? 28 : 90);
    }
  });

  fcTest.prop([term, cycle, fc.double({ min: 0, max: 1, noNaN: true })])(
    "cycleContaining finds the cycle of cyclesOf that holds the date",
    (t, c, at) => {
      const offset = Math.floor(at * (daysInPeriod(t) - 1));
      const date = addDays(t.start, offset);
      const found = cycleContaining(t, c, date);
      const expected = cyclesOf(t, c).find((cy) => cy.start <= date && date <= cy.end);
      expect(found).toEqual(expected);
    },
  );
});

describe("day arithmetic", () => {
  const anyDay = fc.integer({ min: dayNumber("0000-01-01"), max: dayNumber("9999-12-31") });

  fcTest.prop([anyDay])("day numbers and date strings round-trip", (d) => {
    const date = fromDayNumber(d);
    expect(isDateString(date)).toBe(true);
    expect(dayNumber(date)).toBe(d);
  });

  fcTest.prop([day, fc.integer({ min: -5000, max: 5000 })])(
    "addDays agrees with the day count of the period it spans",
    (d, n) => {
      const from = fromDayNumber(d);
      const to = addDays(from, n);
      expect(addDays(to, -n)).toBe(from);
      const period = n >= 0 ? { start: from, end: to } : { start: to, end: from };
      expect(daysInPeriod(period)).toBe(Math.abs(n) + 1);
    },
  );

  fcTest.prop([day])("consecutive days compare in order as strings", (d) => {
    expect(fromDayNumber(d) < fromDayNumber(d + 1)).toBe(true);
  });
});
