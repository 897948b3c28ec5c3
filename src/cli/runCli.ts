import { KpiContractError } from "../values/KpiContractError.js";
import { VERSION } from "../version.js";
import { CliError, EXIT, type ExitCode, formatLocation } from "./CliError.js";
import type { CliIo } from "./CliIo.js";
import { COMMANDS, type CommandName, GENERAL_HELP, HELP } from "./help.js";

type Command = (args: readonly string[], io: CliIo) => ExitCode | Promise<ExitCode>;

// Loaded on demand, so that --help and --version start without loading the library.
const LOAD: Readonly<Record<CommandName, () => Promise<Command>>> = {
  validate: async () => (await import("./validateCommand.js")).validateCommand,
  settle: async () => (await import("./settleCommand.js")).settleCommand,
  facts: async () => (await import("./factsCommand.js")).factsCommand,
  schema: async () => (await import("./schemaCommand.js")).schemaCommand,
  compare: async () => (await import("./compareCommand.js")).compareCommand,
  demo: async () => (await import("./demoCommand.js")).demoCommand,
};

const isCommand = (name: string): name is CommandName => (COMMANDS as readonly string[]).includes(name);

/** Prints an error as one clear line, its location first, then its details indented. */
function report(io: CliIo, error: CliError): void {
  const where = error.location ? `${formatLocation(error.location)}: ` : "";
  io.stderr(`kpi-contract: ${where}${error.message}\n`);
  for (const line of error.details) io.stderr(`  ${line}\n`);
}

/**
 * Runs the command line: dispatches to a command, prints errors as one line with their location,
 * and returns the exit code (0 done, 1 refused, 2 usage, 3 input file, 4 internal).
 *
 * @param argv - the arguments after the program name
 * @param io - the process io
 * @returns the exit code
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), processIo());
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(GENERAL_HELP);
    return EXIT.usage;
  }
  if (first === "--help" || first === "-h") {
    io.stdout(GENERAL_HELP);
    return EXIT.ok;
  }
  if (first === "--version" || first === "-v") {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (first === "help") {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout(GENERAL_HELP);
      return EXIT.ok;
    }
    if (isCommand(topic)) {
      io.stdout(HELP[topic]);
      return EXIT.ok;
    }
  }
  const name = first === "help" ? (rest[0] ?? "") : first;
  if (!isCommand(name)) {
    const hint = name.startsWith("-") ? `unknown option "${name}"` : `unknown command "${name}"`;
    report(
      io,
      new CliError(
        EXIT.usage,
        `${hint}; the commands are ${COMMANDS.join(", ")}. Run "kpi-contract --help" for usage.`,
      ),
    );
    return EXIT.usage;
  }
  try {
    const command = await LOAD[name]();
    return await command(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      report(io, error);
      return error.exitCode;
    }
    if (error instanceof KpiContractError) {
      const [line, ...more] = error.message.split("\n");
      report(
        io,
        new CliError(EXIT.refused, `${name}: ${line ?? error.code} [${error.code}]`, undefined, more),
      );
      return EXIT.refused;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`kpi-contract: internal error in ${name} (please report it): ${message}\n`);
    return EXIT.internal;
  }
}
