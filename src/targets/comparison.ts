import type { KpiDefinition } from "../kpis/types.js";
import { type Cycle, cyclesBefore, cyclesOf, yearEarlier } from "../values/cycle.js";
import type { Period } from "../values/period.js";

/** Where a KPI with a `comparison` knob finds its comparison inside a contract. @internal */
export type ComparisonMode = "previous-period" | "same-period-last-year";

/**
 * The comparison a KPI reads from the history inside a contract (salesGrowth, SPEC §3): its
 * `comparison` knob when the KPI has one and it names a period; undefined otherwise (other KPIs,
 * and `baseline`, which SMART refuses in a contract).
 *
 * @internal
 */
export function comparisonModeOf(
  definition: KpiDefinition,
  scope: Readonly<Record<string, unknown>>,
): ComparisonMode | undefined {
  if (!definition.knobs.includes("comparison")) return undefined;
  const mode = scope.comparison;
  return mode === "previous-period" || mode === "same-period-last-year" ? mode : undefined;
}

/**
 * The comparison cycles of judged cycles (docs/kpis.md): `previous-period`, as many whole cycles as
 * are judged, just before them; `same-period-last-year`, each judged cycle a year earlier.
 *
 * @internal
 * @param mode - the comparison
 * @param judged - the judged cycles, oldest first (at least one)
 * @param cycle - the cycle kind
 * @param anchor - where `{ days }` runs are counted from
 * @returns the cycles whose facts are the comparison, oldest first
 */
export function comparisonCycles(
  mode: ComparisonMode,
  judged: readonly Period[],
  cycle: Cycle,
  anchor: string,
): Period[] {
  return mode === "previous-period"
    ? cyclesBefore(judged[0] as Period, cycle, anchor, judged.length)
    : judged.map((p) => yearEarlier(p, cycle));
}

/**
 * The days a baseline over `window` reads: the window, and before it the comparison cycles of its
 * cycles when the KPI compares (so callers that pick the history records a baseline needs keep
 * those too). Comparison cycles always lie before the window's start.
 *
 * @internal
 */
export function baselineReads(window: Period, mode: ComparisonMode | undefined, cycle: Cycle): Period {
  if (mode === undefined) return window;
  const first = comparisonCycles(mode, cyclesOf(window, cycle), cycle, window.start)[0] as Period;
  return { start: first.start, end: window.end };
}
