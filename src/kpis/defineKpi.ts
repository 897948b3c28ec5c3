import * as z from "zod";
import { isFactPath, readFactValue } from "../facts/readFact.js";
import type { PeriodFacts } from "../facts/schema.js";
import { describeIssues } from "../internal/issues.js";
import type { DecimalString } from "../values/decimal.js";
import { describeInput } from "../values/decimal.js";
import { ID_PATTERN } from "../values/id.js";
import { KpiContractError, type ValidationIssue } from "../values/KpiContractError.js";
import { isCatalogueKpi } from "./catalogue.js";
import type {
  KpiComputeContext,
  KpiDefinition,
  KpiPolarity,
  KpiResult,
  KpiUnit,
  ScopePredicate,
} from "./types.js";

/** What {@link defineKpi} takes: a KPI definition whose scope schema and knobs may be left out. */
export interface DefineKpiSpec<Scope extends Record<string, unknown>> {
  /** The KPI id: letters, digits, `_ . : -`, and not a catalogue id. */
  readonly id: string;
  readonly unit: KpiUnit;
  readonly polarity: KpiPolarity;
  /** One-line English description. */
  readonly description: string;
  /**
   * The scope's zod schema: a strict object whose knobs all have defaults, so that parsing `{}`
   * gives the default scope (default: `z.strictObject({})`, no knobs).
   */
  readonly scopeSchema?: z.ZodType<Scope, Record<string, unknown>>;
  /** The knobs a contract must state (default none); each is a key the scope schema accepts. */
  readonly knobs?: readonly string[];
  /** Whether the scope schema takes the optional `minSample` knob. */
  readonly minSample?: boolean;
  /** Whether the value is a share of a whole (never above 1). */
  readonly shareOfWhole?: boolean | ScopePredicate<Scope>;
  /** The fact paths the KPI reads under a scope. */
  readonly reads: (scope: Scope) => readonly string[];
  /**
   * Computes the value from parsed facts and scope: a full `KpiResult`, or just a decimal string,
   * which gets a trace listing the facts named by `reads`. Must be pure; `computeKpi` refuses NaN,
   * Infinity and anything that is not a decimal string or a null with a reason.
   */
  readonly compute: (
    facts: PeriodFacts,
    scope: Scope,
    context: KpiComputeContext,
  ) => KpiResult | DecimalString;
}

const UNITS: readonly KpiUnit[] = ["money", "ratio", "count", "days", "stars"];
const POLARITIES: readonly KpiPolarity[] = ["higher-is-better", "lower-is-better"];

