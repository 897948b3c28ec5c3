import type { Contract, Locale } from "../contract/schema.js";
import type { PeriodFactsInput } from "../facts/schema.js";
import type { SettlementStatement } from "../settlement/SettlementStatement.js";
import { settle } from "../settlement/settle.js";
import { cyclesOf } from "../values/cycle.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { addDays, type Period, sameDays } from "../values/period.js";
import { CliError, type CliLocation, EXIT } from "./CliError.js";
import { libraryProblem } from "./libraryProblem.js";
import { type JsonInput, jsonLocation } from "./readInputFile.js";

/** Where an entry of the facts or history given to `settle` came from. */
interface Origin {
  readonly input: JsonInput;
  /** Its index in the file's array; null when the file holds a single object. */
  readonly index: number | null;
}

/** The facts of a cycle and the history, read from the files, with where each entry came from. */
export interface SettlementFiles {
  readonly contract: JsonInput;
  readonly facts: readonly PeriodFactsInput[];
  readonly history: readonly PeriodFactsInput[];
  readonly factsOrigin: readonly Origin[];
  readonly historyOrigin: readonly Origin[];
  /** Entries of the facts file dated after the cycle, left out. */
  readonly ignored: number;
}

function entriesOf(input: JsonInput, what: string): { entry: unknown; origin: Origin }[] {
  if (Array.isArray(input.data))
    return input.data.map((entry, index) => ({ entry, origin: { input, index } }));
  if (input.data !== null && typeof input.data === "object")
    return [{ entry: input.data, origin: { input, index: null } }];
  throw new CliError(EXIT.input, `the ${what} must be a JSON array of period facts`, {
    file: input.file,
    line: 1,
    column: 1,
  });
}

function periodOf(entry: unknown): Period | undefined {
  const p = (entry as { period?: Partial<Period> } | null)?.period;
  return typeof p?.start === "string" && typeof p.end === "string"
    ? { start: p.start, end: p.end }
    : undefined;
}

/**
 * Splits the facts file into the cycle's facts and earlier history (entries of the facts file that
 * end before the cycle join the history file's entries; later ones are left out), remembering each
 * entry's file and index so that problems can be shown where they are.
 *
 * @param contract - the contract file
 * @param factsInput - the `--facts` file
 * @param historyInput - the `--history` file
 * @param cycle - the cycle to settle
 * @returns the facts, history and origins
 * @throws {@link CliError} exit 3 when a file is not an array (or one object) of facts
 * @example
 * ```ts
 * const files = splitSettlementFiles(contract, facts, history, { start: "2026-03-01", end: "2026-03-31" });
 * ```
 */
export function splitSettlementFiles(
  contract: JsonInput,
  factsInput: JsonInput,
  historyInput: JsonInput | undefined,
  cycle: Period,
): SettlementFiles {
  const facts: PeriodFactsInput[] = [];
  const history: PeriodFactsInput[] = [];
  const factsOrigin: Origin[] = [];
  const historyOrigin: Origin[] = [];
  let ignored = 0;
  if (historyInput !== undefined) {
    if (!Array.isArray(historyInput.data)) {
      throw new CliError(EXIT.input, "the history must be a JSON array of period facts", {
        file: historyInput.file,
        line: 1,
        column: 1,
      });
    }
    for (const { entry, origin } of entriesOf(historyInput, "history")) {
      history.push(entry as PeriodFactsInput);
      historyOrigin.push(origin);
    }
  }
  for (const { entry, origin } of entriesOf(factsInput, "facts")) {
    const period = periodOf(entry);
    if (period !== undefined && period.end < cycle.start) {
      history.push(entry as PeriodFactsInput);
      historyOrigin.push(origin);
    } else if (period !== undefined && period.start > cycle.end) {
      ignored++;
    } else {
      facts.push(entry as PeriodFactsInput);
      factsOrigin.push(origin);
    }
  }
  return { contract, facts, history, factsOrigin, historyOrigin, ignored };
}

/**
 * Finds the file location of a settlement issue path: `facts[i]…` and `history[i]…` lead into the
 * file the entry came from, anything else into the contract.
 */
function locator(files: SettlementFiles) {
  return (path: readonly (string | number)[]): CliLocation | undefined => {
    const [head, index, ...rest] = path;
    const origins =
      head === "facts" ? files.factsOrigin : head === "history" ? files.historyOrigin : undefined;
    if (origins === undefined) return jsonLocation(files.contract, path);
    const origin = typeof index === "number" ? origins[index] : undefined;
    if (origin === undefined) return undefined;
    return jsonLocation(origin.input, origin.index === null ? rest : [origin.index, ...rest]);
  };
}

/** Options of the settlement commands. */
export interface CliSettleOptions {
  readonly locale?: Locale | undefined;
  readonly allowInvalid: boolean;
  /** Scores of the cycles before, for the standing (SPEC §7); see {@link standingHistoryOf}. */
  readonly standingHistory?: readonly { readonly cycle: Period; readonly score: string | null }[];
}

