/**
 * Hand-written readers of raw rows for the per-row path of `aggregateFacts`: each checks a row
 * against exactly the rules of its zod schema, with no allocation, and copies the fields (money as
 * whole minor units) into a reusable scratch record. A reader accepts a subset of what the schema
 * accepts; when it says no, the caller asks the zod schema, which either reports the row as
 * malformed (with a path) or returns a parsed row that the reader then reads with `trusted` set.
 */
import { DECIMAL_PATTERN } from "../values/decimal.js";
import { parseTimestamp } from "../values/localDate.js";
import { isDateString } from "../values/period.js";
import { MINOR_MALFORMED, MINOR_TOO_PRECISE, parseMinorUnits } from "./parseMinorUnits.js";
import { MAX_ROW_ID_LENGTH } from "./rowFieldSchemas.js";

/** Looks up a currency's minor-unit exponent, or -1 for an unknown code. */
export type ExponentOf = (currency: string) => number;

/** An order line as read: money in minor units of `currency` (`MINOR_TOO_LARGE` → read the text). */
export interface OrderLineScratch {
  /** The last timestamp text read and its instant: lines of one order repeat it. */
  lastText: string;
  lastMs: number;
  store: string;
  orderId: string;
  sku: string;
  purchasedAt: number;
  cancelled: boolean;
  quantity: number;
  currency: string;
  exponent: number;
  itemPrice: number;
  itemPriceText: string;
  itemTax: number;
  itemTaxText: string;
  shippingPrice: number;
  shippingPriceText: string;
}

/** A refund as read; `orderPurchasedAt` is NaN when absent. */
export interface RefundScratch {
  store: string;
  refundId: string;
  orderId: string;
  refundedAt: number;
  amount: number;
  amountText: string;
  quantity: number;
  orderPurchasedAt: number;
  currency: string;
  exponent: number;
}

/** An advertising day as read; the first `windowCount` entries of the window arrays are its windows. */
export interface AdsDayScratch {
  store: string;
  date: string;
  campaign: string;
  spend: number;
  spendText: string;
  clicks: number;
  impressions: number;
  windowCount: number;
  windows: string[];
  windowSales: number[];
  windowSalesText: string[];
  windowOrders: number[];
  currency: string;
  exponent: number;
}

/** A review as read. */
export interface ReviewScratch {
  store: string;
  reviewId: string;
  createdAt: number;
  stars: number;
}

/** An inventory snapshot as read; `unitCost` is `""` when absent, else a normalised non-negative decimal. */
export interface InventoryScratch {
  store: string;
  date: string;
  sku: string;
  units: number;
  unitCost: string;
}

/** A traffic day as read. */
export interface TrafficScratch {
  store: string;
  date: string;
  sessions: number;
  pageViews: number;
}

/**
 * Creates fresh scratch records, one per row kind, for the readers to fill.
 *
 * @returns one mutable scratch record per source kind
 * @example
 * ```ts
 * const scratch = createScratch();
 * readTraffic({ store: "us", date: "2026-03-01", sessions: 1, pageViews: 2 }, scratch.traffic, false); // true
 * scratch.traffic.sessions; // 1
 * ```
 */
export function createScratch(): {
  orders: OrderLineScratch;
  refunds: RefundScratch;
  ads: AdsDayScratch;
  reviews: ReviewScratch;
  inventory: InventoryScratch;
  traffic: TrafficScratch;
} {
  return {
    orders: {
      lastText: "",
      lastMs: 0,
      store: "",
      orderId: "",
      sku: "",
      purchasedAt: 0,
      cancelled: false,
      quantity: 0,
      currency: "",
      exponent: 0,
      itemPrice: 0,
      itemPriceText: "",
      itemTax: 0,
      itemTaxText: "0",
      shippingPrice: 0,
      shippingPriceText: "0",
    },
    refunds: {
      store: "",
      refundId: "",
      orderId: "",
      refundedAt: 0,
      amount: 0,
      amountText: "",
      quantity: 0,
      orderPurchasedAt: Number.NaN,
      currency: "",
      exponent: 0,
    },
    ads: {
      store: "",
      date: "",
      campaign: "",
      spend: 0,
      spendText: "",
      clicks: 0,
      impressions: 0,
      windowCount: 0,
      windows: [],
      windowSales: [],
      windowSalesText: [],
      windowOrders: [],
      currency: "",
      exponent: 0,
    },
    reviews: { store: "", reviewId: "", createdAt: 0, stars: 0 },
    inventory: { store: "", date: "", sku: "", units: 0, unitCost: "" },
    traffic: { store: "", date: "", sessions: 0, pageViews: 0 },
  };
}

