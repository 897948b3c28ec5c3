import * as z from "zod";
import { D, type Dec, formatDecimal, quotient, ZERO } from "../internal/decimal.js";
import type { SafeResult, ValidationIssue } from "../values/KpiContractError.js";
import type { Period } from "../values/period.js";
import { ratioSchema } from "../values/ratio.js";
import { formatMoney } from "../values/rounding.js";
import type { BuyerConcentrationSignal, ConcentrationLeader, CycleSignalOptions } from "./AnomalySignal.js";
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

/** The rows `buyerConcentration` reads. */
export interface BuyerConcentrationRows {
  /** Order rows (`signalOrderRowSchema`) carrying `buyerId` and/or `addressHash`. */
  readonly orders: readonly unknown[];
}

/** Options of {@link buyerConcentration}. */
export interface BuyerConcentrationOptions extends CycleSignalOptions {
  /** How many leading buyers (or addresses) are summed (default 5). */
  readonly top?: number;
  /** Trigger: their part of the orders or of the gross above this, a fraction or a percent (default `"20%"`). */
  readonly threshold?: string | number;
  /** Windows with fewer orders are not judged (default 50): a few orders always look concentrated. */
  readonly minOrders?: number;
}

const optionsSchema = z.strictObject({
  ...cycleOptionsShape,
  top: z.number().int().min(1, { error: "top is a whole number of 1 or more" }).max(1000).default(5),
  threshold: ratioSchema
    .refine((r) => new D(r).gt(0) && new D(r).lt(1), { error: "Expected a threshold between 0 and 1" })
    .default("0.2"),
  minOrders: z.number().int().min(1, { error: "minOrders is a whole number of 1 or more" }).default(50),
});

const KEYS = ["buyerId", "addressHash"] as const;

interface Order {
  readonly store: string;
  readonly window: number;
  sold: boolean;
  gross: Dec;
  buyerId?: string;
  addressHash?: string;
}

interface Group {
  readonly key: string;
  orders: number;
  gross: Dec;
}

// Ties last on the key, and the keys of a window's groups are distinct: never equal.
const cmp = (a: string, b: string) => (a < b ? -1 : 1);

function message(
  locale: string | undefined,
  store: string,
  window: Period,
  p: BuyerConcentrationSignal["params"],
): string {
  const pct = (r: string) => formatDecimal(new D(r).times(100).toDecimalPlaces(1));
  const limit = formatDecimal(new D(p.threshold).times(100));
  if (locale === "zh-CN") {
    const what = p.by === "buyerId" ? "买家" : "收货地址";
    return `店铺 ${store} 在 ${window.start}..${window.end}：前 ${p.top} 个${what}占 ${p.orders} 个订单的 ${pct(p.ordersShare)}%、销售额 ${p.gross} ${p.currency} 的 ${pct(p.grossShare)}%，超过 ${limit}%。`;
  }
  const what = p.by === "buyerId" ? "buyers" : "shipping addresses";
  return `At store ${store} in ${window.start}..${window.end} the top ${p.top} ${what} hold ${pct(p.ordersShare)}% of ${p.orders} orders and ${pct(p.grossShare)}% of the gross ${p.gross} ${p.currency}, above ${limit}%.`;
}

/**
 * Flags orders concentrated on a few buyers or shipping addresses (`buyer-concentration`): a sign of
 * orders placed by the agency itself, or by a ring of accounts, to inflate sales.
 *
 * Rule: per store and window (each cycle of `period`, or the whole period without `cycle`), the
 * orders are those placed in it (local purchase day of the order's first line) with at least one
 * line not cancelled; an order's gross is Σ `itemPrice` of those lines, and its key the first
 * `buyerId` (then, separately, `addressHash`) its rows carry. For each column that some order of
 * the window carries, the keys are ranked by orders (ties: gross, then key) and by gross (ties:
 * orders, then key); the signal fires when the top `top` keys (default 5) hold more than
 * `threshold` (default 20%) of all the window's orders, or of its gross; `alert` above twice the
 * threshold. Orders without the column count in the whole but belong to no key. Windows with fewer
 * than `minOrders` orders (default 50) are not judged. A repeated order line (same `orderId` +
 * `sku`) is counted once.
 *
 * @param rows - `{ orders }`
 * @param options - `stores`, `period`, `cycle?`, `top?`, `threshold?`, `minOrders?`, `locale?`
 * @returns the signals, ordered by store (as listed), window, then column (`addressHash` before `buyerId`)
 * @throws {@link KpiContractError} `options-invalid`; `input-invalid` listing every bad row
 * @example
 * ```ts
 * const signals = buyerConcentration({ orders }, {
 *   stores: [{ id: "us", currency: "USD", timeZone: "America/Los_Angeles" }],
 *   period: { start: "2026-03-01", end: "2026-03-31" },
 * });
 * signals[0]?.params.leaders; // [{ key: "B-1", orders: 30, gross: "600.00" }, …]
 * ```
 */
