import * as z from "zod";
import { checkArguments } from "../internal/arguments.js";
import { refuse } from "../internal/issues.js";
import { KpiContractError } from "./KpiContractError.js";
import {
  containsDay,
  dateSchema,
  dayNumber,
  daysInMonth,
  fromDayNumber,
  isDateString,
  isPeriodArgument,
  LAST_DAY,
  type Period,
  periodArgumentSchema,
} from "./period.js";

/**
 * A contract's settlement unit: calendar months, calendar quarters (both clipped to the term), or
 * runs of `days` days counted from the term start.
 */
export type Cycle = "monthly" | "quarterly" | { readonly days: number };

/** The longest `{ days }` cycle: ten years. */
const MAX_CYCLE_DAYS = 3660;

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
        .max(MAX_CYCLE_DAYS, { error: `A cycle lasts at most ${MAX_CYCLE_DAYS} days` }),
    }),
  ],
  { error: 'Expected a cycle: "monthly", "quarterly" or { "days": n }' },
);

/** The cheap test of a cycle argument (what {@link cycleSchema} accepts). @internal */
export function isCycle(value: unknown): value is Cycle {
  if (value === "monthly" || value === "quarterly") return true;
  if (typeof value !== "object" || value === null) return false;
  const { days } = value as { days?: unknown };
  return (
    Object.keys(value).length === 1 &&
    typeof days === "number" &&
    Number.isInteger(days) &&
    days >= 1 &&
    days <= MAX_CYCLE_DAYS
  );
}

/** A run of days as inclusive day numbers, so arithmetic never builds an unrepresentable date. */
interface DayRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The calendar cycle a day belongs to, unclipped: the whole month or quarter, or the `{ days }`
 * run counted from `anchor` (forward or backward).
 */
function fullCycleAt(day: number, cycle: Cycle, anchor: number): DayRange {
  if (cycle === "monthly" || cycle === "quarterly") {
    const date = fromDayNumber(day);
    const y = date.slice(0, 4);
    const m = Number(date.slice(5, 7));
    const first = cycle === "monthly" ? m : m - ((m - 1) % 3);
    const last = cycle === "monthly" ? m : first + 2;
    const pad = (n: number) => String(n).padStart(2, "0");
    return {
      start: dayNumber(`${y}-${pad(first)}-01`),
      end: dayNumber(`${y}-${pad(last)}-${pad(daysInMonth(Number(y), last))}`),
    };
  }
  const offset = day - anchor;
  // Floored modulo, so a day before the anchor falls in the run that ends just before it.
  const into = ((offset % cycle.days) + cycle.days) % cycle.days;
  return { start: day - into, end: day - into + cycle.days - 1 };
}

/**
 * A cycle as the cycle helpers take it: one issue `cycle-invalid` at the argument, whatever is
 * wrong inside it.
 */
const cycleArgumentSchema = z.custom<Cycle>(isCycle, {
  message: `Expected a cycle: "monthly", "quarterly" or { "days": n } with n from 1 to ${MAX_CYCLE_DAYS}`,
  params: { code: "cycle-invalid" },
});

/**
 * Refuses a term that is not a valid period or a cycle that is not one, with their paths: a
 * malformed term would otherwise give cycles outside it, and `{ days: -1 }` would never end.
 */
function checkCyclesArguments(term: unknown, cycle: unknown): void {
  checkArguments("cyclesOf", [
    ["term", periodArgumentSchema, term],
    ["cycle", cycleArgumentSchema, cycle],
  ]);
}

/**
 * Lists the cycles of a term: calendar months or quarters clipped to the term (a term from
 * 2026-01-10 has a first cycle 2026-01-10..2026-01-31), or `{ days }` runs counted from the term
 * start, the last one clipped to the term end.
 *
 * @param term - the contract term (or any period)
 * @param cycle - the cycle kind
 * @returns the cycles in order; together they cover the term exactly
 * @throws `KpiContractError` `arguments-invalid` for a term that is not a valid period or a
 *   cycle that is not one, with their paths
 * @example
 * ```ts
 * cyclesOf({ start: "2026-01-10", end: "2026-03-15" }, "monthly");
 * // [{ start: "2026-01-10", end: "2026-01-31" }, { start: "2026-02-01", end: "2026-02-28" },
 * //  { start: "2026-03-01", end: "2026-03-15" }]
 * ```
 */
