import * as z from "zod";
import { localeSchema, type StandingRules, standingRulesSchema } from "../contract/schema.js";
import { D, readableDecimal } from "../internal/decimal.js";
import { describeIssues, refuse, toValidationIssues } from "../internal/issues.js";
import { type DecimalString, decimalSchema, normalizeDecimal } from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { addDays, type DateString, type Period, periodSchema } from "../values/period.js";

/** Where a contract stands (SPEC §7). */
export type StandingState = "good" | "warning" | "rectification" | "termination-eligible";

/** What happened in one cycle that explains the state. */
export type StandingReasonCode =
  | "cycle-passed"
  | "cycle-failed"
  | "rectification-started"
  | "cycle-during-rectification"
  | "rectification-passed"
  | "rectification-failed";

/** One event behind the state: data first (code, cycle, score, threshold), then a sentence. */
export interface StandingReason {
  readonly code: StandingReasonCode;
  readonly cycle: Period;
  readonly score: DecimalString;
  readonly threshold: DecimalString;
  readonly message: string;
}

/** The standing of a contract after its scored cycles. */
export interface StandingResult {
  readonly state: StandingState;
  /** The day the state began (the day after the cycle that caused it); null with no scored cycle. */
  readonly since: DateString | null;
  /** The events behind the state, oldest first. */
  readonly reasons: readonly StandingReason[];
  /** Failing cycles in a row at the end of the history (0 after a pass or once rectification starts). */
  readonly consecutiveFailures: number;
  /** The rectification period, from its first to its last day, when one started and still matters. */
  readonly rectification?: Period;
}

/** One scored cycle, as statements report it. */
export interface StandingEntry {
  readonly cycle: Period;
  /** The cycle's weighted score; null cycles are skipped. */
  readonly score: DecimalString | null;
}

const historySchema = z.array(
  z.strictObject({ cycle: periodSchema, score: z.union([decimalSchema, z.null()]) }),
  { error: "Expected an array of { cycle, score }" },
);

/** Options of {@link evaluateStanding}. */
export interface EvaluateStandingOptions {
  /** Language of the reason messages; `en` by default. */
  readonly locale?: "en" | "zh-CN";
}

function fail(code: string, message: string, issues: ReturnType<typeof toValidationIssues> = []): never {
  throw new KpiContractError(code, message, { count: issues.length }, issues);
}

/** The options of {@link evaluateStanding}. */
const optionsSchema = z.looseObject({ locale: localeSchema.optional() });

/**
 * Evaluates a contract's standing (SPEC §7) from its scored cycles: a cycle fails when its score is
 * strictly below `threshold`; `good` after a pass; `warning` after 1 to `consecutiveCycles − 1`
 * failing cycles in a row; `rectification` after `consecutiveCycles` of them, starting the day after
 * the last and lasting `rectificationDays`; the first cycle ending on or after the rectification's
 * last day decides: a pass returns to `good`, a fail makes the contract `termination-eligible`, which
 * stays for the rest of the term. Cycles with a null score are skipped.
 *
 * @param rules - the contract's `standing` rules `{ threshold, consecutiveCycles, rectificationDays }`
 * @param history - the scored cycles in order, `[{ cycle, score }]`
 * @param options - `locale` of the messages
 * @returns `{ state, since, reasons, consecutiveFailures, rectification? }`
 * @throws {@link KpiContractError} `standing-rules-invalid`, `standing-history-invalid`,
 *   `standing-history-unordered` (cycles must ascend without overlapping)
 * @example
 * ```ts
 * const rules = { threshold: "0.7", consecutiveCycles: 2, rectificationDays: 30 };
 * evaluateStanding(rules, [
 *   { cycle: { start: "2026-01-01", end: "2026-01-31" }, score: "0.6" },
 *   { cycle: { start: "2026-02-01", end: "2026-02-28" }, score: "0.65" },
 * ]); // { state: "rectification", since: "2026-03-01", rectification: { start: "2026-03-01", end: "2026-03-30" }, … }
 * ```
 */
