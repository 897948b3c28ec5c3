import type { Locale } from "../contract/schema.js";
import type { FactPath } from "../facts/readFact.js";
import type { PeriodFactsInput } from "../facts/schema.js";
import type { StatementLine } from "../settlement/SettlementStatement.js";
import type { TargetStatus } from "../targets/evaluateTargets.js";
import type { DecimalString } from "../values/decimal.js";
import type { Period } from "../values/period.js";

/** What `reconcile` compares (SPEC §11): the cycle, both versions of its facts, and the shared history. */
export interface ReconcileInput {
  /** The cycle to reconcile: one of `cyclesOf(term, cycle)`. */
  readonly cycle: Period;
  /** The facts the agency reports: one entry per store (`store` set, `period` equal to the cycle). */
  readonly reported: readonly PeriodFactsInput[];
  /** The facts rebuilt from the platform's own exports (for example by `aggregateFacts`), same form. */
  readonly verified: readonly PeriodFactsInput[];
  /** Earlier cycles (each a whole cycle of one store), shared by both versions: baselines and windows. */
  readonly history?: readonly PeriodFactsInput[] | undefined;
}

/**
 * How far the two versions may differ before a difference counts: both as decimal strings (or
 * finite numbers); `relative` also accepts a percent string (`"1%"`).
 */
export interface ReconcileToleranceInput {
  /** Largest accepted |difference|, in each value's own unit (store currency, count, KPI unit). */
  readonly absolute: DecimalString | number;
  /** Largest accepted |difference| ÷ |verified|, a fraction (`"0.01"`) or a percent (`"1%"`). */
  readonly relative: DecimalString | number;
}

/** The tolerance as used, normalised (`"1%"` becomes `"0.01"`). */
export interface ReconcileTolerance {
  readonly absolute: DecimalString;
  readonly relative: DecimalString;
}

/** Options of `reconcile`. */
export interface ReconcileOptions {
  /** The tolerance (required: an audit states what it accepts). */
  readonly tolerance: ReconcileToleranceInput;
  /** Settle both versions even when the contract has SMART errors (passed to `settle`). Default false. */
  readonly allowInvalid?: boolean;
  /** Language of the summary message; the contract's `locale` by default. */
  readonly locale?: Locale;
}

/** Why a `relative` is null. */
export type RelativeNullReason =
  /** The verified value is 0 and the difference is not: the relative difference is unbounded. */
  | "zero-verified"
  /** Only the verified side has a value. */
  | "missing-reported"
  /** Only the reported side has a value. */
  | "missing-verified"
  /** Neither side has a value (a pending target, or no value on either side). */
  | "missing-both";

/** Whether a fact field was compared, or is present on one side only. */
export type FactFieldStatus = "compared" | "missing-reported" | "missing-verified";

/** One fact field of one store, reported against verified. */
export interface FactReconciliation {
  readonly store: string;
  /** The fact path, for example `"sales.gross"` or `"ads.attributed.14d.sales"`. */
  readonly field: FactPath;
  /** `money` (in `currency`) or `count`. */
  readonly unit: "money" | "count";
  /** The store's facts currency (money fields only). */
  readonly currency?: string;
  /** `compared`, or which side lacks the field (never taken as 0). */
  readonly status: FactFieldStatus;
  readonly reported: DecimalString | null;
  readonly verified: DecimalString | null;
  /** reported − verified; null when a side is missing. */
  readonly difference: DecimalString | null;
  /** difference ÷ |verified| (34 significant digits); "0" when the difference is 0; else null with `reason`. */
  readonly relative: DecimalString | null;
  /** Why `relative` is null. */
  readonly reason?: RelativeNullReason;
  /** |difference| > absolute AND |relative| > relative (a zero verified value counts as an unbounded relative). */
  readonly exceeds: boolean;
}

/** How a target came out on one version: its evaluation status, or `unavailable` when it could not be evaluated. */
export type ReconciledTargetStatus = TargetStatus | "unavailable";

