import { describe, expect, test } from "vitest";
import * as z from "zod";
import { dec, formatDecimal, quotient } from "../internal/decimal.js";
import { cycleContaining, cycleProration, cycleSchema, cyclesOf } from "./cycle.js";
import { KpiContractError } from "./KpiContractError.js";
import { roundMoney } from "./rounding.js";

const p = (start: string, end: string) => ({ start, end });

describe("cyclesOf monthly", () => {
  test("a term 2026-01-10..2026-12-20 has a partial first and last month", () => {
    expect(cyclesOf(p("2026-01-10", "2026-12-20"), "monthly")).toEqual([
      p("2026-01-10", "2026-01-31"),
      p("2026-02-01", "2026-02-28"),
      p("2026-03-01", "2026-03-31"),
      p("2026-04-01", "2026-04-30"),
      p("2026-05-01", "2026-05-31"),
      p("2026-06-01", "2026-06-30"),
      p("2026-07-01", "2026-07-31"),
      p("2026-08-01", "2026-08-31"),
      p("2026-09-01", "2026-09-30"),
      p("2026-10-01", "2026-10-31"),
      p("2026-11-01", "2026-11-30"),
      p("2026-12-01", "2026-12-20"),
    ]);
  });

  test("a leap February has 29 days", () => {
    expect(cyclesOf(p("2028-01-15", "2028-03-10"), "monthly")).toEqual([
      p("2028-01-15", "2028-01-31"),
      p("2028-02-01", "2028-02-29"),
      p("2028-03-01", "2028-03-10"),
    ]);
  });

  test("crosses a year end", () => {
    expect(cyclesOf(p("2025-11-20", "2026-02-10"), "monthly")).toEqual([
      p("2025-11-20", "2025-11-30"),
      p("2025-12-01", "2025-12-31"),
      p("2026-01-01", "2026-01-31"),
      p("2026-02-01", "2026-02-10"),
    ]);
  });

  test("a term inside one month is one cycle", () => {
    expect(cyclesOf(p("2026-03-05", "2026-03-25"), "monthly")).toEqual([p("2026-03-05", "2026-03-25")]);
  });
});

describe("cyclesOf quarterly", () => {
  test("calendar quarters clipped to the term", () => {
    expect(cyclesOf(p("2026-02-15", "2026-11-10"), "quarterly")).toEqual([
      p("2026-02-15", "2026-03-31"),
      p("2026-04-01", "2026-06-30"),
      p("2026-07-01", "2026-09-30"),
      p("2026-10-01", "2026-11-10"),
    ]);
  });

  test("a whole year is four full quarters", () => {
    expect(cyclesOf(p("2026-01-01", "2026-12-31"), "quarterly")).toEqual([
      p("2026-01-01", "2026-03-31"),
      p("2026-04-01", "2026-06-30"),
      p("2026-07-01", "2026-09-30"),
      p("2026-10-01", "2026-12-31"),
    ]);
  });

  test("crosses a year end", () => {
    expect(cyclesOf(p("2025-12-01", "2026-01-15"), "quarterly")).toEqual([
      p("2025-12-01", "2025-12-31"),
      p("2026-01-01", "2026-01-15"),
    ]);
  });
});

describe("cyclesOf { days }", () => {
  test("14-day runs from the term start, the last one short", () => {
    // 2026-01-10..2026-02-25 is 22 + 25 = 47 days = 3 × 14 + 5.
    expect(cyclesOf(p("2026-01-10", "2026-02-25"), { days: 14 })).toEqual([
      p("2026-01-10", "2026-01-23"),
      p("2026-01-24", "2026-02-06"),
      p("2026-02-07", "2026-02-20"),
      p("2026-02-21", "2026-02-25"),
    ]);
  });

  test("runs ignore month boundaries and leap days", () => {
    expect(cyclesOf(p("2028-02-25", "2028-03-06"), { days: 5 })).toEqual([
      p("2028-02-25", "2028-02-29"),
      p("2028-03-01", "2028-03-05"),
      p("2028-03-06", "2028-03-06"),
    ]);
  });

  test("{ days: 1 } gives one cycle per day", () => {
    expect(cyclesOf(p("2026-12-30", "2027-01-01"), { days: 1 })).toEqual([
      p("2026-12-30", "2026-12-30"),
      p("2026-12-31", "2026-12-31"),
      p("2027-01-01", "2027-01-01"),
    ]);
  });

  test("a run longer than the term is clipped to it", () => {
    expect(cyclesOf(p("2026-01-01", "2026-01-10"), { days: 30 })).toEqual([p("2026-01-01", "2026-01-10")]);
  });
});

