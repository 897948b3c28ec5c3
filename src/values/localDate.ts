import * as z from "zod";
import { digitsAt } from "../internal/digits.js";
import { describeInput } from "./decimal.js";
import { KpiContractError } from "./KpiContractError.js";
import type { DateString } from "./period.js";

const MS_PER_DAY = 86_400_000;

// The supported local calendar: 0000-01-01 .. 9999-12-31 (a DateString has a four-digit year).
const MIN_DAY = daysFromCivil(0, 1, 1);
const MAX_DAY = daysFromCivil(9999, 12, 31);
// Instants whose local day could fall in that range under any offset (|offset| < 1 day), with margin.
const MIN_MS = (MIN_DAY - 2) * MS_PER_DAY;
const MAX_MS = (MAX_DAY + 2) * MS_PER_DAY;
// About 270 years of days per dater; a cache is cleared beyond that so odd input cannot grow it.
const DAY_CACHE_LIMIT = 100_000;

// "UTC", "GMT", or Area/Location segments made of a letter then letters, digits, `_`, `+`, `-`
// ("Asia/Singapore", "America/Argentina/Buenos_Aires", "Etc/GMT+8").
const ZONE_NAME_PATTERN = /^(?:UTC|GMT|[A-Z][A-Z0-9_+-]*(?:\/[A-Z][A-Z0-9_+-]*)+)$/i;

