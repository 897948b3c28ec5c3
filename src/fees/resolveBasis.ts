import { compare, contractDecimal, type Dec, formatDecimal, ZERO } from "../internal/decimal.js";
import type { DecimalString } from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";
import {
  dec,
  evaluationOf,
  type FeeBasisValue,
  type FeeCycleContext,
  type FeeTraceStep,
  isWhole,
  prorate,
  say,
} from "./feeLine.js";
import type { FeeBasis } from "./schema.js";

/** A basis after carry-forward and `over`: what the tiers or the rate apply to. @internal */
export interface ResolvedBasis {
  /** The amount the rate applies to: never negative. */
  readonly amount: Dec;
  /** Carry-forward mode: the negative basis carried to the next cycle (zero when absorbed). */
  readonly carryForward?: Dec;
  readonly steps: readonly FeeTraceStep[];
  readonly warnings: readonly string[];
}

/**
 * Turns a basis KPI value into the amount a share or rate bonus applies to (SPEC §6.2, §6.4):
 * adds the negative basis carried from the previous cycle (carry-forward only), counts a negative
 * result as 0 (carrying it on in carry-forward mode), then subtracts `over` (an amount or a target's
 * baseline, both prorated), never going below 0.
 *
 * @internal
 */
export function resolveBasis(
  basis: FeeBasis,
  value: FeeBasisValue,
  ctx: FeeCycleContext,
  component: string,
  options: { readonly negativeBasis: "zero" | "carry-forward"; readonly carryIn?: DecimalString | undefined },
): ResolvedBasis {
  let net = value.decimal ?? dec(value.value);
  const steps: FeeTraceStep[] = [{ name: `${basis.kpi} (basis)`, value: formatDecimal(net) }];
  const warnings: string[] = [];
  const carry = options.negativeBasis === "carry-forward";
  if (carry && options.carryIn !== undefined) {
    const carryIn = dec(options.carryIn);
    if (carryIn.gt(0)) {
      throw new KpiContractError(
        "carry-forward-invalid",
        `Component ${component}: a carried basis is zero or negative, the previous cycle shows ${options.carryIn}`,
        { component, carryForward: options.carryIn },
      );
    }
    if (!carryIn.isZero()) {
      net = net.plus(carryIn);
      steps.push({ name: "carried from the previous cycle", value: formatDecimal(carryIn) });
      steps.push({ name: "basis after carry", value: formatDecimal(net) });
    }
  }
  let carryForward: Dec | undefined = carry ? ZERO : undefined;
  let amount = net;
  if (net.isNeg()) {
    amount = ZERO;
    if (carry) {
      carryForward = net;
      warnings.push(
        say(
          ctx.locale,
          `${component}: the basis is negative (${formatDecimal(net)}); it counts as 0 and is carried into the next cycle`,
          `${component}：计费基数为负（${formatDecimal(net)}），本期按 0 计，并结转至下期`,
        ),
      );
    } else {
      warnings.push(
        say(
          ctx.locale,
          `${component}: the basis is negative (${formatDecimal(net)}); it counts as 0`,
          `${component}：计费基数为负（${formatDecimal(net)}），按 0 计`,
        ),
      );
    }
    steps.push({ name: "negative basis counts as", value: "0" });
  }
  if (basis.over !== undefined) {
    let over: Dec;
    let label: string;
    if (typeof basis.over === "string") {
      over = contractDecimal(basis.over);
      label = `over ${basis.over}`;
    } else {
      const e = evaluationOf(ctx, basis.over.baselineOf, component);
      if (e.baseline === null) {
        throw new KpiContractError(
          "baseline-unavailable",
          `Component ${component} is computed over the baseline of ${e.targetId}, which has no value`,
          { component, targetId: e.targetId },
        );
      }
      over = dec(e.baseline);
      label = `over the baseline of ${e.targetId} (${e.baseline})`;
    }
    steps.push({ name: label, value: formatDecimal(over) });
    if (!isWhole(ctx.proration)) {
      over = prorate(over, ctx.proration);
      steps.push({
        name: `over prorated × ${ctx.proration.days} ÷ ${ctx.proration.fullDays}`,
        value: formatDecimal(over),
      });
    }
    amount = compare(amount, over) > 0 ? amount.minus(over) : ZERO;
    steps.push({ name: "increment over it (never negative)", value: formatDecimal(amount) });
  }
  return { amount, ...(carryForward !== undefined ? { carryForward } : {}), steps, warnings };
}
