import { describe, expect, it } from "vitest";
import * as z from "zod";
import { KpiContractError } from "./KpiContractError.js";
import { createLocalDater, isValidTimeZone, localDate, parseTimestamp, timeZoneSchema } from "./localDate.js";

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KpiContractError) return error;
    throw error;
  }
  throw new Error("expected a KpiContractError");
}

const LA = "America/Los_Angeles";
const BERLIN = "Europe/Berlin";
const SINGAPORE = "Asia/Singapore";
const SANTIAGO = "America/Santiago";

// Each case is checked by hand: UTC instant + the zone's offset at that instant = local wall clock.
// 2026 rules: Los Angeles PST −08:00, PDT −07:00 from Sun 2026-03-08 10:00Z (02:00 PST → 03:00 PDT)
// to Sun 2026-11-01 09:00Z (02:00 PDT → 01:00 PST). Berlin CET +01:00, CEST +02:00 from Sun
// 2026-03-29 01:00Z (02:00 CET → 03:00 CEST) to Sun 2026-10-25 01:00Z (03:00 CEST → 02:00 CET).
// Singapore +08:00 all year.
const CASES: readonly [timestamp: string, zone: string, expected: string, why: string][] = [
  // Los Angeles, spring forward on 2026-03-08.
  ["2026-03-08T07:59:59Z", LA, "2026-03-07", "23:59:59 PST"],
  ["2026-03-08T08:00:00Z", LA, "2026-03-08", "00:00 PST"],
  ["2026-03-08T09:59:59Z", LA, "2026-03-08", "01:59:59 PST, one second before the change"],
  ["2026-03-08T10:00:00Z", LA, "2026-03-08", "03:00 PDT, the change"],
  ["2026-03-09T06:59:59Z", LA, "2026-03-08", "23:59:59 PDT: the 23-hour day ends an hour earlier in UTC"],
  ["2026-03-09T07:00:00Z", LA, "2026-03-09", "00:00 PDT"],
  // Los Angeles, fall back on 2026-11-01.
  ["2026-11-01T06:59:59Z", LA, "2026-10-31", "23:59:59 PDT"],
  ["2026-11-01T07:00:00Z", LA, "2026-11-01", "00:00 PDT"],
  ["2026-11-01T08:59:59Z", LA, "2026-11-01", "01:59:59 PDT, first pass through 01:xx"],
  ["2026-11-01T09:00:00Z", LA, "2026-11-01", "01:00 PST, second pass through 01:xx"],
  ["2026-11-02T07:59:59Z", LA, "2026-11-01", "23:59:59 PST: the 25-hour day ends an hour later in UTC"],
  ["2026-11-02T08:00:00Z", LA, "2026-11-02", "00:00 PST"],
  // Los Angeles, month end.
  ["2026-04-01T06:30:00Z", LA, "2026-03-31", "23:30 PDT on 03-31"],
  ["2026-04-01T06:59:59Z", LA, "2026-03-31", "23:59:59 PDT"],
  ["2026-04-01T07:00:00Z", LA, "2026-04-01", "00:00 PDT"],
  // Berlin, spring forward on 2026-03-29.
  ["2026-03-28T22:59:59Z", BERLIN, "2026-03-28", "23:59:59 CET"],
  ["2026-03-28T23:00:00Z", BERLIN, "2026-03-29", "00:00 CET"],
  ["2026-03-29T00:59:59Z", BERLIN, "2026-03-29", "01:59:59 CET"],
  ["2026-03-29T01:00:00Z", BERLIN, "2026-03-29", "03:00 CEST"],
  ["2026-03-29T21:59:59Z", BERLIN, "2026-03-29", "23:59:59 CEST"],
  ["2026-03-29T22:00:00Z", BERLIN, "2026-03-30", "00:00 CEST"],
  // Berlin, fall back on 2026-10-25.
  ["2026-10-24T21:59:59Z", BERLIN, "2026-10-24", "23:59:59 CEST"],
  ["2026-10-24T22:00:00Z", BERLIN, "2026-10-25", "00:00 CEST"],
  ["2026-10-25T00:59:59Z", BERLIN, "2026-10-25", "02:59:59 CEST"],
  ["2026-10-25T01:00:00Z", BERLIN, "2026-10-25", "02:00 CET"],
  ["2026-10-25T22:59:59Z", BERLIN, "2026-10-25", "23:59:59 CET"],
  ["2026-10-25T23:00:00Z", BERLIN, "2026-10-26", "00:00 CET"],
  // Berlin, month end in winter.
  ["2026-01-31T22:59:59Z", BERLIN, "2026-01-31", "23:59:59 CET"],
  ["2026-01-31T23:30:00Z", BERLIN, "2026-02-01", "00:30 CET"],
  // Singapore, month end of a non-leap February.
  ["2026-02-28T15:59:59Z", SINGAPORE, "2026-02-28", "23:59:59 SGT"],
  ["2026-02-28T16:00:00Z", SINGAPORE, "2026-03-01", "00:00 SGT"],
  // Leap day 2028-02-29.
  ["2028-02-28T16:00:00Z", SINGAPORE, "2028-02-29", "00:00 SGT on the leap day"],
  ["2028-02-29T15:59:59Z", SINGAPORE, "2028-02-29", "23:59:59 SGT"],
  ["2028-02-29T16:00:00Z", SINGAPORE, "2028-03-01", "00:00 SGT"],
  ["2028-03-01T07:59:59Z", LA, "2028-02-29", "23:59:59 PST"],
  ["2028-02-29T23:30:00Z", BERLIN, "2028-03-01", "00:30 CET"],
  // Offsets in the input: the instant counts, not the written wall clock.
  ["2026-03-01T07:30:00+08:00", SINGAPORE, "2026-03-01", "= 2026-02-28T23:30Z, 07:30 SGT"],
  ["2026-03-01T07:30:00+08:00", LA, "2026-02-28", "= 2026-02-28T23:30Z, 15:30 PST"],
  ["2026-03-31T23:30:00+05:30", BERLIN, "2026-03-31", "= 18:00Z, 20:00 CEST"],
  ["2026-03-31T23:30:00+05:30", SINGAPORE, "2026-04-01", "= 18:00Z, 02:00 SGT next day"],
  ["2026-03-31T22:00:00-03:00", LA, "2026-03-31", "= 2026-04-01T01:00Z, 18:00 PDT"],
  ["2026-03-31T22:00:00-03:00", BERLIN, "2026-04-01", "= 2026-04-01T01:00Z, 03:00 CEST"],
  ["2026-03-31T22:00:00-03:00", "UTC", "2026-04-01", "= 2026-04-01T01:00Z"],
  // Santiago changes at local midnight (tzdata 2022+ rules): −03:00 → −04:00 on Sun 2026-04-05 03:00Z
  // (00:00 back to Saturday 23:00) and −04:00 → −03:00 on Sun 2026-09-06 04:00Z (Saturday 24:00 → 01:00).
  ["2026-04-05T02:59:59.999Z", SANTIAGO, "2026-04-04", "23:59:59.999 −03:00"],
  ["2026-04-05T03:00:00Z", SANTIAGO, "2026-04-04", "23:00 −04:00: Saturday again"],
  ["2026-04-05T03:59:59.999Z", SANTIAGO, "2026-04-04", "23:59:59.999 −04:00, second pass"],
  ["2026-04-05T04:00:00Z", SANTIAGO, "2026-04-05", "00:00 −04:00"],
  ["2026-09-06T03:59:59.999Z", SANTIAGO, "2026-09-05", "23:59:59.999 −04:00"],
  ["2026-09-06T04:00:00Z", SANTIAGO, "2026-09-06", "01:00 −03:00: Sunday has no 00:xx"],
  // Other zones and forms.
  ["2026-06-30T18:14:59Z", "Asia/Kathmandu", "2026-06-30", "23:59:59 at +05:45"],
  ["2026-06-30T18:15:00Z", "Asia/Kathmandu", "2026-07-01", "00:00 at +05:45"],
  ["2026-01-15T12:59:59.999Z", "Australia/Lord_Howe", "2026-01-15", "23:59:59.999 at +11:00 (summer)"],
  ["2026-01-15T13:00:00Z", "Australia/Lord_Howe", "2026-01-16", "00:00 at +11:00"],
  ["2026-07-15T13:29:59Z", "Australia/Lord_Howe", "2026-07-15", "23:59:59 at +10:30 (winter)"],
  ["2026-07-15T13:30:00Z", "Australia/Lord_Howe", "2026-07-16", "00:00 at +10:30"],
  ["2026-03-08t09:59:59.999999z", LA, "2026-03-08", "lower-case t and z, sub-millisecond digits"],
  ["2026-03-08T07:59Z", LA, "2026-03-07", "no seconds: 23:59 PST"],
];