// Building an Intl.DateTimeFormat costs tens of microseconds; the instances are immutable, so they
// are memoised per zone name. The cap only guards against unbounded distinct (invalid-case) names.
const FORMATTER_CACHE_LIMIT = 1_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Tells whether a string names a time zone of the IANA database that this runtime knows.
 *
 * Rule: the name must be `"UTC"`, `"GMT"` or an IANA `Area/Location` name (segments of a letter then
 * letters, digits, `_`, `+`, `-`, such as `"Asia/Singapore"` or `"Etc/GMT+8"`), and
 * `Intl.DateTimeFormat` must accept it. Refused: `""`, offsets such as `"+08:00"`, and single-word
 * names such as `"PST"`, `"EST"`, `"CET"` or `"Japan"` (deprecated links or ICU aliases that readers
 * misread: ICU's `"PST"` observes daylight saving time), so a store always names a location. Case
 * follows ECMA-402, which matches names case-insensitively (`"asia/singapore"` is accepted); links
 * such as `"US/Pacific"` are accepted.
 *
 * @param tz - the candidate name
 * @returns true for a usable IANA time zone name
 * @example
 * ```ts
 * isValidTimeZone("America/Los_Angeles"); // true
 * isValidTimeZone("UTC");                 // true
 * isValidTimeZone("+08:00");              // false
 * isValidTimeZone("Mars/Olympus");        // false
 * ```
 */
export function isValidTimeZone(tz: string): boolean {
  return zoneFormatter(tz) !== undefined;
}

/**
 * Zod schema of an IANA time zone name, per {@link isValidTimeZone}; the message names the bad value.
 *
 * @example
 * ```ts
 * timeZoneSchema.parse("Asia/Singapore"); // "Asia/Singapore"
 * timeZoneSchema.safeParse("PST").success; // false
 * ```
 */
export const timeZoneSchema: z.ZodType<string, string> = z
  .string({ error: 'Expected an IANA time zone name such as "America/Los_Angeles"' })
  .refine(isValidTimeZone, { error: (issue) => unknownZoneMessage(issue.input) });

/**
 * Parses an ISO 8601 timestamp that carries its UTC offset into epoch milliseconds, strictly.
 *
 * Accepted form: `YYYY-MM-DDTHH:MM[:SS[.fff…]]` followed by `Z` or an offset `±HH:MM`, `±HHMM` or
 * `±HH` (for example `2026-03-08T09:59:59Z`, `2026-03-01T07:30:00+08:00`, `2026-03-01T07:30:00+0800`,
 * `2026-03-01T07:30:00.123456-03`). `T` and
 * `Z` may be lower case; `,` is accepted as decimal sign; digits beyond milliseconds are truncated
 * (which never moves an instant across a day boundary). The calendar date must exist, hours are
 * 00–23 (no `24:00`), seconds 00–59 (no leap second), offsets up to ±23:59. A timestamp without an
 * offset is refused because its instant is unknown.
 *
 * @param ts - the timestamp text
 * @returns milliseconds since 1970-01-01T00:00:00Z
 * @throws {@link KpiContractError} `timestamp-invalid` (params `{ timestamp }`) for anything else
 * @example
 * ```ts
 * parseTimestamp("1970-01-01T08:00:00+08:00"); // 0
 * parseTimestamp("2026-03-08T10:00:00Z");      // 1772964000000
 * ```
 */
export function parseTimestamp(ts: string): number {
  // A hand-written scanner rather than a regular expression: this runs once per raw row.
  if (typeof ts !== "string" || ts.length < 17) throw malformed(ts);
  const year = digitsAt(ts, 0, 4);
  const month = digitsAt(ts, 5, 2);
  const day = digitsAt(ts, 8, 2);
  const hour = digitsAt(ts, 11, 2);
  const minute = digitsAt(ts, 14, 2);
  const t = ts.charCodeAt(10);
  if (
    (year | month | day | hour | minute) < 0 ||
    ts.charCodeAt(4) !== DASH ||
    ts.charCodeAt(7) !== DASH ||
    (t !== UPPER_T && t !== LOWER_T) ||
    ts.charCodeAt(13) !== COLON
  ) {
    throw malformed(ts);
  }
  let i = 16;
  let second = 0;
  let millis = 0;
  if (ts.charCodeAt(i) === COLON) {
    second = digitsAt(ts, i + 1, 2);
    if (second < 0) throw malformed(ts);
    i += 3;
    const sign = ts.charCodeAt(i);
    if (sign === DOT || sign === COMMA) {
      const fractionStart = ++i;
      while (i < ts.length && i - fractionStart < 9) {
        const digit = ts.charCodeAt(i) - ZERO;
        if (digit < 0 || digit > 9) break;
        // Milliseconds from the first three digits; finer digits are dropped (truncation).
        if (i - fractionStart < 3) millis += digit * MILLI_WEIGHTS[i - fractionStart]!;
        i++;
      }
      if (i === fractionStart) throw malformed(ts);
    }
  }
  let offsetMinutes = 0;
  const zone = ts.charCodeAt(i);
  if (zone === UPPER_Z || zone === LOWER_Z) {
    if (i + 1 !== ts.length) throw malformed(ts);
  } else if (zone === PLUS || zone === MINUS) {
    // ±HH:MM, or ISO 8601's shorter ±HHMM and ±HH (as some platform exports write them).
    const offsetHour = digitsAt(ts, i + 1, 2);
    const rest = ts.length - (i + 3);
    const colon = rest === 3 && ts.charCodeAt(i + 3) === COLON;
    const offsetMinute = rest === 0 ? 0 : digitsAt(ts, colon ? i + 4 : i + 3, 2);
    if ((offsetHour | offsetMinute) < 0 || !(rest === 0 || rest === 2 || colon)) throw malformed(ts);
    if (offsetHour > 23 || offsetMinute > 59) throw invalidTimestamp(ts, "the UTC offset does not exist");
    offsetMinutes = (zone === MINUS ? -1 : 1) * (offsetHour * 60 + offsetMinute);
  } else {
    throw malformed(ts);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw invalidTimestamp(ts, "the date does not exist");
  }
  if (hour > 23 || minute > 59 || second > 59) throw invalidTimestamp(ts, "the time of day does not exist");
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    millis
  );
}

const MILLI_WEIGHTS: readonly number[] = [100, 10, 1];
const ZERO = 48;
const DASH = 45;
const COLON = 58;
const DOT = 46;
const COMMA = 44;
const PLUS = 43;
const MINUS = 45;
const UPPER_T = 84;
const LOWER_T = 116;
const UPPER_Z = 90;
const LOWER_Z = 122;

function malformed(ts: unknown): KpiContractError {
  return invalidTimestamp(ts, "expected YYYY-MM-DDTHH:MM:SS with Z or a ±HH:MM, ±HHMM or ±HH offset");
}

