import type { PeriodFacts } from "../../facts/schema.js";
import { type Expr, minus, named, plus } from "./expr.js";
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

/** The terms a scope may add to gross, in formula order, each with the knob that includes it. */
const ADDED_TERMS = [
  ["cancelled", "sales.cancelledValue"],
  ["tax", "sales.tax"],
  ["shipping", "sales.shipping"],
] as const;

/** The fact paths GMV reads under a scope, in formula order. */
export function gmvReads(scope: GmvKnobs): string[] {
  const paths = ["sales.gross"];
  for (const [knob, path] of ADDED_TERMS) if (scope[knob] === "include") paths.push(path);
  if (scope.refunds === "exclude") paths.push(refundPath(scope.refundTiming));
  return paths;
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
  const term = (path: string) => read(run, path, facts, prefix + path);
  // The terms in gmvReads' order, added left to right; every fact is read (and a missing one
  // recorded) before any is found missing.
  let added = term("sales.gross");
  let complete = added !== undefined;
  for (const [knob, path] of ADDED_TERMS) {
    if (scope[knob] !== "include") continue;
    const t = term(path);
    if (t === undefined) complete = false;
    else if (added !== undefined) added = plus(added, t);
  }
  const refunds = scope.refunds === "exclude" ? term(refundPath(scope.refundTiming)) : undefined;
  if (!complete || added === undefined || (scope.refunds === "exclude" && refunds === undefined)) {
    return undefined;
  }
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
