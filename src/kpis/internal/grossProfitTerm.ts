import { type Expr, minus } from "./expr.js";
import { type GmvKnobs, gmvBaseKnobShape, gmvReads, namedGmv } from "./gmvTerm.js";
import { choiceKnob } from "./knobs.js";
import { type KpiRun, read } from "./run.js";

/** The knobs of `grossProfit` and `grossMargin`: `adSpendAsCost` and gmv's knobs except `refunds`. */
export const grossProfitKnobShape = {
  adSpendAsCost: choiceKnob("adSpendAsCost", [true, false]),
  ...gmvBaseKnobShape,
};

/** The knob names of `grossProfit`, in SPEC order. */
export const GROSS_PROFIT_KNOBS = ["adSpendAsCost", "refundTiming", "cancelled", "tax", "shipping"] as const;

/** A parsed gross-profit scope. */
export type GrossProfitKnobs = Omit<GmvKnobs, "refunds"> & { readonly adSpendAsCost: boolean };

const COSTS = ["costs.cogs", "costs.platformFees", "costs.fulfilmentFees", "costs.other"] as const;

function gmvScope(scope: GrossProfitKnobs): GmvKnobs {
  return {
    refunds: "exclude",
    refundTiming: scope.refundTiming,
    cancelled: scope.cancelled,
    tax: scope.tax,
    shipping: scope.shipping,
  };
}

/** The fact paths gross profit reads. */
export function grossProfitReads(scope: GrossProfitKnobs): string[] {
  return [...gmvReads(gmvScope(scope)), ...COSTS, ...(scope.adSpendAsCost ? ["ads.spend"] : [])];
}

/**
 * GMV with refunds excluded (recorded as step `gmv`) and gross profit = gmv − cogs − platform fees −
 * fulfilment fees − other (− ad spend); undefined when a fact is missing.
 *
 * @internal
 */
export function grossProfitTerms(
  run: KpiRun,
  scope: GrossProfitKnobs,
): { gmv: Expr; profit: Expr } | undefined {
  const gmv = namedGmv(run, gmvScope(scope));
  const costs = [...COSTS, ...(scope.adSpendAsCost ? ["ads.spend"] : [])].map((path) => read(run, path));
  if (gmv === undefined || !costs.every((c) => c !== undefined)) return undefined;
  const profit = (costs as Expr[]).reduce(minus, gmv);
  return { gmv, profit };
}
