import * as z from "zod";
import { D, type Dec, formatDecimal, quotient } from "../internal/decimal.js";
import { type ReviewRow, reviewRowSchema } from "../records/reviewRowSchema.js";
import { decimalSchema } from "../values/decimal.js";
import type { SafeResult, ValidationIssue } from "../values/KpiContractError.js";
import { addDays, containsDay, dayCount } from "../values/period.js";
import type { ReviewBurstSignal, SignalOptions } from "./AnomalySignal.js";
import {
  baseOptionsShape,
  parseRows,
  parseSignalOptions,
  refuseRows,
  safely,
  sortSignals,
  storeContexts,
} from "./internal/signalInput.js";

/** The rows `reviewBurst` reads. */
export interface ReviewBurstRows {
  /** Review rows (`reviewRowSchema`, SPEC §10). */
  readonly reviews: readonly unknown[];
}

/** Options of {@link reviewBurst}. */
export interface ReviewBurstOptions extends SignalOptions {
  /** Trigger: a day's reviews above k × the median day (default 5). */
  readonly k?: string | number;
  /** A day needs at least this many reviews to be a burst (default 10). */
  readonly minReviews?: number;
}

/** Longest period examined (days): the median needs a count per day. */
const MAX_DAYS = 3660;

const optionsSchema = z
  .strictObject({
    ...baseOptionsShape,
    k: decimalSchema.refine((k) => new D(k).gt(0), { error: "Expected k above zero" }).default("5"),
    minReviews: z.number().int().min(1, { error: "minReviews is a whole number of 1 or more" }).default(10),
  })
  .refine((o) => dayCount(o.period) <= MAX_DAYS, {
    path: ["period"],
    error: `A review burst is looked for in at most ${MAX_DAYS} days`,
  });

/** The median of counts: the middle one, or the mean of the two middle ones. */
function median(counts: readonly number[]): Dec {
  const sorted = [...counts].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return new D(sorted[mid] as number);
  return quotient((sorted[mid - 1] as number) + (sorted[mid] as number), 2);
}

function message(locale: string | undefined, store: string, p: ReviewBurstSignal["params"]): string {
  return locale === "zh-CN"
    ? `店铺 ${store} 在 ${p.date} 收到 ${p.reviews} 条评价，超过期间日中位数 ${p.median} 的 ${p.k} 倍。`
    : `Store ${store} received ${p.reviews} reviews on ${p.date}, more than ${p.k} × the median day of the period (${p.median}).`;
}

/**
 * Flags days with a burst of reviews (`review-burst`): a sign of bought or incentivised reviews.
 *
 * Rule: per store, reviews are counted per local day (`createdAt` in the store's time zone) over
 * every day of `period`, days without reviews counting as 0; the median is taken over all those
 * days (the mean of the two middle counts for an even number of days). A day is a burst when its
 * count is at least `minReviews` (default 10) and more than `k` × the median (default 5); `alert`
 * when it is also at least twice `minReviews` and more than 2k × the median. A repeated review
 * (same `reviewId`) is counted once. Stores without reviews give no signal.
 *
 * @param rows - `{ reviews }`
 * @param options - `stores`, `period` (at most 3,660 days), `k?`, `minReviews?`, `locale?`
 * @returns one signal per burst day (its `period` is that day), ordered by store (as listed) then day
 * @throws {@link KpiContractError} `options-invalid`; `input-invalid` listing every bad row
 * @example
 * ```ts
 * const signals = reviewBurst({ reviews }, {
 *   stores: [{ id: "us", currency: "USD", timeZone: "America/Los_Angeles" }],
 *   period: { start: "2026-03-01", end: "2026-03-31" },
 * });
 * signals.map((s) => [s.params.date, s.params.reviews]); // [["2026-03-14", 40]]
 * ```
 */
export function reviewBurst(rows: ReviewBurstRows, options: ReviewBurstOptions): ReviewBurstSignal[] {
  const opts = parseSignalOptions(optionsSchema, options);
  const stores = storeContexts(opts.stores);
  const issues: ValidationIssue[] = [];
  const placed = parseRows<ReviewRow>("reviews", rows?.reviews, reviewRowSchema, stores, () => [], issues);
  refuseRows(issues);

  const perStore = new Map<string, Map<string, number>>();
  const seen = new Set<string>();
  for (const { row, ctx } of placed) {
    const id = `${row.store}\u0000${row.reviewId}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const day = ctx.day(row.createdAt);
    if (!containsDay(opts.period, day)) continue;
    let days = perStore.get(row.store);
    if (days === undefined) {
      days = new Map();
      perStore.set(row.store, days);
    }
    days.set(day, (days.get(day) ?? 0) + 1);
  }

  const periodDays = dayCount(opts.period);
  const allDays = Array.from({ length: periodDays }, (_, i) => addDays(opts.period.start, i));
  const k = new D(opts.k);
  const signals: ReviewBurstSignal[] = [];
  for (const [store, days] of perStore) {
    const med = median(allDays.map((d) => days.get(d) ?? 0));
    const limit = k.times(med);
    for (const date of allDays) {
      const reviews = days.get(date) ?? 0;
      if (reviews < opts.minReviews || !new D(reviews).gt(limit)) continue;
      const params: ReviewBurstSignal["params"] = {
        date,
        reviews,
        median: formatDecimal(med),
        k: formatDecimal(k),
        minReviews: opts.minReviews,
        days: periodDays,
      };
      const strong = reviews >= 2 * opts.minReviews && new D(reviews).gt(limit.times(2));
      signals.push({
        signal: "review-burst",
        severity: strong ? "alert" : "warning",
        store,
        period: { start: date, end: date },
        params,
        message: message(opts.locale, store, params),
      });
    }
  }
  return sortSignals(signals, stores);
}

/**
 * Computes {@link reviewBurst} but returns the refusal instead of throwing it.
 *
 * @param rows - `{ reviews }`
 * @param options - as for {@link reviewBurst}
 * @returns `{ success: true, data: signals }` or `{ success: false, error }`
 * @throws only errors that are not a `KpiContractError` (a bug)
 * @example
 * ```ts
 * const result = safeReviewBurst({ reviews }, { ...options, k: 0 });
 * if (!result.success) console.log(result.error.code); // "options-invalid"
 * ```
 */
export function safeReviewBurst(
  rows: ReviewBurstRows,
  options: ReviewBurstOptions,
): SafeResult<ReviewBurstSignal[]> {
  return safely(() => reviewBurst(rows, options));
}
