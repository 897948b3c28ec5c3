import type { Locale } from "../contract/schema.js";
import type { PeriodFacts, PeriodFactsInput } from "../facts/schema.js";
import type { FeeLine } from "../fees/feeLine.js";
import type { FxRateUse, TargetEvaluation } from "../targets/evaluateTargets.js";
import type { DecimalString } from "../values/decimal.js";
import type { Period } from "../values/period.js";
import type { StandingEntry, StandingResult } from "./evaluateStanding.js";

/** One line of a statement (SPEC §6.5): a fee component's line, or a minimum, maximum or tax line. */
export type StatementLine = FeeLine;

/** What `settle` reads besides the contract (SPEC §6.5). */
export interface SettlementInput {
  /** The settled cycle: one of `cyclesOf(term, cycle)`. */
  readonly cycle: Period;
  /** One entry per store, `store` set, `period` equal to the cycle. */
  readonly facts: readonly PeriodFactsInput[];
  /** Earlier cycles (each a whole cycle of one store), for baselines and window targets. */
  readonly history?: readonly PeriodFactsInput[] | undefined;
}

/** The previous cycle's statement as `settle` reads it for carry-forward: a statement satisfies it. */
export interface PreviousCycleStatement {
  readonly contractId: string;
  readonly cycle: Period;
  readonly digest: string;
  readonly lines: readonly Pick<StatementLine, "component" | "kind" | "carryForward">[];
}

/** An earlier statement of the same cycle as `settle` reads it for a true-up: a statement satisfies it. */
export interface PreviousStatement {
  readonly contractId: string;
  readonly cycle: Period;
  readonly digest: string;
  readonly total: DecimalString;
  readonly lines: readonly Pick<StatementLine, "component" | "kind" | "amount">[];
}

/** Options of `settle`. */
export interface SettleOptions {
  /**
   * Settle a contract that has SMART errors anyway; the statement then says so in `warnings` and
   * `options`. Default false: such a contract is refused (`contract-not-smart`).
   */
  readonly allowInvalid?: boolean;
  /** Language of line descriptions and warnings; the contract's `locale` by default. */
  readonly locale?: Locale;
  /** The previous cycle's statement: shares with `negativeBasis: "carry-forward"` read their carried basis from it. */
  readonly previousCycle?: PreviousCycleStatement;
  /** An earlier statement of the same cycle: the result then holds `adjustments` and `adjustmentTotal` (true-up). */
  readonly previous?: PreviousStatement;
  /** Scores of the earlier cycles, in order, for the contract's `standing` (SPEC §7). */
  readonly standingHistory?: readonly StandingEntry[];
  /** Split the total across the stores by their share of the fee basis (`allocation` in the statement). */
  readonly allocateBy?: "basis";
}

/** The options a statement was made with, as recorded in it (and hashed into its digest). */
export interface StatementOptions {
  readonly locale: Locale;
  readonly allowInvalid: boolean;
  /** The SMART error codes a statement settled with `allowInvalid` carries. */
  readonly smartErrors?: readonly string[];
  /** What was read from the previous cycle's statement. */
  readonly previousCycle?: {
    readonly cycle: Period;
    readonly digest: string;
    readonly carryForward: Readonly<Record<string, DecimalString>>;
  };
  /** The earlier statement of the same cycle a true-up was computed against. */
  readonly previous?: {
    readonly cycle: Period;
    readonly digest: string;
    readonly total: DecimalString;
    readonly lines: readonly Pick<StatementLine, "component" | "kind" | "amount">[];
  };
  readonly standingHistory?: readonly StandingEntry[];
  readonly allocateBy?: "basis";
}

/** One true-up adjustment: how much a line changed since the earlier statement of the cycle. */
export interface StatementAdjustment {
  readonly component: string;
  readonly kind: StatementLine["kind"];
  readonly previous: DecimalString;
  readonly current: DecimalString;
  /** current − previous: positive is owed to the agency, negative is a credit to the seller. */
  readonly amount: DecimalString;
}

/** A store's part of the total (`allocateBy: "basis"`). */
export interface StatementAllocation {
  readonly store: string;
  /** The store's basis value used as its weight. */
  readonly weight: DecimalString;
  readonly amount: DecimalString;
}

/**
 * A settlement statement (SPEC §6.5): every line with its trace, the exact total, the target
 * evaluations and score, the standing, warnings, the FX rates used, the options, the library
 * version and a digest of the canonical inputs so anyone can recompute and verify it.
 */
export interface SettlementStatement {
  readonly contractId: string;
  readonly cycle: Period;
  readonly currency: string;
  /** The proration of the cycle: d ÷ D. */
  readonly proration: { readonly days: number; readonly fullDays: number; readonly factor: DecimalString };
  readonly lines: readonly StatementLine[];
  /** Σ line amounts, exactly, with the currency's minor-unit digits. */
  readonly total: DecimalString;
  readonly evaluations: readonly TargetEvaluation[];
  readonly score: DecimalString | null;
  readonly scoreTrace: string;
  readonly standing?: StandingResult;
  readonly warnings: readonly string[];
  readonly fxRates: readonly FxRateUse[];
  readonly options: StatementOptions;
  /** True-up: one per line whose amount changed since `options.previous`. */
  readonly adjustments?: readonly StatementAdjustment[];
  /** True-up: Σ adjustments, the amount now due for the cycle (never floored or capped again). */
  readonly adjustmentTotal?: DecimalString;
  readonly allocation?: readonly StatementAllocation[];
  /** The library version that made the statement. */
  readonly version: string;
  /** SHA-256 (hex) of the RFC 8785 canonical JSON of `{ contract, input, options }`, decimals normalised. */
  readonly digest: string;
}

/** The parsed input a digest covers. @internal */
export interface ParsedSettlementInput {
  readonly cycle: Period;
  readonly facts: readonly PeriodFacts[];
  readonly history: readonly PeriodFacts[];
}