/** Every problem of a definition, found at definition time (JavaScript callers have no type checks). */
function specIssues(spec: DefineKpiSpec<Record<string, unknown>>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (code: string, path: (string | number)[], message: string): void => {
    issues.push({ code, path, message });
  };
  if (typeof spec.id !== "string" || !ID_PATTERN.test(spec.id)) {
    add(
      "kpi-id-invalid",
      ["id"],
      `Expected an id of 1–64 letters, digits or _ . : - starting with a letter or digit, received ${describeInput(spec.id)}`,
    );
  } else if (isCatalogueKpi(spec.id)) {
    add("kpi-id-reserved", ["id"], `"${spec.id}" is a catalogue KPI id; choose another id`);
  }
  if (!UNITS.includes(spec.unit)) {
    add(
      "unit-invalid",
      ["unit"],
      `Expected a unit: ${UNITS.join(", ")}; received ${describeInput(spec.unit)}`,
    );
  }
  if (!POLARITIES.includes(spec.polarity)) {
    add(
      "polarity-invalid",
      ["polarity"],
      `Expected a polarity: ${POLARITIES.join(" or ")}; received ${describeInput(spec.polarity)}`,
    );
  }
  if (typeof spec.description !== "string" || spec.description.trim() === "") {
    add("description-invalid", ["description"], "A KPI needs a one-line description");
  }
  if (typeof spec.reads !== "function") add("reads-invalid", ["reads"], "reads must be a function");
  if (typeof spec.compute !== "function") add("compute-invalid", ["compute"], "compute must be a function");
  const declared: unknown = spec.scopeSchema;
  const schemaIsZod =
    typeof declared === "object" &&
    declared !== null &&
    typeof (declared as z.ZodType).safeParse === "function";
  if (declared !== undefined && !schemaIsZod) {
    add("scope-schema-invalid", ["scopeSchema"], "The scope schema must be a zod schema");
  }
  const schema = schemaIsZod ? (declared as z.ZodType) : undefined;
  if (schema !== undefined && !schema.safeParse({}).success) {
    add(
      "scope-schema-invalid",
      ["scopeSchema"],
      "The scope schema must accept {} (every knob has a default for ad-hoc use)",
    );
  }
  const knobs: unknown = spec.knobs ?? [];
  if (!Array.isArray(knobs))
    add("knob-invalid", ["knobs"], `Expected a list of knob names, received ${describeInput(knobs)}`);
  (Array.isArray(knobs) ? knobs : []).forEach((knob: unknown, i) => {
    if (typeof knob !== "string") {
      add("knob-invalid", ["knobs", i], `Expected a knob name, received ${describeInput(knob)}`);
    } else if (knob === "minSample") {
      add("knob-invalid", ["knobs", i], "minSample is optional and never listed among the knobs");
    } else if (schema !== undefined && !acceptsKey(schema, knob)) {
      add("knob-invalid", ["knobs", i], `The scope schema has no knob "${knob}"`);
    } else if (schema === undefined) {
      add("knob-invalid", ["knobs", i], `Knob "${knob}" needs a scope schema that defines it`);
    }
  });
  if (spec.minSample === true && (schema === undefined || !acceptsKey(schema, "minSample"))) {
    add("knob-invalid", ["minSample"], "minSample: true needs a scope schema with a minSample knob");
  }
  if (issues.length === 0) {
    // The default scope's reads are checked here; a scope-dependent read is checked when traced.
    const defaults = (schema ?? z.strictObject({})).parse({}) as Record<string, unknown>;
    const paths: unknown = spec.reads(defaults);
    if (!Array.isArray(paths)) {
      add(
        "reads-invalid",
        ["reads"],
        `reads() must return a list of fact paths, returned ${describeInput(paths)}`,
      );
      return issues;
    }
    paths.forEach((path: unknown, i) => {
      if (!isFactPath(path)) {
        add(
          "fact-path-unknown",
          ["reads", i],
          `reads() names ${describeInput(path)}, which is not a fact path`,
        );
      }
    });
  }
  return issues;
}

/** Whether a strict object schema knows `key` (an unknown key is the only issue it then reports). */
function acceptsKey(schema: z.ZodType, key: string): boolean {
  const shape = (schema as { shape?: unknown }).shape;
  if (typeof shape === "object" && shape !== null) return Object.hasOwn(shape, key);
  const parsed = schema.safeParse({ [key]: undefined });
  return parsed.success || !parsed.error.issues.some((i) => i.code === "unrecognized_keys");
}

