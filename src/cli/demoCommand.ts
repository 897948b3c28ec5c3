import { parseContract } from "../contract/parseContract.js";
import type { PeriodFactsInput } from "../facts/schema.js";
import { renderStatement } from "../report/renderStatement.js";
import { settle } from "../settlement/settle.js";
import { EXIT, type ExitCode } from "./CliError.js";
import type { CliIo } from "./CliIo.js";
import { DEMO_CONTRACT, DEMO_HISTORY, DEMO_MARCH } from "./demo-data.js";
import { HELP } from "./help.js";
import { choiceFlag, localeFlag, parseCommandArgs, stringFlag } from "./parseCommandArgs.js";
import { REPORT_FORMAT, STATEMENT_FORMATS } from "./settleCommand.js";
import { earlierStatements, splitSettlementFiles } from "./settleFromFiles.js";
import { writeOutput } from "./writeOutput.js";

const MARCH = { start: "2026-03-01", end: "2026-03-31" } as const;

/**
 * `kpi-contract demo`: settles March 2026 of the bundled worked example (SPEC §8) and prints the
 * statement, so a newcomer sees the main job with one command and no files of their own.
 *
 * @param args - the arguments after `demo`
 * @param io - the process io
 * @returns 0
 * @throws {@link CliError} for usage errors or an unwritable `--out`
 * @example
 * ```ts
 * demoCommand(["--format", "html", "--out", "report.html"], io);
 * ```
 */
export function demoCommand(args: readonly string[], io: CliIo): ExitCode {
  const { values } = parseCommandArgs(
    "demo",
    args,
    { format: { type: "string" }, locale: { type: "string" }, out: { type: "string" } },
    0,
  );
  if (values.help === true) {
    io.stdout(HELP.demo);
    return EXIT.ok;
  }
  const format = choiceFlag("demo", values, "format", STATEMENT_FORMATS, "text");
  const locale = localeFlag("demo", values) ?? "en";
  const history = DEMO_HISTORY as unknown as PeriodFactsInput[];
  const statement = settle(
    DEMO_CONTRACT,
    { cycle: MARCH, facts: DEMO_MARCH as unknown as PeriodFactsInput[], history },
    { locale },
  );
  if (format === "json") {
    writeOutput(io, JSON.stringify(statement, null, 2), stringFlag(values, "out"));
    return EXIT.ok;
  }
  const asInput = (data: unknown) => ({ file: "demo", text: JSON.stringify(data), data });
  const files = splitSettlementFiles(
    asInput(DEMO_CONTRACT),
    asInput(DEMO_MARCH),
    asInput(DEMO_HISTORY),
    MARCH,
  );
  const earlier = earlierStatements(parseContract(DEMO_CONTRACT), files, MARCH, {
    locale,
    allowInvalid: false,
  });
  writeOutput(
    io,
    renderStatement(statement, { format: REPORT_FORMAT[format], locale, history: earlier }),
    stringFlag(values, "out"),
  );
  return EXIT.ok;
}
