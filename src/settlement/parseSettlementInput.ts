import type { Contract } from "../contract/schema.js";
import { readPeriod, safeParsePeriodFacts } from "../facts/internal/readPeriodFacts.js";
import type { PeriodFacts } from "../facts/schema.js";
import { refuse, toValidationIssues } from "../internal/issues.js";
import { cyclesOf, refuseNotACycle } from "../values/cycle.js";
import type { ValidationIssue } from "../values/KpiContractError.js";
import { type Period, periodSchema, sameDays } from "../values/period.js";
import type { ParsedSettlementInput } from "./SettlementStatement.js";

/** Parsed history arrays by the caller's history array (valid ones only): parsed once per array. */
const parsedHistories = new WeakMap<object, readonly PeriodFacts[]>();
const NO_HISTORY: readonly PeriodFacts[] = Object.freeze([]);

/** The cycles of recent terms, as `start..end` keys, by `termStart|termEnd|cycle` (a few entries). */
const termCycles = new Map<string, ReadonlySet<string>>();
const TERM_CYCLES_KEPT = 64;

function isCycleOf(contract: Contract, cycle: Period): boolean {
  const termKey = `${contract.term.start}|${contract.term.end}|${contract.cycle}`;
  let keys = termCycles.get(termKey);
  if (keys === undefined) {
    if (termCycles.size >= TERM_CYCLES_KEPT) termCycles.clear();
    keys = new Set(cyclesOf(contract.term, contract.cycle).map((c) => `${c.start}..${c.end}`));
    termCycles.set(termKey, keys);
  }
  return keys.has(`${cycle.start}..${cycle.end}`);
}

/** The cycle read on the fast path when it is a plain, well-formed period, else the schema's result. */
function parseCycle(input: unknown): ReturnType<typeof periodSchema.safeParse> {
  const fast = readPeriod(input);
  return fast !== undefined ? { success: true, data: fast } : periodSchema.safeParse(input);
}

/**
 * Validates the settlement input at the boundary (SPEC §6.5): `cycle` is one of
 * `cyclesOf(term, cycle)`; `facts` has one entry per store, each naming a store of the contract,
 * with `period` equal to the cycle; `history` entries are valid facts naming a store. A valid
 * history array is parsed once: later calls with the same array get the same parsed array.
 *
 * @internal
 */
export function parseSettlementInput(contract: Contract, input: unknown): ParsedSettlementInput {
  if (input === null || typeof input !== "object") {
    refuse("input-invalid", "Invalid settlement input", [
      { code: "invalid_type", path: [], message: "Expected { cycle, facts, history? }" },
    ]);
  }
  const raw = input as { cycle?: unknown; facts?: unknown; history?: unknown };
  const cycleResult = parseCycle(raw.cycle);
  if (!cycleResult.success)
    refuse("cycle-invalid", "Invalid cycle", toValidationIssues(cycleResult.error, ["cycle"]));
  const cycle = cycleResult.data;
  if (!isCycleOf(contract, cycle)) refuseNotACycle(contract.term, contract.cycle, cycle);

  const storeIds = new Set(contract.stores.map((s) => s.id));
  const issues: ValidationIssue[] = [];
  const facts: PeriodFacts[] = [];
  if (!Array.isArray(raw.facts)) {
    issues.push({
      code: "invalid_type",
      path: ["facts"],
      message: "Expected an array of period facts, one per store",
    });
  } else {
    const seen = new Map<string, number>();
    raw.facts.forEach((f: unknown, i: number) => {
      const parsed = safeParsePeriodFacts(f);
      if (!parsed.success) {
        issues.push(...toValidationIssues(parsed.error, ["facts", i]));
        return;
      }
      const data = parsed.data;
      if (data.store === undefined) {
        issues.push({
          code: "store-missing",
          path: ["facts", i, "store"],
          message: "Facts for settlement name their store",
        });
      } else if (!storeIds.has(data.store)) {
        issues.push({
          code: "store-unknown",
          path: ["facts", i, "store"],
          message: `Store ${data.store} is not a store of contract ${contract.id}`,
        });
      } else if (seen.has(data.store)) {
        issues.push({
          code: "facts-duplicate",
          path: ["facts", i, "store"],
          message: `Store ${data.store} already has facts at index ${seen.get(data.store)}`,
        });
      } else {
        seen.set(data.store, i);
      }
      if (!sameDays(data.period, cycle)) {
        issues.push({
          code: "period-mismatch",
          path: ["facts", i, "period"],
          message: `Facts cover ${data.period.start}..${data.period.end}, not the cycle ${cycle.start}..${cycle.end}`,
        });
      }
      facts.push(data);
    });
  }
  if (issues.length > 0) refuse("facts-invalid", "Invalid facts", issues);

  if (raw.history === undefined) return { cycle, facts, history: NO_HISTORY };
  const known =
    typeof raw.history === "object" && raw.history !== null ? parsedHistories.get(raw.history) : undefined;
  if (known !== undefined) return { cycle, facts, history: known };
  const history: PeriodFacts[] = [];
  if (!Array.isArray(raw.history)) {
    issues.push({ code: "invalid_type", path: ["history"], message: "Expected an array of period facts" });
  } else {
    raw.history.forEach((f: unknown, i: number) => {
      const parsed = safeParsePeriodFacts(f);
      if (!parsed.success) {
        issues.push(...toValidationIssues(parsed.error, ["history", i]));
        return;
      }
      if (parsed.data.store === undefined) {
        issues.push({
          code: "store-missing",
          path: ["history", i, "store"],
          message: "History facts name their store",
        });
      }
      history.push(parsed.data);
    });
  }
  if (issues.length > 0) refuse("history-invalid", "Invalid history", issues);
  // Kept for later calls with the same array (settle's caches are keyed by the parsed array);
  // mutating a history array after passing it to settle is not supported.
  parsedHistories.set(raw.history as object, Object.freeze(history));
  return { cycle, facts, history };
}
