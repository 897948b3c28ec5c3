import * as z from "zod";
import { type FxTable, type FxTableInput, fxSchema, selectRate } from "../facts/fx.js";
import type { PeriodFacts } from "../facts/schema.js";
import { toValidationIssues } from "../internal/issues.js";
import { currencySchema, isCurrencyCode, minorUnits } from "../values/currency.js";
import { type Cycle, cycleSchema, cyclesOf } from "../values/cycle.js";
import { describeInput, scaledToDecimalString } from "../values/decimal.js";
import { idSchema } from "../values/id.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { createLocalDater, timeZoneSchema } from "../values/localDate.js";
import { addDays, type Period, periodSchema } from "../values/period.js";
import { roundMoney } from "../values/rounding.js";
import { createKeyIndex, hashKey, hashKeys, type KeyIndex } from "./createKeyIndex.js";
import { MINOR_TOO_LARGE, parseMinorUnitsBig, parseScaled } from "./parseMinorUnits.js";
import {
  createScratch,
  readAdsDay,
  readInventory,
  readOrderLine,
  readRefund,
  readReview,
  readTraffic,
} from "./readRows.js";
import { RECORD_SOURCES, type RecordSource, recordSchemas } from "./recordSchemas.js";

/** Rows of one kind: an array, any iterable, or an async iterable (a stream). */
export type RecordStream<T = unknown> = Iterable<T> | AsyncIterable<T>;

/** The raw rows to aggregate, by kind; a kind left out contributes no fact group (see {@link aggregateFacts}). */
export interface RecordSources {
  readonly orders?: RecordStream | undefined;
  readonly refunds?: RecordStream | undefined;
  readonly ads?: RecordStream | undefined;
  readonly reviews?: RecordStream | undefined;
  readonly inventory?: RecordStream | undefined;
  readonly traffic?: RecordStream | undefined;
}

/** A store as `aggregateFacts` needs it; a contract's `stores` entries can be passed as they are. */
export interface RecordStore {
  readonly id: string;
  readonly currency: string;
  readonly timeZone: string;
  readonly platform?: string;
  readonly marketplace?: string;
  readonly name?: string;
}

/** Options of {@link aggregateFacts}. */
export interface AggregateFactsOptions {
  /** The stores rows may name: id, currency and IANA time zone. */
  readonly stores: readonly RecordStore[];
  /** The days to aggregate, both ends included. */
  readonly period: Period;
  /** How the period is split: one `PeriodFacts` per store and cycle (`{ days }` counted from `period.start`). */
  readonly cycle: Cycle;
  /** Exchange rates (as in a contract) for rows in another currency than their store's. */
  readonly fx?: FxTableInput;
  /** Report rows whose ids were already seen as `duplicate` (default true); false counts every row. */
  readonly dedupe?: boolean;
}

/** Why a row was not counted. */
export type RejectionReason =
  | "malformed"
  | "unknown-store"
  | "outside-period"
  | "currency-mismatch"
  | "fx-rate-missing"
  | "duplicate";

/** A row that was not counted, with its reason. */
export interface RejectedRow {
  /** The source kind the row came from. */
  readonly source: RecordSource;
  /** Its position in that source, from 0. */
  readonly index: number;
  readonly reason: RejectionReason;
  /** For `malformed`: where in the row the (first) problem is. */
  readonly path?: readonly (string | number)[];
  /** What is wrong, in English. */
  readonly message: string;
  /** For `duplicate`: the index of the row that was counted. */
  readonly duplicateOf?: number;
}

/** A counted row that the facts could not use in full. */
export interface RecordWarning {
  readonly source: RecordSource;
  readonly index: number;
  /** `order-date-unknown`: a refund whose order is neither among the order rows nor dated by `orderPurchasedAt`. */
  readonly code: "order-date-unknown";
  readonly message: string;
}

/** How many rows of one source were read, counted and rejected; `read = counted + rejected`. */
export interface RecordSourceSummary {
  readonly read: number;
  readonly counted: number;
  readonly rejected: number;
}

/** Result of {@link aggregateFacts}. */
export interface AggregateFactsResult {
  /** One entry per store and cycle, stores in the order of the options, cycles in time order. */
  readonly facts: PeriodFacts[];
  /** Every row not counted, in reading order (sources in the order orders, refunds, ads, reviews, inventory, traffic). */
  readonly rejected: RejectedRow[];
  /** Counted rows with a caveat. */
  readonly warnings: RecordWarning[];
  /** Per source given: rows read, counted and rejected. */
  readonly summary: Readonly<Partial<Record<RecordSource, RecordSourceSummary>>>;
}

const recordStoreSchema = z.strictObject({
  id: idSchema,
  currency: currencySchema,
  timeZone: timeZoneSchema,
  platform: z.string().optional(),
  marketplace: z.string().optional(),
  name: z.string().optional(),
});

const optionsSchema = z
  .strictObject({
    stores: z.array(recordStoreSchema).min(1, { error: "Name at least one store" }),
    period: periodSchema,
    cycle: cycleSchema,
    fx: fxSchema.optional(),
    dedupe: z.boolean().optional(),
  })
  .superRefine((options, ctx) => {
    const seen = new Map<string, number>();
    options.stores.forEach((store, i) => {
      const first = seen.get(store.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["stores", i, "id"],
          message: `Store id "${store.id}" is already used by store ${first}`,
          params: { code: "duplicate-id" },
        });
      } else {
        seen.set(store.id, i);
      }
    });
  });