/**
 * Returns the calendar day, in a time zone, on which an ISO 8601 timestamp with offset falls.
 *
 * Exact and locale-independent: the timestamp is parsed by {@link parseTimestamp}; the zone's UTC
 * offset at that instant comes from the runtime's IANA data through numeric `Intl` parts. For many
 * rows in one zone use {@link createLocalDater}, which gives the same answers much faster.
 *
 * @param timestamp - ISO 8601 timestamp with `Z` or `±HH:MM`
 * @param timeZone - IANA time zone name, such as `"America/Los_Angeles"`
 * @returns the local date `YYYY-MM-DD`
 * @throws {@link KpiContractError} `timezone-unknown` (params `{ timeZone }`) for a zone
 *   {@link isValidTimeZone} refuses; `timestamp-invalid` (params `{ timestamp }`) for a timestamp
 *   {@link parseTimestamp} refuses or whose local day lies outside years 0000–9999
 * @example
 * ```ts
 * localDate("2026-04-01T06:59:59Z", "America/Los_Angeles"); // "2026-03-31" (23:59:59 PDT)
 * localDate("2026-02-28T16:00:00Z", "Asia/Singapore");      // "2026-03-01" (00:00 SGT)
 * ```
 */
export function localDate(timestamp: string, timeZone: string): DateString {
  const formatter = requireZone(timeZone);
  const ms = parseTimestamp(timestamp);
  return dayLabel(Math.floor((ms + offsetAt(formatter, ms)) / MS_PER_DAY), timestamp);
}

/**
 * Creates a fast function that maps epoch milliseconds to local dates in one time zone, for placing
 * millions of rows.
 *
 * Rule: the zone's offset is looked up once per UTC day and cached. When the offsets at the start of a
 * UTC day and of the next day differ, the instants where the offset changes are found by bisection to
 * the millisecond and cached with the day, so days with a DST change are exact too. The one assumption
 * is that a zone never changes its offset and changes it back within a single UTC day (real changes
 * are weeks or months apart). Date labels are cached per local day. A row therefore costs a couple
 * of map look-ups; `Intl` runs about twice per distinct UTC day (plus some 30 times per offset change).
 * Answers equal {@link localDate}'s. Each dater owns its caches; nothing is shared between daters.
 *
 * @param timeZone - IANA time zone name
 * @returns a function from epoch milliseconds (fractions are floored) to the local date `YYYY-MM-DD`,
 *   which throws {@link KpiContractError} `timestamp-invalid` (params `{ timestamp }`) for a
 *   non-finite number or a local day outside years 0000–9999
 * @throws {@link KpiContractError} `timezone-unknown` (params `{ timeZone }`) for an unknown zone
 * @example
 * ```ts
 * const toLocalDay = createLocalDater("Europe/Berlin");
 * toLocalDay(parseTimestamp("2026-01-31T23:30:00Z")); // "2026-02-01" (00:30 CET)
 * ```
 */
export function createLocalDater(timeZone: string): (epochMs: number) => DateString {
  const formatter = requireZone(timeZone);
  const byUtcDay = new Map<number, DayOffsets>();
  const labels = new Map<number, DateString>();
  let lastUtcDay = Number.NaN;
  let lastOffsets: DayOffsets = 0;
  let lastLocalDay = Number.NaN;
  let lastLabel = "";

  return (epochMs: number): DateString => {
    if (typeof epochMs !== "number" || !(epochMs >= MIN_MS && epochMs <= MAX_MS)) {
      throw invalidTimestamp(epochMs, "expected milliseconds of an instant within the years 0000-9999");
    }
    const ms = Math.floor(epochMs);
    const utcDay = Math.floor(ms / MS_PER_DAY);
    if (utcDay !== lastUtcDay) {
      let offsets = byUtcDay.get(utcDay);
      if (offsets === undefined) {
        if (byUtcDay.size >= DAY_CACHE_LIMIT) byUtcDay.clear();
        offsets = dayOffsets(formatter, utcDay * MS_PER_DAY);
        byUtcDay.set(utcDay, offsets);
      }
      lastUtcDay = utcDay;
      lastOffsets = offsets;
    }
    const offset = typeof lastOffsets === "number" ? lastOffsets : offsetWithin(lastOffsets, ms);
    const localDay = Math.floor((ms + offset) / MS_PER_DAY);
    if (localDay !== lastLocalDay) {
      let label = labels.get(localDay);
      if (label === undefined) {
        if (labels.size >= DAY_CACHE_LIMIT) labels.clear();
        label = dayLabel(localDay, epochMs);
        labels.set(localDay, label);
      }
      lastLocalDay = localDay;
      lastLabel = label;
    }
    return lastLabel;
  };
}

/**
 * The UTC offsets (ms) in force during one UTC day: one number when constant, else the offset at the
 * day's start and the instants (ascending) from which each following offset applies.
 */
type DayOffsets = number | { readonly from: readonly number[]; readonly offsets: readonly number[] };

