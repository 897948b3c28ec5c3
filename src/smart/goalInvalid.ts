import { D, formatDecimal, quotient } from "../internal/decimal.js";
import type { KpiDefinition } from "../kpis/types.js";
import { GOAL_KINDS } from "../targets/target.js";
import { isDecimalString } from "../values/decimal.js";
import { finding, type SmartFindingData, type SmartParams } from "./SmartFinding.js";
import { baselineValue, type SmartContext, type TargetInfo } from "./smartContext.js";

/** The SPEC §5 list of KPIs that are a share of a whole, used when a definition does not say. */
const SHARE_OF_WHOLE = new Set([
  "clickThroughRate",
  "negativeReviewRate",
  "responseRate",
  "listingOptimizationRate",
  "sellThroughRate",
  "grossMargin",
]);

/**
 * A ratio goal at or above this magnitude looks like a percent typed as a fraction. SPEC §5 says
 * "any ratio goal of 5 or more", and §3 gives ROAS and inventory turnover the unit ratio, so they
 * are held to it too (a ROAS goal of 5 is refused; docs/smart.md says what to do instead).
 */
const PERCENT_HINT = new D(5);

/**
 * Tells whether a KPI under a scope is a share of a whole (its value can never exceed 1): the
 * definition says so, or, for a catalogue KPI that does not, the SPEC §5 list.
 *
 * @param definition - the KPI
 * @param scope - its parsed knobs, when known
 * @returns true for negative review rate, click-through rate, conversion rate by orders…
 * @example
 * ```ts
 * isShareOfWhole(getKpiDefinition("negativeReviewRate"), { maxStars: 2, denominator: "reviews" }); // true
 * ```
 * @internal
 */
export function isShareOfWhole(
  definition: KpiDefinition,
  scope: Readonly<Record<string, unknown>> | undefined,
): boolean {
  const declared = definition.shareOfWhole;
  if (typeof declared === "boolean") return declared;
  if (typeof declared === "function") return declared({ ...scope });
  if (definition.id === "conversionRate") return (scope?.count ?? "orders") === "orders";
  return SHARE_OF_WHOLE.has(definition.id);
}

function checkValue(ctx: SmartContext, t: TargetInfo, kind: string, value: string): SmartParams | undefined {
  const target = t.target.id;
  const v = new D(value);
  if (kind === "change") {
    if (v.abs().gte(PERCENT_HINT)) {
      return {
        reason: "looks-like-percent",
        target,
        kpi: t.target.kpi,
        kind,
        value,
        suggested: formatDecimal(quotient(v, 100)),
      };
    }
    if (v.lt(-1)) return { reason: "change-below-minus-one", target, value };
    const baseline = baselineValue(t);
    if (baseline !== undefined && !new D(baseline).gt(0)) {
      return {
        reason: "change-on-nonpositive-baseline",
        target,
        baseline,
        unit: t.definition?.unit ?? "",
        currency: ctx.contract.fees.currency,
      };
    }
    return undefined;
  }
  const definition = t.definition;
  if (definition === undefined) return undefined;
  if (definition.unit === "ratio") {
    if (v.abs().gte(PERCENT_HINT)) {
      return {
        reason: "looks-like-percent",
        target,
        kpi: t.target.kpi,
        kind,
        value,
        suggested: formatDecimal(quotient(v, 100)),
      };
    }
    if (v.gt(1) && isShareOfWhole(definition, t.scope.withDefaults)) {
      return { reason: "above-one", target, kpi: t.target.kpi, kind, value };
    }
  }
  if (definition.unit === "stars" && (v.lt(1) || v.gt(5))) {
    return { reason: "stars-out-of-range", target, kind, value };
  }
  return undefined;
}

/**
 * The target's single goal when it is usable for the value-based rules: a decimal that
 * `goal-invalid` does not refuse. A refused goal (for example ACoS at most 22) would otherwise
 * also look "already met" or "unrealistic".
 *
 * @param ctx - the validation context
 * @param t - the target
 * @returns the goal, or undefined
 * @example
 * ```ts
 * usableGoal(ctx, t); // undefined for { atMost: "22" } on ACoS
 * ```
 * @internal
 */
export function usableGoal(ctx: SmartContext, t: TargetInfo): TargetInfo["goal"] {
  const goal = t.goal;
  if (goal === undefined) return undefined;
  return checkValue(ctx, t, goal.kind, goal.value) === undefined ? goal : undefined;
}

/**
 * SMART rule `goal-invalid` (measurable, error): no goal, several goals, a value that is not a
 * decimal, a `change` on a baseline ≤ 0 or below −1 (a negative target), a goal above 1 on a KPI
 * that is a share of a whole, any ratio goal of 5 or more (ROAS and inventory turnover included, as
 * SPEC §5 words it; the hint says it looks like a percent typed as a fraction), or an average rating
 * outside 1–5 stars.
 *
 * @param ctx - the validation context
 * @returns at most one finding per target
 * @example
 * ```ts
 * goalInvalid(ctx); // [{ code: "goal-invalid", params: { reason: "looks-like-percent", value: "22", suggested: "0.22", … } }]
 * ```
 */
export function goalInvalid(ctx: SmartContext): SmartFindingData[] {
  const out: SmartFindingData[] = [];
  for (const t of ctx.targets) {
    const targetId = t.target.id;
    const goal = t.target.goal ?? {};
    const kinds = GOAL_KINDS.filter((k) => goal[k] !== undefined);
    const goalPath = [...t.path, "goal"];
    const kind = kinds[0];
    if (kind === undefined) {
      out.push(finding("goal-invalid", goalPath, { reason: "no-goal", target: targetId }, { targetId }));
      continue;
    }
    if (kinds.length > 1) {
      out.push(
        finding("goal-invalid", goalPath, { reason: "several-goals", target: targetId, kinds }, { targetId }),
      );
      continue;
    }
    const value = goal[kind] as string;
    if (!isDecimalString(value)) {
      out.push(
        finding(
          "goal-invalid",
          [...goalPath, kind],
          { reason: "not-decimal", target: targetId, kind, value },
          { targetId },
        ),
      );
      continue;
    }
    const problem = checkValue(ctx, t, kind, value);
    if (problem !== undefined) out.push(finding("goal-invalid", [...goalPath, kind], problem, { targetId }));
  }
  return out;
}
