import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { CliError, EXIT } from "./CliError.js";
import { findJsonSyntaxError } from "./findJsonSyntaxError.js";
import { locateJsonPath, positionOf } from "./locateJsonPath.js";

/** A JSON input file: its name as the user wrote it, its text (for locating problems) and its data. */
export interface JsonInput {
  readonly file: string;
  readonly text: string;
  readonly data: unknown;
}

/** Why a file cannot be read, in a few words. */
function readProblem(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a directory, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}

/**
 * Checks that an input file exists and is a readable file, before any work starts.
 *
 * @param file - the path as the user wrote it
 * @param cwd - the directory it is relative to
 * @param what - what the file is, for the message (`contract`, `orders CSV`…)
 * @returns the absolute path and the size in bytes
 * @throws {@link CliError} exit 3 naming the file and the problem
 * @example
 * ```ts
 * const { path, size } = checkInputFile("orders.csv", process.cwd(), "orders CSV");
 * ```
 */
export function checkInputFile(file: string, cwd: string, what: string): { path: string; size: number } {
  const path = resolve(cwd, file);
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
    return { path, size: stat.size };
  } catch (error) {
    throw new CliError(EXIT.input, `cannot read the ${what}: ${readProblem(error)}`, { file });
  }
}

/**
 * Reads and parses a JSON input file. A syntax error is reported at its line and column.
 *
 * @param file - the path as the user wrote it
 * @param cwd - the directory it is relative to
 * @param what - what the file is, for the message
 * @returns the file name, text and parsed data
 * @throws {@link CliError} exit 3 for a missing or unreadable file or malformed JSON
 * @example
 * ```ts
 * const contract = readJsonInput("contract.json", process.cwd(), "contract");
 * ```
 */
export function readJsonInput(file: string, cwd: string, what: string): JsonInput {
  const { path } = checkInputFile(file, cwd, what);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new CliError(EXIT.input, `cannot read the ${what}: ${readProblem(error)}`, { file });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return { file, text, data: JSON.parse(text) as unknown };
  } catch (error) {
    // Engines word (and place) JSON errors differently; a strict scan finds the spot itself.
    const found = findJsonSyntaxError(text);
    const reason = found?.message ?? (error instanceof Error ? error.message.split("\n")[0] : String(error));
    const offset = found?.offset ?? text.length;
    throw new CliError(EXIT.input, `the ${what} file is not valid JSON: ${reason}`, {
      file,
      ...positionOf(text, offset),
    });
  }
}

/**
 * The location of a path inside a JSON input, for a message about its data.
 *
 * @param input - the JSON input
 * @param path - keys and indexes from the root of the file
 * @returns the file with the line and column of the value (or of its deepest existing parent)
 * @example
 * ```ts
 * jsonLocation(contract, ["targets", 0, "goal"]); // { file: "contract.json", line: 31, column: 15 }
 * ```
 */
export function jsonLocation(input: JsonInput, path: readonly (string | number)[]) {
  return { file: input.file, ...locateJsonPath(input.text, path) };
}