// Order index values. An order counts in `orders` of the cycle of its earliest line that is not
// cancelled, or, when every line is cancelled, in `cancelledOrders` of the cycle of its earliest line
// (whatever the order of the rows, and whichever period is aggregated). Inside the period the value
// is (cycle << 2) | CANCELLED or ACTIVE; an order that counts outside it (or not yet anywhere) is
// one of the four OUT_* values, which tell what was seen before and after the period.
const ORDER_CANCELLED = 2; // counted in cancelledOrders of its cycle: every line so far cancelled
const ORDER_ACTIVE = 3; // counted in orders of its cycle: the earliest line not cancelled is there
const OUT_AFTER_CANCELLED = 1; // only cancelled lines, all after the period
const OUT_BEFORE_CANCELLED = (1 << 2) | 1; // only cancelled lines, the earliest before the period
const OUT_AFTER_ACTIVE = (2 << 2) | 1; // a line not cancelled after the period, none in or before it
const OUT_BEFORE_ACTIVE = (3 << 2) | 1; // a line not cancelled before the period: counted there
/** Whether an order counts outside the period (its refunds book on no period order). */
const isOutside = (state: number): boolean => (state & 3) === 1;

/**
 * The state of an order after one more of its lines (`state` -1 when new), keeping `orders` and
 * `cancelledOrders` (cells `base + cycle`) in step: `c` is the line's cycle, or -1 before the period
 * and -2 after it. Earliest wins, so the rows' order does not matter.
 */
function nextOrderState(
  state: number,
  c: number,
  cancelled: boolean,
  orders: Float64Array,
  cancelledOrders: Float64Array,
  base: number,
): number {
  const kind = state < 0 ? -1 : state & 3;
  const at = state >> 2;
  if (c >= 0) {
    if (kind === -1 || state === OUT_AFTER_CANCELLED) {
      if (cancelled) cancelledOrders[base + c]!++;
      else orders[base + c]!++;
      return (c << 2) | (cancelled ? ORDER_CANCELLED : ORDER_ACTIVE);
    }
    if (state === OUT_BEFORE_CANCELLED || state === OUT_AFTER_ACTIVE) {
      if (cancelled) return state;
      orders[base + c]!++;
      return (c << 2) | ORDER_ACTIVE;
    }
    if (kind === ORDER_CANCELLED && (!cancelled || c < at)) {
      cancelledOrders[base + at]!--;
      if (cancelled) cancelledOrders[base + c]!++;
      else orders[base + c]!++;
      return (c << 2) | (cancelled ? ORDER_CANCELLED : ORDER_ACTIVE);
    }
    if (kind === ORDER_ACTIVE && !cancelled && c < at) {
      orders[base + at]!--;
      orders[base + c]!++;
      return (c << 2) | ORDER_ACTIVE;
    }
    return state;
  }
  const before = c === -1;
  if (kind === -1) {
    return before
      ? cancelled
        ? OUT_BEFORE_CANCELLED
        : OUT_BEFORE_ACTIVE
      : cancelled
        ? OUT_AFTER_CANCELLED
        : OUT_AFTER_ACTIVE;
  }
  if (kind === ORDER_CANCELLED) {
    if (!before && cancelled) return state;
    cancelledOrders[base + at]!--;
    return before ? (cancelled ? OUT_BEFORE_CANCELLED : OUT_BEFORE_ACTIVE) : OUT_AFTER_ACTIVE;
  }
  if (kind === ORDER_ACTIVE) {
    if (!before || cancelled) return state;
    orders[base + at]!--;
    return OUT_BEFORE_ACTIVE;
  }
  // Outside states.
  if (state === OUT_BEFORE_ACTIVE) return state;
  if (before)
    return cancelled ? (state === OUT_AFTER_ACTIVE ? state : OUT_BEFORE_CANCELLED) : OUT_BEFORE_ACTIVE;
  return cancelled ? state : OUT_AFTER_ACTIVE;
}
// Money sums are kept as doubles holding whole minor units below 2^52 (exact), flushed to BigInt beyond.
const FLUSH_AT = 2 ** 52;
// Row indexes are stored as 32-bit values; beyond that a duplicate cannot name its first row.
const INDEX_UNKNOWN = 0x7fffffff;

interface Scaled {
  readonly units: bigint;
  readonly scale: number;
}

// One money figure per cell: exact minor units (double below 2^52, BigInt overflow) plus an exact
// scaled sum of converted foreign-currency amounts.
interface MoneySum {
  readonly small: Float64Array;
  readonly big: Map<number, bigint>;
  readonly converted: Map<number, Scaled>;
}

function moneySum(cells: number): MoneySum {
  return { small: new Float64Array(cells), big: new Map(), converted: new Map() };
}

function addMinor(sum: MoneySum, cell: number, minor: number): void {
  const next = sum.small[cell]! + minor;
  if (next >= FLUSH_AT) {
    sum.big.set(cell, (sum.big.get(cell) ?? 0n) + BigInt(next));
    sum.small[cell] = 0;
  } else {
    sum.small[cell] = next;
  }
}

function addBigMinor(sum: MoneySum, cell: number, minor: bigint): void {
  sum.big.set(cell, (sum.big.get(cell) ?? 0n) + minor);
}

function addScaled(sum: MoneySum, cell: number, value: Scaled): void {
  const had = sum.converted.get(cell);
  sum.converted.set(cell, had === undefined ? value : plus(had, value));
}