/**
 * Defines a KPI in TypeScript with a compute function (SPEC §3), for KPIs a JSON expression cannot
 * say. The scope type is inferred from the zod scope schema. Everything is checked at definition
 * time, so a bad definition fails where it is written rather than in a settlement.
 *
 * @param spec - id, unit, polarity, description, optional scope schema and knobs, `reads` and `compute`
 * @returns a frozen `KpiDefinition`, usable with `computeKpi` and the `customKpis` option
 * @throws {@link KpiContractError} `kpi-definition-invalid` listing every issue (`kpi-id-invalid`,
 *   `kpi-id-reserved` for a catalogue id, `unit-invalid`, `polarity-invalid`, `description-invalid`,
 *   `reads-invalid`, `compute-invalid`, `scope-schema-invalid`, `knob-invalid`)
 * @example
 * ```ts
 * // Orders above a floor stated in the contract, never below 0: a max() that JSON expressions lack.
 * const ordersOverFloor = defineKpi({
 *   id: "ordersOverFloor", unit: "count", polarity: "higher-is-better",
 *   description: "Orders above the floor, or 0",
 *   scopeSchema: z.strictObject({ floor: z.int().nonnegative().default(0) }),
 *   knobs: ["floor"],
 *   reads: () => ["sales.orders"],
 *   compute: (facts, scope) => {
 *     const orders = facts.sales?.orders;
 *     if (orders === undefined) return { value: null, unit: "count", reason: "missing-facts", missing: ["sales.orders"] };
 *     return String(Math.max(orders - scope.floor, 0)); // integer counts: exact
 *   },
 * });
 * computeKpi(ordersOverFloor, facts, { floor: 1000 }).value; // "200" with 1,200 orders
 * ```
 */
export function defineKpi<Scope extends Record<string, unknown> = Record<string, never>>(
  spec: DefineKpiSpec<Scope>,
): KpiDefinition<Scope> {
  if (typeof spec !== "object" || spec === null) {
    throw new KpiContractError(
      "kpi-definition-invalid",
      `Invalid KPI definition: expected an object { id, description, unit, polarity, reads, compute }, received ${describeInput(spec)}`,
      { kpi: null },
      [{ code: "invalid_type", path: [], message: "Expected a KPI definition object" }],
    );
  }
  const issues = specIssues(spec as unknown as DefineKpiSpec<Record<string, unknown>>);
  if (issues.length > 0) {
    throw new KpiContractError(
      "kpi-definition-invalid",
      `Invalid KPI definition ${describeInput(spec.id)}:\n${describeIssues(issues)}`,
      { kpi: spec.id },
      issues,
    );
  }
  const scopeSchema =
    spec.scopeSchema ?? (z.strictObject({}) as unknown as z.ZodType<Scope, Record<string, unknown>>);
  const definition: KpiDefinition<Scope> = Object.freeze({
    id: spec.id,
    description: spec.description,
    unit: spec.unit,
    polarity: spec.polarity,
    scopeSchema,
    knobs: Object.freeze([...(spec.knobs ?? [])]),
    ...(spec.minSample !== undefined ? { minSample: spec.minSample } : {}),
    ...(spec.shareOfWhole !== undefined ? { shareOfWhole: spec.shareOfWhole } : {}),
    reads: spec.reads,
    compute(facts: PeriodFacts, scope: Scope, context: KpiComputeContext): KpiResult {
      const result = spec.compute(facts, scope, context);
      if (typeof result !== "string") return result;
      return { value: result, unit: spec.unit, trace: minimalTrace(spec, facts, scope, result) };
    },
  });
  return definition;
}

/**
 * The trace of a compute function that returned a bare value: the facts it declares it reads, as
 * `id(path, …)` and `id(value, …)`, so that the inputs behind the number are on record.
 */
function minimalTrace<Scope extends Record<string, unknown>>(
  spec: DefineKpiSpec<Scope>,
  facts: PeriodFacts,
  scope: Scope,
  value: string,
): KpiResultTrace {
  const paths = spec.reads(scope);
  const inputs: Record<string, string> = {};
  for (const path of paths) {
    // The facts were parsed: their values are read as they are, without readFact's checks.
    const raw = isFactPath(path) ? readFactValue(facts, path) : undefined;
    if (raw !== undefined) inputs[path] = String(raw);
  }
  return {
    kpi: spec.id,
    formula: `${spec.id}(${paths.join(", ")})`,
    substituted: `${spec.id}(${paths.map((p) => inputs[p] ?? "missing").join(", ")})`,
    inputs,
    steps: [{ name: spec.id, value }],
    scope: { ...scope },
  };
}

type KpiResultTrace = NonNullable<KpiResult["trace"]>;
