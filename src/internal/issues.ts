import type * as z from "zod";
import { KpiContractError, type ValidationIssue } from "../values/KpiContractError.js";

/**
 * Turns zod issues into the library's plain issues: the path as JSON keys and indexes, a stable
 * code (the library's own `params.code` on custom issues, else zod's code), and the message.
 */
export function toValidationIssues(
  error: z.ZodError,
  prefix: readonly (string | number)[] = [],
): ValidationIssue[] {
  return error.issues.map((issue) => {
    const params = (issue as { params?: { code?: unknown } }).params;
    const code = issue.code === "custom" && typeof params?.code === "string" ? params.code : issue.code;
    return {
      code,
      path: [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
      message: issue.message,
    };
  });
}

/** Renders issues as one message: one line per issue, `path: message`. */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues
    .map(
      (i) =>
        `${i.path.length > 0 ? i.path.join(".") : "(root)"}${i.row !== undefined ? ` (row ${i.row})` : ""}: ${i.message}`,
    )
    .join("\n");
}

/**
 * Throws the library's refusal for input with problems: `code`, the message `what:` followed by one
 * line per issue, params `{ count }`, and the issues themselves.
 */
export function refuse(code: string, what: string, issues: readonly ValidationIssue[]): never {
  throw new KpiContractError(code, `${what}:\n${describeIssues(issues)}`, { count: issues.length }, issues);
}
