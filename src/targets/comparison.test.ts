import { describe, expect, it } from "vitest";
import { cycleYearEarlier } from "../values/cycle.js";
import { comparisonCycles } from "./comparison.js";

const p = (start: string, end: string) => ({ start, end });

describe("comparisonCycles: each comparison cycle once", () => {
  it("two { days: 5 } runs across 29 February that fall in one run a year earlier give it once", () => {
    const term = p("2028-02-26", "2028-03-31");
    const judged = [p("2028-02-26", "2028-03-01"), p("2028-03-02", "2028-03-06")];
    expect(judged.map((j) => cycleYearEarlier(j, { days: 5 }, term))).toEqual([
      p("2027-02-26", "2027-03-02"),
      p("2027-02-26", "2027-03-02"),
    ]);
    expect(comparisonCycles("same-period-last-year", judged, { days: 5 }, term)).toEqual([
      p("2027-02-26", "2027-03-02"),
    ]);
  });

  it("previous-period gives as many cycles as are judged", () => {
    const term = p("2026-01-01", "2026-12-31");
    expect(
      comparisonCycles(
        "previous-period",
        [p("2026-04-01", "2026-04-30"), p("2026-05-01", "2026-05-31")],
        "monthly",
        term,
      ),
    ).toEqual([p("2026-02-01", "2026-02-28"), p("2026-03-01", "2026-03-31")]);
  });
});
