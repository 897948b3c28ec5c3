import type { KpiDefinition } from "../kpis/types.js";
import { type Cycle, cyclesBefore, cyclesOf, cycleYearEarlier } from "../values/cycle.js";
import { type Period, sameDays } from "../values/period.js";

/** Where a KPI with a `comparison` knob finds its comparison inside a contract. @internal */
export type ComparisonMode = "previous-period" | "same-period-last-year";

/**
 * The comparison a KPI reads from the history inside a contract (salesGrowth, SPEC §3): its
 * `comparison` knob when the KPI has one and it names a period; undefined otherwise (other KPIs,
 * and `baseline`, which SMART refuses in a contract).
 *
 * @internal
 * @param definition - the KPI
 * @param scope - its resolved scope
 * @returns the comparison, or undefined when the KPI reads none from the history
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
 * The comparison cycles of judged cycles (docs/kpis.md), on the contract's cycle grid: whole
 * cycles before the term, the term's own cycles inside it. `previous-period`: as many cycles as
 * are judged, just before them; `same-period-last-year`: each judged cycle's cycle a year earlier.
 *
 * @internal
 * @param mode - the comparison
 * @param judged - the judged cycles, oldest first (at least one)
 * @param cycle - the cycle kind
 * @param term - the term (a baseline passes its window: its comparisons lie before it)
 * @returns the cycles whose facts are the comparison, oldest first, each once
 */
export function comparisonCycles(
  mode: ComparisonMode,
  judged: readonly Period[],
  cycle: Cycle,
  term: Period,
): Period[] {
  if (mode === "previous-period") return cyclesBefore(judged[0] as Period, cycle, term, judged.length);
  // Across 29 February two `{ days }` cycles can fall in one cycle a year earlier: it counts once.
  const byKey = new Map<string, Period>();
  for (const p of judged) {
    const c = cycleYearEarlier(p, cycle, term);
    byKey.set(`${c.start}..${c.end}`, c);
  }
  return [...byKey.values()];
}

/**
 * The comparison cycles a baseline over `window` reads: for `pooled`, those of the whole window;
 * for `mean-of-cycles`, those of each cycle. Empty when the KPI does not compare.
 *
 * @internal
 * @param window - the baseline window (whole cycles)
 * @param aggregate - the baseline's aggregate
 * @param mode - the KPI's comparison, if any
 * @param cycle - the cycle kind
 * @param term - the contract's term, when known (see {@link baselineGrid})
 * @returns the comparison cycles (for `mean-of-cycles`, each cycle's in turn)
 */
export function baselineComparisonCycles(
  window: Period,
  aggregate: "pooled" | "mean-of-cycles",
  mode: ComparisonMode | undefined,
  cycle: Cycle,
  term?: Period,
): Period[] {
  if (mode === undefined) return [];
  const cycles = cyclesOf(window, cycle);
  const grid = baselineGrid(window, term);
  // A cycle may appear twice for mean-of-cycles (each cycle has its own comparison): harmless to a
  // test of which records are read.
  return aggregate === "pooled"
    ? comparisonCycles(mode, cycles, cycle, grid)
    : cycles.flatMap((c) => comparisonCycles(mode, [c], cycle, grid));
}

/**
 * The grid a baseline's comparison cycles lie on: the contract's term when the window lies in it
 * (the term's clipped cycles are what the history holds there), else the window itself (whole
 * cycles before the term, `{ days }` counted from the window's start, as its own cycles are).
 *
 * @internal
 * @param window - the baseline window
 * @param term - the contract's term, when known
 * @returns the period whose cycles the comparison cycles are
 */
export function baselineGrid(window: Period, term: Period | undefined): Period {
  return term !== undefined && window.start <= term.end && term.start <= window.end ? term : window;
}

/**
 * Which history records a baseline from history reads: those inside its window and those of the
 * comparison cycles of {@link baselineComparisonCycles}. Callers that pick (and convert) the
 * records a baseline needs use it, so that nothing else is read, converted or listed in `fxRates`.
 *
 * @internal
 * @param spec - the baseline's window and aggregate
 * @param mode - the KPI's comparison, if any
 * @param cycle - the cycle kind
 * @param term - the contract's term, when known (see {@link baselineGrid})
 * @returns a test of a record's period
 */
export function baselineReadsPeriod(
  spec: { readonly window: Period; readonly aggregate: "pooled" | "mean-of-cycles" },
  mode: ComparisonMode | undefined,
  cycle: Cycle,
  term?: Period,
): (period: Period) => boolean {
  const { window } = spec;
  const compared = baselineComparisonCycles(window, spec.aggregate, mode, cycle, term);
  return (p) => (window.start <= p.start && p.end <= window.end) || compared.some((c) => sameDays(c, p));
}
