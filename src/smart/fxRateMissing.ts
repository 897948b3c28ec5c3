import { finding, type SmartFindingData } from "./SmartFinding.js";
import type { SmartContext } from "./smartContext.js";

/**
 * SMART rule `fx-rate-missing` (measurable, error): a store reports in another currency than the
 * fee schedule and the contract's fx table has no rate from that currency to the schedule's (SPEC
 * §6.4: inverse rates are never derived, a missing rate is never 1). Whether a rate exists for each
 * cycle's date is checked by settlement, since rates are usually added as the term runs.
 *
 * @param ctx - the validation context
 * @returns one finding per store whose facts cannot be converted
 * @example
 * ```ts
 * fxRateMissing(ctx); // [{ code: "fx-rate-missing", params: { store: "shopee-sg", from: "SGD", to: "USD" } }]
 * ```
 */
export function fxRateMissing(ctx: SmartContext): SmartFindingData[] {
  const to = ctx.contract.fees.currency;
  const rates = ctx.contract.fx?.rates ?? [];
  const out: SmartFindingData[] = [];
  ctx.contract.stores.forEach((store, i) => {
    if (store.currency === to) return;
    if (rates.some((r) => r.from === store.currency && r.to === to)) return;
    out.push(
      finding("fx-rate-missing", ["stores", i, "currency"], { store: store.id, from: store.currency, to }),
    );
  });
  return out;
}