function plus(a: Scaled, b: Scaled): Scaled {
  if (a.scale === b.scale) return { units: a.units + b.units, scale: a.scale };
  if (a.scale > b.scale)
    return { units: a.units + b.units * 10n ** BigInt(a.scale - b.scale), scale: a.scale };
  return { units: a.units * 10n ** BigInt(b.scale - a.scale) + b.units, scale: b.scale };
}

// The exact total of a cell, rounded once (half-up) to the currency's minor unit. Only converted
// amounts can carry digits beyond it; amounts in the store's currency were refused if they did.
function moneyTotal(sum: MoneySum, cell: number, currency: string, exponent: number): string {
  const minor = BigInt(sum.small[cell]!) + (sum.big.get(cell) ?? 0n);
  const converted = sum.converted.get(cell);
  const exact =
    converted === undefined
      ? { units: minor, scale: exponent }
      : plus({ units: minor, scale: exponent }, converted);
  return roundMoney(scaledToDecimalString(exact.units, exact.scale), currency, "half-up");
}

function countTotal(counts: Float64Array, cell: number, field: string): number {
  const n = counts[cell]!;
  if (n > Number.MAX_SAFE_INTEGER) {
    throw new KpiContractError(
      "records-count-overflow",
      `The ${field} count exceeds the largest safe integer`,
      {
        field,
      },
    );
  }
  return n;
}

// Per store and SKU, the latest snapshot of each bucket: bucket 0 holds snapshots dated before the
// period, bucket i + 1 those dated inside cycle i.
interface SkuSnapshots {
  readonly dates: (string | undefined)[];
  readonly units: number[];
  readonly costs: string[];
}

/**
 * Turns raw rows (order lines, refunds, advertising days, reviews, inventory snapshots, traffic
 * days) into period facts per store and cycle (SPEC §10), exactly and as a stream.
 *
 * Sources are read one after another (orders, refunds, ads, reviews, inventory, traffic), each row
 * once, none held: memory grows only with distinct ids (a compact hashed index), not with rows.
 * Each row is either counted or rejected with a reason (`malformed`, `unknown-store`,
 * `outside-period`, `currency-mismatch`, `fx-rate-missing`, `duplicate`); per source, `read =
 * counted + rejected`. Booking rules, in short (docs/records.md has them all):
 * - timestamps go to the store's local day (DST included); date rows are already local days;
 * - an order counts once: in `orders` of the cycle of its earliest line not cancelled, or, when all
 *   its lines are cancelled, in `cancelledOrders` of the cycle of its earliest line (lines outside
 *   the period count too, so the row order and the period aggregated do not change where it
 *   counts); non-cancelled lines add `units`, `gross`, `tax`, `shipping`, cancelled lines add
 *   `cancelledValue`, each in the cycle of its own day;
 * - a refund adds `refunds`, `returnedUnits` and (once per order) `refundedOrders` to the cycle of
 *   its refund day and `refundsOnPeriodOrders` to the cycle of its order's day (from the order rows,
 *   else `orderPurchasedAt`; neither → warning `order-date-unknown`);
 * - inventory opening is the latest snapshot per SKU dated before the cycle's first day, closing
 *   the latest on or before its last day; snapshots before the period serve the first opening;
 * - a group appears in the facts when its source was given (zeros when it had no rows for that
 *   store and cycle); a source left out leaves its fields out, never zero.
 * Money is read as whole minor units (no binary floats); an amount with more fraction digits than
 * its currency has is `malformed`, never rounded. Rows in another currency are converted with
 * `fx` at the rate of the last day of the cycle they are booked in, summed exactly, and rounded
 * once (half-up) per fact.
 *
 * @param sources - rows by kind, each an array, iterable or async iterable
 * @param options - `stores`, `period`, `cycle`, optional `fx` and `dedupe` (default true)
 * @returns `{ facts, rejected, warnings, summary }`
 * @throws {@link KpiContractError} `aggregate-options-invalid` (with `issues`) for bad options,
 *   `aggregate-sources-invalid` for a source that is not iterable or an unknown source key,
 *   `records-count-overflow` when a count exceeds 2^53 − 1
 * @example
 * ```ts
 * const { facts, rejected } = await aggregateFacts(
 *   { orders: [{ store: "us", orderId: "1", sku: "A", purchasedAt: "2026-03-31T23:30:00-07:00",
 *                status: "shipped", quantity: 1, itemPrice: "10.00", currency: "USD" }] },
 *   { stores: [{ id: "us", currency: "USD", timeZone: "America/Los_Angeles" }],
 *     period: { start: "2026-03-01", end: "2026-03-31" }, cycle: "monthly" },
 * );
 * facts[0]?.sales; // { orders: 1, units: 1, gross: "10.00", tax: "0.00", shipping: "0.00", cancelledOrders: 0, cancelledValue: "0.00" }
 * ```
 */
