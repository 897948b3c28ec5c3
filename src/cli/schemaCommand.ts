import { contractJsonSchema } from "../contract/jsonSchema.js";
import { factsJsonSchema } from "../facts/jsonSchema.js";
import { RECORD_SOURCES, type RecordSource } from "../records/recordSchemas.js";
import { recordsJsonSchema } from "../records/recordsJsonSchema.js";
import { CliError, EXIT, type ExitCode } from "./CliError.js";
import type { CliIo } from "./CliIo.js";
import { HELP } from "./help.js";
import { parseCommandArgs, requiredPositional, stringFlag } from "./parseCommandArgs.js";
import { writeOutput } from "./writeOutput.js";

const KINDS = ["contract", "facts", ...RECORD_SOURCES] as const;

/**
 * `kpi-contract schema contract|facts|<row kind>`: prints a JSON Schema.
 *
 * @param args - the arguments after `schema`
 * @param io - the process io
 * @returns 0
 * @throws {@link CliError} exit 2 for an unknown kind
 * @example
 * ```ts
 * schemaCommand(["contract"], io);
 * ```
 */
export function schemaCommand(args: readonly string[], io: CliIo): ExitCode {
  const { values, positionals } = parseCommandArgs("schema", args, { out: { type: "string" } }, 1);
  if (values.help === true) {
    io.stdout(HELP.schema);
    return EXIT.ok;
  }
  const kind = requiredPositional("schema", positionals, `the schema (${KINDS.join("|")})`);
  if (!(KINDS as readonly string[]).includes(kind)) {
    throw new CliError(
      EXIT.usage,
      `schema: unknown schema "${kind}": use ${KINDS.join(", ")}. Run "kpi-contract schema --help" for usage.`,
    );
  }
  const schema =
    kind === "contract"
      ? contractJsonSchema()
      : kind === "facts"
        ? factsJsonSchema()
        : recordsJsonSchema(kind as RecordSource);
  writeOutput(io, JSON.stringify(schema, null, 2), stringFlag(values, "out"));
  return EXIT.ok;
}
