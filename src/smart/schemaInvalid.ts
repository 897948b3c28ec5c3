import type { ValidationIssue } from "../values/KpiContractError.js";
import { finding, type SmartFindingData } from "./SmartFinding.js";

/**
 * SMART finding `schema-invalid` (specific, error): one per structural issue the parser found,
 * with its path; validation stops there because nothing else can be judged on a contract that
 * cannot be read.
 *
 * @param issue - a parse issue (`safeParseContract` error issues)
 * @returns the finding, with `at` (the path as text), `reason` (the issue code) and `detail` (the parser's message)
 * @example
 * ```ts
 * schemaInvalid({ code: "unrecognized_keys", path: ["targets", 0], message: 'Unrecognized key: "gaol"' });
 * ```
 */
export function schemaInvalid(issue: ValidationIssue): SmartFindingData {
  const at = issue.path.length > 0 ? issue.path.join(".") : "(root)";
  return finding("schema-invalid", issue.path, { at, reason: issue.code, detail: issue.message });
}
