import { type Expr, sum } from "./expr.js";
import { type KpiRun, read } from "./run.js";

/** The paths of the star counts from `from` to `to` stars. */
export function starPaths(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `reviews.byStars.${from + i}`);
}

/** The paths of all five star counts. */
export const STAR_PATHS: readonly string[] = Object.freeze(starPaths(1, 5));

/** Reads star counts and adds them up; undefined when the byStars group is missing. */
export function starSum(run: KpiRun, paths: readonly string[]): Expr | undefined {
  const terms = paths.map((path) => read(run, path));
  return terms.every((t) => t !== undefined) ? sum(terms as [Expr, ...Expr[]]) : undefined;
}