export async function aggregateFacts(
  sources: RecordSources,
  options: AggregateFactsOptions,
): Promise<AggregateFactsResult> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issues = toValidationIssues(parsed.error);
    throw new KpiContractError(
      "aggregate-options-invalid",
      `Invalid aggregateFacts options:\n${issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("\n")}`,
      {},
      issues,
    );
  }
  const given = checkSources(sources);
  const { stores, period, cycle } = parsed.data;
  const fx = parsed.data.fx;
  const dedupe = parsed.data.dedupe ?? true;

  const cycles = cyclesOf(period, cycle);
  const nCycles = cycles.length;
  const nStores = stores.length;
  const nCells = nStores * nCycles;
  const cycleOfDay = new Map<string, number>();
  cycles.forEach((c, i) => {
    // Stops on the cycle's last day before stepping past it: that day may be 9999-12-31.
    for (let day = c.start; ; day = addDays(day, 1)) {
      cycleOfDay.set(day, i);
      if (day >= c.end) break;
    }
  });
  const storeIndex = new Map<string, number>(stores.map((s, i) => [s.id, i]));
  const daterByZone = new Map<string, (ms: number) => string>();
  const daters = stores.map((s) => {
    let dater = daterByZone.get(s.timeZone);
    if (dater === undefined) {
      dater = createLocalDater(s.timeZone);
      daterByZone.set(s.timeZone, dater);
    }
    return dater;
  });
  const storeCurrency = stores.map((s) => s.currency);
  const storeExponent = stores.map((s) => minorUnits(s.currency));
  const exponents = new Map<string, number>();
  const exponentOf = (currency: string): number => {
    let e = exponents.get(currency);
    if (e === undefined) {
      e = isCurrencyCode(currency) ? minorUnits(currency) : -1;
      exponents.set(currency, e);
    }
    return e;
  };

  const rejected: RejectedRow[] = [];
  const warnings: RecordWarning[] = [];
  const summary: Partial<Record<RecordSource, RecordSourceSummary>> = {};
  let source: RecordSource = "orders";
  let rejectedHere = 0;
  const reject = (
    index: number,
    reason: RejectionReason,
    message: string,
    extra?: { path?: (string | number)[]; duplicateOf?: number },
  ): false => {
    rejectedHere++;
    rejected.push({ source, index, reason, ...(extra ?? {}), message });
    return false;
  };
  const malformed = (row: unknown, index: number): unknown => {
    const result = recordSchemas[source].safeParse(row);
    if (result.success) return result.data;
    // A failed zod parse always carries at least one issue.
    const first = result.error.issues[0]!;
    const path = first.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    // An unknown key is reported at the key itself, so the path points at what to remove.
    if (first.code === "unrecognized_keys" && first.keys[0] !== undefined) path.push(first.keys[0]);
    reject(index, "malformed", first.message, { path });
    return undefined;
  };
  const duplicateOf = (first: number, index: number, what: string): false => {
    const known = first !== INDEX_UNKNOWN;
    return reject(
      index,
      "duplicate",
      `Same ${what} as ${known ? `row ${first}` : "an earlier row"} of ${source}: of duplicate rows the first wins`,
      known ? { duplicateOf: first } : {},
    );
  };
  const unknownStore = (store: string, index: number): false =>
    reject(index, "unknown-store", `Store ${describeInput(store)} is not one of the stores in the options`);

  // Exchange rates: one look-up per (currency, day), parsed to an exact scaled integer.
  const rates = new Map<string, Scaled | string>();
  const rateFor = (from: string, to: string, day: string): Scaled | string => {
    const key = `${from}\u0000${to}\u0000${day}`;
    let rate = rates.get(key);
    if (rate === undefined) {
      try {
        rate = parseScaled(selectRate(fx as FxTable, from, to, day).rate);
      } catch (error) {
        if (!(error instanceof KpiContractError) || error.code !== "fx-rate-missing") throw error;
        rate = error.message;
      }
      rates.set(key, rate);
    }
    return rate;
  };
  // Checks a row's currency against its store's for the cycles it is booked in; returns the rates
  // (undefined for the store's own currency) or rejects the row and returns null.
  let rateA: Scaled | undefined;
  let rateB: Scaled | undefined;
  const currencyOk = (
    currency: string,
    si: number,
    cycleA: number,
    cycleB: number,
    index: number,
  ): boolean => {
    rateA = undefined;
    rateB = undefined;
    const to = storeCurrency[si]!;
    if (currency === to) return true;
    if (fx === undefined) {
      reject(
        index,
        "currency-mismatch",
        `Currency ${currency} differs from the store's ${to} and no fx table was given`,
      );
      return false;
    }
    for (const [which, c] of [
      [0, cycleA],
      [1, cycleB],
    ] as const) {
      if (c < 0) continue;
      const rate = rateFor(currency, to, cycles[c]!.end);
      if (typeof rate === "string") {
        reject(index, "fx-rate-missing", rate);
        return false;
      }
      if (which === 0) rateA = rate;
      else rateB = rate;
    }
    return true;
  };
  const addMoney = (
    sum: MoneySum,
    cell: number,
    minor: number,
    text: string,
    exponent: number,
    rate: Scaled | undefined,
  ) => {
    if (rate === undefined) {
      if (minor !== MINOR_TOO_LARGE) addMinor(sum, cell, minor);
      else addBigMinor(sum, cell, parseMinorUnitsBig(text, exponent));
      return;
    }
    const units = minor !== MINOR_TOO_LARGE ? BigInt(minor) : parseMinorUnitsBig(text, exponent);
    if (units !== 0n) addScaled(sum, cell, { units: units * rate.units, scale: exponent + rate.scale });
  };

  const scratch = createScratch();
  const label = (c: number) => `${cycles[c]!.start}..${cycles[c]!.end}`;
  const periodText = `${period.start}..${period.end}`;

  // ---- orders -------------------------------------------------------------------------------
  // Arrays tell their length: indexes sized for it up front never re-hash.
  const hint = (stream: RecordStream | undefined) => (Array.isArray(stream) ? stream.length : 0);
  const orderIndex: KeyIndex = createKeyIndex(hint(sources.orders));
  const lineIndex: KeyIndex = createKeyIndex(dedupe ? hint(sources.orders) : 0);
  const orders = new Float64Array(nCells);
  const cancelledOrders = new Float64Array(nCells);
  const units = new Float64Array(nCells);
  const gross = moneySum(nCells);
  const tax = moneySum(nCells);
  const shipping = moneySum(nCells);
  const cancelledValue = moneySum(nCells);
  let lastOrderStore = -1;
  let lastOrderId = "";
  let lastOrderState = -1;

  const orderLine = (row: unknown, index: number): boolean => {
    const o = scratch.orders;
    if (!readOrderLine(row, o, exponentOf, false)) {
      const data = malformed(row, index);
      if (data === undefined) return false;
      if (!readOrderLine(data, o, exponentOf, true)) throw internalError("order line");
    }
    const si = storeIndex.get(o.store);
    if (si === undefined) return unknownStore(o.store, index);
    // Of duplicate rows the first wins (SPEC §10), wherever its day falls: a later copy is a
    // duplicate even when the first is outside the period or refused for its currency. With dedupe
    // the order's key is hashed in the same pass as the line's.
    const hashed = dedupe;
    if (dedupe) {
      hashKeys(lineIndex.lanes, orderIndex.lanes, si, o.orderId, o.sku);
      const first = lineIndex.insert(Math.min(index, INDEX_UNKNOWN));
      if (first >= 0) return duplicateOf(first, index, "orderId and sku");
    }
    const day = daters[si]!(o.purchasedAt);
    const c = cycleOfDay.get(day);
    if (c === undefined) {
      // A line of another currency that would be refused inside the period (no fx table, or no
      // rate for its currency) neither dates nor counts its order either (SPEC §10: a row is counted
      // or rejected, never both), so the period aggregated does not change where the order counts.
      // Its cycle's end is unknown here: the rate is looked up at its own day (exact for a fixed
      // table; a cycle-end table's rate dated after the day but by the cycle's end is not seen).
      if (
        o.currency !== storeCurrency[si] &&
        (fx === undefined || typeof rateFor(o.currency, storeCurrency[si] as string, day) === "string")
      ) {
        return reject(index, "outside-period", `Local day ${day} is outside the period ${periodText}`);
      }
      // Kept so that the order's refunds are not booked on period orders, and so that an order
      // whose first line not cancelled falls outside is neither an order nor a cancelled order here.
      if (!hashed) hashKey(orderIndex.lanes, si, o.orderId, "");
      const state = orderIndex.find();
      const side = day < period.start ? -1 : -2;
      const next = nextOrderState(state, side, o.cancelled, orders, cancelledOrders, si * nCycles);
      if (next !== state) {
        orderIndex.put(next);
        // The state kept at hand for the next line may be this order's: read it again then.
        if (si === lastOrderStore && o.orderId === lastOrderId) lastOrderId = "";
      }
      return reject(index, "outside-period", `Local day ${day} is outside the period ${periodText}`);
    }
    const cell = si * nCycles + c;
    // A line refused for its currency is rejected, so it neither dates nor counts its order: an
    // order of refused lines only is no order, and its other lines place it.
    if (!currencyOk(o.currency, si, c, -1, index)) return false;
    // Lines of one order usually come together: the last order's state is kept at hand.
    const sameOrder = si === lastOrderStore && o.orderId === lastOrderId;
    let state: number;
    if (sameOrder) {
      state = lastOrderState;
    } else {
      if (!hashed) hashKey(orderIndex.lanes, si, o.orderId, "");
      state = orderIndex.find();
    }
    const next = nextOrderState(state, c, o.cancelled, orders, cancelledOrders, si * nCycles);
    if (next !== state) {
      if (sameOrder) {
        hashKey(orderIndex.lanes, si, o.orderId, "");
        orderIndex.find();
      }
      orderIndex.put(next);
    }
    lastOrderStore = si;
    lastOrderId = o.orderId;
    lastOrderState = next;
    const e = o.exponent;
    if (o.cancelled) {
      addMoney(cancelledValue, cell, o.itemPrice, o.itemPriceText, e, rateA);
    } else {
      units[cell]! += o.quantity;
      addMoney(gross, cell, o.itemPrice, o.itemPriceText, e, rateA);
      if (o.itemTax !== 0) addMoney(tax, cell, o.itemTax, o.itemTaxText, e, rateA);
      if (o.shippingPrice !== 0) addMoney(shipping, cell, o.shippingPrice, o.shippingPriceText, e, rateA);
    }
    return true;
  };

  // ---- refunds ------------------------------------------------------------------------------
  const refundIndex: KeyIndex = createKeyIndex(dedupe ? hint(sources.refunds) : 0);
  const refundedIndex: KeyIndex = createKeyIndex(hint(sources.refunds));
  const refunds = moneySum(nCells);
  const refundsOnPeriodOrders = moneySum(nCells);
  const refundedOrders = new Float64Array(nCells);
  const returnedUnits = new Float64Array(nCells);

  const refund = (row: unknown, index: number): boolean => {
    const r = scratch.refunds;
    if (!readRefund(row, r, exponentOf, false)) {
      const data = malformed(row, index);
      if (data === undefined) return false;
      if (!readRefund(data, r, exponentOf, true)) throw internalError("refund");
    }
    const si = storeIndex.get(r.store);
    if (si === undefined) return unknownStore(r.store, index);
    if (dedupe) {
      // The first copy wins wherever its dates fall (see order lines).
      hashKey(refundIndex.lanes, si, r.refundId, "");
      const first = refundIndex.insert(Math.min(index, INDEX_UNKNOWN));
      if (first >= 0) return duplicateOf(first, index, "refundId");
    }
    const dater = daters[si]!;
    const refundDay = dater(r.refundedAt);
    const rc = cycleOfDay.get(refundDay) ?? -1;
    // The order's cycle: from the order rows, else from orderPurchasedAt; -1 outside, -2 unknown.
    hashKey(orderIndex.lanes, si, r.orderId, "");
    const state = orderIndex.find();
    let oc: number;
    let orderDay: string;
    if (state >= 0) {
      oc = isOutside(state) ? -1 : state >> 2;
      orderDay = "outside the period (order rows)";
    } else if (!Number.isNaN(r.orderPurchasedAt)) {
      orderDay = dater(r.orderPurchasedAt);
      oc = cycleOfDay.get(orderDay) ?? -1;
    } else {
      oc = -2;
      orderDay = "unknown";
    }
    if (rc < 0 && oc < 0) {
      return reject(
        index,
        "outside-period",
        `Neither the refund day ${refundDay} nor the order's day (${orderDay}) falls in the period ${periodText}`,
      );
    }
    if (!currencyOk(r.currency, si, rc, oc >= 0 ? oc : -1, index)) return false;
    const e = r.exponent;
    if (rc >= 0) {
      const cell = si * nCycles + rc;
      addMoney(refunds, cell, r.amount, r.amountText, e, rateA);
      returnedUnits[cell]! += r.quantity;
      hashKey(refundedIndex.lanes, cell, r.orderId, "");
      if (refundedIndex.insert(0) < 0) refundedOrders[cell]!++;
      if (oc === -2) {
        warnings.push({
          source,
          index,
          code: "order-date-unknown",
          message: `Order ${JSON.stringify(r.orderId)} is not among the order rows and the refund has no orderPurchasedAt: booked in refunds of ${label(rc)} only, not in refundsOnPeriodOrders`,
        });
      }
    }
    if (oc >= 0) addMoney(refundsOnPeriodOrders, si * nCycles + oc, r.amount, r.amountText, e, rateB);
    return true;
  };

  // ---- ads ----------------------------------------------------------------------------------
  const adsIndex: KeyIndex = createKeyIndex();
  const spend = moneySum(nCells);
  const clicks = new Float64Array(nCells);
  const impressions = new Float64Array(nCells);
  const windowIds = new Map<string, number>();
  const windowSales: MoneySum[] = [];
  const windowOrders: Float64Array[] = [];
  const windowSeen: Uint8Array[] = [];

  const adsDay = (row: unknown, index: number): boolean => {
    const a = scratch.ads;
    if (!readAdsDay(row, a, exponentOf, false)) {
      const data = malformed(row, index);
      if (data === undefined) return false;
      if (!readAdsDay(data, a, exponentOf, true)) throw internalError("advertising day");
    }
    const si = storeIndex.get(a.store);
    if (si === undefined) return unknownStore(a.store, index);
    if (dedupe) {
      hashKey(adsIndex.lanes, si, a.date, a.campaign);
      const first = adsIndex.insert(Math.min(index, INDEX_UNKNOWN));
      if (first >= 0)
        return duplicateOf(first, index, a.campaign === "" ? "store and date" : "store, date and campaign");
    }
    const c = cycleOfDay.get(a.date);
    if (c === undefined)
      return reject(index, "outside-period", `Day ${a.date} is outside the period ${periodText}`);
    if (!currencyOk(a.currency, si, c, -1, index)) return false;
    const cell = si * nCycles + c;
    const e = a.exponent;
    addMoney(spend, cell, a.spend, a.spendText, e, rateA);
    clicks[cell]! += a.clicks;
    impressions[cell]! += a.impressions;
    for (let w = 0; w < a.windowCount; w++) {
      const key = a.windows[w]!;
      let id = windowIds.get(key);
      if (id === undefined) {
        id = windowSales.length;
        windowIds.set(key, id);
        windowSales.push(moneySum(nCells));
        windowOrders.push(new Float64Array(nCells));
        windowSeen.push(new Uint8Array(nStores));
      }
      windowSeen[id]![si] = 1;
      addMoney(windowSales[id]!, cell, a.windowSales[w]!, a.windowSalesText[w]!, e, rateA);
      windowOrders[id]![cell]! += a.windowOrders[w]!;
    }
    return true;
  };

  // ---- reviews ------------------------------------------------------------------------------
  const reviewIndex: KeyIndex = createKeyIndex();
  const stars = new Float64Array(nCells * 5);

  const review = (row: unknown, index: number): boolean => {
    const r = scratch.reviews;
    if (!readReview(row, r, false)) {
      const data = malformed(row, index);
      if (data === undefined) return false;
      if (!readReview(data, r, true)) throw internalError("review");
    }
    const si = storeIndex.get(r.store);
    if (si === undefined) return unknownStore(r.store, index);
    if (dedupe) {
      hashKey(reviewIndex.lanes, si, r.reviewId, "");
      const first = reviewIndex.insert(Math.min(index, INDEX_UNKNOWN));
      if (first >= 0) return duplicateOf(first, index, "reviewId");
    }
    const day = daters[si]!(r.createdAt);
    const c = cycleOfDay.get(day);
    if (c === undefined)
      return reject(index, "outside-period", `Local day ${day} is outside the period ${periodText}`);
    stars[(si * nCycles + c) * 5 + r.stars - 1]!++;
    return true;
  };

  // ---- inventory ----------------------------------------------------------------------------
  const inventoryIndex: KeyIndex = createKeyIndex();
  const skus: Map<string, SkuSnapshots>[] = stores.map(() => new Map());

  const snapshot = (row: unknown, index: number): boolean => {
    const s = scratch.inventory;
    if (!readInventory(row, s, false)) {
      const data = malformed(row, index);
      if (data === undefined) return false;
      if (!readInventory(data, s, true)) throw internalError("inventory snapshot");
    }
    const si = storeIndex.get(s.store);
    if (si === undefined) return unknownStore(s.store, index);
    if (dedupe) {
      hashKey(inventoryIndex.lanes, si, s.sku, s.date);
      const first = inventoryIndex.insert(Math.min(index, INDEX_UNKNOWN));
      if (first >= 0) return duplicateOf(first, index, "store, sku and date");
    }
    let bucket: number;
    if (s.date < period.start) {
      bucket = 0;
    } else {
      const c = cycleOfDay.get(s.date);
      if (c === undefined) {
        return reject(index, "outside-period", `Snapshot day ${s.date} is after the period ${periodText}`);
      }
      bucket = c + 1;
    }
    let slots = skus[si]!.get(s.sku);
    if (slots === undefined) {
      slots = {
        dates: new Array(nCycles + 1).fill(undefined),
        units: new Array(nCycles + 1).fill(0),
        costs: new Array(nCycles + 1).fill(""),
      };
      skus[si]!.set(s.sku, slots);
    }
    const had = slots.dates[bucket];
    // The latest snapshot of the bucket wins; of two on the same day the first read.
    if (had === undefined || s.date > had) {
      slots.dates[bucket] = s.date;
      slots.units[bucket] = s.units;
      slots.costs[bucket] = s.unitCost;
    }
    return true;
  };

  // ---- traffic ------------------------------------------------------------------------------
  const trafficIndex: KeyIndex = createKeyIndex();
  const sessions = new Float64Array(nCells);
  const pageViews = new Float64Array(nCells);

  const trafficDay = (row: unknown, index: number): boolean => {
    const t = scratch.traffic;
    if (!readTraffic(row, t, false)) {
      const data = malformed(row, index);
      if (data === undefined) return false;
      if (!readTraffic(data, t, true)) throw internalError("traffic day");
    }
    const si = storeIndex.get(t.store);
    if (si === undefined) return unknownStore(t.store, index);
    if (dedupe) {
      hashKey(trafficIndex.lanes, si, t.date, "");
      const first = trafficIndex.insert(Math.min(index, INDEX_UNKNOWN));
      if (first >= 0) return duplicateOf(first, index, "store and date");
    }
    const c = cycleOfDay.get(t.date);
    if (c === undefined)
      return reject(index, "outside-period", `Day ${t.date} is outside the period ${periodText}`);
    const cell = si * nCycles + c;
    sessions[cell]! += t.sessions;
    pageViews[cell]! += t.pageViews;
    return true;
  };

  const handlers: Record<RecordSource, (row: unknown, index: number) => boolean> = {
    orders: orderLine,
    refunds: refund,
    ads: adsDay,
    reviews: review,
    inventory: snapshot,
    traffic: trafficDay,
  };
  for (const kind of RECORD_SOURCES) {
    const stream = sources[kind];
    if (stream === undefined) continue;
    source = kind;
    rejectedHere = 0;
    const read = await drain(stream, handlers[kind]);
    summary[kind] = { read, counted: read - rejectedHere, rejected: rejectedHere };
  }

  // ---- facts --------------------------------------------------------------------------------
  const inventoryFacts = given.has("inventory")
    ? stores.map((_, si) => inventoryBoundaries(skus[si]!, nCycles))
    : [];
  const facts: PeriodFacts[] = [];
  for (let si = 0; si < nStores; si++) {
    const currency = storeCurrency[si]!;
    const e = storeExponent[si]!;
    const windows = [...windowIds.entries()]
      .filter(([, id]) => windowSeen[id]![si] === 1)
      .sort(([a], [b]) => compareWindows(a, b));
    for (let c = 0; c < nCycles; c++) {
      const cell = si * nCycles + c;
      const money = (sum: MoneySum) => moneyTotal(sum, cell, currency, e);
      const fact: PeriodFacts = { store: stores[si]!.id, period: { ...cycles[c]! }, currency };
      if (given.has("orders") || given.has("refunds")) {
        fact.sales = {
          ...(given.has("orders")
            ? {
                orders: countTotal(orders, cell, "orders"),
                units: countTotal(units, cell, "units"),
                gross: money(gross),
                tax: money(tax),
                shipping: money(shipping),
                cancelledOrders: countTotal(cancelledOrders, cell, "cancelledOrders"),
                cancelledValue: money(cancelledValue),
              }
            : {}),
          ...(given.has("refunds")
            ? {
                refunds: money(refunds),
                refundsOnPeriodOrders: money(refundsOnPeriodOrders),
                refundedOrders: countTotal(refundedOrders, cell, "refundedOrders"),
                returnedUnits: countTotal(returnedUnits, cell, "returnedUnits"),
              }
            : {}),
        };
      }
      if (given.has("ads")) {
        fact.ads = {
          spend: money(spend),
          clicks: countTotal(clicks, cell, "clicks"),
          impressions: countTotal(impressions, cell, "impressions"),
          attributed: Object.fromEntries(
            windows.map(([key, id]) => [
              key,
              {
                sales: money(windowSales[id]!),
                orders: countTotal(windowOrders[id]!, cell, `attributed ${key} orders`),
              },
            ]),
          ),
        };
      }
      if (given.has("traffic")) {
        fact.traffic = {
          sessions: countTotal(sessions, cell, "sessions"),
          pageViews: countTotal(pageViews, cell, "pageViews"),
        };
      }
      if (given.has("reviews")) {
        const at = cell * 5;
        fact.reviews = {
          byStars: {
            "1": stars[at]!,
            "2": stars[at + 1]!,
            "3": stars[at + 2]!,
            "4": stars[at + 3]!,
            "5": stars[at + 4]!,
          },
        };
      }
      if (given.has("inventory")) {
        const b = inventoryFacts[si]!;
        const opening = b[c]!;
        const closing = b[c + 1]!;
        fact.inventory = {
          ...(opening.units !== undefined ? { openingUnits: opening.units } : {}),
          ...(closing.units !== undefined ? { closingUnits: closing.units } : {}),
          ...(opening.value !== undefined
            ? { openingValue: roundMoney(opening.value, currency, "half-up") }
            : {}),
          ...(closing.value !== undefined
            ? { closingValue: roundMoney(closing.value, currency, "half-up") }
            : {}),
        };
      }
      facts.push(fact);
    }
  }
  return { facts, rejected, warnings, summary };
}