export function cyclesOf(term: Period, cycle: Cycle): Period[] {
  checkCyclesArguments(term, cycle);
  const cycles: Period[] = [];
  const anchor = dayNumber(term.start);
  const last = dayNumber(term.end);
  // Walks day numbers, not strings: a term ending 9999-12-31 (a common "open-ended" sentinel) must
  // stop there instead of computing the day after it.
  for (let day = anchor; day <= last; ) {
    const end = Math.min(fullCycleAt(day, cycle, anchor).end, last);
    cycles.push({ start: fromDayNumber(day), end: fromDayNumber(end) });
    day = end + 1;
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
 * @throws `KpiContractError` `arguments-invalid` for a period, cycle or anchor that is not one, and
 *   for a period that does not lie inside one cycle (issue code `period-not-in-one-cycle`)
 * @example
 * ```ts
 * cycleProration({ start: "2026-01-10", end: "2026-01-31" }, "monthly"); // days 22, fullDays 31
 * ```
 */
export function cycleProration(period: Period, cycle: Cycle, anchor?: string): CycleProration {
  if (!isPeriodArgument(period) || !isCycle(cycle) || (anchor !== undefined && !isDateString(anchor))) {
    checkArguments("cycleProration", [
      ["period", periodArgumentSchema, period],
      ["cycle", cycleArgumentSchema, cycle],
      ["anchor", dateSchema.optional(), anchor],
    ]);
  }
  anchor ??= period.start;
  const start = dayNumber(period.start);
  const end = dayNumber(period.end);
  const full = fullCycleAt(start, cycle, dayNumber(anchor));
  if (end > full.end) {
    refuse("arguments-invalid", "Invalid cycleProration arguments", [
      {
        code: "period-not-in-one-cycle",
        path: ["period"],
        message: `${period.start}..${period.end} does not lie inside one cycle (the cycle of ${period.start} ends ${fromDayNumber(Math.min(full.end, LAST_DAY))})`,
      },
    ]);
  }
  return {
    days: end - start + 1,
    fullDays: full.end - full.start + 1,
    // A full cycle can run past 9999-12-31 (a term ending on that sentinel): its days are counted,
    // but the period shown stops at the last writable day.
    full: { start: fromDayNumber(full.start), end: fromDayNumber(Math.min(full.end, LAST_DAY)) },
  };
}

/**
 * Finds the cycle of a term that contains a date.
 *
 * @param term - the term
 * @param cycle - the cycle kind
 * @param date - a date inside the term
 * @returns the (clipped) cycle, or undefined when the date is outside the term
 * @throws `KpiContractError` `arguments-invalid` for a term, cycle or date that is not one
 * @example
 * ```ts
 * cycleContaining({ start: "2026-01-01", end: "2026-12-31" }, "quarterly", "2026-05-04");
 * // { start: "2026-04-01", end: "2026-06-30" }
 * ```
 */
export function cycleContaining(term: Period, cycle: Cycle, date: string): Period | undefined {
  if (!isPeriodArgument(term) || !isCycle(cycle) || !isDateString(date)) {
    checkArguments("cycleContaining", [
      ["term", periodArgumentSchema, term],
      ["cycle", cycleArgumentSchema, cycle],
      ["date", dateSchema, date],
    ]);
  }
  if (!containsDay(term, date)) return undefined;
  return onGrid(fullCycleAt(dayNumber(date), cycle, dayNumber(term.start)), term);
}

/**
 * Refuses a period that is not one of `cyclesOf(term, kind)` with `cycle-invalid` at `cycle`, naming
 * the cycle of the term that overlaps it, if any.
 *
 * @internal
 */
export function refuseNotACycle(term: Period, kind: Cycle, cycle: Period): never {
  const near = cyclesOf(term, kind).find((c) => c.start <= cycle.end && cycle.start <= c.end);
  refuse("cycle-invalid", "Invalid cycle", [
    {
      code: "cycle-invalid",
      path: ["cycle"],
      message: `${cycle.start}..${cycle.end} is not a cycle of the term ${term.start}..${term.end}${near ? ` (the cycle there is ${near.start}..${near.end})` : ""}`,
    },
  ]);
}

/**
 * A whole cycle as a contract's grid holds it: the term's cycle (clipped to the term, as settlement
 * and history records hold it) when it overlaps the term, else the whole cycle (history before the
 * term is kept in whole cycles).
 */
function onGrid(full: DayRange, term: Period): Period {
  const from = dayNumber(term.start);
  const to = dayNumber(term.end);
  const inTerm = full.start <= to && from <= full.end;
  return {
    start: fromDayNumber(inTerm ? Math.max(full.start, from) : full.start),
    end: fromDayNumber(inTerm ? Math.min(full.end, to) : full.end),
  };
}

/**
 * The `count` cycles of the contract's grid just before the cycle that holds `period.start`, oldest
 * first: the `previous-period` comparison of a period of `count` cycles. Before the term they are
 * whole cycles; inside it, the term's cycles (a term starting on 10 January compares February with
 * 10–31 January, and its first, partial cycle with the whole December before it).
 *
 * @internal
 * @param period - the judged period (its start fixes where the comparison ends)
 * @param cycle - the contract's cycle kind
 * @param term - the contract's term (its start anchors `{ days }` runs; its cycles are clipped)
 * @param count - how many cycles the comparison covers (at least 1)
 * @returns the cycles, oldest first
 * @throws `KpiContractError` `date-out-of-range` before 0000-01-01
 */
export function cyclesBefore(period: Period, cycle: Cycle, term: Period, count: number): Period[] {
  const from = dayNumber(term.start);
  let next = fullCycleAt(dayNumber(period.start), cycle, from).start;
  const out: Period[] = [];
  for (let i = 0; i < count; i++) {
    const full = fullCycleAt(next - 1, cycle, from);
    out.unshift(onGrid(full, term));
    next = full.start;
  }
  return out;
}

/**
 * The cycle of the contract's grid a year before a judged cycle, for the `same-period-last-year`
 * comparison: the grid cycle (whole before the term, the term's own inside it) that holds the
 * judged cycle's first day a year earlier, month and day kept (29 February becoming the 28th).
 * March 2026 maps to March 2025, a term's partial first month to the whole month a year earlier, a
 * `{ days }` run to the run that holds the same date a year before.
 *
 * @internal
 * @param period - the judged cycle
 * @param cycle - the contract's cycle kind
 * @param term - the contract's term
 * @returns the comparison cycle
 * @throws `KpiContractError` `date-out-of-range` before year 0000
 */
export function cycleYearEarlier(period: Period, cycle: Cycle, term: Period): Period {
  const date = period.start;
  const year = Number(date.slice(0, 4)) - 1;
  if (year < 0) {
    throw new KpiContractError("date-out-of-range", `${date} has no date a year earlier`, { date });
  }
  const month = Number(date.slice(5, 7));
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  const shifted = `${String(year).padStart(4, "0")}-${date.slice(5, 7)}-${String(day).padStart(2, "0")}`;
  return onGrid(fullCycleAt(dayNumber(shifted), cycle, dayNumber(term.start)), term);
}
