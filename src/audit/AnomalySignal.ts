import type { Locale } from "../contract/schema.js";
import type { Cycle } from "../values/cycle.js";
import type { DecimalString } from "../values/decimal.js";
import type { Period } from "../values/period.js";

/** The anomaly signals the library computes on raw rows. */
export type AnomalySignalCode = "refund-cohort-jump" | "buyer-concentration" | "review-burst";

/**
 * How strong a signal is: `warning` when its measure passes the trigger, `alert` when it passes
 * twice the trigger (each signal documents its own measure).
 */
export type AnomalySignalSeverity = "warning" | "alert";

/** A store as the signals read it: a contract store or an `aggregateFacts` store satisfies it. */
export interface SignalStore {
  readonly id: string;
  /** The store's currency: money rows in another currency are refused. */
  readonly currency: string;
  /** IANA time zone: timestamps are placed on the store's local day (SPEC §1.4). */
  readonly timeZone: string;
  readonly platform?: string | undefined;
  readonly marketplace?: string | undefined;
  readonly name?: string | undefined;
}

/** What every signal function reads besides its rows. */
export interface SignalOptions {
  /** The stores rows may name. */
  readonly stores: readonly SignalStore[];
  /** The days examined, both ends included: rows outside it are left out. */
  readonly period: Period;
  /** Language of `message` (default `en`). */
  readonly locale?: Locale;
}

/** Options shared by the signals judged per cycle: `cycle` splits the period (omitted: the whole period is one window). */
export interface CycleSignalOptions extends SignalOptions {
  /** How the period is split (`{ days }` counted from `period.start`); omitted, the period is one window. */
  readonly cycle?: Cycle;
}

/** A signal's common fields: plain data first, `message` rendered last from `params`. */
export interface SignalBase<Code extends AnomalySignalCode, Params> {
  readonly signal: Code;
  readonly severity: AnomalySignalSeverity;
  readonly store: string;
  /** The cycle (cohort, window) or day the signal is about. */
  readonly period?: Period;
  /** The numbers involved (decimals as strings), stable for machines. */
  readonly params: Params;
  /** One sentence for people, in the requested locale. */
  readonly message: string;
}

/** `refund-cohort-jump`: the refunds booked on a cycle's orders after it closed, against the cohort's gross. */
export type RefundCohortJumpSignal = SignalBase<
  "refund-cohort-jump",
  {
    readonly currency: string;
    /** Orders of the cohort (placed in the cycle, at least one line not cancelled). */
    readonly orders: number;
    /** Σ itemPrice of the cohort's non-cancelled lines. */
    readonly gross: DecimalString;
    /** Σ amount of the refunds on the cohort dated (local day) after the cycle's last day. */
    readonly lateRefunds: DecimalString;
    /** How many refunds that is. */
    readonly lateRefundCount: number;
    /** Σ amount of the refunds on the cohort dated inside the cycle, for comparison. */
    readonly inCycleRefunds: DecimalString;
    /** lateRefunds ÷ gross. */
    readonly ratio: DecimalString;
    readonly threshold: DecimalString;
  }
>;

/** One of the top buyers or addresses. */
export interface ConcentrationLeader {
  readonly key: string;
  readonly orders: number;
  readonly gross: DecimalString;
}

/** `buyer-concentration`: the top N buyers (or addresses) hold too large a part of a window's orders or gross. */
export type BuyerConcentrationSignal = SignalBase<
  "buyer-concentration",
  {
    /** The column the orders were grouped by. */
    readonly by: "buyerId" | "addressHash";
    readonly top: number;
    readonly threshold: DecimalString;
    readonly currency: string;
    /** Orders in the window (at least one line not cancelled). */
    readonly orders: number;
    /** Of those, orders whose rows carry the column. */
    readonly ordersWithKey: number;
    readonly distinctKeys: number;
    /** Orders of the top N keys by orders. */
    readonly topOrders: number;
    /** topOrders ÷ orders. */
    readonly ordersShare: DecimalString;
    readonly gross: DecimalString;
    /** Gross of the top N keys by gross. */
    readonly topGross: DecimalString;
    /** topGross ÷ gross ("0" when the gross is 0). */
    readonly grossShare: DecimalString;
    /** The top N keys by orders. */
    readonly leaders: readonly ConcentrationLeader[];
  }
>;

/** `review-burst`: one local day with far more reviews than the store's median day. */
export type ReviewBurstSignal = SignalBase<
  "review-burst",
  {
    readonly date: string;
    readonly reviews: number;
    /** The median daily review count over every day of the period (days without reviews count as 0). */
    readonly median: DecimalString;
    readonly k: DecimalString;
    readonly minReviews: number;
    /** Days in the period. */
    readonly days: number;
  }
>;

/** An anomaly signal: data first (`signal`, `severity`, `store`, `period`, `params`), `message` last. */
export type AnomalySignal = RefundCohortJumpSignal | BuyerConcentrationSignal | ReviewBurstSignal;
