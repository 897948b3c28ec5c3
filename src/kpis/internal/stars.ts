import { type Expr, sum } from "./expr.js";
import { type KpiRun, read } from "./run.js";

const STAR_PATH_LISTS = new Map<number, readonly string[]>();

/**
 * The paths of the star counts from `from` to `to` stars, kept per range: the same strings each
 * time, so that looking them up (as `readFact` does) hashes nothing new.
 */
export function starPaths(from: number, to: number): readonly string[] {
  const key = from * 8 + to;
  let paths = STAR_PATH_LISTS.get(key);
  if (paths === undefined) {
    paths = Object.freeze(Array.from({ length: to - from + 1 }, (_, i) => `reviews.byStars.${from + i}`));
    STAR_PATH_LISTS.set(key, paths);
  }
  return paths;
}

/** The paths of all five star counts. */
export const STAR_PATHS: readonly string[] = Object.freeze(starPaths(1, 5));

/** Reads star counts and adds them up; undefined when the byStars group is missing. */
export function starSum(run: KpiRun, paths: readonly string[]): Expr | undefined {
  const terms = paths.map((path) => read(run, path));
  return terms.every((t) => t !== undefined) ? sum(terms as [Expr, ...Expr[]]) : undefined;
}