/**
 * The standing history the command line passes to `settle`: the scores of the earlier statements
 * that run without a gap up to the cycle just before the one settled. A cycle the history could
 * not settle breaks the run, since nobody knows whether it failed; scores before it are left out.
 *
 * @param earlier - earlier statements of the term, oldest first ({@link earlierStatements})
 * @param cycle - the cycle being settled
 * @returns the cycles and scores, oldest first (empty when the cycle before was not settled)
 * @example
 * ```ts
 * standingHistoryOf(earlierStatements(contract, files, cycle, options), cycle);
 * ```
 */
export function standingHistoryOf(
  earlier: readonly SettlementStatement[],
  cycle: Period,
): { cycle: Period; score: string | null }[] {
  const out: { cycle: Period; score: string | null }[] = [];
  let next = cycle.start;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const s = earlier[i] as SettlementStatement;
    if (addDays(s.cycle.end, 1) !== next) break;
    out.unshift({ cycle: { start: s.cycle.start, end: s.cycle.end }, score: s.score });
    next = s.cycle.start;
  }
  return out;
}

/**
 * Maps an error of `settle` (or `compareSchedules`) to the command line's: malformed contract,
 * facts or history are input errors (3) at their file location, a cycle that is not one of the
 * term is a usage error (2), everything else is a refusal (1).
 *
 * @param error - what was thrown
 * @param files - the files, to locate issues
 * @param cycleText - the `--cycle` as written
 * @returns the error to throw
 * @example
 * ```ts
 * try { settle(…) } catch (e) { throw settlementProblem(e, files, "2026-03"); }
 * ```
 */
export function settlementProblem(error: unknown, files: SettlementFiles, cycleText: string): unknown {
  if (!(error instanceof KpiContractError)) return error;
  const locate = locator(files);
  switch (error.code) {
    case "contract-invalid":
      return libraryProblem(error, EXIT.input, "the contract is invalid: ", locate);
    case "input-invalid":
    case "facts-invalid":
    case "history-invalid":
      return libraryProblem(error, EXIT.input, "", locate);
    case "cycle-invalid":
      return new CliError(
        EXIT.usage,
        `settle: --cycle ${cycleText}: ${error.issues[0]?.message ?? error.message}. Run "kpi-contract settle --help" for usage.`,
      );
    case "contract-not-smart":
      return libraryProblem(
        error,
        EXIT.refused,
        `settlement refused: the contract has SMART errors (see "kpi-contract validate"; --allow-invalid settles anyway): `,
        locate,
      );
    default:
      return libraryProblem(error, EXIT.refused, "settlement refused: ", locate);
  }
}

/**
 * Settles the cycle, mapping the library's errors to the command line's.
 *
 * @param files - the contract, facts and history
 * @param cycle - the cycle
 * @param cycleText - the `--cycle` as written
 * @param options - locale and allowInvalid
 * @returns the statement
 * @throws {@link CliError} as {@link settlementProblem} describes
 * @example
 * ```ts
 * const statement = settleFromFiles(files, cycle, "2026-03", { allowInvalid: false });
 * ```
 */
export function settleFromFiles(
  files: SettlementFiles,
  cycle: Period,
  cycleText: string,
  options: CliSettleOptions,
): SettlementStatement {
  try {
    return settle(
      files.contract.data,
      { cycle, facts: files.facts, history: files.history },
      {
        allowInvalid: options.allowInvalid,
        ...(options.locale ? { locale: options.locale } : {}),
        ...(options.standingHistory !== undefined && options.standingHistory.length > 0
          ? { standingHistory: options.standingHistory }
          : {}),
      },
    );
  } catch (error) {
    throw settlementProblem(error, files, cycleText);
  }
}

/**
 * Settles each earlier cycle of the term that the history covers, for the charts of the report.
 * A cycle the history cannot settle (a store missing, a baseline out of reach) is left out.
 *
 * @param contract - the parsed contract (for its term and cycle)
 * @param files - the contract, facts and history
 * @param cycle - the cycle being reported
 * @param options - locale and allowInvalid
 * @returns the earlier statements, oldest first
 * @example
 * ```ts
 * renderStatement(statement, { format: "html", history: earlierStatements(contract, files, cycle, options) });
 * ```
 */
export function earlierStatements(
  contract: Contract,
  files: SettlementFiles,
  cycle: Period,
  options: CliSettleOptions,
): SettlementStatement[] {
  const out: SettlementStatement[] = [];
  for (const c of cyclesOf(contract.term, contract.cycle)) {
    if (c.end >= cycle.start) break;
    const facts = files.history.filter((f) => {
      const p = periodOf(f);
      return p !== undefined && sameDays(p, c);
    });
    if (facts.length === 0) continue;
    const history = files.history.filter((f) => {
      const p = periodOf(f);
      return p !== undefined && p.end < c.start;
    });
    try {
      out.push(
        settle(
          files.contract.data,
          { cycle: c, facts, history },
          { allowInvalid: options.allowInvalid, ...(options.locale ? { locale: options.locale } : {}) },
        ),
      );
    } catch {
      // Not every earlier cycle can be settled from the history given; the chart then has no bar for it.
    }
  }
  return out;
}
