import * as z from "zod";
import { D, type Dec, formatDecimal, quotient, ZERO } from "../internal/decimal.js";
import { type RefundRow, refundRowSchema } from "../records/refundRowSchema.js";
import type { SafeResult, ValidationIssue } from "../values/KpiContractError.js";
import type { Period } from "../values/period.js";
import { ratioSchema } from "../values/ratio.js";
import { formatMoney } from "../values/rounding.js";
import type { CycleSignalOptions, RefundCohortJumpSignal } from "./AnomalySignal.js";
import {
  cycleOptionsShape,
  parseRows,
  parseSignalOptions,
  refuseRows,
  safely,
  sortSignals,
  storeContexts,
  windowIndex,
  windowsOf,
} from "./internal/signalInput.js";
import { type SignalOrderRow, signalOrderRowSchema } from "./signalOrderRowSchema.js";

/** The rows `refundCohortJump` reads. */
export interface RefundCohortJumpRows {
  /** Order rows (`signalOrderRowSchema`; SPEC §10 order lines fit). */
  readonly orders: readonly unknown[];
  /** Refund rows (`refundRowSchema`, SPEC §10). */
  readonly refunds: readonly unknown[];
}

/** Options of {@link refundCohortJump}. */
export interface RefundCohortJumpOptions extends CycleSignalOptions {
  /** Trigger: late refunds above this part of the cohort's gross, a fraction or a percent (default `"10%"`). */
  readonly threshold?: string | number;
}

const optionsSchema = z.strictObject({
  ...cycleOptionsShape,
  threshold: ratioSchema
    .refine((r) => new D(r).gt(0), { error: "Expected a threshold above zero" })
    .default("0.1"),
});

interface Cohort {
  orders: number;
  gross: Dec;
  late: Dec;
  lateCount: number;
  inCycle: Dec;
}

function message(
  locale: string | undefined,
  store: string,
  window: Period,
  p: RefundCohortJumpSignal["params"],
): string {
  const pct = formatDecimal(new D(p.ratio).times(100).toDecimalPlaces(1));
  const limit = formatDecimal(new D(p.threshold).times(100));
  return locale === "zh-CN"
    ? `店铺 ${store} 在 ${window.start}..${window.end} 下单的 ${p.orders} 个订单（销售额 ${p.gross} ${p.currency}）在周期结束后又退款 ${p.lateRefunds} ${p.currency}（${p.lateRefundCount} 笔），占 ${pct}%，超过 ${limit}%。`
    : `Orders placed at store ${store} in ${window.start}..${window.end} (${p.orders} orders, gross ${p.gross} ${p.currency}) were refunded ${p.lateRefunds} ${p.currency} after the cycle closed (${p.lateRefundCount} refund${p.lateRefundCount === 1 ? "" : "s"}), ${pct}% of their gross, above ${limit}%.`;
}

/**
 * Flags order cohorts whose refunds jump after the cycle closed (`refund-cohort-jump`): a sign that
 * sales were inflated in the cycle that was settled and unwound once it was paid.
 *
 * Rule: the orders of one store placed in one cycle (its local purchase day, the order's first
 * line) form a cohort; its gross is Σ `itemPrice` of its non-cancelled lines. Refunds are matched to
 * the cohort by `orderId` among the order rows of the same store (refunds of orders that are not
 * among the rows cannot be weighed against a known gross and are left out). A refund is late when
 * its local `refundedAt` day is after the cycle's last day. The signal fires when late refunds ÷
 * gross > `threshold` (default 10%); `alert` above twice the threshold. A cohort with no gross gives
 * no signal. A repeated refund (same `refundId`) or order line (same `orderId` + `sku`) is counted
 * once, the first. Cycles split `period` (`{ days }` counted from its start); without `cycle` the
 * whole period is one cohort.
 *
 * @param rows - `{ orders, refunds }`
 * @param options - `stores` (id, currency, timeZone), `period`, `cycle?`, `threshold?`, `locale?`
 * @returns the signals, ordered by store (as listed), cycle, then code
 * @throws {@link KpiContractError} `options-invalid`; `input-invalid` listing every bad row
 *   (schema issues, `store-unknown`, `currency-mismatch`, `amount-too-precise`) with its path
 * @example
 * ```ts
 * const signals = refundCohortJump({ orders, refunds }, {
 *   stores: [{ id: "us", currency: "USD", timeZone: "America/Los_Angeles" }],
 *   period: { start: "2026-01-01", end: "2026-03-31" }, cycle: "monthly",
 * });
 * signals[0]?.params.ratio; // "0.15": 15% of January's gross refunded after January closed
 * ```
 */
