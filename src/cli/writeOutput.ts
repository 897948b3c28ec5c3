import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { CliError, EXIT } from "./CliError.js";
import type { CliIo } from "./CliIo.js";

/**
 * Writes a command's output to `--out` when given, else to stdout. Output always ends with a
 * newline.
 *
 * @param io - the process io
 * @param text - the output
 * @param out - the `--out` path as the user wrote it
 * @returns nothing
 * @throws {@link CliError} exit 3 when the file cannot be written
 * @example
 * ```ts
 * writeOutput(io, html, "march.html");
 * ```
 */
export function writeOutput(io: CliIo, text: string, out: string | undefined): void {
  const body = text.endsWith("\n") ? text : `${text}\n`;
  if (out === undefined) {
    io.stdout(body);
    return;
  }
  try {
    writeFileSync(resolve(io.cwd, out), body, "utf8");
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why =
      code === "ENOENT"
        ? "its folder does not exist"
        : code === "EISDIR"
          ? "it is a directory"
          : code === "EACCES" || code === "EPERM"
            ? "permission denied"
            : error instanceof Error
              ? error.message
              : String(error);
    throw new CliError(EXIT.input, `cannot write the output: ${why}`, { file: out });
  }
}