// Stock at each boundary k = 0..nCycles (the end of the day before cycle k starts; k = nCycles is the
// period's last day): per SKU the latest snapshot on or before it. `units` is absent while no SKU of
// the store has a snapshot yet; `value` is absent unless every SKU holding units has a unitCost.
function inventoryBoundaries(
  skus: Map<string, SkuSnapshots>,
  nCycles: number,
): { units: number | undefined; value: string | undefined }[] {
  const boundaries: { units: number | undefined; value: string | undefined }[] = [];
  const unitTotals = new Array<number>(nCycles + 1).fill(0);
  const seen = new Array<boolean>(nCycles + 1).fill(false);
  const costed = new Array<boolean>(nCycles + 1).fill(true);
  const values = new Array<Scaled>(nCycles + 1).fill({ units: 0n, scale: 0 });
  for (const slots of skus.values()) {
    let date: string | undefined;
    let held = 0;
    let cost = "";
    for (let k = 0; k <= nCycles; k++) {
      if (slots.dates[k] !== undefined) {
        date = slots.dates[k];
        held = slots.units[k]!;
        cost = slots.costs[k]!;
      }
      if (date === undefined) continue;
      seen[k] = true;
      unitTotals[k]! += held;
      if (held === 0) continue;
      if (cost === "") costed[k] = false;
      else {
        const unitCost = parseScaled(cost);
        values[k] = plus(values[k]!, { units: BigInt(held) * unitCost.units, scale: unitCost.scale });
      }
    }
  }
  for (let k = 0; k <= nCycles; k++) {
    if (unitTotals[k]! > Number.MAX_SAFE_INTEGER) {
      throw new KpiContractError(
        "records-count-overflow",
        "The inventory units count exceeds the largest safe integer",
        {
          field: "inventory units",
        },
      );
    }
    boundaries.push({
      units: seen[k] ? unitTotals[k]! : undefined,
      value: seen[k] && costed[k] ? scaledToDecimalString(values[k]!.units, values[k]!.scale) : undefined,
    });
  }
  return boundaries;
}

