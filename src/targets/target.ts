import * as z from "zod";
import { isPlainJson } from "../internal/plainJson.js";
import { DECIMAL_PATTERN, type DecimalString, numberToDecimalString } from "../values/decimal.js";
import { idSchema } from "../values/id.js";
import { periodSchema } from "../values/period.js";
import { parseRatio } from "../values/ratio.js";
import { baselineSchema } from "./baseline.js";

/**
 * A goal value as the parser keeps it: a normalised decimal string when the input was a decimal, a
 * finite number or a percent string (`"22%"` → `"0.22"`), otherwise the text as written so that
 * the SMART rule `goal-invalid` can name it.
 */
export type GoalValue = string;

const goalValueSchema = z
  .union([z.string(), z.number()], {
    error: 'Expected a decimal such as "0.22", a number, or a percent such as "22%"',
  })
  .transform((input): GoalValue => {
    // z.number() refuses NaN and ±Infinity, so a number here is finite.
    if (typeof input === "number") return numberToDecimalString(input);
    try {
      return parseRatio(input);
    } catch {
      return input;
    }
  });

/**
 * Zod schema of a target's goal (SPEC §4.2): one of `atLeast`, `atMost`, `above`, `below` (absolute
 * levels) or `change` (relative to the baseline: target = baseline × (1 + change)). The parser keeps
 * every key it finds; several keys, or none, are reported by the SMART rule `goal-invalid`.
 */
export const goalSchema = z.strictObject({
  atLeast: goalValueSchema.optional(),
  atMost: goalValueSchema.optional(),
  above: goalValueSchema.optional(),
  below: goalValueSchema.optional(),
  change: goalValueSchema.optional(),
});

/** A target's goal after parsing. */
export type TargetGoal = z.output<typeof goalSchema>;

/** The goal kinds, in SPEC order. */
export type GoalKind = keyof TargetGoal;

/** Every goal kind. */
export const GOAL_KINDS: readonly GoalKind[] = Object.freeze([
  "atLeast",
  "atMost",
  "above",
  "below",
  "change",
]);

/**
 * Zod schema of how a target is judged: on each cycle's own facts (`{ every: "cycle" }`) or once
 * over a window (`{ window, aggregate }`), averaging per-cycle values or pooling the facts.
 */
export const targetEvaluationSchema = z.union(
  [
    z.strictObject({ every: z.literal("cycle") }),
    z.strictObject({
      window: periodSchema,
      aggregate: z.enum(["mean-of-cycles", "pooled"], { error: 'Expected "mean-of-cycles" or "pooled"' }),
    }),
  ],
  {
    error:
      'Expected { "every": "cycle" } or { "window": {start, end}, "aggregate": "mean-of-cycles" | "pooled" }',
  },
);

/** How a target is judged, after parsing. */
export type TargetEvaluationSpec = z.output<typeof targetEvaluationSchema>;

/**
 * Zod schema of a KPI scope as written in a contract: the knobs by name, or `{ "preset": name }`.
 * The parser checks only that it is an object of JSON values (no NaN, BigInt, cycles or class
 * instances); the SMART rules check the knobs against the KPI.
 */
export const scopeInputSchema = z.record(
  z.string(),
  z.custom<unknown>((v) => isPlainJson(v), {
    message:
      "Expected a knob value written as JSON: a string, a finite number, true, false, null, or a list or object of them",
  }),
  { error: "Expected a scope object of knobs" },
);

/**
 * Zod schema of a weight: a decimal or percent, kept as written when it is not one so that the SMART
 * rule `weights-invalid` can report it.
 */
export const weightSchema = goalValueSchema;

/**
 * Zod schema of a target (SPEC §4.2). Structure only: `goal`, `baseline`, `evaluation` and `weight`
 * are optional and `kpi` is any string, so that `validateContract` reports what is missing.
 *
 * @example
 * ```ts
 * targetSchema.parse({ id: "acos", kpi: "acos", scope: { attributionWindow: "14d" },
 *   goal: { atMost: "22%" }, evaluation: { every: "cycle" }, weight: "0.5" });
 * ```
 */
export const targetSchema = z.strictObject({
  id: idSchema,
  kpi: z.string({ error: "Expected a KPI id" }),
  name: z.string().optional(),
  scope: scopeInputSchema.optional(),
  stores: z.array(idSchema).optional(),
  baseline: baselineSchema.optional(),
  goal: goalSchema.optional(),
  evaluation: targetEvaluationSchema.optional(),
  weight: weightSchema.optional(),
  role: z
    .enum(["objective", "guardrail"], { error: 'Expected "objective" or "guardrail"' })
    .default("objective"),
});

/** A target after parsing. */
export type Target = z.output<typeof targetSchema>;
/** A target as accepted on input. */
export type TargetInput = z.input<typeof targetSchema>;

/**
 * Reads the single goal of a target, if it has exactly one with a decimal value.
 *
 * @param goal - the parsed goal
 * @returns `{ kind, value }`, or undefined when there is no goal, several, or a non-decimal value
 * @example
 * ```ts
 * singleGoal({ atMost: "0.22" }); // { kind: "atMost", value: "0.22" }
 * ```
 */
export function singleGoal(
  goal: TargetGoal | undefined,
): { kind: GoalKind; value: DecimalString } | undefined {
  if (typeof goal !== "object" || goal === null) return undefined;
  const present = GOAL_KINDS.filter((k) => goal[k] !== undefined);
  if (present.length !== 1) return undefined;
  const kind = present[0] as GoalKind;
  const value: unknown = goal[kind];
  return typeof value === "string" && DECIMAL_PATTERN.test(value) ? { kind, value } : undefined;
}
