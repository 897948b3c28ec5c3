import { describe, expect, it } from "vitest";
import { cycleLabel, formatPercent, formatValue, groupDigits, pathText } from "./format.js";

describe("groupDigits", () => {
  it.each([
    ["0", "0"],
    ["999", "999"],
    ["1000", "1,000"],
    ["2575.20", "2,575.20"],
    ["-1234567.891", "-1,234,567.891"],
    ["0.123456", "0.123456"],
    ["n/a", "n/a"],
  ])("%s → %s", (input, output) => {
    expect(groupDigits(input)).toBe(output);
  });
});

describe("formatPercent", () => {
  it("rounds half-even to two decimals for display", () => {
    expect(formatPercent("0.2142857142857142857142857142857143")).toBe("21.43%");
    // 0.000125 → 0.0125% → 0.01% (half-even), 0.000135 → 0.0135% → 0.01%… 0.014%
    expect(formatPercent("0.000125")).toBe("0.01%");
    expect(formatPercent("0.000135")).toBe("0.01%");
    expect(formatPercent("12.5")).toBe("1,250%");
    expect(formatPercent("x")).toBe("x");
  });
});

describe("formatValue", () => {
  const style = { currency: "USD", days: "days" } as const;
  it("writes each unit its own way", () => {
    expect(formatValue("0.22", { ...style, unit: "ratio" })).toBe("22%");
    expect(formatValue("41220", { ...style, unit: "money" })).toBe("41,220.00");
    expect(formatValue("1234.565", { ...style, unit: "money" })).toBe("1,234.56");
    expect(formatValue("617.5", { ...style, currency: "JPY", unit: "money" })).toBe("618");
    expect(formatValue("617.5", { ...style, currency: "XXX?", unit: "money" })).toBe("617.5");
    expect(formatValue("12.333333", { ...style, unit: "days" })).toBe("12.3333 days");
    expect(formatValue("4.6", { ...style, unit: "stars" })).toBe("4.6 ★");
    expect(formatValue("1200", { ...style, unit: "count" })).toBe("1,200");
    expect(formatValue("3", { ...style, unit: undefined })).toBe("3");
  });
});

describe("cycleLabel", () => {
  it("writes a whole month as YYYY-MM and anything else in full", () => {
    expect(cycleLabel({ start: "2026-03-01", end: "2026-03-31" })).toBe("2026-03");
    expect(cycleLabel({ start: "2026-02-01", end: "2026-02-28" })).toBe("2026-02");
    expect(cycleLabel({ start: "2026-01-10", end: "2026-01-31" })).toBe("2026-01-10..2026-01-31");
    expect(cycleLabel({ start: "2026-03-01", end: "2026-03-30" })).toBe("2026-03-01..2026-03-30");
    expect(cycleLabel({ start: "2026-01-01", end: "2026-03-31" })).toBe("2026-01-01..2026-03-31");
  });

  it("reads month ends from the calendar: leap Februaries and the last month of year 9999", () => {
    expect(cycleLabel({ start: "2028-02-01", end: "2028-02-29" })).toBe("2028-02");
    expect(cycleLabel({ start: "2028-02-01", end: "2028-02-28" })).toBe("2028-02-01..2028-02-28");
    expect(cycleLabel({ start: "9999-12-01", end: "9999-12-31" })).toBe("9999-12");
  });
});

describe("pathText", () => {
  it("writes JSON paths as people read them", () => {
    expect(pathText(["targets", 0, "goal", "change"])).toBe("targets[0].goal.change");
    expect(pathText([])).toBe("(root)");
  });
});
