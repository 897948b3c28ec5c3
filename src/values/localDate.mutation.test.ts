// Tests that pin what mutation testing found loose in localDate: each malformed shape of a timestamp
// with its message, offsets at their limits, fractions followed by a zone, the supported range of
// instants, a second's rounding before an offset change at local midnight, and non-string zones.
import { describe, expect, it } from "vitest";
import { createLocalDater, isValidTimeZone, localDate, parseTimestamp } from "./localDate.js";

const MALFORMED = "expected YYYY-MM-DDTHH:MM:SS with Z or a ±HH:MM, ±HHMM or ±HH offset";
const message = (ts: unknown, why: string) => `Invalid timestamp ${JSON.stringify(ts)}: ${why}`;
const MS_PER_DAY = 86_400_000;
const DAY_0000_01_01 = Date.parse("0000-01-01T00:00:00Z") / MS_PER_DAY;
const DAY_9999_12_31 = Date.parse("9999-12-31T00:00:00Z") / MS_PER_DAY;

describe("parseTimestamp (mutation-driven)", () => {
  it.each([
    "2026x03-10T10:00:00Z",
    "2026-03x10T10:00:00Z",
    "2026-03-10x10:00:00Z",
    "2026-03-10T10x00:00Z",
    "2026-0a-10T10:00:00Z",
    "2026-03-10T10:00:00X08:00",
    "2026-03-10T10:00:00+0",
    "2026-03-10T10:00:00+080",
    "2026-03-10T10:00:00+08000",
    "2026-03-10T10:00:00+08-00",
    "2026-03-10T10:00:00+08:00x",
    "2026-03-10T10:00:00+0a:00",
    "2026-03-10T10:00:00+08:0a",
    "2026-03-10T10:00:00Zx",
    "2026-03-10T10:00:00.Z",
    "2026-03-10T10:00:00.5",
  ])("refuses %s as malformed", (ts) => {
    expect(() => parseTimestamp(ts)).toThrow(
      expect.objectContaining({ code: "timestamp-invalid", message: message(ts, MALFORMED) }),
    );
  });

  it("reads the offset forms of ISO 8601: ±HH:MM, ±HHMM and ±HH", () => {
    const instant = Date.parse("2026-03-10T02:00:00Z");
    expect(parseTimestamp("2026-03-10T10:00:00+08:00")).toBe(instant);
    expect(parseTimestamp("2026-03-10T10:00:00+0800")).toBe(instant);
    expect(parseTimestamp("2026-03-10T10:00:00+08")).toBe(instant);
    expect(parseTimestamp("2026-03-09T20:30:00-0530")).toBe(instant);
    expect(parseTimestamp("2026-03-09T21:00-05")).toBe(instant);
  });

  it("refuses a non-string as malformed, not with a TypeError", () => {
    expect(() => parseTimestamp(20260310 as never)).toThrow(
      expect.objectContaining({ code: "timestamp-invalid", message: message(20260310, MALFORMED) }),
    );
  });

  it.each([
    ["0000-00-00T00:00:00Z", "the date does not exist"],
    ["2026-04-31T10:00:00Z", "the date does not exist"],
    ["2026-06-31T10:00:00Z", "the date does not exist"],
    ["2026-09-31T10:00:00Z", "the date does not exist"],
    ["2026-11-31T10:00:00Z", "the date does not exist"],
    ["2026-02-29T10:00:00Z", "the date does not exist"],
    ["2026-03-10T24:00:00Z", "the time of day does not exist"],
    ["2026-03-10T10:60:00Z", "the time of day does not exist"],
    ["2026-03-10T10:00:60Z", "the time of day does not exist"],
    ["2026-03-10T10:00:00+24:00", "the UTC offset does not exist"],
    ["2026-03-10T10:00:00+08:60", "the UTC offset does not exist"],
  ])("refuses %s because %s", (ts, why) => {
    expect(() => parseTimestamp(ts)).toThrow(
      expect.objectContaining({ code: "timestamp-invalid", message: message(ts, why) }),
    );
  });

  it.each([
    ["2026-03-31T10:00:00Z", Date.UTC(2026, 2, 31, 10)],
    ["2026-05-31T10:00:00Z", Date.UTC(2026, 4, 31, 10)],
    ["2026-03-10T10:00:00.5Z", Date.UTC(2026, 2, 10, 10, 0, 0, 500)],
    ["2026-03-10T10:00:00,25+08:00", Date.UTC(2026, 2, 10, 2, 0, 0, 250)],
    ["2026-03-10T10:00:00.123456789-07:00", Date.UTC(2026, 2, 10, 17, 0, 0, 123)],
    ["2026-03-10T10:00:00+23:59", Date.UTC(2026, 2, 10, 10) - (23 * 60 + 59) * 60_000],
    ["2026-03-10T10:00Z", Date.UTC(2026, 2, 10, 10)],
  ])("reads %s", (ts, ms) => {
    expect(parseTimestamp(ts)).toBe(ms);
  });
});

