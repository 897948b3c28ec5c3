import { z } from "zod";
import { FACT_PATHS, isFactPath } from "../facts/readFact.js";
import type { PeriodFacts } from "../facts/schema.js";
import { D } from "../internal/decimal.js";
import { describeIssues, toValidationIssues } from "../internal/issues.js";
import { type DecimalString, decimalSchema, describeInput } from "../values/decimal.js";
import { idSchema } from "../values/id.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { isCatalogueKpi } from "./catalogue.js";
import { type Expr, literal, minus, over, product, sum } from "./internal/expr.js";
import { minSampleKnob } from "./internal/knobs.js";
import {
  type KpiRun,
  missingFacts,
  nullRatio,
  ratioResult,
  read,
  startRun,
  valueResult,
} from "./internal/run.js";
import type { KpiComputeContext, KpiDefinition, KpiPolarity, KpiResult, KpiUnit } from "./types.js";

/**
 * A custom KPI expression (SPEC §3): a fact path, a decimal constant, or a sum, difference, ratio or
 * product of expressions. Plain JSON, so an ERP can store it; evaluated without `eval`.
 */
export type CustomKpiExpression =
  | string
  | { readonly const: DecimalString }
  | { readonly sum: readonly CustomKpiExpression[] }
  | { readonly difference: readonly [CustomKpiExpression, CustomKpiExpression] }
  | { readonly ratio: readonly [CustomKpiExpression, CustomKpiExpression] }
  | { readonly product: readonly CustomKpiExpression[] };

/** An expression as accepted on input (constants may also be numbers). */
export type CustomKpiExpressionInput =
  | string
  | { readonly const: DecimalString | number }
  | { readonly sum: readonly CustomKpiExpressionInput[] }
  | { readonly difference: readonly [CustomKpiExpressionInput, CustomKpiExpressionInput] }
  | { readonly ratio: readonly [CustomKpiExpressionInput, CustomKpiExpressionInput] }
  | { readonly product: readonly CustomKpiExpressionInput[] };

/** Deepest nesting accepted: real KPIs need a handful of levels; deeper JSON is junk or an attack. */
export const MAX_EXPRESSION_DEPTH = 32;
/** Most nodes accepted in one expression. */
export const MAX_EXPRESSION_NODES = 1000;

const OPERATORS = ["const", "sum", "difference", "ratio", "product"] as const;
type Operator = (typeof OPERATORS)[number];

type Issue = { path: (string | number)[]; message: string; code: string };

const FORMS =
  'a fact path ("ads.spend"), { "const": "2" }, { "sum": [e, …] }, { "difference": [a, b] }, { "ratio": [a, b] } or { "product": [e, …] }';

/**
 * Checks an expression by hand before zod sees it: a precise message with the JSON path for each
 * problem, and limits on depth and size so that deeply nested junk is refused without recursing into it.
 */
function checkExpression(input: unknown): Issue[] {
  const issues: Issue[] = [];
  let nodes = 0;
  const visit = (node: unknown, path: (string | number)[], depth: number): void => {
    nodes += 1;
    if (nodes > MAX_EXPRESSION_NODES) {
      if (nodes === MAX_EXPRESSION_NODES + 1) {
        issues.push({
          path,
          code: "expression-too-large",
          message: `An expression has at most ${MAX_EXPRESSION_NODES} nodes`,
        });
      }
      return;
    }
    if (depth > MAX_EXPRESSION_DEPTH) {
      issues.push({
        path,
        code: "expression-too-deep",
        message: `An expression nests at most ${MAX_EXPRESSION_DEPTH} levels deep`,
      });
      return;
    }
    if (typeof node === "string") {
      if (!isFactPath(node)) {
        issues.push({
          path,
          code: "fact-path-unknown",
          message: `Unknown fact path ${JSON.stringify(node)}; expected one of ${FACT_PATHS.join(", ")} or ads.attributed.<window>.sales|orders`,
        });
      }
      return;
    }
    if (typeof node !== "object" || node === null || Array.isArray(node)) {
      issues.push({
        path,
        code: "expression-invalid",
        message: `Expected ${FORMS}; received ${describeInput(node)}`,
      });
      return;
    }
    const keys = Object.keys(node);
    const [op] = keys;
    if (keys.length !== 1 || op === undefined || !(OPERATORS as readonly string[]).includes(op)) {
      issues.push({
        path,
        code: "expression-invalid",
        message: `Expected ${FORMS}; received an object with ${keys.length === 0 ? "no keys" : `keys ${keys.join(", ")}`}`,
      });
      return;
    }
    const operand = (node as Record<string, unknown>)[op];
    const at = [...path, op];
    if (op === "const") {
      if (!decimalSchema.safeParse(operand).success) {
        issues.push({
          path: at,
          code: "decimal-invalid",
          message: `A constant is a decimal string such as "2" or "0.5" (or a finite number); received ${describeInput(operand)}`,
        });
      }
      return;
    }
    const pair = op === "difference" || op === "ratio";
    if (!Array.isArray(operand) || (pair ? operand.length !== 2 : operand.length === 0)) {
      issues.push({
        path: at,
        code: "expression-invalid",
        message: pair
          ? `"${op}" takes an array of exactly two expressions`
          : `"${op}" takes a non-empty array of expressions`,
      });
      return;
    }
    operand.forEach((child, i) => {
      visit(child, [...at, i], depth + 1);
    });
  };
  visit(input, [], 1);
  return issues;
}

