import { pathText } from "../report/internal/format.js";
import type { KpiContractError, ValidationIssue } from "../values/KpiContractError.js";
import { CliError, type CliLocation, type ExitCode, formatLocation } from "./CliError.js";

const MAX_DETAILS = 20;

/** Finds the file location of an issue path, when the path leads into an input file. */
export type IssueLocator = (path: readonly (string | number)[]) => CliLocation | undefined;

/**
 * Turns an error of the library into the command line's error: the first issue as the one clear
 * line (at its file, line and column), the next ones (up to 20) as details.
 *
 * @param error - the library's error
 * @param exitCode - the exit code it means here
 * @param lead - words put before the first message (`settlement refused: `)
 * @param locate - finds the file location of an issue path
 * @returns the command line error
 * @example
 * ```ts
 * throw libraryProblem(error, EXIT.input, "", (path) => jsonLocation(contract, path));
 * ```
 */
export function libraryProblem(
  error: KpiContractError,
  exitCode: ExitCode,
  lead: string,
  locate: IssueLocator,
): CliError {
  const issues: readonly ValidationIssue[] = error.issues;
  const [first, ...rest] = issues;
  if (first === undefined) {
    const [line, ...more] = error.message.split("\n");
    return new CliError(exitCode, `${lead}${line ?? error.code}`, undefined, more);
  }
  const describe = (issue: ValidationIssue): string => {
    const where = locate(issue.path);
    return `${where ? `${formatLocation(where)}: ` : ""}${pathText(issue.path)}: ${issue.message}`;
  };
  const details = rest.slice(0, MAX_DETAILS).map(describe);
  if (rest.length > MAX_DETAILS) details.push(`… and ${rest.length - MAX_DETAILS} more`);
  return new CliError(
    exitCode,
    `${lead}${pathText(first.path)}: ${first.message}`,
    locate(first.path),
    details,
  );
}