describe("localDate", () => {
  it.each(CASES)("%s in %s is %s (%s)", (timestamp, zone, expected) => {
    expect(localDate(timestamp, zone)).toBe(expected);
  });

  it("matches the TSDoc example", () => {
    expect(localDate("2026-04-01T06:59:59Z", "America/Los_Angeles")).toBe("2026-03-31");
    expect(localDate("2026-02-28T16:00:00Z", "Asia/Singapore")).toBe("2026-03-01");
  });

  it("handles local mean time offsets with seconds (LA was −07:52:58 before 1883)", () => {
    // 1800-01-01T07:52:57Z − 7:52:58 = 1799-12-31T23:59:59; one second later is 1800-01-01 00:00:00.
    expect(localDate("1800-01-01T07:52:57Z", LA)).toBe("1799-12-31");
    expect(localDate("1800-01-01T07:52:58Z", LA)).toBe("1800-01-01");
  });

  it("writes four-digit years down to 0000 and refuses local days outside 0000-9999", () => {
    expect(localDate("0001-01-01T00:00:00Z", LA)).toBe("0000-12-31");
    expect(localDate("9999-12-31T23:59:59Z", "UTC")).toBe("9999-12-31");
    expect(thrown(() => localDate("0000-01-01T00:00:00Z", LA)).code).toBe("timestamp-invalid");
    expect(thrown(() => localDate("9999-12-31T23:00:00Z", SINGAPORE)).code).toBe("timestamp-invalid");
  });

  it("throws timezone-unknown naming the zone", () => {
    const error = thrown(() => localDate("2026-03-08T10:00:00Z", "Mars/Olympus"));
    expect(error.code).toBe("timezone-unknown");
    expect(error.params).toEqual({ timeZone: "Mars/Olympus" });
    expect(error.message).toContain('"Mars/Olympus"');
  });

  it("throws timestamp-invalid naming the timestamp", () => {
    const error = thrown(() => localDate("2026-02-30T10:00:00Z", LA));
    expect(error.code).toBe("timestamp-invalid");
    expect(error.params).toEqual({ timestamp: "2026-02-30T10:00:00Z" });
    expect(error.message).toContain('"2026-02-30T10:00:00Z"');
  });
});