describe("cyclesOf edge terms", () => {
  test.each<[string, "monthly" | "quarterly" | { days: number }]>([
    ["monthly", "monthly"],
    ["quarterly", "quarterly"],
    ["{ days: 7 }", { days: 7 }],
  ])("a one-day term is one one-day cycle (%s)", (_, cycle) => {
    expect(cyclesOf(p("2026-03-31", "2026-03-31"), cycle)).toEqual([p("2026-03-31", "2026-03-31")]);
  });

  test("refuses a reversed term, a date that does not exist and a cycle that is not one, with paths", () => {
    const issuesOf = (term: unknown, cycle: unknown) => {
      try {
        cyclesOf(term as never, cycle as never);
      } catch (error) {
        return {
          code: (error as { code?: string }).code,
          paths: (error as { issues: { path: unknown[] }[] }).issues.map((i) => i.path),
        };
      }
      return undefined;
    };
    expect(issuesOf(p("2026-03-31", "2026-03-01"), "monthly")).toEqual({
      code: "arguments-invalid",
      paths: [["term", "end"]],
    });
    expect(issuesOf(p("2026-01-01", "2026-02-30"), "monthly")).toEqual({
      code: "arguments-invalid",
      paths: [["term", "end"]],
    });
    expect(issuesOf(undefined, "monthly")?.paths).toEqual([["term"]]);
    expect(issuesOf({ start: "2026-01-01" }, "monthly")?.paths).toEqual([["term", "end"]]);
    expect(issuesOf(p("2026-01-01", "2026-12-31"), { days: -1 })?.paths).toEqual([["cycle"]]);
    expect(issuesOf(p("2026-01-01", "2026-12-31"), { days: 1e9 })?.paths).toEqual([["cycle"]]);
    expect(issuesOf(p("2026-01-01", "2026-12-31"), "weekly")?.paths).toEqual([["cycle"]]);
  });

  test("a term ending 9999-12-31 (an open-ended sentinel) stops there", () => {
    expect(cyclesOf(p("9999-11-10", "9999-12-31"), "monthly")).toEqual([
      p("9999-11-10", "9999-11-30"),
      p("9999-12-01", "9999-12-31"),
    ]);
    expect(cyclesOf(p("9999-12-01", "9999-12-31"), { days: 14 })).toEqual([
      p("9999-12-01", "9999-12-14"),
      p("9999-12-15", "9999-12-28"),
      p("9999-12-29", "9999-12-31"),
    ]);
  });

  test("does not mutate the term", () => {
    const term = Object.freeze(p("2026-01-10", "2026-03-15"));
    cyclesOf(term, "monthly");
    expect(term).toEqual(p("2026-01-10", "2026-03-15"));
  });
});

describe("cycleProration", () => {
  test("2026-01-10..2026-01-31 of a monthly cycle is 22 of 31 days", () => {
    expect(cycleProration(p("2026-01-10", "2026-01-31"), "monthly")).toEqual({
      days: 22,
      fullDays: 31,
      full: p("2026-01-01", "2026-01-31"),
    });
  });

  test("the SPEC example: a monthly 1500.00 fee for that cycle is 1500.00 × 22 ÷ 31 = 1064.52", () => {
    const { days, fullDays } = cycleProration(p("2026-01-10", "2026-01-31"), "monthly");
    // 1500 × 22 = 33000; 33000 ÷ 31 = 1064.516129…; rounded half-up to the cent: 1064.52.
    const exact = formatDecimal(quotient(dec("1500.00").times(days), fullDays));
    expect(roundMoney(exact, "USD")).toBe("1064.52");
  });

  test("a full quarter is 91 of 91 days (30 + 31 + 30)", () => {
    expect(cycleProration(p("2026-04-01", "2026-06-30"), "quarterly")).toEqual({
      days: 91,
      fullDays: 91,
      full: p("2026-04-01", "2026-06-30"),
    });
  });

  test("a partial first quarter: 2026-02-15..03-31 is 14 + 31 = 45 of 31 + 28 + 31 = 90 days", () => {
    expect(cycleProration(p("2026-02-15", "2026-03-31"), "quarterly")).toMatchObject({
      days: 45,
      fullDays: 90,
    });
  });

  test("a leap first quarter has 91 days", () => {
    expect(cycleProration(p("2028-01-01", "2028-02-29"), "quarterly")).toMatchObject({
      days: 60,
      fullDays: 91,
    });
  });

  test("a partial leap February is prorated over 29 days", () => {
    expect(cycleProration(p("2028-02-10", "2028-02-29"), "monthly")).toMatchObject({
      days: 20,
      fullDays: 29,
    });
  });

  test.each([1, 7, 14, 30, 45])("{ days: %i }: D = n", (n) => {
    const term = p("2026-01-10", "2026-12-31");
    for (const cycle of cyclesOf(term, { days: n })) {
      expect(cycleProration(cycle, { days: n }, term.start).fullDays).toBe(n);
    }
  });

  test("the short last { days: 14 } cycle is 5 of 14 days, with or without the anchor", () => {
    const last = p("2026-02-21", "2026-02-25");
    const expected = { days: 5, fullDays: 14, full: p("2026-02-21", "2026-03-06") };
    expect(cycleProration(last, { days: 14 }, "2026-01-10")).toEqual(expected);
    expect(cycleProration(last, { days: 14 })).toEqual(expected);
  });

  test("{ days } runs are counted backward from an anchor after the period", () => {
    // 2026-01-03 is 7 days before the anchor 2026-01-10: the run 2026-01-03..01-09.
    expect(cycleProration(p("2026-01-03", "2026-01-09"), { days: 7 }, "2026-01-10")).toEqual({
      days: 7,
      fullDays: 7,
      full: p("2026-01-03", "2026-01-09"),
    });
    // 2026-01-05 is 5 days before the anchor: it lies in the same run, 2 days into it.
    expect(cycleProration(p("2026-01-05", "2026-01-06"), { days: 7 }, "2026-01-10")).toEqual({
      days: 2,
      fullDays: 7,
      full: p("2026-01-03", "2026-01-09"),
    });
  });

  test.each<[string, ReturnType<typeof p>, "monthly" | "quarterly" | { days: number }, string | undefined]>([
    ["spans two months", p("2026-01-20", "2026-02-05"), "monthly", undefined],
    ["spans two quarters", p("2026-03-01", "2026-04-30"), "quarterly", undefined],
    ["crosses a 14-day run", p("2026-01-20", "2026-01-30"), { days: 14 }, "2026-01-10"],
  ])("refuses a period that %s, at period with period-not-in-one-cycle", (_, period, cycle, anchor) => {
    let caught: unknown;
    try {
      cycleProration(period, cycle, anchor);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KpiContractError);
    expect((caught as KpiContractError).code).toBe("arguments-invalid");
    expect((caught as KpiContractError).issues).toEqual([
      expect.objectContaining({ code: "period-not-in-one-cycle", path: ["period"] }),
    ]);
  });

  test("refuses a reversed period as a bad argument, at period.end", () => {
    expect(() => cycleProration(p("2026-01-20", "2026-01-10"), "monthly")).toThrow(
      "Invalid cycleProration arguments:\nperiod.end: Period end 2026-01-10 is before its start 2026-01-20",
    );
  });

  test("a full run past 9999-12-31 is counted whole but shown up to 9999-12-31", () => {
    // { days: 14 } from 9999-12-29 itself: the run would end 10000-01-11.
    expect(cycleProration(p("9999-12-29", "9999-12-31"), { days: 14 })).toEqual({
      days: 3,
      fullDays: 14,
      full: { start: "9999-12-29", end: "9999-12-31" },
    });
  });
});

