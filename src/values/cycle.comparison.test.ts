import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cyclesBefore, cyclesOf, yearEarlier } from "./cycle.js";
import { addDays } from "./period.js";

const p = (start: string, end: string) => ({ start, end });

describe("cyclesBefore: the previous-period comparison of salesGrowth in a contract", () => {
  it.each([
    ["a month", p("2026-03-01", "2026-03-31"), "monthly", 1, [p("2026-02-01", "2026-02-28")]],
    [
      "a quarter's three months",
      p("2026-01-01", "2026-03-31"),
      "monthly",
      3,
      [p("2025-10-01", "2025-10-31"), p("2025-11-01", "2025-11-30"), p("2025-12-01", "2025-12-31")],
    ],
    [
      "a term's clipped first month: the whole month before",
      p("2026-01-10", "2026-01-31"),
      "monthly",
      1,
      [p("2025-12-01", "2025-12-31")],
    ],
    ["a quarter", p("2026-04-01", "2026-06-30"), "quarterly", 1, [p("2026-01-01", "2026-03-31")]],
    [
      "a leap February's month before",
      p("2024-03-01", "2024-03-31"),
      "monthly",
      1,
      [p("2024-02-01", "2024-02-29")],
    ],
  ] as const)("%s", (_, period, cycle, count, expected) => {
    expect(cyclesBefore(period, cycle, "2026-01-10", count)).toEqual(expected);
  });

  it("{ days } runs are counted from the anchor, also before it", () => {
    expect(cyclesBefore(p("2026-01-15", "2026-01-28"), { days: 14 }, "2026-01-01", 1)).toEqual([
      p("2026-01-01", "2026-01-14"),
    ]);
    expect(cyclesBefore(p("2026-01-01", "2026-01-14"), { days: 14 }, "2026-01-01", 2)).toEqual([
      p("2025-12-04", "2025-12-17"),
      p("2025-12-18", "2025-12-31"),
    ]);
  });

  it("refuses to go before 0000-01-01", () => {
    expect(() => cyclesBefore(p("0000-01-01", "0000-01-31"), "monthly", "0000-01-01", 1)).toThrow(
      expect.objectContaining({ code: "date-out-of-range" }),
    );
  });

  it("property: count whole months, contiguous, ending the day before the judged month", () => {
    const months = cyclesOf(p("2001-01-01", "2099-12-31"), "monthly");
    fc.assert(
      fc.property(
        fc.integer({ min: 24, max: months.length - 1 }),
        fc.integer({ min: 1, max: 24 }),
        (i, k) => {
          const judged = months[i] as { start: string; end: string };
          const before = cyclesBefore(judged, "monthly", "2001-01-01", k);
          expect(before).toEqual(months.slice(i - k, i));
          expect(addDays(before[k - 1]?.end as string, 1)).toBe(judged.start);
        },
      ),
    );
  });
});

describe("yearEarlier: the same-period-last-year comparison", () => {
  it.each([
    ["a month", p("2026-03-01", "2026-03-31"), "monthly", p("2025-03-01", "2025-03-31")],
    [
      "February to a leap February: the whole month",
      p("2025-02-01", "2025-02-28"),
      "monthly",
      p("2024-02-01", "2024-02-29"),
    ],
    [
      "a leap February to a common one",
      p("2024-02-01", "2024-02-29"),
      "monthly",
      p("2023-02-01", "2023-02-28"),
    ],
    ["a quarter", p("2025-01-01", "2025-03-31"), "quarterly", p("2024-01-01", "2024-03-31")],
    [
      "a clipped month keeps its days",
      p("2026-01-10", "2026-01-31"),
      "monthly",
      p("2025-01-10", "2025-01-31"),
    ],
    [
      "{ days }: dates as dates, 29 February to the 28th",
      p("2024-02-29", "2024-03-06"),
      { days: 7 },
      p("2023-02-28", "2023-03-06"),
    ],
    [
      "{ days }: a month's last day is not kept as one",
      p("2025-02-22", "2025-02-28"),
      { days: 7 },
      p("2024-02-22", "2024-02-28"),
    ],
  ] as const)("%s", (_, period, cycle, expected) => {
    expect(yearEarlier(period, cycle)).toEqual(expected);
  });

  it("years below 1000 keep four digits; before year 0000 is out of range", () => {
    expect(yearEarlier(p("0100-03-01", "0100-03-31"), "monthly")).toEqual(p("0099-03-01", "0099-03-31"));
    expect(() => yearEarlier(p("0000-03-01", "0000-03-31"), "monthly")).toThrow(
      expect.objectContaining({ code: "date-out-of-range" }),
    );
  });

  it("property: every month and quarter maps to the whole month or quarter a year earlier", () => {
    for (const kind of ["monthly", "quarterly"] as const) {
      const cycles = cyclesOf(p("2001-01-01", "2040-12-31"), kind);
      const index = new Map(cycles.map((c, i) => [`${c.start}..${c.end}`, i]));
      const perYear = kind === "monthly" ? 12 : 4;
      cycles.slice(perYear).forEach((c, i) => {
        const earlier = yearEarlier(c, kind);
        expect(index.get(`${earlier.start}..${earlier.end}`)).toBe(i);
      });
    }
  });
});
