import { describeIssues, toValidationIssues } from "../internal/issues.js";
import { safeParseData } from "../internal/plainJson.js";
import { KpiContractError, type SafeResult, type ValidationIssue } from "../values/KpiContractError.js";
import { migrateContract } from "./migrateContract.js";
import { CONTRACT_SCHEMA_VERSION, type Contract, contractSchema } from "./schema.js";

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
  if (!migrated.success) {
    // A missing or malformed version is one problem among the others, which are listed too (read
    // as the current version); a newer version is another schema, so it is the only one named.
    const version = migrated.error.issues;
    const newer = migrated.error.params.newer === true;
    const object = typeof input === "object" && input !== null && !Array.isArray(input);
    const rest =
      newer || !object ? undefined : parseIssues({ ...input, schemaVersion: CONTRACT_SCHEMA_VERSION });
    return { success: false, error: contractError([...version, ...(rest ?? [])]) };
  }
  const parsed = safeParseData(contractSchema, migrated.data);
  if (parsed.success) {
    PARSED.add(parsed.data);
    return { success: true, data: parsed.data };
  }
  return { success: false, error: contractError(toValidationIssues(parsed.error)) };
}

/** The schema's issues for `input`, or undefined when it parses. */
function parseIssues(input: unknown): ValidationIssue[] | undefined {
  const parsed = safeParseData(contractSchema, input);
  return parsed.success ? undefined : toValidationIssues(parsed.error);
}

function contractError(issues: readonly ValidationIssue[]): ContractError {
  return new ContractError(
    "contract-invalid",
    `The contract has ${issues.length} problem${issues.length === 1 ? "" : "s"}:\n${describeIssues(issues)}`,
    { count: issues.length },
    issues,
  );
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
