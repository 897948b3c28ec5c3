import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/**
 * SMART rule `stores-unknown` (specific, error): a target names a store the contract does not have,
 * or gives an empty stores list (which would pool nothing). Fee bases are checked by the parser.
 *
 * @param ctx - the validation context
 * @returns one finding per unknown store, or one for an empty list
 * @example
 * ```ts
 * storesUnknown(ctx); // [{ code: "stores-unknown", path: ["targets", 0, "stores", 1], params: { store: "ebay-de" } }]
 * ```
 */
export function storesUnknown(ctx: SmartContext): SmartFindingData[] {
  const known = new Set(ctx.contract.stores.map((s) => s.id));
  const out: SmartFindingData[] = [];
  for (const t of ctx.targets) {
    const stores = t.target.stores;
    if (stores === undefined) continue;
    const targetId = t.target.id;
    if (stores.length === 0) {
      out.push(
        finding("stores-unknown", [...t.path, "stores"], { reason: "empty", target: targetId }, { targetId }),
      );
      continue;
    }
    stores.forEach((store, k) => {
      if (!known.has(store)) {
        out.push(
          finding(
            "stores-unknown",
            [...t.path, "stores", k],
            { reason: "unknown", target: targetId, store },
            { targetId },
          ),
        );
      }
    });
  }
  return out;
}