function dayOffsets(formatter: Intl.DateTimeFormat, dayStart: number): DayOffsets {
  const dayEnd = dayStart + MS_PER_DAY;
  const first = offsetAt(formatter, dayStart);
  const last = offsetAt(formatter, dayEnd);
  if (first === last) return first;
  const from: number[] = [];
  const offsets: number[] = [first];
  findChanges(formatter, dayStart, first, dayEnd, last, from, offsets);
  return { from, offsets };
}

// Appends, in order, every instant in (lo, hi] where the offset changes, assuming a sub-interval whose
// ends share an offset has no change inside it.
function findChanges(
  formatter: Intl.DateTimeFormat,
  lo: number,
  loOffset: number,
  hi: number,
  hiOffset: number,
  from: number[],
  offsets: number[],
): void {
  if (loOffset === hiOffset) return;
  if (hi - lo === 1) {
    from.push(hi);
    offsets.push(hiOffset);
    return;
  }
  const mid = lo + Math.floor((hi - lo) / 2);
  const midOffset = offsetAt(formatter, mid);
  findChanges(formatter, lo, loOffset, mid, midOffset, from, offsets);
  findChanges(formatter, mid, midOffset, hi, hiOffset, from, offsets);
}

function offsetWithin(day: Exclude<DayOffsets, number>, ms: number): number {
  let i = 0;
  while (i < day.from.length && ms >= day.from[i]!) i++;
  return day.offsets[i]!;
}

/**
 * UTC offset in milliseconds of a zone at an instant: the zone's wall-clock reading taken as if it
 * were UTC, minus the instant (both at whole seconds; IANA offsets are whole seconds).
 */
function offsetAt(formatter: Intl.DateTimeFormat, ms: number): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let beforeCommonEra = false;
  for (const part of formatter.formatToParts(ms)) {
    switch (part.type) {
      case "year":
        year = Number(part.value);
        break;
      case "month":
        month = Number(part.value);
        break;
      case "day":
        day = Number(part.value);
        break;
      case "hour":
        // Some engines have written midnight as 24 despite h23.
        hour = Number(part.value) % 24;
        break;
      case "minute":
        minute = Number(part.value);
        break;
      case "second":
        second = Number(part.value);
        break;
      case "era":
        beforeCommonEra = part.value === "BC";
        break;
      default:
        break;
    }
  }
  if (beforeCommonEra) year = 1 - year;
  const wallClock =
    daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
  return wallClock - (ms - mod(ms, 1000));
}

function zoneFormatter(tz: string): Intl.DateTimeFormat | undefined {
  if (typeof tz !== "string") return undefined;
  const cached = formatters.get(tz);
  if (cached !== undefined) return cached;
  if (!ZONE_NAME_PATTERN.test(tz)) return undefined;
  let formatter: Intl.DateTimeFormat;
  try {
    // Numeric parts in a fixed locale, Latin digits and the proleptic Gregorian calendar: no output
    // here depends on the host's locale settings.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      calendar: "gregory",
      numberingSystem: "latn",
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    return undefined;
  }
  if (formatters.size >= FORMATTER_CACHE_LIMIT) formatters.clear();
  formatters.set(tz, formatter);
  return formatter;
}

function requireZone(timeZone: string): Intl.DateTimeFormat {
  const formatter = zoneFormatter(timeZone);
  if (formatter === undefined) {
    throw new KpiContractError("timezone-unknown", unknownZoneMessage(timeZone), { timeZone });
  }
  return formatter;
}

function unknownZoneMessage(tz: unknown): string {
  return `Unknown time zone ${describeInput(tz)}: use an IANA time zone name such as "America/Los_Angeles" or "Asia/Singapore"`;
}

function invalidTimestamp(timestamp: unknown, why: string): KpiContractError {
  return new KpiContractError("timestamp-invalid", `Invalid timestamp ${describeInput(timestamp)}: ${why}`, {
    timestamp,
  });
}

function dayLabel(dayNumber: number, timestamp: unknown): DateString {
  if (dayNumber < MIN_DAY || dayNumber > MAX_DAY) {
    throw invalidTimestamp(timestamp, "its local date lies outside the years 0000-9999");
  }
  const [y, m, d] = civilFromDays(dayNumber);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). Plain integer
// arithmetic, so years 0000–0099 are not shifted to 19xx as Date.UTC would.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

// Inverse of daysFromCivil (H. Hinnant's civil_from_days).
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}