const expressionStructure: z.ZodType<CustomKpiExpression, CustomKpiExpressionInput> = z.lazy(() =>
  z.union([
    z.string().meta({ description: "A fact path such as ads.spend or ads.attributed.14d.sales" }),
    z.strictObject({ const: decimalSchema }),
    z.strictObject({ sum: z.array(expressionStructure).min(1) }),
    z.strictObject({ difference: z.tuple([expressionStructure, expressionStructure]) }),
    z.strictObject({ ratio: z.tuple([expressionStructure, expressionStructure]) }),
    z.strictObject({ product: z.array(expressionStructure).min(1) }),
  ]),
);

/**
 * Zod schema of a custom KPI expression: every problem is reported with its JSON path (an unknown
 * fact path, a bad constant, a wrong number of operands), and expressions deeper than
 * {@link MAX_EXPRESSION_DEPTH} or larger than {@link MAX_EXPRESSION_NODES} nodes are refused.
 *
 * @example
 * ```ts
 * customKpiExpressionSchema.parse({ ratio: [{ difference: ["sales.gross", "costs.cogs"] }, "sales.gross"] });
 * ```
 */
export const customKpiExpressionSchema: z.ZodType<CustomKpiExpression, CustomKpiExpressionInput> =
  z.preprocess((input, ctx) => {
    for (const issue of checkExpression(input)) {
      ctx.addIssue({
        code: "custom",
        path: issue.path,
        message: issue.message,
        input,
        params: { code: issue.code },
      });
    }
    return input;
  }, expressionStructure) as unknown as z.ZodType<CustomKpiExpression, CustomKpiExpressionInput>;

/**
 * Zod schema of a custom KPI as JSON (SPEC §3): `{ id, unit, polarity, expression, description? }`.
 * The id must not be a catalogue KPI's.
 *
 * @example
 * ```ts
 * customKpiSchema.parse({
 *   id: "contributionMargin", unit: "ratio", polarity: "higher-is-better",
 *   expression: { ratio: [{ difference: ["sales.gross", "costs.cogs", ] }, "sales.gross"] },
 * });
 * ```
 */
export const customKpiSchema = z.strictObject({
  id: idSchema.refine((id) => !isCatalogueKpi(id), {
    error: (iss) => `${JSON.stringify(iss.input)} is a catalogue KPI id; a custom KPI needs an id of its own`,
    params: { code: "kpi-id-reserved" },
  }),
  unit: z.enum(["money", "ratio", "count", "days", "stars"], {
    error: 'Expected a unit: "money", "ratio", "count", "days" or "stars"',
  }),
  polarity: z.enum(["higher-is-better", "lower-is-better"], {
    error: 'Expected a polarity: "higher-is-better" or "lower-is-better"',
  }),
  expression: customKpiExpressionSchema,
  description: z.string().optional(),
});

/** A parsed custom KPI. */
export type CustomKpi = z.output<typeof customKpiSchema>;
/** A custom KPI as accepted on input. */
export type CustomKpiInput = z.input<typeof customKpiSchema>;

function opOf(node: Exclude<CustomKpiExpression, string>): Operator {
  return Object.keys(node)[0] as Operator;
}

/** The operands of an operator node (none for a constant). */
function operandsOf(node: Exclude<CustomKpiExpression, string>): readonly CustomKpiExpression[] {
  return "const" in node ? [] : (Object.values(node)[0] as readonly CustomKpiExpression[]);
}

function collectPaths(node: CustomKpiExpression, out: string[]): string[] {
  if (typeof node === "string") {
    if (!out.includes(node)) out.push(node);
    return out;
  }
  for (const child of operandsOf(node)) collectPaths(child, out);
  return out;
}

