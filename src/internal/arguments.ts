import type * as z from "zod";
import type { ValidationIssue } from "../values/KpiContractError.js";
import { refuse, toValidationIssues } from "./issues.js";

/** One argument as a public function received it: its name, the schema it must pass, its value. */
export type ArgumentCheck = readonly [name: string, schema: z.ZodType, value: unknown];

/**
 * Checks a public function's arguments with their schemas and refuses them with
 * `arguments-invalid` (every issue, each path starting with the argument's name) when any fails.
 * It runs zod: functions that internal code calls often test their arguments cheaply first and
 * call this only when that test fails, for the paths and messages.
 *
 * @internal
 * @param fn - the function's name, for the message
 * @param checks - the arguments to check
 * @throws {@link KpiContractError} `arguments-invalid`
 */
export function checkArguments(fn: string, checks: readonly ArgumentCheck[]): void {
  const issues: ValidationIssue[] = [];
  for (const [name, schema, value] of checks) {
    const result = schema.safeParse(value);
    if (!result.success) issues.push(...toValidationIssues(result.error, [name]));
  }
  if (issues.length > 0) refuse("arguments-invalid", `Invalid ${fn} arguments`, issues);
}