describe("cycleContaining", () => {
  test("finds the calendar quarter of a date", () => {
    expect(cycleContaining(p("2026-01-01", "2026-12-31"), "quarterly", "2026-05-04")).toEqual(
      p("2026-04-01", "2026-06-30"),
    );
  });

  test("clips to the term at both ends", () => {
    const term = p("2026-01-10", "2026-12-20");
    expect(cycleContaining(term, "monthly", "2026-01-10")).toEqual(p("2026-01-10", "2026-01-31"));
    expect(cycleContaining(term, "monthly", "2026-12-20")).toEqual(p("2026-12-01", "2026-12-20"));
    expect(cycleContaining(term, "monthly", "2026-02-28")).toEqual(p("2026-02-01", "2026-02-28"));
  });

  test("counts { days } runs from the term start", () => {
    const term = p("2026-01-10", "2026-02-25");
    expect(cycleContaining(term, { days: 14 }, "2026-01-24")).toEqual(p("2026-01-24", "2026-02-06"));
    expect(cycleContaining(term, { days: 14 }, "2026-02-23")).toEqual(p("2026-02-21", "2026-02-25"));
  });

  test("is undefined outside the term", () => {
    const term = p("2026-01-10", "2026-12-20");
    expect(cycleContaining(term, "monthly", "2026-01-09")).toBeUndefined();
    expect(cycleContaining(term, "monthly", "2026-12-21")).toBeUndefined();
  });
});

describe("cycleSchema", () => {
  test.each<unknown>(["monthly", "quarterly", { days: 14 }, { days: 1 }, { days: 3660 }])(
    "accepts %j",
    (cycle) => {
      expect(cycleSchema.parse(cycle)).toEqual(cycle);
    },
  );

  test.each<unknown>([
    "weekly",
    "Monthly",
    { days: 0 },
    { days: -7 },
    { days: 1.5 },
    { days: 3661 },
    { days: "14" },
    { days: 14, from: "2026-01-01" },
    {},
    null,
    14,
  ])("refuses %j with the path", (cycle) => {
    const result = z.object({ cycle: cycleSchema }).safeParse({ cycle });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.slice(0, 1)).toEqual(["cycle"]);
  });

  test("says why a day count is out of range, on the path of `days`", () => {
    const result = z.object({ cycle: cycleSchema });
    expect(result.safeParse({ cycle: { days: 0 } }).error?.issues).toMatchObject([
      { code: "too_small", path: ["cycle", "days"], message: "A cycle lasts at least 1 day" },
    ]);
    expect(result.safeParse({ cycle: { days: 3661 } }).error?.issues).toMatchObject([
      { code: "too_big", path: ["cycle", "days"], message: "A cycle lasts at most 3660 days" },
    ]);
  });

  test("names the forms it accepts", () => {
    expect(cycleSchema.safeParse("weekly").error?.issues[0]?.message).toBe(
      'Expected a cycle: "monthly", "quarterly" or { "days": n }',
    );
  });
});