/** A division by zero inside an expression: the whole KPI is null, carrying that division's sides. */
interface ZeroDivision {
  readonly zero: true;
  readonly numerator: Expr;
  readonly denominator: Expr;
}

function build(run: KpiRun, node: CustomKpiExpression): Expr | ZeroDivision | undefined {
  if (typeof node === "string") return read(run, node);
  if ("const" in node) return literal(new D(node.const));
  const op = opOf(node);
  const children = operandsOf(node).map((child) => build(run, child));
  // Visit every child first so that every missing fact is named, then give up.
  if (children.some((c) => c === undefined)) return undefined;
  const zero = children.find((c): c is ZeroDivision => c !== undefined && "zero" in c);
  if (zero !== undefined) return zero;
  const terms = children as [Expr, ...Expr[]];
  switch (op) {
    case "sum":
      return sum(terms);
    case "product":
      return product(terms);
    case "difference":
      return minus(terms[0], terms[1] as Expr);
    default: {
      const ratio = over(terms[0], terms[1] as Expr);
      return ratio ?? { zero: true, numerator: terms[0], denominator: terms[1] as Expr };
    }
  }
}

function evaluate(run: KpiRun, expression: CustomKpiExpression, minSample: string | undefined): KpiResult {
  if (typeof expression !== "string" && "ratio" in expression) {
    // The top-level ratio takes minSample and the zero-denominator rule like a catalogue ratio.
    const [a, b] = expression.ratio.map((side) => build(run, side));
    if (a === undefined || b === undefined) return missingFacts(run);
    if ("zero" in a) return nullRatio(run, "zero-denominator", a.numerator, a.denominator);
    if ("zero" in b) return nullRatio(run, "zero-denominator", b.numerator, b.denominator);
    return ratioResult(run, a, b, minSample);
  }
  const value = build(run, expression);
  if (value === undefined) return missingFacts(run);
  if ("zero" in value) return nullRatio(run, "zero-denominator", value.numerator, value.denominator);
  return valueResult(run, value);
}

const SYMBOLS = { sum: ["+", 0], difference: ["−", 0], product: ["×", 1], ratio: ["÷", 1] } as const;

/** The expression written with fact paths, bracketed exactly as the trace's formula is. */
function formulaOf(node: CustomKpiExpression): { text: string; prec: number } {
  if (typeof node === "string") return { text: node, prec: 2 };
  if ("const" in node) return { text: literal(new D(node.const)).text, prec: 2 };
  const [symbol, prec] = SYMBOLS[opOf(node) as keyof typeof SYMBOLS];
  type Written = { text: string; prec: number };
  const [first, ...rest] = operandsOf(node).map(formulaOf) as [Written, ...Written[]];
  const text = rest.reduce(
    (left, right) => `${left} ${symbol} ${right.prec <= prec ? `(${right.text})` : right.text}`,
    first.prec < prec ? `(${first.text})` : first.text,
  );
  return { text, prec };
}

function parseCustomKpi(json: unknown): CustomKpi {
  const parsed = customKpiSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = toValidationIssues(parsed.error);
  throw new KpiContractError(
    "custom-kpi-invalid",
    `Invalid custom KPI:\n${describeIssues(issues)}`,
    { issues },
    issues,
  );
}

/**
 * Turns a custom KPI stored as JSON into a definition that `computeKpi` runs like a catalogue KPI.
 * The expression is interpreted, never `eval`ed. Custom KPIs have no knobs; when the expression is
 * a ratio at the top it takes the optional `minSample` (a minimum denominator). Any ratio with a
 * zero denominator makes the value null with `zero-denominator`; a missing fact gives
 * `missing-facts` naming every one. The trace shows the expression with the numbers.
 *
 * @param json - the custom KPI, untrusted
 * @returns the KPI definition
 * @throws {@link KpiContractError} `custom-kpi-invalid` listing every issue with its JSON path
 *   (`fact-path-unknown`, `expression-invalid`, `expression-too-deep`, `kpi-id-reserved`…)
 * @example
 * ```ts
 * const margin = customKpiFromJson({
 *   id: "contributionMargin", unit: "ratio", polarity: "higher-is-better",
 *   expression: { ratio: [{ difference: ["sales.gross", "costs.cogs"] }, "sales.gross"] },
 * });
 * computeKpi(margin, marchFacts).value; // "0.6739130434782608695652173913043478" = (46000 − 15000) ÷ 46000
 * ```
 */
