import { describeInput } from "../values/decimal.js";
import { KpiContractError, type SafeResult } from "../values/KpiContractError.js";
import { CONTRACT_SCHEMA_VERSION } from "./schema.js";

/**
 * Brings a contract written for an older `schemaVersion` to the current one. Version 1 is current,
 * so today this only checks the version; later versions add their steps here, one per version.
 *
 * @param input - contract JSON of any supported version
 * @returns the JSON at the current version, or an error for a missing or unsupported version
 * @example
 * ```ts
 * migrateContract({ schemaVersion: 1, id: "c" }); // { success: true, data: { schemaVersion: 1, id: "c" } }
 * ```
 */
export function migrateContract(input: unknown): SafeResult<unknown> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    const issue = { code: "invalid_type", path: [], message: "Expected a contract object" };
    return {
      success: false,
      error: new KpiContractError("contract-invalid", "Expected a contract object", {}, [issue]),
    };
  }
  const version = (input as { schemaVersion?: unknown }).schemaVersion;
  if (version === CONTRACT_SCHEMA_VERSION) return { success: true, data: input };
  const newer = typeof version === "number" && Number.isInteger(version) && version > CONTRACT_SCHEMA_VERSION;
  const message = newer
    ? `schemaVersion ${version} is newer than this library supports (${CONTRACT_SCHEMA_VERSION}); upgrade kpi-contract`
    : version === undefined
      ? `schemaVersion is missing: write "schemaVersion": ${CONTRACT_SCHEMA_VERSION}`
      : `Unsupported schemaVersion ${describeInput(version)}: expected ${CONTRACT_SCHEMA_VERSION}`;
  return {
    success: false,
    error: new KpiContractError("contract-invalid", message, { schemaVersion: version, newer }, [
      { code: "schema-version-unsupported", path: ["schemaVersion"], message },
    ]),
  };
}
