import { describeIssues, toValidationIssues } from "../internal/issues.js";
import { safeParseData } from "../internal/plainJson.js";
import { KpiContractError, type SafeResult } from "../values/KpiContractError.js";
import { migrateContract } from "./migrateContract.js";
import { type Contract, contractSchema } from "./schema.js";

/** Every contract this module has parsed (weakly held): they need no second parse. */
const PARSED = new WeakSet<object>();

/**
 * Whether `value` is a contract returned by {@link parseContract} or {@link safeParseContract}
 * (the same object, not a copy).
 *
 * @internal
 */
export function isParsedContract(value: unknown): value is Contract {
  return typeof value === "object" && value !== null && PARSED.has(value);
}

/**
 * Error thrown by {@link parseContract}: code `contract-invalid`, with every issue and its JSON path.
 */
export class ContractError extends KpiContractError {
  override readonly name = "ContractError";
}

/**
 * Parses a contract (SPEC §9) without throwing: structure only (types, unknown keys, dates,
 * currencies, time zones, `end ≥ start`, unique ids, references of fee components and gates).
 * Older schema versions are migrated first.
 *
 * @param input - the contract as JSON data (already `JSON.parse`d)
 * @returns `{ success: true, data }` or `{ success: false, error }` with every issue and its path
 * @example
 * ```ts
 * const result = safeParseContract(json);
 * if (!result.success) for (const issue of result.error.issues) console.log(issue.path, issue.message);
 * ```
 */
export function safeParseContract(input: unknown): SafeResult<Contract> {
  const migrated = migrateContract(input);
  if (!migrated.success) return migrated;
  const parsed = safeParseData(contractSchema, migrated.data);
  if (parsed.success) {
    PARSED.add(parsed.data);
    return { success: true, data: parsed.data };
  }
  const issues = toValidationIssues(parsed.error);
  return {
    success: false,
    error: new ContractError(
      "contract-invalid",
      `The contract has ${issues.length} problem${issues.length === 1 ? "" : "s"}:\n${describeIssues(issues)}`,
      { count: issues.length },
      issues,
    ),
  };
}

/**
 * Parses a contract (SPEC §9), throwing when its structure is wrong.
 *
 * @param input - the contract as JSON data (already `JSON.parse`d)
 * @returns the typed, normalised contract (percent strings read, defaults such as `rounding` filled in)
 * @throws {@link ContractError} code `contract-invalid`, listing every issue with its JSON path
 * @example
 * ```ts
 * const contract = parseContract(JSON.parse(text));
 * console.log(contract.targets.map((t) => t.id));
 * ```
 */
export function parseContract(input: unknown): Contract {
  const result = safeParseContract(input);
  if (!result.success) throw result.error;
  return result.data;
}