export function customKpiFromJson(json: unknown): KpiDefinition {
  const kpi = parseCustomKpi(json);
  const topRatio = typeof kpi.expression !== "string" && "ratio" in kpi.expression;
  const scopeSchema = topRatio ? z.strictObject({ minSample: minSampleKnob }) : z.strictObject({});
  const paths = collectPaths(kpi.expression, []);
  const formula = formulaOf(kpi.expression).text;
  const definition: KpiDefinition = Object.freeze({
    id: kpi.id,
    description: kpi.description ?? `Custom KPI: ${formula}`,
    unit: kpi.unit,
    polarity: kpi.polarity,
    scopeSchema: scopeSchema as z.ZodType<Record<string, unknown>, Record<string, unknown>>,
    knobs: [],
    minSample: topRatio,
    reads: () => [...paths],
    compute(facts: PeriodFacts, scope: Record<string, unknown>) {
      const run = startRun(definition, facts, scope);
      return evaluate(run, kpi.expression, scope.minSample as string | undefined);
    },
  });
  return definition;
}

/** What {@link defineKpi} takes: a definition whose scope, knobs and description may be left out. */
export interface DefineKpiSpec<Scope extends Record<string, unknown>> {
  readonly id: string;
  readonly unit: KpiUnit;
  readonly polarity: KpiPolarity;
  readonly description?: string;
  /** The scope's zod schema (default: no knobs). */
  readonly scopeSchema?: z.ZodType<Scope, Record<string, unknown>>;
  /** The knobs a contract must state (default none). */
  readonly knobs?: readonly string[];
  readonly minSample?: boolean;
  readonly shareOfWhole?: boolean | ((scope: Scope) => boolean);
  /** The fact paths read (default none). */
  readonly reads?: (scope: Scope) => readonly string[];
  /**
   * Computes the value: a full `KpiResult`, or just a decimal string (wrapped with a minimal trace).
   * Must be pure and never return NaN or Infinity (`computeKpi` refuses them).
   */
  readonly compute: (
    facts: PeriodFacts,
    scope: Scope,
    context: KpiComputeContext,
  ) => KpiResult | DecimalString;
}

/**
 * Defines a KPI in TypeScript with a compute function (SPEC §3), for KPIs that a JSON expression
 * cannot say. The id must be a valid id and not a catalogue id.
 *
 * @param spec - id, unit, polarity, optional scope schema, knobs and reads, and `compute`
 * @returns a frozen `KpiDefinition` usable with `computeKpi` and `customKpis` options
 * @throws {@link KpiContractError} `kpi-id-invalid` for a malformed id, `kpi-id-reserved` for a catalogue id
 * @example
 * ```ts
 * const unitsPerOrder = defineKpi({
 *   id: "unitsPerOrder", unit: "ratio", polarity: "higher-is-better",
 *   reads: () => ["sales.units", "sales.orders"],
 *   compute: (facts) => String((facts.sales?.units ?? 0) / Math.max(facts.sales?.orders ?? 1, 1)),
 * });
 * ```
 */
export function defineKpi<Scope extends Record<string, unknown> = Record<string, never>>(
  spec: DefineKpiSpec<Scope>,
): KpiDefinition<Scope> {
  if (!idSchema.safeParse(spec.id).success) {
    throw new KpiContractError("kpi-id-invalid", `${JSON.stringify(spec.id)} is not a valid KPI id`, {
      kpi: spec.id,
    });
  }
  if (isCatalogueKpi(spec.id)) {
    throw new KpiContractError("kpi-id-reserved", `"${spec.id}" is a catalogue KPI id; choose another id`, {
      kpi: spec.id,
    });
  }
  const scopeSchema =
    spec.scopeSchema ?? (z.strictObject({}) as unknown as z.ZodType<Scope, Record<string, unknown>>);
  const definition: KpiDefinition<Scope> = Object.freeze({
    id: spec.id,
    description: spec.description ?? `Custom KPI ${spec.id}`,
    unit: spec.unit,
    polarity: spec.polarity,
    scopeSchema,
    knobs: Object.freeze([...(spec.knobs ?? [])]),
    ...(spec.minSample !== undefined ? { minSample: spec.minSample } : {}),
    ...(spec.shareOfWhole !== undefined ? { shareOfWhole: spec.shareOfWhole } : {}),
    reads: spec.reads ?? (() => []),
    compute(facts: PeriodFacts, scope: Scope, context: KpiComputeContext): KpiResult {
      const result = spec.compute(facts, scope, context);
      if (typeof result !== "string") return result;
      return {
        value: result,
        unit: spec.unit,
        trace: {
          kpi: spec.id,
          formula: spec.description ?? spec.id,
          substituted: result,
          inputs: {},
          steps: [{ name: spec.id, value: result }],
          scope: { ...scope },
        },
      };
    },
  });
  return definition;
}