describe("parseTimestamp", () => {
  it("matches the TSDoc example", () => {
    expect(parseTimestamp("1970-01-01T08:00:00+08:00")).toBe(0);
    expect(parseTimestamp("2026-03-08T10:00:00Z")).toBe(1_772_964_000_000);
  });

  it.each([
    ["2026-03-08T10:00:00Z", Date.UTC(2026, 2, 8, 10)],
    ["2026-03-08T10:00:00.5Z", Date.UTC(2026, 2, 8, 10, 0, 0, 500)],
    ["2026-03-08T10:00:00,25Z", Date.UTC(2026, 2, 8, 10, 0, 0, 250)],
    ["2026-03-08T10:00:00.123456789Z", Date.UTC(2026, 2, 8, 10, 0, 0, 123)],
    ["2026-03-08T10:00Z", Date.UTC(2026, 2, 8, 10)],
    ["2026-03-08T15:30:00+05:30", Date.UTC(2026, 2, 8, 10)],
    ["2026-03-08T07:00:00-03:00", Date.UTC(2026, 2, 8, 10)],
    ["2026-03-08T10:00:00-00:00", Date.UTC(2026, 2, 8, 10)],
    ["2026-03-08T10:00:00+00:00", Date.UTC(2026, 2, 8, 10)],
    ["2028-02-29T00:00:00Z", Date.UTC(2028, 1, 29)],
    ["2000-02-29T00:00:00Z", Date.UTC(2000, 1, 29)],
    ["1969-12-31T23:59:59.999Z", -1],
  ])("%s is %i ms", (text, ms) => {
    expect(parseTimestamp(text)).toBe(ms);
  });

  it("truncates digits beyond milliseconds rather than rounding", () => {
    expect(parseTimestamp("2026-12-31T23:59:59.9999999Z")).toBe(Date.UTC(2026, 11, 31, 23, 59, 59, 999));
  });

  it("does not shift years 0000-0099 to the 1900s", () => {
    expect(parseTimestamp("0099-06-15T00:00:00Z")).toBe(Date.parse("0099-06-15T00:00:00Z"));
    expect(parseTimestamp("0000-01-01T00:00:00Z")).toBe(Date.parse("0000-01-01T00:00:00Z"));
  });

  it.each([
    ["2026-03-08T10:00:00", "no offset"],
    ["2026-03-08T10:00:00.000", "no offset, with fraction"],
    ["2026-03-08", "date only"],
    ["2026-02-30T10:00:00Z", "February 30th"],
    ["2026-02-29T10:00:00Z", "February 29th of a common year"],
    ["2100-02-29T10:00:00Z", "2100 is not a leap year"],
    ["2026-04-31T10:00:00Z", "April 31st"],
    ["2026-13-01T10:00:00Z", "month 13"],
    ["2026-00-10T10:00:00Z", "month 0"],
    ["2026-03-00T10:00:00Z", "day 0"],
    ["2026-03-08T24:00:00Z", "hour 24"],
    ["2026-03-08T10:60:00Z", "minute 60"],
    ["2026-03-08T10:00:60Z", "leap second"],
    ["2026-03-08T10:00:00+24:00", "offset hour 24"],
    ["2026-03-08T10:00:00+05:60", "offset minute 60"],
    ["2026-03-08T10:00:00+053", "offset of three digits"],
    ["2026-03-08T10:00:00+05:3", "offset minute of one digit"],
    ["2026-03-08T10:00:00+2400", "offset hour 24 without colon"],
    ["2026-03-08 10:00:00Z", "space separator"],
    ["2026-3-8T10:00:00Z", "single-digit month and day"],
    ["26-03-08T10:00:00Z", "two-digit year"],
    ["+002026-03-08T10:00:00Z", "expanded year"],
    ["2026-03-08T10:00:00.Z", "empty fraction"],
    ["2026-03-08T10:00:00.1234567890Z", "ten fraction digits"],
    ["2026-03-08T10:00:00ZZ", "trailing text"],
    ["2026-03-08T10:00:00Z ", "trailing space"],
    [" 2026-03-08T10:00:00Z", "leading space"],
    ["2026-03-08T10:00:00 PST", "abbreviation instead of offset"],
    ["2026-03-08T1a:00:00Z", "letter in the hour"],
    ["２０２６-03-08T10:00:00Z", "full-width digits"],
    ["garbage", "garbage"],
    ["", "empty"],
  ])("refuses %j (%s) with timestamp-invalid", (text) => {
    const error = thrown(() => parseTimestamp(text));
    expect(error.code).toBe("timestamp-invalid");
    expect(error.params).toEqual({ timestamp: text });
  });

  it("refuses a non-string at run time", () => {
    expect(thrown(() => parseTimestamp(1_772_964_000_000 as unknown as string)).code).toBe(
      "timestamp-invalid",
    );
  });
});