export function evaluateStanding(
  rules: StandingRules | Readonly<Record<string, unknown>>,
  history: readonly StandingEntry[],
  options: EvaluateStandingOptions = {},
): StandingResult {
  const parsedRules = standingRulesSchema.safeParse(rules);
  if (!parsedRules.success) {
    const issues = toValidationIssues(parsedRules.error, ["rules"]);
    fail("standing-rules-invalid", `Invalid standing rules:\n${describeIssues(issues)}`, issues);
  }
  const parsedHistory = historySchema.safeParse(history);
  if (!parsedHistory.success) {
    const issues = toValidationIssues(parsedHistory.error, ["history"]);
    fail("standing-history-invalid", `Invalid standing history:\n${describeIssues(issues)}`, issues);
  }
  const { threshold, consecutiveCycles, rectificationDays } = parsedRules.data;
  const entries = parsedHistory.data;
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (prev !== undefined && e.cycle.start <= prev.cycle.end) {
      throw new KpiContractError(
        "standing-history-unordered",
        `Standing history must ascend without overlaps: ${e.cycle.start}..${e.cycle.end} does not follow ${prev.cycle.start}..${prev.cycle.end}`,
        { index: i },
      );
    }
  });
  const parsedOptions = optionsSchema.safeParse(options);
  if (!parsedOptions.success)
    refuse(
      "options-invalid",
      "Invalid standing options",
      toValidationIssues(parsedOptions.error, ["options"]),
    );
  const zh = parsedOptions.data.locale === "zh-CN";
  const reason = (
    code: StandingReasonCode,
    cycle: Period,
    score: DecimalString,
    extra = "",
  ): StandingReason => {
    // Scores are written as every non-money decimal (a history may give "0.60"): no trailing zeros.
    const written = normalizeDecimal(score);
    return {
      code,
      cycle,
      score: written,
      threshold,
      message: messageOf(code, cycle, written, threshold, extra, zh),
    };
  };

  let state: StandingState = "good";
  let since: DateString | null = null;
  let reasons: StandingReason[] = [];
  let run: StandingReason[] = [];
  let rectification: Period | undefined;
  for (const entry of entries) {
    if (entry.score === null) continue;
    since ??= entry.cycle.start;
    if (state === "termination-eligible") continue;
    const failed = new D(entry.score).lt(threshold);
    const dayAfter = addDays(entry.cycle.end, 1);
    if (state === "rectification" && rectification !== undefined) {
      if (entry.cycle.end >= rectification.end) {
        if (failed) {
          state = "termination-eligible";
          since = dayAfter;
          reasons.push(reason("rectification-failed", entry.cycle, entry.score, rectification.end));
        } else {
          state = "good";
          since = dayAfter;
          reasons = [reason("rectification-passed", entry.cycle, entry.score, rectification.end)];
          rectification = undefined;
        }
      } else {
        reasons.push(reason("cycle-during-rectification", entry.cycle, entry.score, rectification.end));
      }
      continue;
    }
    if (failed) {
      if (run.length === 0) since = dayAfter;
      run.push(reason("cycle-failed", entry.cycle, entry.score));
      if (run.length >= consecutiveCycles) {
        rectification = { start: dayAfter, end: addDays(entry.cycle.end, rectificationDays) };
        state = "rectification";
        since = rectification.start;
        reasons = [...run, reason("rectification-started", entry.cycle, entry.score, rectification.end)];
        run = [];
      } else {
        state = "warning";
        reasons = [...run];
      }
    } else {
      if (state !== "good") since = dayAfter;
      state = "good";
      run = [];
      reasons = [reason("cycle-passed", entry.cycle, entry.score)];
    }
  }
  return {
    state,
    since,
    reasons,
    consecutiveFailures: run.length,
    ...(rectification !== undefined ? { rectification } : {}),
  };
}

function messageOf(
  code: StandingReasonCode,
  cycle: Period,
  score: DecimalString,
  threshold: DecimalString,
  rectificationEnd: string,
  zh: boolean,
): string {
  const c = `${cycle.start}..${cycle.end}`;
  // Readable in the message; the exact score is in the statement.
  const shown = readableDecimal(score, threshold);
  switch (code) {
    case "cycle-passed":
      return zh
        ? `周期 ${c} 评分 ${shown} 不低于阈值 ${threshold}，通过。`
        : `Cycle ${c} scored ${shown}, not below the threshold ${threshold}: passed.`;
    case "cycle-failed":
      return zh
        ? `周期 ${c} 评分 ${shown} 低于阈值 ${threshold}，未通过。`
        : `Cycle ${c} scored ${shown}, below the threshold ${threshold}: failed.`;
    case "rectification-started":
      return zh
        ? `连续未通过，整改期自 ${cycle.end} 次日开始，至 ${rectificationEnd} 结束。`
        : `Consecutive failures: rectification starts the day after ${cycle.end} and lasts until ${rectificationEnd}.`;
    case "cycle-during-rectification":
      return zh
        ? `周期 ${c} 评分 ${shown} 在整改期（至 ${rectificationEnd}）结束前截止，不作判定。`
        : `Cycle ${c} scored ${shown}; it ends before the rectification's last day ${rectificationEnd} and does not decide.`;
    case "rectification-passed":
      return zh
        ? `整改期（至 ${rectificationEnd}）后首个周期 ${c} 评分 ${shown} 达到阈值 ${threshold}，恢复正常。`
        : `Cycle ${c}, the first ending on or after the rectification's last day ${rectificationEnd}, scored ${shown}: passed, back to good.`;
    case "rectification-failed":
      return zh
        ? `整改期（至 ${rectificationEnd}）后首个周期 ${c} 评分 ${shown} 低于阈值 ${threshold}，可终止合同。`
        : `Cycle ${c}, the first ending on or after the rectification's last day ${rectificationEnd}, scored ${shown}, below ${threshold}: the contract may be terminated.`;
  }
}
