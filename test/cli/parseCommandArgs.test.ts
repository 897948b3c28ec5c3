import { describe, expect, it } from "vitest";
import { CliError, formatLocation } from "../../src/cli/CliError.js";
import { csvColumnsOf } from "../../src/cli/csvColumns.js";
import { parseCycleKindArg, parsePeriodArg, parseStoreArg } from "../../src/cli/parseCommandArgs.js";

const usage = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    return (error as CliError).message;
  }
  return expect.fail("expected a usage error");
};

describe("parsePeriodArg", () => {
  it("reads months, quarters and date ranges", () => {
    expect(parsePeriodArg("x", "cycle", "2026-02")).toEqual({ start: "2026-02-01", end: "2026-02-28" });
    expect(parsePeriodArg("x", "cycle", "2028-02")).toEqual({ start: "2028-02-01", end: "2028-02-29" });
    expect(parsePeriodArg("x", "cycle", "2026-Q1")).toEqual({ start: "2026-01-01", end: "2026-03-31" });
    expect(parsePeriodArg("x", "cycle", "2026-q4")).toEqual({ start: "2026-10-01", end: "2026-12-31" });
    expect(parsePeriodArg("x", "cycle", "2026-01-10..2026-01-31")).toEqual({
      start: "2026-01-10",
      end: "2026-01-31",
    });
  });

  it("refuses anything else", () => {
    for (const bad of ["2026-13", "2026-00", "2026-Q5", "March", "2026-02-30..2026-03-01", "2026-03-01"]) {
      expect(usage(() => parsePeriodArg("x", "cycle", bad))).toContain(`not "${bad}"`);
    }
    expect(usage(() => parsePeriodArg("x", "period", "2026-03-02..2026-03-01"))).toContain(
      "ends (2026-03-01) before it starts",
    );
  });
});

describe("parseCycleKindArg", () => {
  it("reads monthly, quarterly and day counts", () => {
    expect(parseCycleKindArg("facts", undefined)).toBe("monthly");
    expect(parseCycleKindArg("facts", "quarterly")).toBe("quarterly");
    expect(parseCycleKindArg("facts", "30d")).toEqual({ days: 30 });
    expect(usage(() => parseCycleKindArg("facts", "0d"))).toContain('not "0d"');
  });
});

describe("parseStoreArg", () => {
  it("reads id, currency and time zone from the right, so ids may hold colons", () => {
    expect(parseStoreArg("facts", "us:USD:America/Los_Angeles")).toEqual({
      id: "us",
      currency: "USD",
      timeZone: "America/Los_Angeles",
    });
    expect(parseStoreArg("facts", "amazon:us:USD:UTC")).toEqual({
      id: "amazon:us",
      currency: "USD",
      timeZone: "UTC",
    });
    expect(usage(() => parseStoreArg("facts", ":USD:UTC"))).toContain("--store must be");
    expect(usage(() => parseStoreArg("facts", "-x:USD:UTC"))).toContain('"-x" is not a valid store id');
  });
});

describe("csvColumnsOf", () => {
  it("reads columns and counts from the row schemas, nested ads columns dotted", () => {
    const ads = csvColumnsOf("ads");
    expect(ads.isKnown("attributed.14d.sales")).toBe(true);
    expect(ads.isCount("attributed.14d.orders")).toBe(true);
    expect(ads.isCount("attributed.14d.sales")).toBe(false);
    expect(ads.isKnown("attributed.14d")).toBe(false);
    expect(ads.isKnown("attributed..sales")).toBe(false);
    expect(ads.isCount("clicks")).toBe(true);
    expect(ads.names).toContain("attributed.<window>.sales");
    expect(csvColumnsOf("orders").isCount("quantity")).toBe(true);
    expect(csvColumnsOf("orders").isKnown("qty")).toBe(false);
  });
});

describe("formatLocation", () => {
  it("writes file:line:column, leaving out what is unknown", () => {
    expect(formatLocation({ file: "a.csv", line: 3, column: 7 })).toBe("a.csv:3:7");
    expect(formatLocation({ file: "a.csv", line: 3 })).toBe("a.csv:3");
    expect(formatLocation({ file: "a.csv" })).toBe("a.csv");
  });
});
