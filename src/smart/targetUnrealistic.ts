import { D, type Dec, formatDecimal, power, quotient } from "../internal/decimal.js";
import { usableGoal } from "./goalInvalid.js";
import { finding, type SmartFindingData } from "./SmartFinding.js";
import {
  baselineValue,
  relativeChange,
  type SmartContext,
  type TargetInfo,
  targetValue,
} from "./smartContext.js";

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
}

/** The change rule: |target − baseline| ÷ baseline above maxChange, in the direction of improvement. */
function changeFinding(ctx: SmartContext, t: TargetInfo): SmartFindingData | undefined {
  const definition = t.definition;
  const change = relativeChange(t);
  if (definition === undefined || change === undefined || t.goal === undefined) return undefined;
  const higher = definition.polarity === "higher-is-better";
  const c = new D(change);
  const improving = higher ? c.gt(0) : c.lt(0);
  const max = higher ? ctx.settings.maxChangeHigher : ctx.settings.maxChangeLower;
  if (!improving || !c.abs().gt(max)) return undefined;
  const targetId = t.target.id;
  const path = [...t.path, "goal", t.goal.kind];
  if (t.goal.kind === "change") {
    return finding(
      "target-unrealistic",
      path,
      { reason: "change", target: targetId, kpi: t.target.kpi, change, maxChange: max },
      { targetId },
    );
  }
  return finding(
    "target-unrealistic",
    path,
    {
      reason: "level",
      target: targetId,
      kpi: t.target.kpi,
      unit: definition.unit,
      currency: ctx.contract.fees.currency,
      baseline: baselineValue(t) as string,
      targetValue: t.goal.value,
      change: formatDecimal(c.abs()),
      maxChange: max,
    },
    { targetId },
  );
}

/**
 * The growth rule (monthly cycles, higher-is-better KPIs, baseline from history): the compound
 * monthly growth needed from the last baseline cycle to the judged cycle, against the best
 * month-on-month growth of the baseline window plus the margin.
 */
function growthFinding(ctx: SmartContext, t: TargetInfo): SmartFindingData | undefined {
  const { contract, settings } = ctx;
  const definition = t.definition;
  const evaluation = t.target.evaluation;
  if (contract.cycle !== "monthly" || definition?.polarity !== "higher-is-better") return undefined;
  if (t.baseline.status !== "computed" || evaluation === undefined || t.goal === undefined) return undefined;
  const cycles = t.baseline.cycles;
  const last = cycles[cycles.length - 1];
  const goalValue = targetValue(t);
  if (last === undefined || last.value === null || goalValue === undefined) return undefined;
  const lastValue = new D(last.value);
  const wanted = new D(goalValue);
  if (!lastValue.gt(0) || !wanted.gt(lastValue)) return undefined;

  let best: Dec | undefined;
  for (let i = 1; i < cycles.length; i++) {
    const prev = cycles[i - 1]?.value;
    const cur = cycles[i]?.value;
    if (prev == null || cur == null || !new D(prev).gt(0)) continue;
    const growth = quotient(new D(cur), new D(prev)).minus(1);
    if (best === undefined || growth.gt(best)) best = growth;
  }
  if (best === undefined) return undefined;

  // An every-cycle target must already hold in the first cycle, the calendar month the term starts
  // in (cycles are monthly here); a window target at its end.
  const judgedEnd = "every" in evaluation ? contract.term.start : evaluation.window.end;
  const months = monthIndex(judgedEnd) - monthIndex(last.period.end);
  if (months < 1) return undefined;
  const required = power(quotient(wanted, lastValue), quotient(1, months)).minus(1);
  if (!required.gt(best.plus(settings.growthMargin))) return undefined;
  return finding(
    "target-unrealistic",
    [...t.path, "goal", t.goal.kind],
    {
      reason: "growth",
      target: t.target.id,
      kpi: t.target.kpi,
      unit: definition.unit,
      currency: contract.fees.currency,
      lastValue: last.value,
      targetValue: goalValue,
      months: String(months),
      required: formatDecimal(required),
      best: formatDecimal(best),
      margin: settings.growthMargin,
    },
    { targetId: t.target.id },
  );
}

/**
 * SMART rule `target-unrealistic` (achievable, warning). Two tests, in the direction of
 * improvement only (a goal below the baseline of a higher-is-better KPI is never unrealistic):
 *
 * - change: |target − baseline| ÷ baseline above `maxChange` (default 1.0 for higher-is-better,
 *   0.5 for lower-is-better). For a `change` goal this is |change| and needs no baseline value.
 * - growth (monthly contracts, higher-is-better KPIs, baseline from history): months = whole months
 *   between the baseline window's last cycle and the judged cycle (the window's last cycle, or the
 *   term's first cycle for `every: cycle`); required = (target ÷ last baseline cycle value)^(1/months)
 *   − 1, computed with decimal.js `pow`; flagged when required > best month-on-month growth of the
 *   baseline window + `growthMargin` (default 0.10).
 *
 * Goals that `goal-invalid` refuses are skipped.
 *
 * @param ctx - the validation context
 * @returns at most one finding per target (the change test first)
 * @example
 * ```ts
 * targetUnrealistic(ctx); // [{ code: "target-unrealistic", params: { reason: "change", change: "1.5", maxChange: "1" } }]
 * ```
 */
export function targetUnrealistic(ctx: SmartContext): SmartFindingData[] {
  const out: SmartFindingData[] = [];
  for (const t of ctx.targets) {
    if (usableGoal(ctx, t) === undefined) continue;
    const f = changeFinding(ctx, t) ?? growthFinding(ctx, t);
    if (f !== undefined) out.push(f);
  }
  return out;
}