/** One target's KPI, judged on each version exactly as `settle` judges it. */
export interface KpiReconciliation {
  readonly targetId: string;
  readonly kpi: string;
  /** The KPI's unit (money KPIs are in the fee schedule's currency). */
  readonly unit: "money" | "ratio" | "count" | "days" | "stars";
  /** The judged period: the cycle, or the target's evaluation window. */
  readonly period: Period;
  /** The evaluation's actual value on the reported facts (null while pending or without a value). */
  readonly reported: DecimalString | null;
  readonly verified: DecimalString | null;
  readonly reportedStatus: ReconciledTargetStatus;
  readonly verifiedStatus: ReconciledTargetStatus;
  /** Why the reported value is null: a KPI null reason, `pending`, or the error code that made it unavailable. */
  readonly reportedReason?: string;
  readonly verifiedReason?: string;
  readonly difference: DecimalString | null;
  readonly relative: DecimalString | null;
  readonly reason?: RelativeNullReason;
  /**
   * Money and count KPIs: |difference| > absolute AND |relative| > relative; ratio, days and stars
   * KPIs: |relative| > relative alone; a value on one side only always exceeds.
   */
  readonly exceeds: boolean;
  /** The status differs between the versions (met on one, missed on the other…). */
  readonly statusChanged: boolean;
}

/** An error that kept one version from being settled or evaluated. */
export interface ReconcileSideError {
  readonly code: string;
  readonly message: string;
}

/** One fee line on each version. */
export interface FeeLineReconciliation {
  readonly component: string;
  readonly kind: StatementLine["kind"];
  /** The line's amount on the reported facts; null when that statement has no such line. */
  readonly reported: DecimalString | null;
  readonly verified: DecimalString | null;
  /** reported − verified, a missing line counting as no charge; null when a version could not be settled. */
  readonly difference: DecimalString | null;
}

/** The fee each version of the facts would produce for the cycle. */
export interface FeeReconciliation {
  /** The fee schedule's currency. */
  readonly currency: string;
  readonly reportedTotal: DecimalString | null;
  readonly verifiedTotal: DecimalString | null;
  /** reportedTotal − verifiedTotal: positive means the reported facts would overcharge the seller. */
  readonly difference: DecimalString | null;
  readonly lines: readonly FeeLineReconciliation[];
  /** The digest of each statement, so either can be recomputed and verified. */
  readonly reportedDigest?: string;
  readonly verifiedDigest?: string;
  /** Why a version could not be settled (its facts lack what a basis or target needs, or an FX rate). */
  readonly reportedError?: ReconcileSideError;
  readonly verifiedError?: ReconcileSideError;
}

/** Counts over the reconciliation and one sentence for people. */
export interface ReconciliationSummary {
  readonly fields: {
    readonly compared: number;
    readonly exceeding: number;
    readonly missingReported: number;
    readonly missingVerified: number;
  };
  readonly kpis: {
    /** Targets with a value on both versions. */
    readonly compared: number;
    /** Compared targets whose difference exceeds the tolerance: never more than `compared`. */
    readonly exceeding: number;
    /** Targets with a value on the verified version only (each a finding: `ok` is false). */
    readonly missingReported: number;
    /** Targets with a value on the reported version only (each a finding: `ok` is false). */
    readonly missingVerified: number;
    readonly statusChanged: number;
  };
  readonly feeDifference: DecimalString | null;
  readonly message: string;
}

/** The result of `reconcile` (SPEC §11): plain JSON, decimals as strings. */
export interface Reconciliation {
  readonly contractId: string;
  readonly cycle: Period;
  readonly tolerance: ReconcileTolerance;
  /**
   * True when no fact field and no KPI exceeds the tolerance, no target changes status, both
   * versions could be settled and their fees are equal.
   */
  readonly ok: boolean;
  readonly fields: readonly FactReconciliation[];
  readonly kpis: readonly KpiReconciliation[];
  readonly fees: FeeReconciliation;
  readonly summary: ReconciliationSummary;
}
