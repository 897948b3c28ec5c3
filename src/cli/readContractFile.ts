import { safeParseContract } from "../contract/parseContract.js";
import type { Contract } from "../contract/schema.js";
import { EXIT } from "./CliError.js";
import { libraryProblem } from "./libraryProblem.js";
import { type JsonInput, jsonLocation, readJsonInput } from "./readInputFile.js";

/**
 * Reads a contract file and parses its structure, for the commands that need a contract to work
 * (`settle`, `compare`, `facts --contract`); `validate` reads the file itself to report instead.
 *
 * @param file - the path as the user wrote it
 * @param cwd - the directory it is relative to
 * @returns the file as read and the parsed contract
 * @throws {@link CliError} exit 3 when the file cannot be read, is not JSON, or is not a contract
 *   (the first issue at its file, line and column)
 * @example
 * ```ts
 * const { input, contract } = readContractFile("contract.json", process.cwd());
 * ```
 */
export function readContractFile(file: string, cwd: string): { input: JsonInput; contract: Contract } {
  const input = readJsonInput(file, cwd, "contract");
  const parsed = safeParseContract(input.data);
  if (!parsed.success) {
    throw libraryProblem(parsed.error, EXIT.input, "the contract is invalid: ", (path) =>
      jsonLocation(input, path),
    );
  }
  return { input, contract: parsed.data };
}