export function refundCohortJump(
  rows: RefundCohortJumpRows,
  options: RefundCohortJumpOptions,
): RefundCohortJumpSignal[] {
  const opts = parseSignalOptions(optionsSchema, options);
  const stores = storeContexts(opts.stores);
  const windows = windowsOf(opts.period, opts.cycle);
  const issues: ValidationIssue[] = [];
  const orders = parseRows<SignalOrderRow>(
    "orders",
    rows?.orders,
    signalOrderRowSchema,
    stores,
    (r) => [["itemPrice", r.itemPrice]],
    issues,
  );
  const refunds = parseRows<RefundRow>(
    "refunds",
    rows?.refunds,
    refundRowSchema,
    stores,
    (r) => [["amount", r.amount]],
    issues,
  );
  refuseRows(issues);

  // Each order's window (by its first line) per store, and the cohorts' orders and gross.
  const orderWindow = new Map<string, number>();
  const sold = new Set<string>();
  const lines = new Set<string>();
  const cohorts = new Map<string, Cohort>();
  const cohortOf = (store: string, w: number): Cohort => {
    const key = `${store}\u0000${w}`;
    let c = cohorts.get(key);
    if (c === undefined) {
      c = { orders: 0, gross: ZERO, late: ZERO, lateCount: 0, inCycle: ZERO };
      cohorts.set(key, c);
    }
    return c;
  };
  for (const { row, ctx } of orders) {
    if (row.sku !== undefined) {
      const line = `${row.store}\u0000${row.orderId}\u0000${row.sku}`;
      if (lines.has(line)) continue;
      lines.add(line);
    }
    const order = `${row.store}\u0000${row.orderId}`;
    let w = orderWindow.get(order);
    if (w === undefined) {
      w = windowIndex(windows, ctx.day(row.purchasedAt));
      orderWindow.set(order, w);
    }
    if (w < 0 || row.status === "cancelled") continue;
    const cohort = cohortOf(row.store, w);
    cohort.gross = cohort.gross.plus(row.itemPrice);
    if (!sold.has(order)) {
      sold.add(order);
      cohort.orders += 1;
    }
  }
  const seenRefunds = new Set<string>();
  for (const { row, ctx } of refunds) {
    const id = `${row.store}\u0000${row.refundId}`;
    if (seenRefunds.has(id)) continue;
    seenRefunds.add(id);
    const w = orderWindow.get(`${row.store}\u0000${row.orderId}`);
    if (w === undefined || w < 0) continue;
    const window = windows[w] as Period;
    const cohort = cohortOf(row.store, w);
    if (ctx.day(row.refundedAt) > window.end) {
      cohort.late = cohort.late.plus(row.amount);
      cohort.lateCount += 1;
    } else {
      cohort.inCycle = cohort.inCycle.plus(row.amount);
    }
  }

  const threshold = new D(opts.threshold);
  const signals: RefundCohortJumpSignal[] = [];
  for (const [key, c] of cohorts) {
    if (c.gross.isZero()) continue;
    const ratio = quotient(c.late, c.gross);
    if (!ratio.gt(threshold)) continue;
    const [store, w] = key.split("\u0000") as [string, string];
    // parseRows placed only rows of a known store.
    const currency = stores.get(store)!.store.currency;
    const window = windows[Number(w)] as Period;
    const params: RefundCohortJumpSignal["params"] = {
      currency,
      orders: c.orders,
      gross: formatMoney(c.gross, currency),
      lateRefunds: formatMoney(c.late, currency),
      lateRefundCount: c.lateCount,
      inCycleRefunds: formatMoney(c.inCycle, currency),
      ratio: formatDecimal(ratio),
      threshold: opts.threshold,
    };
    signals.push({
      signal: "refund-cohort-jump",
      severity: ratio.gt(threshold.times(2)) ? "alert" : "warning",
      store,
      period: { start: window.start, end: window.end },
      params,
      message: message(opts.locale, store, window, params),
    });
  }
  return sortSignals(signals, stores);
}

/**
 * Computes {@link refundCohortJump} but returns the refusal instead of throwing it.
 *
 * @param rows - `{ orders, refunds }`
 * @param options - as for {@link refundCohortJump}
 * @returns `{ success: true, data: signals }` or `{ success: false, error }`
 * @throws only errors that are not a `KpiContractError` (a bug)
 * @example
 * ```ts
 * const result = safeRefundCohortJump({ orders, refunds }, options);
 * if (!result.success) console.log(result.error.issues);
 * ```
 */
export function safeRefundCohortJump(
  rows: RefundCohortJumpRows,
  options: RefundCohortJumpOptions,
): SafeResult<RefundCohortJumpSignal[]> {
  return safely(() => refundCohortJump(rows, options));
}
