import { safeParseContract } from "../contract/parseContract.js";
import { formatPercent } from "../report/internal/format.js";
import { renderComparison } from "../report/renderComparison.js";
import {
  type CompareScenario,
  compareSchedules,
  type NamedSchedule,
} from "../settlement/compareSchedules.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { parseRatio } from "../values/ratio.js";
import { CliError, EXIT, type ExitCode } from "./CliError.js";
import type { CliIo } from "./CliIo.js";
import { HELP } from "./help.js";
import { libraryProblem } from "./libraryProblem.js";
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
import { type JsonInput, jsonLocation, readJsonInput } from "./readInputFile.js";
import { REPORT_FORMAT, STATEMENT_FORMATS } from "./settleCommand.js";
import { settlementProblem, splitSettlementFiles } from "./settleFromFiles.js";
import { writeOutput } from "./writeOutput.js";

function namedSchedules(input: JsonInput, contract: JsonInput): NamedSchedule[] {
  if (!Array.isArray(input.data)) {
    throw new CliError(EXIT.input, 'the schedules must be a JSON array of { "name", "schedule" }', {
      file: input.file,
      line: 1,
      column: 1,
    });
  }
  return input.data.map((entry: unknown, i): NamedSchedule => {
    const e = entry as { name?: unknown; schedule?: unknown } | null;
    if (e === null || typeof e !== "object" || typeof e.name !== "string" || e.schedule === undefined) {
      throw new CliError(
        EXIT.input,
        `schedule ${i} must be { "name": "…", "schedule": { … } }`,
        jsonLocation(input, [i]),
      );
    }
    // Each schedule is checked inside the contract it will be settled with, so problems point into this file.
    const parsed = safeParseContract({ ...(contract.data as object), fees: e.schedule });
    if (!parsed.success) {
      throw libraryProblem(parsed.error, EXIT.input, `schedule "${e.name}" is invalid: `, (path) =>
        path[0] === "fees"
          ? jsonLocation(input, [i, "schedule", ...path.slice(1)])
          : jsonLocation(contract, path),
      );
    }
    return { name: e.name, schedule: e.schedule as NamedSchedule["schedule"] };
  });
}

function scenariosFrom(
  values: Readonly<Record<string, unknown>>,
  io: CliIo,
): { scenarios: CompareScenario[]; file?: string } {
  const file = stringFlag(values as never, "scenarios");
  const growth = stringFlag(values as never, "growth");
  if ((file === undefined) === (growth === undefined)) {
    throw new CliError(
      EXIT.usage,
      'compare: give --scenarios file or --growth list (one of them). Run "kpi-contract compare --help" for usage.',
    );
  }
  if (growth !== undefined) {
    const items = growth.split(",").map((g) => g.trim());
    if (items.some((g) => g === "")) {
      throw new CliError(
        EXIT.usage,
        `compare: --growth must be a comma-separated list such as 0,20%,40%, not "${growth}"`,
      );
    }
    return {
      scenarios: items.map((g) => {
        let ratio: string;
        try {
          ratio = parseRatio(g);
        } catch {
          throw new CliError(EXIT.usage, `compare: --growth: "${g}" is not a ratio such as 0.2 or 20%`);
        }
        const percent = formatPercent(ratio);
        return { name: percent.startsWith("-") ? percent : `+${percent}`, growth: ratio };
      }),
    };
  }
  const input = readJsonInput(file as string, io.cwd, "scenarios");
  if (!Array.isArray(input.data)) {
    throw new CliError(EXIT.input, "the scenarios must be a JSON array", {
      file: input.file,
      line: 1,
      column: 1,
    });
  }
  input.data.forEach((s: unknown, i) => {
    const e = s as { name?: unknown } | null;
    if (
      e === null ||
      typeof e !== "object" ||
      typeof e.name !== "string" ||
      !("growth" in e || "facts" in e)
    ) {
      throw new CliError(
        EXIT.input,
        `scenario ${i} must be { "name", "growth" } or { "name", "facts" }`,
        jsonLocation(input, [i]),
      );
    }
  });
  return { scenarios: input.data as CompareScenario[], file: input.file };
}

/**
 * `kpi-contract compare <schedules.json> …`: the what-if table of each fee schedule's total under
 * each scenario.
 *
 * @param args - the arguments after `compare`
 * @param io - the process io
 * @returns 0
 * @throws {@link CliError} for usage, input and refusal errors
 * @example
 * ```ts
 * compareCommand(["offers.json", "--growth", "0,20%", "--contract", "c.json", "--facts", "m.json", "--cycle", "2026-03"], io);
 * ```
 */
export function compareCommand(args: readonly string[], io: CliIo): ExitCode {
  const { values, positionals } = parseCommandArgs(
    "compare",
    args,
    {
      scenarios: { type: "string" },
      growth: { type: "string" },
      contract: { type: "string" },
      facts: { type: "string" },
      history: { type: "string" },
      cycle: { type: "string" },
      format: { type: "string" },
      locale: { type: "string" },
      out: { type: "string" },
      "allow-invalid": { type: "boolean" },
    },
    1,
  );
  if (values.help === true) {
    io.stdout(HELP.compare);
    return EXIT.ok;
  }
  const schedulesFile = requiredPositional("compare", positionals, "<schedules.json>");
  const contractFile = requiredFlag("compare", values, "contract");
  const factsFile = requiredFlag("compare", values, "facts");
  const cycleText = requiredFlag("compare", values, "cycle");
  const cycle = parsePeriodArg("compare", "cycle", cycleText);
  const format = choiceFlag("compare", values, "format", STATEMENT_FORMATS, "text");
  const locale = localeFlag("compare", values);
  const { scenarios, file: scenariosFile } = scenariosFrom(values, io);

  const { input: contract, contract: parsedContract } = readContractFile(contractFile, io.cwd);
  const schedules = namedSchedules(readJsonInput(schedulesFile, io.cwd, "schedules"), contract);
  const historyFile = stringFlag(values, "history");
  const files = splitSettlementFiles(
    contract,
    readJsonInput(factsFile, io.cwd, "facts"),
    historyFile === undefined ? undefined : readJsonInput(historyFile, io.cwd, "history"),
    cycle,
  );
  let table: ReturnType<typeof compareSchedules>;
  try {
    table = compareSchedules(
      schedules,
      scenarios,
      { contract: contract.data, cycle, facts: files.facts, history: files.history },
      { allowInvalid: values["allow-invalid"] === true, ...(locale ? { locale } : {}) },
    );
  } catch (error) {
    if (error instanceof KpiContractError && error.code === "scenario-invalid") {
      const [first] = error.message.split("\n");
      throw scenariosFile === undefined
        ? new CliError(EXIT.usage, `compare: --growth: ${first}`)
        : new CliError(EXIT.input, first ?? error.code, { file: scenariosFile });
    }
    throw settlementProblem(error, files, cycleText);
  }
  const text =
    format === "json"
      ? JSON.stringify(table, null, 2)
      : renderComparison(table, {
          format: REPORT_FORMAT[format],
          locale: locale ?? parsedContract.locale ?? "en",
        });
  writeOutput(io, text, stringFlag(values, "out"));
  return EXIT.ok;
}
