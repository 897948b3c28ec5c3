import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/**
 * SMART rule `standing-missing` (time-bound, info): the contract has no `standing` rules (SPEC §7),
 * so nothing says when repeated misses start a rectification period or allow termination.
 *
 * @param ctx - the validation context
 * @returns one finding, or none
 * @example
 * ```ts
 * standingMissing(ctx); // [{ code: "standing-missing", severity: "info", path: ["standing"], params: {} }]
 * ```
 */
export function standingMissing(ctx: SmartContext): SmartFindingData[] {
  return ctx.contract.standing === undefined ? [finding("standing-missing", ["standing"], {})] : [];
}