// "1d" < "7d" < "14d" < "30d" < other keys: by leading number, then by text.
function compareWindows(a: string, b: string): number {
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  const ha = Number.isNaN(na) ? Number.POSITIVE_INFINITY : na;
  const hb = Number.isNaN(nb) ? Number.POSITIVE_INFINITY : nb;
  if (ha !== hb) return ha < hb ? -1 : 1;
  // Window keys are distinct (keys of a Map): two keys are never equal.
  return a < b ? -1 : 1;
}

function checkSources(sources: RecordSources): Set<RecordSource> {
  if (typeof sources !== "object" || sources === null) {
    throw new KpiContractError(
      "aggregate-sources-invalid",
      "sources must be an object of row streams by kind",
      {},
    );
  }
  const given = new Set<RecordSource>();
  for (const key of Object.keys(sources)) {
    if (!(RECORD_SOURCES as readonly string[]).includes(key)) {
      throw new KpiContractError(
        "aggregate-sources-invalid",
        `Unknown source "${key}": use ${RECORD_SOURCES.join(", ")}`,
        { source: key },
      );
    }
    const stream = (sources as Record<string, unknown>)[key];
    if (stream === undefined) continue;
    const iterable =
      typeof stream === "object" &&
      stream !== null &&
      (Symbol.iterator in stream || Symbol.asyncIterator in stream);
    if (!iterable) {
      throw new KpiContractError(
        "aggregate-sources-invalid",
        `Source "${key}" must be an array, an iterable or an async iterable of rows`,
        { source: key },
      );
    }
    given.add(key as RecordSource);
  }
  return given;
}

async function drain(
  stream: RecordStream,
  handle: (row: unknown, index: number) => boolean,
): Promise<number> {
  let index = 0;
  if (Array.isArray(stream)) {
    for (; index < stream.length; index++) handle(stream[index], index);
    return index;
  }
  if (Symbol.asyncIterator in stream) {
    for await (const row of stream as AsyncIterable<unknown>) handle(row, index++);
    return index;
  }
  for (const row of stream as Iterable<unknown>) handle(row, index++);
  return index;
}

function internalError(kind: string): KpiContractError {
  return new KpiContractError("records-internal", `internal: a parsed ${kind} was not readable`, { kind });
}
