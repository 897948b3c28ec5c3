import * as z from "zod";
import { FACT_PATHS, isFactPath } from "../facts/readFact.js";
import type { PeriodFacts } from "../facts/schema.js";
import { D } from "../internal/decimal.js";
import { describeIssues, toValidationIssues } from "../internal/issues.js";
import { safeParseData } from "../internal/plainJson.js";
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
  step,
  valueResult,
} from "./internal/run.js";
import type { KpiDefinition, KpiNullResult, KpiResult } from "./types.js";

/**
 * A custom KPI expression (SPEC §3): a fact path, a decimal constant, or a sum, difference, ratio or
 * product of expressions. Plain JSON, so an ERP can store it; evaluated without `eval`.
 */
export type KpiExpression =
  | string
  | { readonly const: DecimalString }
  | { readonly sum: readonly KpiExpression[] }
  | { readonly difference: readonly [KpiExpression, KpiExpression] }
  | { readonly ratio: readonly [KpiExpression, KpiExpression] }
  | { readonly product: readonly KpiExpression[] };

/** An expression as accepted on input (constants may also be numbers). */
export type KpiExpressionInput =
  | string
  | { readonly const: DecimalString | number }
  | { readonly sum: readonly KpiExpressionInput[] }
  | { readonly difference: readonly [KpiExpressionInput, KpiExpressionInput] }
  | { readonly ratio: readonly [KpiExpressionInput, KpiExpressionInput] }
  | { readonly product: readonly KpiExpressionInput[] };

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
          message: `Unknown fact path ${describeInput(node)}; expected one of ${FACT_PATHS.join(", ")} or ads.attributed.<window>.sales|orders`,
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

const expressionStructure: z.ZodType<KpiExpression, KpiExpressionInput> = z.lazy(() =>
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
export const customKpiExpressionSchema: z.ZodType<KpiExpression, KpiExpressionInput> = z.preprocess(
  (input, ctx) => {
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
  },
  expressionStructure,
) as unknown as z.ZodType<KpiExpression, KpiExpressionInput>;

/**
 * Zod schema of a custom KPI as JSON (SPEC §3): `{ id, unit, polarity, expression, description? }`.
 * The id must not be a catalogue KPI's.
 *
 * @example
 * ```ts
 * customKpiSchema.parse({
 *   id: "contributionMargin", unit: "ratio", polarity: "higher-is-better",
 *   expression: { ratio: [{ difference: ["sales.gross", "costs.cogs"] }, "sales.gross"] },
 * });
 * ```
 */
export const customKpiSchema = z.strictObject({
  id: idSchema.refine((id) => !isCatalogueKpi(id), {
    error: (iss) => `${describeInput(iss.input)} is a catalogue KPI id; a custom KPI needs an id of its own`,
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

function opOf(node: Exclude<KpiExpression, string>): Operator {
  return Object.keys(node)[0] as Operator;
}

/** The operands of an operator node (none for a constant). */
function operandsOf(node: Exclude<KpiExpression, string>): readonly KpiExpression[] {
  return "const" in node ? [] : (Object.values(node)[0] as readonly KpiExpression[]);
}

function collectPaths(node: KpiExpression, out: string[]): string[] {
  if (typeof node === "string") {
    if (!out.includes(node)) out.push(node);
    return out;
  }
  for (const child of operandsOf(node)) collectPaths(child, out);
  return out;
}

/** A ratio node whose denominator is zero: the whole KPI is null; the trace shows that division. */
interface ZeroDivision {
  readonly zero: true;
  readonly numerator: Expr;
  readonly denominator: Expr;
}

/**
 * Interprets one node over exact decimals. Every operand is visited before giving up, so that every
 * missing fact is named. An operator node below the top is recorded as a trace step named by its
 * formula, so the trace walks through the expression bottom-up.
 */
function build(run: KpiRun, node: KpiExpression, top: boolean): Expr | ZeroDivision | undefined {
  if (typeof node === "string") return read(run, node);
  if ("const" in node) return literal(new D(node.const));
  const op = opOf(node);
  const children = operandsOf(node).map((child) => build(run, child, false));
  if (children.some((c) => c === undefined)) return undefined;
  const zero = children.find((c): c is ZeroDivision => c !== undefined && "zero" in c);
  if (zero !== undefined) return zero;
  const terms = children as [Expr, ...Expr[]];
  let value: Expr;
  switch (op) {
    case "sum":
      value = sum(terms);
      break;
    case "product":
      value = product(terms);
      break;
    case "difference":
      value = minus(terms[0], terms[1] as Expr);
      break;
    default: {
      const ratio = over(terms[0], terms[1] as Expr);
      if (ratio === undefined) return { zero: true, numerator: terms[0], denominator: terms[1] as Expr };
      value = ratio;
    }
  }
  return top ? value : step(run, value.formula, value);
}

/**
 * A ratio below the top with a zero denominator: null with `zero-denominator`, and no top-level
 * `numerator`/`denominator`, because they are not the KPI's own sides (a lower-is-better target
 * may count a ratio with nothing in its numerator as met; that judgement belongs to the top ratio
 * only). The trace still shows the division that failed.
 */
function nestedZero(run: KpiRun, zero: ZeroDivision): KpiNullResult {
  const {
    numerator: _n,
    denominator: _d,
    ...rest
  } = nullRatio(run, "zero-denominator", zero.numerator, zero.denominator);
  return rest;
}

function evaluate(run: KpiRun, expression: KpiExpression, minSample: string | undefined): KpiResult {
  if (typeof expression !== "string" && "ratio" in expression) {
    // The top-level ratio takes minSample and the zero-denominator rule like a catalogue ratio.
    const [a, b] = expression.ratio.map((side) => build(run, side, false));
    if (a === undefined || b === undefined) return missingFacts(run);
    if ("zero" in a) return nestedZero(run, a);
    if ("zero" in b) return nestedZero(run, b);
    return ratioResult(run, a, b, minSample);
  }
  const value = build(run, expression, true);
  if (value === undefined) return missingFacts(run);
  if ("zero" in value) return nestedZero(run, value);
  return valueResult(run, value);
}

const SYMBOLS = { sum: ["+", 0], difference: ["−", 0], product: ["×", 1], ratio: ["÷", 1] } as const;

/** The expression written with fact paths, bracketed exactly as the trace's formula is. */
function formulaOf(node: KpiExpression): { text: string; prec: number } {
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
  const parsed = safeParseData(customKpiSchema, json);
  if (parsed.success) return parsed.data;
  const issues = toValidationIssues(parsed.error);
  throw new KpiContractError(
    "custom-kpi-invalid",
    `Invalid custom KPI:\n${describeIssues(issues)}`,
    {},
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
