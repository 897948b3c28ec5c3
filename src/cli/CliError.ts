/**
 * The exit codes of the command line: 0 done; 1 the input was read but refused (SMART errors,
 * settlement refused, rejected rows); 2 the command line itself is wrong (unknown command or flag,
 * bad flag value); 3 an input file cannot be read or is not what it should be (missing file,
 * malformed JSON or CSV, data of the wrong shape), or the output file cannot be written; 4 an
 * internal error (a bug to report).
 */
export const EXIT = Object.freeze({ ok: 0, refused: 1, usage: 2, input: 3, internal: 4 } as const);

/** One of the documented exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where a problem is: a file as the user named it, and the 1-based line and column when known. */
export interface CliLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * A problem the command line reports as one clear line (its location first) and exits with.
 * `details` are further lines (more problems of the same input), printed indented.
 */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  readonly location: CliLocation | undefined;
  readonly details: readonly string[];

  /**
   * Creates an error the command line prints and exits with.
   *
   * @param exitCode - the documented exit code
   * @param message - one clear sentence
   * @param location - the file, line and column the problem is at
   * @param details - further lines
   */
  constructor(exitCode: ExitCode, message: string, location?: CliLocation, details: readonly string[] = []) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
    this.location = location;
    this.details = details;
  }
}

/**
 * Writes a location as compilers do: `file:line:column`, leaving out what is unknown.
 *
 * @param location - the file and position
 * @returns `contract.json:12:7`, `orders.csv:14`, or `orders.csv`
 * @example
 * ```ts
 * formatLocation({ file: "orders.csv", line: 14, column: 7 }); // "orders.csv:14:7"
 * ```
 */
export function formatLocation(location: CliLocation): string {
  let out = location.file;
  if (location.line !== undefined) {
    out += `:${location.line}`;
    if (location.column !== undefined) out += `:${location.column}`;
  }
  return out;
}
