import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cyclesBefore, cyclesOf, cycleYearEarlier } from "./cycle.js";
import { addDays } from "./period.js";

const p = (start: string, end: string) => ({ start, end });
const TERM = p("2026-01-10", "2027-06-15");

describe("cyclesBefore: the previous-period comparison, on the contract's cycle grid", () => {
  it.each([
    ["a month", p("2026-03-01", "2026-03-31"), "monthly", 1, [p("2026-02-01", "2026-02-28")]],
    [
      "the term's second month: the term's partial first month",
      p("2026-02-01", "2026-02-28"),
      "monthly",
      1,
      [p("2026-01-10", "2026-01-31")],
    ],
    [
      "the term's partial first month: the whole month before the term",
      p("2026-01-10", "2026-01-31"),
      "monthly",
      1,
      [p("2025-12-01", "2025-12-31")],
    ],
    [
      "three months across the term's start",
      p("2026-03-01", "2026-05-31"),
      "monthly",
      3,
      [p("2025-12-01", "2025-12-31"), p("2026-01-10", "2026-01-31"), p("2026-02-01", "2026-02-28")],
    ],
    ["a quarter", p("2026-04-01", "2026-06-30"), "quarterly", 1, [p("2026-01-10", "2026-03-31")]],
    [
      "the quarter before the term",
      p("2026-01-10", "2026-03-31"),
      "quarterly",
      1,
      [p("2025-10-01", "2025-12-31")],
    ],
  ] as const)("%s", (_, period, cycle, count, expected) => {
    expect(cyclesBefore(period, cycle, TERM, count)).toEqual(expected);
  });

  it("{ days } runs are counted from the term start, also before it", () => {
    const term = p("2026-01-01", "2026-12-31");
    expect(cyclesBefore(p("2026-01-15", "2026-01-28"), { days: 14 }, term, 1)).toEqual([
      p("2026-01-01", "2026-01-14"),
    ]);
    expect(cyclesBefore(p("2026-01-01", "2026-01-14"), { days: 14 }, term, 2)).toEqual([
      p("2025-12-04", "2025-12-17"),
      p("2025-12-18", "2025-12-31"),
    ]);
  });

  it("refuses to go before 0000-01-01", () => {
    const term = p("0000-01-01", "0000-12-31");
    expect(() => cyclesBefore(p("0000-01-01", "0000-01-31"), "monthly", term, 1)).toThrow(
      expect.objectContaining({ code: "date-out-of-range" }),
    );
  });

  it("property: the cycles of a term, just before the judged ones, and whole months before it", () => {
    const term = p("2003-01-01", "2099-12-31");
    const months = cyclesOf(p("2001-01-01", "2099-12-31"), "monthly");
    fc.assert(
      fc.property(
        fc.integer({ min: 24, max: months.length - 1 }),
        fc.integer({ min: 1, max: 24 }),
        (i, k) => {
          const judged = months[i] as { start: string; end: string };
          const before = cyclesBefore(judged, "monthly", term, k);
          expect(before).toEqual(months.slice(i - k, i));
          expect(addDays(before[k - 1]?.end as string, 1)).toBe(judged.start);
        },
      ),
    );
  });
});

describe("cycleYearEarlier: the same-period-last-year comparison, on the contract's cycle grid", () => {
  it.each([
    ["a month", p("2026-03-01", "2026-03-31"), "monthly", TERM, p("2025-03-01", "2025-03-31")],
    [
      "February to a leap February",
      p("2025-02-01", "2025-02-28"),
      "monthly",
      p("2025-01-01", "2025-12-31"),
      p("2024-02-01", "2024-02-29"),
    ],
    [
      "a leap February to a common one",
      p("2024-02-01", "2024-02-29"),
      "monthly",
      p("2024-01-01", "2024-12-31"),
      p("2023-02-01", "2023-02-28"),
    ],
    [
      "a quarter",
      p("2025-01-01", "2025-03-31"),
      "quarterly",
      p("2025-01-01", "2025-12-31"),
      p("2024-01-01", "2024-03-31"),
    ],
    [
      "a partial first month: the whole month a year earlier",
      p("2026-01-10", "2026-01-31"),
      "monthly",
      TERM,
      p("2025-01-01", "2025-01-31"),
    ],
    [
      "a month a year into the term: the term's partial first month",
      p("2027-01-01", "2027-01-31"),
      "monthly",
      TERM,
      p("2026-01-10", "2026-01-31"),
    ],
    [
      "{ days }: the run holding the date a year earlier",
      p("2026-03-05", "2026-03-11"),
      { days: 7 },
      p("2026-01-01", "2026-12-31"),
      p("2025-02-27", "2025-03-05"),
    ],
    [
      "{ days }: 29 February starts as the 28th",
      p("2024-02-29", "2024-03-06"),
      { days: 7 },
      p("2024-01-04", "2024-12-31"),
      p("2023-02-23", "2023-03-01"),
    ],
  ] as const)("%s", (_, period, cycle, term, expected) => {
    expect(cycleYearEarlier(period, cycle, term)).toEqual(expected);
  });

  it("years below 1000 keep four digits; before year 0000 is out of range", () => {
    expect(cycleYearEarlier(p("0100-03-01", "0100-03-31"), "monthly", p("0100-01-01", "0100-12-31"))).toEqual(
      p("0099-03-01", "0099-03-31"),
    );
    expect(() =>
      cycleYearEarlier(p("0000-03-01", "0000-03-31"), "monthly", p("0000-01-01", "0000-12-31")),
    ).toThrow(expect.objectContaining({ code: "date-out-of-range" }));
  });

  it("property: every month and quarter maps to the whole month or quarter a year earlier", () => {
    const term = p("2001-01-01", "2040-12-31");
    for (const kind of ["monthly", "quarterly"] as const) {
      const cycles = cyclesOf(term, kind);
      const perYear = kind === "monthly" ? 12 : 4;
      cycles.slice(perYear).forEach((c, i) => {
        expect(cycleYearEarlier(c, kind, term)).toEqual(cycles[i]);
      });
    }
  });

  it("property: consecutive { days } runs map to distinct consecutive runs (no overlap in a pooled window)", () => {
    const term = p("2024-01-04", "2026-12-31");
    const runs = cyclesOf(term, { days: 7 }).slice(60, 150);
    const earlier = runs.map((r) => cycleYearEarlier(r, { days: 7 }, term));
    for (let i = 1; i < earlier.length; i++) {
      expect((earlier[i] as { start: string }).start > (earlier[i - 1] as { end: string }).end).toBe(true);
    }
  });
});