describe("createLocalDater", () => {
  it.each(CASES)("%s in %s is %s (%s)", (timestamp, zone, expected) => {
    expect(createLocalDater(zone)(parseTimestamp(timestamp))).toBe(expected);
  });

  it("gives the same answers in any order, reusing its caches", () => {
    const toLocalDay = createLocalDater(LA);
    const shuffled = CASES.filter(([, zone]) => zone === LA).reverse();
    for (const [timestamp, , expected] of [...shuffled, ...shuffled]) {
      expect(toLocalDay(parseTimestamp(timestamp))).toBe(expected);
    }
  });

  it("is exact to the millisecond around both 2026 changes in Los Angeles", () => {
    const toLocalDay = createLocalDater(LA);
    for (const change of [Date.UTC(2026, 2, 8, 10), Date.UTC(2026, 10, 1, 9)]) {
      for (let delta = -2; delta <= 2; delta++) {
        const ms = change + delta;
        expect(toLocalDay(ms)).toBe(localDate(new Date(ms).toISOString(), LA));
      }
    }
  });

  it("places the change to the millisecond where it moves the date (Santiago, at local midnight)", () => {
    const toLocalDay = createLocalDater(SANTIAGO);
    const change = Date.UTC(2026, 8, 6, 4);
    // Fill the UTC day's cache from its far end first, then probe the edge.
    expect(toLocalDay(change + 19 * 3_600_000)).toBe("2026-09-06");
    expect(toLocalDay(change - 1)).toBe("2026-09-05");
    expect(toLocalDay(change)).toBe("2026-09-06");
    expect(toLocalDay(change - 2)).toBe("2026-09-05");
    expect(toLocalDay(change + 1)).toBe("2026-09-06");
  });

  it("floors fractional milliseconds", () => {
    expect(createLocalDater("UTC")(Date.UTC(2026, 0, 1) - 0.5)).toBe("2025-12-31");
  });

  it("matches the TSDoc example", () => {
    const toLocalDay = createLocalDater("Europe/Berlin");
    expect(toLocalDay(parseTimestamp("2026-01-31T23:30:00Z"))).toBe("2026-02-01");
  });

  it("throws timezone-unknown when created for an unknown zone", () => {
    const error = thrown(() => createLocalDater("Nowhere/Special"));
    expect(error.code).toBe("timezone-unknown");
    expect(error.params).toEqual({ timeZone: "Nowhere/Special" });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 8.64e15, -8.64e15])(
    "throws timestamp-invalid for %d ms",
    (ms) => {
      const error = thrown(() => createLocalDater(LA)(ms));
      expect(error.code).toBe("timestamp-invalid");
      expect(error.params).toEqual({ timestamp: ms });
    },
  );
});