describe("localDate and createLocalDater (mutation-driven)", () => {
  it("keeps the local day right half a second after local midnight (whole-second offsets)", () => {
    // 15:00:00.500Z is 00:00:00.500 on the next day in Tokyo (+09:00).
    expect(localDate("2026-03-10T15:00:00.500Z", "Asia/Tokyo")).toBe("2026-03-11");
    expect(localDate("2026-03-10T14:59:59.500Z", "Asia/Tokyo")).toBe("2026-03-10");
    // Before 1970 the instant is negative: the same must hold.
    expect(localDate("1969-12-31T15:00:00.500Z", "Asia/Tokyo")).toBe("1970-01-01");
    const dater = createLocalDater("Asia/Tokyo");
    expect(dater(Date.UTC(2026, 2, 10, 15, 0, 0, 500))).toBe("2026-03-11");
  });

  it.each([
    ["1900-03-01T12:00:00Z", "1900-03-01"],
    ["2000-02-29T12:00:00Z", "2000-02-29"],
    ["2100-02-28T12:00:00Z", "2100-02-28"],
    ["2100-03-01T12:00:00Z", "2100-03-01"],
    ["2400-02-29T12:00:00Z", "2400-02-29"],
    ["0000-01-01T12:00:00Z", "0000-01-01"],
    ["9999-12-31T12:00:00Z", "9999-12-31"],
  ])("labels %s with its UTC day", (ts, date) => {
    expect(localDate(ts, "UTC")).toBe(date);
  });

  it("accepts instants up to two days beyond the calendar and says their day is out of range", () => {
    const dater = createLocalDater("UTC");
    const outside = "its local date lies outside the years 0000-9999";
    const range = "expected milliseconds of an instant within the years 0000-9999";
    const low = (DAY_0000_01_01 - 1) * MS_PER_DAY;
    const high = (DAY_9999_12_31 + 1) * MS_PER_DAY;
    expect(() => dater(low)).toThrow(message(low, outside));
    expect(() => dater(high)).toThrow(message(high, outside));
    const minMs = (DAY_0000_01_01 - 2) * MS_PER_DAY;
    const maxMs = (DAY_9999_12_31 + 2) * MS_PER_DAY;
    expect(() => dater(minMs)).toThrow(message(minMs, outside));
    expect(() => dater(maxMs)).toThrow(message(maxMs, outside));
    expect(() => dater(minMs - 1)).toThrow(message(minMs - 1, range));
    expect(() => dater(maxMs + 1)).toThrow(message(maxMs + 1, range));
    expect(dater(DAY_0000_01_01 * MS_PER_DAY)).toBe("0000-01-01");
    expect(dater(DAY_9999_12_31 * MS_PER_DAY + MS_PER_DAY - 1)).toBe("9999-12-31");
  });

  it("does not take a non-string for a zone name", () => {
    expect(isValidTimeZone(["UTC"] as never)).toBe(false);
    expect(isValidTimeZone({ toString: () => "Asia/Tokyo" } as never)).toBe(false);
    expect(isValidTimeZone("GMT0")).toBe(false);
    expect(isValidTimeZone("UTC")).toBe(true);
  });
});
