import type { PeriodFacts } from "../../facts/schema.js";
import { type Expr, minus, named, sum } from "./expr.js";
import { choiceKnob } from "./knobs.js";
import { type KpiRun, read, step } from "./run.js";

/** The knobs of `gmv` other than `refunds`, shared by every KPI built on GMV. */
export const gmvBaseKnobShape = {
  refundTiming: choiceKnob("refundTiming", ["refund-date", "order-date"]),
  cancelled: choiceKnob("cancelled", ["exclude", "include"]),
  tax: choiceKnob("tax", ["exclude", "include"]),
  shipping: choiceKnob("shipping", ["exclude", "include"]),
};

/** Every knob of `gmv`, in SPEC order. */
export const gmvKnobShape = {
  refunds: choiceKnob("refunds", ["include", "exclude"]),
  ...gmvBaseKnobShape,
};

/** The knob names of `gmv`, in SPEC order. */
export const GMV_KNOBS = ["refunds", "refundTiming", "cancelled", "tax", "shipping"] as const;

/** A fully stated GMV scope. */
export type GmvKnobs = {
  readonly refunds: "include" | "exclude";
  readonly refundTiming: "refund-date" | "order-date";
  readonly cancelled: "exclude" | "include";
  readonly tax: "exclude" | "include";
  readonly shipping: "exclude" | "include";
};

/** The refund figure a scope deducts: by refund date `sales.refunds`, by order date `sales.refundsOnPeriodOrders`. */
export function refundPath(refundTiming: GmvKnobs["refundTiming"]): string {
  return refundTiming === "refund-date" ? "sales.refunds" : "sales.refundsOnPeriodOrders";
}

/** The fact paths GMV reads under a scope, in formula order. */
export function gmvReads(scope: GmvKnobs): string[] {
  return [
    "sales.gross",
    ...(scope.cancelled === "include" ? ["sales.cancelledValue"] : []),
    ...(scope.tax === "include" ? ["sales.tax"] : []),
    ...(scope.shipping === "include" ? ["sales.shipping"] : []),
    ...(scope.refunds === "exclude" ? [refundPath(scope.refundTiming)] : []),
  ];
}

/**
 * GMV as an expression (SPEC §3): `gross` (+ cancelledValue) (+ tax) (+ shipping) (− refunds).
 * Reads from `facts` (the run's own by default) and labels inputs with `prefix` (`comparison.`);
 * undefined when a fact is missing (recorded on the run).
 *
 * @internal
 */
export function gmvTerm(
  run: KpiRun,
  scope: GmvKnobs,
  options: { readonly facts?: PeriodFacts; readonly prefix?: string } = {},
): Expr | undefined {
  const facts = options.facts ?? run.facts;
  const prefix = options.prefix ?? "";
  const terms = gmvReads({ ...scope, refunds: "include" }).map((path) =>
    read(run, path, facts, prefix + path),
  );
  const refunds =
    scope.refunds === "exclude"
      ? read(run, refundPath(scope.refundTiming), facts, prefix + refundPath(scope.refundTiming))
      : undefined;
  if (terms.some((t) => t === undefined) || (scope.refunds === "exclude" && refunds === undefined))
    return undefined;
  const added = sum(terms as [Expr, ...Expr[]]);
  return refunds === undefined ? added : minus(added, refunds);
}

/** GMV recorded as a named step and shown as `name` in formulas (for KPIs built on GMV). */
export function namedGmv(
  run: KpiRun,
  scope: GmvKnobs,
  name = "gmv",
  facts?: PeriodFacts,
  prefix?: string,
): Expr | undefined {
  const gmv = gmvTerm(run, scope, { ...(facts ? { facts } : {}), ...(prefix ? { prefix } : {}) });
  return gmv === undefined ? undefined : named(step(run, name, gmv), name);
}
