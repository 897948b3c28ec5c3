import type { PeriodFactsInput } from "../facts/schema.js";
import { renderValidation } from "../report/renderValidation.js";
import { validateContract } from "../smart/validateContract.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { EXIT, type ExitCode, formatLocation } from "./CliError.js";
import type { CliIo } from "./CliIo.js";
import { HELP } from "./help.js";
import { libraryProblem } from "./libraryProblem.js";
import {
  choiceFlag,
  localeFlag,
  parseCommandArgs,
  requiredPositional,
  stringFlag,
} from "./parseCommandArgs.js";
import { jsonLocation, readJsonInput } from "./readInputFile.js";
import { REPORT_FORMAT, STATEMENT_FORMATS } from "./settleCommand.js";
import { writeOutput } from "./writeOutput.js";

/**
 * `kpi-contract validate <contract.json> …`: the SMART report. Error findings are also written to
 * stderr, one line each, at their line and column in the contract file.
 *
 * @param args - the arguments after `validate`
 * @param io - the process io
 * @returns 0 without error findings, 1 with
 * @throws {@link CliError} for usage and input errors
 * @example
 * ```ts
 * await validateCommand(["contract.json", "--locale", "zh-CN"], io);
 * ```
 */
export function validateCommand(args: readonly string[], io: CliIo): ExitCode {
  const { values, positionals } = parseCommandArgs(
    "validate",
    args,
    {
      history: { type: "string" },
      locale: { type: "string" },
      json: { type: "boolean" },
      format: { type: "string" },
      out: { type: "string" },
    },
    1,
  );
  if (values.help === true) {
    io.stdout(HELP.validate);
    return EXIT.ok;
  }
  const contractFile = requiredPositional("validate", positionals, "<contract.json>");
  const format =
    values.json === true ? "json" : choiceFlag("validate", values, "format", STATEMENT_FORMATS, "text");
  const historyFile = stringFlag(values, "history");
  const localeArg = localeFlag("validate", values);
  const contract = readJsonInput(contractFile, io.cwd, "contract");
  const own = (contract.data as { locale?: unknown } | null)?.locale;
  const locale = localeArg ?? (own === "zh-CN" ? "zh-CN" : "en");
  const history = historyFile === undefined ? undefined : readJsonInput(historyFile, io.cwd, "history");

  let report: ReturnType<typeof validateContract>;
  try {
    report = validateContract(contract.data, {
      locale,
      ...(history ? { history: history.data as PeriodFactsInput[] } : {}),
    });
  } catch (error) {
    if (error instanceof KpiContractError && history !== undefined) {
      // Only the options can be malformed here: the history, at paths `options.history[i]…`.
      const strip = (path: readonly (string | number)[]) => (path[0] === "options" ? path.slice(1) : path);
      const issues = error.issues.map((i) => ({ ...i, path: strip(i.path) }));
      throw libraryProblem(
        new KpiContractError(error.code, error.message, error.params, issues),
        EXIT.input,
        "the history is invalid: ",
        (path) => (path[0] === "history" ? jsonLocation(history, path.slice(1)) : undefined),
      );
    }
    throw error;
  }

  const contractId = (contract.data as { id?: unknown } | null)?.id;
  const text =
    format === "json"
      ? JSON.stringify(report, null, 2)
      : renderValidation(report, {
          format: REPORT_FORMAT[format],
          locale,
          ...(typeof contractId === "string" ? { contractId } : {}),
        });
  writeOutput(io, text, stringFlag(values, "out"));
  const errors = report.findings.filter((f) => f.severity === "error");
  for (const f of errors) {
    io.stderr(
      `kpi-contract: ${formatLocation(jsonLocation(contract, f.path))}: error ${f.code}: ${f.message}\n`,
    );
  }
  return errors.length > 0 ? EXIT.refused : EXIT.ok;
}
