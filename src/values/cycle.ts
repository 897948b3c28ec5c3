import { z } from "zod";
import { addDays, daysInMonth, daysInPeriod, type Period, periodContains } from "./period.js";

/**
 * A contract's settlement unit: calendar months, calendar quarters (both clipped to the term), or
 * runs of `days` days counted from the term start.
 */
export type Cycle = "monthly" | "quarterly" | { readonly days: number };

/**
 * Zod schema of a cycle: `"monthly"`, `"quarterly"` or `{ "days": n }` with n a whole number ≥ 1.
 *
 * @example
 * ```ts
 * cycleSchema.parse({ days: 14 });
 * ```
 */
export const cycleSchema: z.ZodType<Cycle> = z.union(
  [
    z.literal("monthly"),
    z.literal("quarterly"),
    z.strictObject({
      days: z
        .number({ error: "Expected a whole number of days" })
        .int({ error: "Expected a whole number of days" })
        .min(1, { error: "A cycle lasts at least 1 day" })
        .max(3660, { error: "A cycle lasts at most 3660 days" }),
    }),
  ],
  { error: 'Expected a cycle: "monthly", "quarterly" or { "days": n }' },
);

/**
 * The calendar cycle a day belongs to, unclipped: the whole month or quarter, or the `{ days }`
 * run counted from `anchor`.
 */
function fullCycleAt(date: string, cycle: Cycle, anchor: string): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const pad = (n: number) => String(n).padStart(2, "0");
  if (cycle === "monthly") {
    return { start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(daysInMonth(y, m))}` };
  }
  if (cycle === "quarterly") {
    const first = m - ((m - 1) % 3);
    const last = first + 2;
    return { start: `${y}-${pad(first)}-01`, end: `${y}-${pad(last)}-${pad(daysInMonth(y, last))}` };
  }
  const offset = daysInPeriod({ start: anchor, end: date }) - 1;
  const start = addDays(anchor, offset - (offset % cycle.days));
  return { start, end: addDays(start, cycle.days - 1) };
}

/**
 * Lists the cycles of a term: calendar months or quarters clipped to the term (a term from
 * 2026-01-10 has a first cycle 2026-01-10..2026-01-31), or `{ days }` runs counted from the term
 * start, the last one clipped to the term end.
 *
 * @param term - the contract term (or any period)
 * @param cycle - the cycle kind
 * @returns the cycles in order; together they cover the term exactly
 * @example
 * ```ts
 * cyclesOf({ start: "2026-01-10", end: "2026-03-15" }, "monthly");
 * // [{ start: "2026-01-10", end: "2026-01-31" }, { start: "2026-02-01", end: "2026-02-28" },
 * //  { start: "2026-03-01", end: "2026-03-15" }]
 * ```
 */
export function cyclesOf(term: Period, cycle: Cycle): Period[] {
  const cycles: Period[] = [];
  let day = term.start;
  while (day <= term.end) {
    const full = fullCycleAt(day, cycle, term.start);
    const end = full.end < term.end ? full.end : term.end;
    cycles.push({ start: day, end });
    day = addDays(end, 1);
  }
  return cycles;
}

/**
 * The proration of a (possibly partial) cycle: its own days `d` over the days `D` of the full
 * calendar cycle it belongs to (`D = n` for `{ days: n }` cycles counted from `anchor`).
 */
export interface CycleProration {
  /** Days of the settled cycle, inclusive. */
  readonly days: number;
  /** Days of the full cycle it belongs to. */
  readonly fullDays: number;
  /** The full (unclipped) cycle. */
  readonly full: Period;
}

/**
 * Computes the proration days of a settled cycle (SPEC §6.4): the factor is `days ÷ fullDays`.
 *
 * @param period - the settled cycle, one of `cyclesOf(term, cycle)`
 * @param cycle - the cycle kind
 * @param anchor - the term start (where `{ days }` cycles are counted from); defaults to `period.start`
 * @returns `{ days, fullDays, full }`
 * @throws RangeError when the period does not lie inside one cycle
 * @example
 * ```ts
 * cycleProration({ start: "2026-01-10", end: "2026-01-31" }, "monthly"); // days 22, fullDays 31
 * ```
 */
export function cycleProration(period: Period, cycle: Cycle, anchor: string = period.start): CycleProration {
  const full = fullCycleAt(period.start, cycle, anchor);
  if (!periodContains(full, period.end) || period.start < full.start) {
    throw new RangeError(`${period.start}..${period.end} does not lie inside one cycle`);
  }
  return { days: daysInPeriod(period), fullDays: daysInPeriod(full), full };
}

/**
 * Finds the cycle of a term that contains a date.
 *
 * @param term - the term
 * @param cycle - the cycle kind
 * @param date - a date inside the term
 * @returns the (clipped) cycle, or undefined when the date is outside the term
 * @example
 * ```ts
 * cycleContaining({ start: "2026-01-01", end: "2026-12-31" }, "quarterly", "2026-05-04");
 * // { start: "2026-04-01", end: "2026-06-30" }
 * ```
 */
export function cycleContaining(term: Period, cycle: Cycle, date: string): Period | undefined {
  if (!periodContains(term, date)) return undefined;
  const full = fullCycleAt(date, cycle, term.start);
  return {
    start: full.start > term.start ? full.start : term.start,
    end: full.end < term.end ? full.end : term.end,
  };
}