const WINDOW_KEY = /^[a-z0-9][a-z0-9-]{0,31}$/;

function isId(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= MAX_ROW_ID_LENGTH;
}

function isCount(value: unknown): value is number {
  return (
    typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER
  );
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Enumerable keys of a row (own and inherited: an inherited one only over-counts, which sends the
// row to the schema, never past it); a strict schema refuses any own key it does not name.
function keyCount(row: Record<string, unknown>): number {
  let n = 0;
  for (const _ in row) n++;
  return n;
}

// Minor units of a money text, or MINOR_MALFORMED when the schema would refuse it.
function money(value: unknown, exponent: number): number {
  if (typeof value !== "string") return MINOR_MALFORMED;
  const minor = parseMinorUnits(value, exponent);
  return minor === MINOR_TOO_PRECISE ? MINOR_MALFORMED : minor;
}

function timestamp(value: unknown): number {
  if (typeof value !== "string") return Number.NaN;
  try {
    return parseTimestamp(value);
  } catch {
    return Number.NaN;
  }
}

/**
 * Reads an order line into `out`.
 *
 * @param row - the raw row (or, with `trusted`, the schema's output)
 * @param out - scratch to fill
 * @param exponentOf - currency exponent look-up
 * @param trusted - skip the unknown-key count (the schema has checked it)
 * @returns whether the row was read; false means "ask the schema"
 * @example
 * ```ts
 * readOrderLine(row, scratch.orders, exponentOf, false); // true, scratch.orders.itemPrice in minor units
 * ```
 */
export function readOrderLine(
  row: unknown,
  out: OrderLineScratch,
  exponentOf: ExponentOf,
  trusted: boolean,
): boolean {
  if (!isPlainRecord(row)) return false;
  const { store, orderId, sku, purchasedAt, status, quantity, itemPrice, itemTax, shippingPrice, currency } =
    row;
  if (!isId(store) || !isId(orderId) || !isId(sku) || typeof status !== "string" || !isCount(quantity))
    return false;
  if (typeof currency !== "string") return false;
  const exponent = exponentOf(currency);
  if (exponent < 0) return false;
  let known = 8;
  const price = money(itemPrice, exponent);
  if (price === MINOR_MALFORMED) return false;
  let tax = 0;
  if (itemTax !== undefined) {
    tax = money(itemTax, exponent);
    if (tax === MINOR_MALFORMED) return false;
    known++;
  }
  let shipping = 0;
  if (shippingPrice !== undefined) {
    shipping = money(shippingPrice, exponent);
    if (shipping === MINOR_MALFORMED) return false;
    known++;
  }
  if (!trusted && keyCount(row) !== known) return false;
  if (typeof purchasedAt !== "string") return false;
  // Only text that parsed is cached, and the initial "" never does, so a hit is always sound.
  let ms = out.lastMs;
  if (purchasedAt !== out.lastText || purchasedAt.length === 0) {
    ms = timestamp(purchasedAt);
    if (Number.isNaN(ms)) return false;
    out.lastText = purchasedAt;
    out.lastMs = ms;
  }
  out.store = store;
  out.orderId = orderId;
  out.sku = sku;
  out.purchasedAt = ms;
  out.cancelled = status === "cancelled";
  out.quantity = quantity;
  out.currency = currency;
  out.exponent = exponent;
  out.itemPrice = price;
  out.itemPriceText = itemPrice as string;
  out.itemTax = tax;
  out.itemTaxText = itemTax === undefined ? "0" : (itemTax as string);
  out.shippingPrice = shipping;
  out.shippingPriceText = shippingPrice === undefined ? "0" : (shippingPrice as string);
  return true;
}

/**
 * Reads a refund into `out`.
 *
 * @param row - the raw row (or, with `trusted`, the schema's output)
 * @param out - scratch to fill
 * @param exponentOf - currency exponent look-up
 * @param trusted - skip the unknown-key count
 * @returns whether the row was read; false means "ask the schema"
 * @example
 * ```ts
 * readRefund(row, scratch.refunds, exponentOf, false); // false for { ...row, amount: "1.001" } in USD
 * ```
 */
export function readRefund(
  row: unknown,
  out: RefundScratch,
  exponentOf: ExponentOf,
  trusted: boolean,
): boolean {
  if (!isPlainRecord(row)) return false;
  const {
    store,
    refundId,
    orderId,
    refundedAt,
    amount,
    tax,
    shipping,
    quantity,
    orderPurchasedAt,
    currency,
  } = row;
  if (!isId(store) || !isId(refundId) || !isId(orderId) || typeof currency !== "string") return false;
  const exponent = exponentOf(currency);
  if (exponent < 0) return false;
  let known = 6;
  const value = money(amount, exponent);
  if (value === MINOR_MALFORMED) return false;
  if (tax !== undefined) {
    if (money(tax, exponent) === MINOR_MALFORMED) return false;
    known++;
  }
  if (shipping !== undefined) {
    if (money(shipping, exponent) === MINOR_MALFORMED) return false;
    known++;
  }
  let units = 0;
  if (quantity !== undefined) {
    if (!isCount(quantity)) return false;
    units = quantity;
    known++;
  }
  let orderMs = Number.NaN;
  if (orderPurchasedAt !== undefined) {
    orderMs = timestamp(orderPurchasedAt);
    if (Number.isNaN(orderMs)) return false;
    known++;
  }
  if (!trusted && keyCount(row) !== known) return false;
  const ms = timestamp(refundedAt);
  if (Number.isNaN(ms)) return false;
  out.store = store;
  out.refundId = refundId;
  out.orderId = orderId;
  out.refundedAt = ms;
  out.amount = value;
  out.amountText = amount as string;
  out.quantity = units;
  out.orderPurchasedAt = orderMs;
  out.currency = currency;
  out.exponent = exponent;
  return true;
}

/**
 * Reads an advertising day into `out`.
 *
 * @param row - the raw row (or, with `trusted`, the schema's output)
 * @param out - scratch to fill
 * @param exponentOf - currency exponent look-up
 * @param trusted - skip the unknown-key counts
 * @returns whether the row was read; false means "ask the schema"
 * @example
 * ```ts
 * readAdsDay(row, scratch.ads, exponentOf, false); // scratch.ads.windows[0] === "7d"
 * ```
 */
export function readAdsDay(
  row: unknown,
  out: AdsDayScratch,
  exponentOf: ExponentOf,
  trusted: boolean,
): boolean {
  if (!isPlainRecord(row)) return false;
  const { store, date, campaign, spend, clicks, impressions, attributed, currency } = row;
  if (!isId(store) || !isDateString(date) || !isCount(clicks) || !isCount(impressions)) return false;
  if (typeof currency !== "string" || !isPlainRecord(attributed)) return false;
  const exponent = exponentOf(currency);
  if (exponent < 0) return false;
  let known = 7;
  if (campaign !== undefined) {
    if (!isId(campaign)) return false;
    known++;
  }
  const spent = money(spend, exponent);
  if (spent === MINOR_MALFORMED) return false;
  if (!trusted && keyCount(row) !== known) return false;
  let n = 0;
  for (const window in attributed) {
    if (!Object.hasOwn(attributed, window)) continue;
    const figures = attributed[window];
    if (!WINDOW_KEY.test(window) || !isPlainRecord(figures)) return false;
    const { sales, orders } = figures;
    const minor = money(sales, exponent);
    if (minor === MINOR_MALFORMED || !isCount(orders)) return false;
    if (!trusted && keyCount(figures) !== 2) return false;
    out.windows[n] = window;
    out.windowSales[n] = minor;
    out.windowSalesText[n] = sales as string;
    out.windowOrders[n] = orders;
    n++;
  }
  out.windowCount = n;
  out.store = store;
  out.date = date;
  out.campaign = campaign === undefined ? "" : (campaign as string);
  out.spend = spent;
  out.spendText = spend as string;
  out.clicks = clicks;
  out.impressions = impressions;
  out.currency = currency;
  out.exponent = exponent;
  return true;
}

/**
 * Reads a review into `out`.
 *
 * @param row - the raw row (or, with `trusted`, the schema's output)
 * @param out - scratch to fill
 * @param trusted - skip the unknown-key count
 * @returns whether the row was read; false means "ask the schema"
 * @example
 * ```ts
 * readReview({ store: "us", reviewId: "r", createdAt: "2026-03-01T00:00:00Z", stars: 6 }, scratch.reviews, false); // false
 * ```
 */
export function readReview(row: unknown, out: ReviewScratch, trusted: boolean): boolean {
  if (!isPlainRecord(row)) return false;
  const { store, reviewId, createdAt, stars } = row;
  if (!isId(store) || !isId(reviewId)) return false;
  if (typeof stars !== "number" || !Number.isInteger(stars) || stars < 1 || stars > 5) return false;
  if (!trusted && keyCount(row) !== 4) return false;
  const ms = timestamp(createdAt);
  if (Number.isNaN(ms)) return false;
  out.store = store;
  out.reviewId = reviewId;
  out.createdAt = ms;
  out.stars = stars;
  return true;
}

/**
 * Reads an inventory snapshot into `out`.
 *
 * @param row - the raw row (or, with `trusted`, the schema's output)
 * @param out - scratch to fill
 * @param trusted - skip the unknown-key count
 * @returns whether the row was read; false means "ask the schema"
 * @example
 * ```ts
 * readInventory({ store: "us", date: "2026-03-01", sku: "A", units: 3, unitCost: "-0" }, scratch.inventory, false); // false: the schema decides
 * ```
 */
export function readInventory(row: unknown, out: InventoryScratch, trusted: boolean): boolean {
  if (!isPlainRecord(row)) return false;
  const { store, date, sku, units, unitCost } = row;
  if (!isId(store) || !isDateString(date) || !isId(sku) || !isCount(units)) return false;
  let known = 4;
  let cost = "";
  if (unitCost !== undefined) {
    if (typeof unitCost !== "string" || !DECIMAL_PATTERN.test(unitCost)) return false;
    if (unitCost.charCodeAt(0) === 45) {
      // "-0", "-0.00": zero written with a sign is zero; anything else below zero is refused.
      if (!/^-0(\.0+)?$/.test(unitCost)) return false;
      cost = "0";
    } else {
      cost = unitCost;
    }
    known++;
  }
  if (!trusted && keyCount(row) !== known) return false;
  out.store = store;
  out.date = date;
  out.sku = sku;
  out.units = units;
  out.unitCost = cost;
  return true;
}

/**
 * Reads a traffic day into `out`.
 *
 * @param row - the raw row (or, with `trusted`, the schema's output)
 * @param out - scratch to fill
 * @param trusted - skip the unknown-key count
 * @returns whether the row was read; false means "ask the schema"
 * @example
 * ```ts
 * readTraffic({ store: "us", date: "2026-03-01", sessions: 1, pageViews: 2 }, scratch.traffic, false); // true
 * ```
 */
export function readTraffic(row: unknown, out: TrafficScratch, trusted: boolean): boolean {
  if (!isPlainRecord(row)) return false;
  const { store, date, sessions, pageViews } = row;
  if (!isId(store) || !isDateString(date) || !isCount(sessions) || !isCount(pageViews)) return false;
  if (!trusted && keyCount(row) !== 4) return false;
  out.store = store;
  out.date = date;
  out.sessions = sessions;
  out.pageViews = pageViews;
  return true;
}
