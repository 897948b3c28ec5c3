import * as z from "zod";
import type { KpiDefinition, KpiPolarity, KpiUnit } from "../types.js";
import { minSampleKnob } from "./knobs.js";
import { missingFacts, ratioResult, readAll, startRun, valueResult } from "./run.js";

/** The scope of a ratio KPI without knobs: only the optional `minSample`. */
export const minSampleOnlyScopeSchema = z.strictObject({ minSample: minSampleKnob });

/** A parsed scope with only `minSample`. */
export type MinSampleOnlyScope = z.output<typeof minSampleOnlyScopeSchema>;

/** The empty scope of a KPI without knobs. */
export const emptyScopeSchema = z.strictObject({});

/** A parsed empty scope. */
export type EmptyScope = z.output<typeof emptyScopeSchema>;

/**
 * A ratio KPI of two fact fields with no knobs but `minSample` (click-through rate, response rate…).
 *
 * @internal
 */
export function factRatioKpi(spec: {
  readonly id: string;
  readonly description: string;
  readonly polarity: KpiPolarity;
  readonly numerator: string;
  readonly denominator: string;
  readonly shareOfWhole: boolean;
  readonly scopeSchema: typeof minSampleOnlyScopeSchema;
}): KpiDefinition<MinSampleOnlyScope> {
  const definition: KpiDefinition<MinSampleOnlyScope> = Object.freeze({
    id: spec.id,
    description: spec.description,
    unit: "ratio",
    polarity: spec.polarity,
    scopeSchema: spec.scopeSchema,
    knobs: [],
    minSample: true,
    shareOfWhole: spec.shareOfWhole,
    reads: () => [spec.numerator, spec.denominator],
    compute(facts, scope) {
      const run = startRun(definition, facts, scope);
      const f = readAll(run, { n: spec.numerator, d: spec.denominator });
      return f === undefined ? missingFacts(run) : ratioResult(run, f.n, f.d, scope.minSample);
    },
  } satisfies KpiDefinition<MinSampleOnlyScope>);
  return definition;
}

/**
 * A KPI that is one fact field as it stands (orders, ad spend).
 *
 * @internal
 */
export function factValueKpi(spec: {
  readonly id: string;
  readonly description: string;
  readonly unit: KpiUnit;
  readonly polarity: KpiPolarity;
  readonly path: string;
  readonly scopeSchema: typeof emptyScopeSchema;
}): KpiDefinition<EmptyScope> {
  const definition: KpiDefinition<EmptyScope> = Object.freeze({
    id: spec.id,
    description: spec.description,
    unit: spec.unit,
    polarity: spec.polarity,
    scopeSchema: spec.scopeSchema,
    knobs: [],
    reads: () => [spec.path],
    compute(facts, scope) {
      const run = startRun(definition, facts, scope);
      const f = readAll(run, { v: spec.path });
      return f === undefined ? missingFacts(run) : valueResult(run, f.v);
    },
  } satisfies KpiDefinition<EmptyScope>);
  return definition;
}
