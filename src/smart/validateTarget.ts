import type { SmartOptions } from "./SmartOptions.js";
import { type ValidationReport, validateContract } from "./validateContract.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function startsWith(path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean {
  return prefix.every((p, i) => path[i] === p);
}

/**
 * Validates one target in the context of a contract (SPEC §5): the target replaces the contract's
 * target with the same id (or is added), the whole contract is validated, and the findings about
 * that target are returned, so an ERP can check a target while it is being edited. When the
 * contract cannot be parsed, every `schema-invalid` finding is returned (nothing else can be judged).
 *
 * @param target - the target, raw JSON or parsed
 * @param contract - the contract it belongs to, raw JSON or parsed
 * @param options - as for {@link validateContract}
 * @returns `{ ok, findings }` about this target (paths point into the contract with the target in place)
 * @throws {@link KpiContractError} `options-invalid` when the options are malformed
 * @example
 * ```ts
 * const { ok, findings } = validateTarget({ id: "acos", kpi: "acos", goal: { atMost: "22" } }, contract);
 * // findings: goal-invalid (looks like a percent), scope-incomplete, no-window, …
 * ```
 */
export function validateTarget(target: unknown, contract: unknown, options?: SmartOptions): ValidationReport {
  const targets = isRecord(contract) && Array.isArray(contract.targets) ? contract.targets : [];
  const id = isRecord(target) && typeof target.id === "string" ? target.id : undefined;
  const existing = id === undefined ? -1 : targets.findIndex((t) => isRecord(t) && t.id === id);
  const index = existing === -1 ? targets.length : existing;
  const withTarget = isRecord(contract)
    ? { ...contract, targets: [...targets.slice(0, index), target, ...targets.slice(index + 1)] }
    : contract;
  const full = validateContract(withTarget, options);
  const prefix = ["targets", index];
  const schemaBroken = full.findings.some((f) => f.code === "schema-invalid");
  const findings = full.findings.filter(
    (f) => schemaBroken || (id !== undefined && f.targetId === id) || startsWith(f.path, prefix),
  );
  return { ok: !findings.some((f) => f.severity === "error"), findings };
}