describe("isValidTimeZone", () => {
  it.each([
    "America/Los_Angeles",
    "Europe/Berlin",
    "Asia/Singapore",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "America/Argentina/Buenos_Aires",
    "America/Port-au-Prince",
    "Etc/GMT+8",
    "Etc/UTC",
    "US/Pacific",
    "UTC",
    "GMT",
    "asia/singapore",
  ])("accepts %j", (tz) => {
    expect(isValidTimeZone(tz)).toBe(true);
  });

  it.each([
    "",
    " ",
    "Mars/Olympus",
    "America/Los Angeles",
    "America/Los_Angeles ",
    "/America/Los_Angeles",
    "America//Los_Angeles",
    "../etc/passwd",
    "+08:00",
    "-03:00",
    "UTC+8",
    "GMT+8",
    "Z",
    "PST",
    "PDT",
    "EST",
    "CET",
    "Japan",
    "Singapore",
    "__proto__",
    "constructor",
  ])("refuses %j", (tz) => {
    expect(isValidTimeZone(tz)).toBe(false);
  });

  it("refuses a non-string at run time", () => {
    expect(isValidTimeZone(undefined as unknown as string)).toBe(false);
  });

  it("matches the TSDoc example", () => {
    expect(isValidTimeZone("America/Los_Angeles")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("+08:00")).toBe(false);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("timeZoneSchema", () => {
  const storeSchema = z.object({ timeZone: timeZoneSchema });

  it("accepts an IANA name", () => {
    expect(storeSchema.parse({ timeZone: SINGAPORE })).toEqual({ timeZone: SINGAPORE });
  });

  it("refuses an unknown zone with its path and a message naming the value", () => {
    const result = storeSchema.safeParse({ timeZone: "PST" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ["timeZone"],
        message:
          'Unknown time zone "PST": use an IANA time zone name such as "America/Los_Angeles" or "Asia/Singapore"',
      }),
    ]);
  });

  it("refuses a non-string with its own message", () => {
    const result = storeSchema.safeParse({ timeZone: 8 });
    expect(result.error?.issues[0]?.path).toEqual(["timeZone"]);
    expect(result.error?.issues[0]?.message).toBe(
      'Expected an IANA time zone name such as "America/Los_Angeles"',
    );
  });

  it("matches the TSDoc example", () => {
    expect(timeZoneSchema.parse("Asia/Singapore")).toBe("Asia/Singapore");
    expect(timeZoneSchema.safeParse("PST").success).toBe(false);
  });
});
