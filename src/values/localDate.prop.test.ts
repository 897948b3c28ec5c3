import { tzOffset } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLocalDater, localDate, parseTimestamp } from "./localDate.js";

const ZONES = [
  "America/Los_Angeles",
  "Europe/Berlin",
  "Asia/Singapore",
  "Australia/Lord_Howe", // 30-minute daylight saving shift
  "Asia/Kathmandu", // +05:45
  "America/Santiago", // changes at local midnight, so a misplaced change moves the date
] as const;

const FROM = Date.UTC(2000, 0, 1);
const TO = Date.UTC(2040, 11, 31, 23, 59, 59, 999);
const MS_PER_DAY = 86_400_000;

const instant = fc.integer({ min: FROM, max: TO });
// Every offset change of the zones in 2000-2040 (Singapore and Kathmandu have none), found once with
// @date-fns/tz.
const CHANGES = ZONES.flatMap((zone) => offsetChanges(zone, FROM, TO).map((at) => ({ zone, at })));
// Instants within a day and a half of those changes: the change's UTC day and its neighbours, which
// hold the local midnights whose date a wrongly cached offset would move.
const nearChange = fc
  .tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -36 * 3_600_000, max: 36 * 3_600_000 }))
  .map(([{ zone, at }, delta]) => ({ zone, ms: at + delta }));

describe("createLocalDater agrees with localDate", () => {
  it("for arbitrary instants 2000-2040 in every zone", () => {
    const daters = new Map(ZONES.map((zone) => [zone, createLocalDater(zone)]));
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (zone, ms) => {
        expect(daters.get(zone)!(ms)).toBe(localDate(new Date(ms).toISOString(), zone));
      }),
      { numRuns: 5_000 },
    );
  });

  it("finds the offset changes to test against (two a year in Berlin, none in Asia)", () => {
    expect(CHANGES.filter(({ zone }) => zone === "Europe/Berlin")).toHaveLength(82);
    expect(CHANGES.some(({ zone }) => zone === "Asia/Singapore" || zone === "Asia/Kathmandu")).toBe(false);
  });

  it("for instants near offset changes, with a shared dater whose caches fill in random order", () => {
    const daters = new Map(ZONES.map((zone) => [zone, createLocalDater(zone)]));
    fc.assert(
      fc.property(nearChange, ({ zone, ms }) => {
        expect(daters.get(zone)!(ms)).toBe(localDate(new Date(ms).toISOString(), zone));
      }),
      { numRuns: 2_000 },
    );
  });

  it("for a fresh dater fed a random sequence", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.array(instant, { minLength: 1, maxLength: 50 }),
        (zone, list) => {
          const toLocalDay = createLocalDater(zone);
          for (const ms of list) expect(toLocalDay(ms)).toBe(localDate(new Date(ms).toISOString(), zone));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("localDate agrees with an independent oracle", () => {
  // @date-fns/tz reads the offset from Intl's "GMT±hh:mm" text; all five zones use whole minutes
  // after 2000, so offset-shifted UTC date arithmetic gives the local day.
  it("(@date-fns/tz tzOffset) for arbitrary instants 2000-2040", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, (zone, ms) => {
        const shifted = new Date(ms + tzOffset(zone, new Date(ms)) * 60_000);
        expect(localDate(new Date(ms).toISOString(), zone)).toBe(shifted.toISOString().slice(0, 10));
      }),
      { numRuns: 2_000 },
    );
  });

  it("and the written offset of the input never matters, only the instant", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        instant,
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (zone, ms, offsetMinutes) => {
          const text = withOffset(ms - (ms % 1000), offsetMinutes);
          expect(parseTimestamp(text)).toBe(ms - (ms % 1000));
          expect(localDate(text, zone)).toBe(localDate(new Date(ms - (ms % 1000)).toISOString(), zone));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

// Instants in [from, to] at which the zone's UTC offset changes: a daily scan, then bisection to the ms.
function offsetChanges(zone: string, from: number, to: number): number[] {
  const found: number[] = [];
  let previous = tzOffset(zone, new Date(from));
  for (let dayStart = from; dayStart < to; dayStart += MS_PER_DAY) {
    const current = tzOffset(zone, new Date(dayStart + MS_PER_DAY));
    if (current === previous) continue;
    let lo = dayStart;
    let hi = dayStart + MS_PER_DAY;
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (tzOffset(zone, new Date(mid)) === previous) lo = mid;
      else hi = mid;
    }
    found.push(hi);
    previous = current;
  }
  return found;
}

// `ms` written as local wall-clock time at a fixed offset, e.g. "2026-03-08T15:30:00+05:30".
function withOffset(ms: number, offsetMinutes: number): string {
  const wall = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