export function buyerConcentration(
  rows: BuyerConcentrationRows,
  options: BuyerConcentrationOptions,
): BuyerConcentrationSignal[] {
  const opts = parseSignalOptions(optionsSchema, options);
  const stores = storeContexts(opts.stores);
  const windows = windowsOf(opts.period, opts.cycle);
  const issues: ValidationIssue[] = [];
  const placed = parseRows<SignalOrderRow>(
    "orders",
    rows?.orders,
    signalOrderRowSchema,
    stores,
    (r) => [["itemPrice", r.itemPrice]],
    issues,
  );
  refuseRows(issues);

  const orders = new Map<string, Order>();
  const lines = new Set<string>();
  for (const { row, ctx } of placed) {
    if (row.sku !== undefined) {
      const line = `${row.store}\u0000${row.orderId}\u0000${row.sku}`;
      if (lines.has(line)) continue;
      lines.add(line);
    }
    const id = `${row.store}\u0000${row.orderId}`;
    let order = orders.get(id);
    if (order === undefined) {
      order = {
        store: row.store,
        window: windowIndex(windows, ctx.day(row.purchasedAt)),
        sold: false,
        gross: ZERO,
      };
      orders.set(id, order);
    }
    if (order.buyerId === undefined && row.buyerId !== undefined) order.buyerId = row.buyerId;
    if (order.addressHash === undefined && row.addressHash !== undefined) order.addressHash = row.addressHash;
    if (row.status !== "cancelled") {
      order.sold = true;
      order.gross = order.gross.plus(row.itemPrice);
    }
  }

  // The sold orders of each store and window.
  const byWindow = new Map<string, Order[]>();
  for (const order of orders.values()) {
    if (order.window < 0 || !order.sold) continue;
    const key = `${order.store}\u0000${order.window}`;
    const list = byWindow.get(key);
    if (list === undefined) byWindow.set(key, [order]);
    else list.push(order);
  }

  const threshold = new D(opts.threshold);
  const signals: BuyerConcentrationSignal[] = [];
  for (const [key, list] of byWindow) {
    if (list.length < opts.minOrders) continue;
    const [store, w] = key.split("\u0000") as [string, string];
    // parseRows placed only rows of a known store.
    const currency = stores.get(store)!.store.currency;
    const window = windows[Number(w)] as Period;
    const gross = list.reduce((sum, o) => sum.plus(o.gross), ZERO);
    for (const by of KEYS) {
      const groups = new Map<string, Group>();
      let withKey = 0;
      for (const o of list) {
        const k = o[by];
        if (k === undefined) continue;
        withKey += 1;
        const g = groups.get(k);
        if (g === undefined) groups.set(k, { key: k, orders: 1, gross: o.gross });
        else {
          g.orders += 1;
          g.gross = g.gross.plus(o.gross);
        }
      }
      if (withKey === 0) continue;
      const all = [...groups.values()];
      const byOrders = [...all]
        .sort((a, b) => b.orders - a.orders || b.gross.comparedTo(a.gross) || cmp(a.key, b.key))
        .slice(0, opts.top);
      const byGross = [...all]
        .sort((a, b) => b.gross.comparedTo(a.gross) || b.orders - a.orders || cmp(a.key, b.key))
        .slice(0, opts.top);
      const topOrders = byOrders.reduce((n, g) => n + g.orders, 0);
      const topGross = byGross.reduce((sum, g) => sum.plus(g.gross), ZERO);
      const ordersShare = quotient(topOrders, list.length);
      const grossShare = gross.isZero() ? ZERO : quotient(topGross, gross);
      const share = ordersShare.gt(grossShare) ? ordersShare : grossShare;
      if (!share.gt(threshold)) continue;
      const leaders: ConcentrationLeader[] = byOrders.map((g) => ({
        key: g.key,
        orders: g.orders,
        gross: formatMoney(g.gross, currency),
      }));
      const params: BuyerConcentrationSignal["params"] = {
        by,
        top: opts.top,
        threshold: opts.threshold,
        currency,
        orders: list.length,
        ordersWithKey: withKey,
        distinctKeys: groups.size,
        topOrders,
        ordersShare: formatDecimal(ordersShare),
        gross: formatMoney(gross, currency),
        topGross: formatMoney(topGross, currency),
        grossShare: formatDecimal(grossShare),
        leaders,
      };
      signals.push({
        signal: "buyer-concentration",
        severity: share.gt(threshold.times(2)) ? "alert" : "warning",
        store,
        period: { start: window.start, end: window.end },
        params,
        message: message(opts.locale, store, window, params),
      });
    }
  }
  return sortSignals(signals, stores);
}

/**
 * Computes {@link buyerConcentration} but returns the refusal instead of throwing it.
 *
 * @param rows - `{ orders }`
 * @param options - as for {@link buyerConcentration}
 * @returns `{ success: true, data: signals }` or `{ success: false, error }`
 * @throws only errors that are not a `KpiContractError` (a bug)
 * @example
 * ```ts
 * const result = safeBuyerConcentration({ orders }, options);
 * if (!result.success) console.log(result.error.code); // "input-invalid"
 * ```
 */
export function safeBuyerConcentration(
  rows: BuyerConcentrationRows,
  options: BuyerConcentrationOptions,
): SafeResult<BuyerConcentrationSignal[]> {
  return safely(() => buyerConcentration(rows, options));
}
