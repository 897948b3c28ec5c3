import { renderStatement } from "../report/renderStatement.js";
import { EXIT, type ExitCode } from "./CliError.js";
import type { CliIo } from "./CliIo.js";
import { HELP } from "./help.js";
import {
  choiceFlag,
  localeFlag,
  parseCommandArgs,
  parsePeriodArg,
  requiredFlag,
  requiredPositional,
  stringFlag,
} from "./parseCommandArgs.js";
import { readContractFile } from "./readContractFile.js";
import { readJsonInput } from "./readInputFile.js";
import {
  earlierStatements,
  settleFromFiles,
  splitSettlementFiles,
  standingHistoryOf,
} from "./settleFromFiles.js";
import { writeOutput } from "./writeOutput.js";

/** The output formats of statements on the command line. */
export const STATEMENT_FORMATS = ["text", "json", "md", "html"] as const;

/** The report format of a command-line format word. */
export const REPORT_FORMAT = { text: "text", md: "markdown", html: "html" } as const;

/**
 * `kpi-contract settle <contract.json> --facts f --cycle 2026-03 …`: settles one cycle and prints
 * the statement (text, JSON, Markdown or HTML with charts over the earlier cycles).
 *
 * @param args - the arguments after `settle`
 * @param io - the process io
 * @returns the exit code
 * @throws {@link CliError} for usage, input and refusal errors
 * @example
 * ```ts
 * await settleCommand(["contract.json", "--facts", "march.json", "--cycle", "2026-03"], io);
 * ```
 */
export function settleCommand(args: readonly string[], io: CliIo): ExitCode {
  const { values, positionals } = parseCommandArgs(
    "settle",
    args,
    {
      facts: { type: "string" },
      history: { type: "string" },
      cycle: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      locale: { type: "string" },
      "allow-invalid": { type: "boolean" },
    },
    1,
  );
  if (values.help === true) {
    io.stdout(HELP.settle);
    return EXIT.ok;
  }
  const contractFile = requiredPositional("settle", positionals, "<contract.json>");
  const factsFile = requiredFlag("settle", values, "facts");
  const cycleText = requiredFlag("settle", values, "cycle");
  const cycle = parsePeriodArg("settle", "cycle", cycleText);
  const format = choiceFlag("settle", values, "format", STATEMENT_FORMATS, "text");
  const locale = localeFlag("settle", values);
  const historyFile = stringFlag(values, "history");

  const { input: contract, contract: parsedContract } = readContractFile(contractFile, io.cwd);
  const facts = readJsonInput(factsFile, io.cwd, "facts");
  const history = historyFile === undefined ? undefined : readJsonInput(historyFile, io.cwd, "history");
  const files = splitSettlementFiles(contract, facts, history, cycle);
  const options = { locale, allowInvalid: values["allow-invalid"] === true };
  // The earlier cycles the history settles: charted in the reports, and their scores make the
  // standing count failures before this cycle (SPEC §7) when the contract has standing rules.
  const earlier = earlierStatements(parsedContract, files, cycle, options);
  const statement = settleFromFiles(files, cycle, cycleText, {
    ...options,
    ...(parsedContract.standing !== undefined ? { standingHistory: standingHistoryOf(earlier, cycle) } : {}),
  });
  if (files.ignored > 0) {
    io.stderr(
      `kpi-contract: note: ${files.ignored} ${files.ignored === 1 ? "entry" : "entries"} of ${factsFile} after ${cycle.end} left out\n`,
    );
  }
  if (format === "json") {
    writeOutput(io, JSON.stringify(statement, null, 2), stringFlag(values, "out"));
    return EXIT.ok;
  }
  const report = renderStatement(statement, {
    format: REPORT_FORMAT[format],
    locale: locale ?? parsedContract.locale ?? "en",
    history: earlier,
  });
  writeOutput(io, report, stringFlag(values, "out"));
  return EXIT.ok;
}
