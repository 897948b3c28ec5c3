import type * as z from "zod";
import { safeParsePeriodFacts } from "../facts/internal/readPeriodFacts.js";
import type { PeriodFacts, PeriodFactsInput } from "../facts/schema.js";
import { deepFreeze } from "../internal/deepFreeze.js";
import { describeIssues, refuse, toValidationIssues } from "../internal/issues.js";
import {
  type DecimalString,
  decimalSchema,
  describeInput,
  isDecimalString,
  normalizeDecimal,
} from "../values/decimal.js";
import { KpiContractError, type SafeResult, type ValidationIssue } from "../values/KpiContractError.js";
import { getKpiDefinition, isCatalogueDefinition } from "./catalogue.js";
import type { KpiComputeContext, KpiDefinition, KpiResult } from "./types.js";

/** Options of {@link computeKpi}. */
export interface ComputeKpiOptions {
  /**
   * What `salesGrowth` compares with: the comparison period's facts (their GMV is computed with the
   * same scope) or a stated GMV value.
   */
  readonly comparison?: PeriodFactsInput | PeriodFacts | DecimalString | number | undefined;
  /** Custom KPI definitions to look ids up in, after the catalogue. */
  readonly customKpis?: readonly KpiDefinition[] | undefined;
}

/** Parses untrusted facts; every issue is reported with its path (prefixed by `at`). */
function parseFacts(input: unknown, at: readonly (string | number)[]): PeriodFacts {
  const parsed = safeParsePeriodFacts(input);
  if (parsed.success) return parsed.data;
  const issues = toValidationIssues(parsed.error, at);
  throw new KpiContractError(
    "facts-invalid",
    `Invalid period facts:\n${describeIssues(issues)}`,
    { issues },
    issues,
  );
}

function knobIssues(
  kpi: string,
  error: z.ZodError,
  knobs: readonly string[],
  minSample: boolean,
): ValidationIssue[] {
  const allowed = [...knobs, ...(minSample ? ["minSample"] : [])];
  return error.issues.flatMap((issue): ValidationIssue[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        code: "knob-unknown",
        path: ["scope", key],
        message: `Unknown knob "${key}" for KPI ${kpi}; ${allowed.length > 0 ? `its knobs are ${allowed.join(", ")}` : "it takes no knobs"}`,
      }));
    }
    const knob = String(issue.path[0] ?? "");
    const path = ["scope", ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    const message = issue.message.startsWith("Knob ")
      ? `${issue.message} (KPI ${kpi})`
      : `Knob "${knob}" of KPI ${kpi}: ${issue.message}`;
    return [{ code: "knob-invalid", path, message }];
  });
}

/** Parsed scopes of frozen scope objects, per definition: a frozen scope cannot change. */
const PARSED_SCOPES = new WeakMap<KpiDefinition, WeakMap<object, Record<string, unknown>>>();

/** Parses a scope with the KPI's schema; unknown and bad knobs are reported together. */
function parseScope(definition: KpiDefinition, scope: unknown): Record<string, unknown> {
  const frozen = typeof scope === "object" && scope !== null && Object.isFrozen(scope);
  const kept = frozen ? PARSED_SCOPES.get(definition)?.get(scope) : undefined;
  if (kept !== undefined) return kept;
  const parsed = definition.scopeSchema.safeParse(scope ?? {});
  if (parsed.success) {
    if (frozen) {
      let byScope = PARSED_SCOPES.get(definition);
      if (byScope === undefined) {
        byScope = new WeakMap();
        PARSED_SCOPES.set(definition, byScope);
      }
      byScope.set(scope, deepFreeze(parsed.data));
    }
    return parsed.data;
  }
  const issues =
    typeof scope === "object" && scope !== null && !Array.isArray(scope)
      ? knobIssues(definition.id, parsed.error, definition.knobs, definition.minSample === true)
      : [{ code: "scope-invalid", path: ["scope"], message: "A scope is an object of knobs" }];
  throw new KpiContractError(
    "scope-invalid",
    `Invalid scope for KPI ${definition.id}:\n${describeIssues(issues)}`,
    { kpi: definition.id, issues },
    issues,
  );
}

/** What a comparison is, for messages: both forms `computeKpi` accepts. */
const COMPARISON_FORMS =
  'period facts of the comparison period, or a stated GMV as a decimal string such as "30720.00"';

/**
 * Reads `options.comparison`: a decimal (a stated GMV) or period facts. Anything else, or facts that
 * do not parse, is `comparison-invalid` with its issues under `comparison` (not `facts-invalid`:
 * the facts being computed are fine).
 */
function parseComparison(input: ComputeKpiOptions["comparison"]): KpiComputeContext {
  if (input === undefined) return {};
  let issues: ValidationIssue[];
  if (typeof input === "string" || typeof input === "number") {
    const parsed = decimalSchema.safeParse(input);
    if (parsed.success) return { comparison: parsed.data };
    issues = toValidationIssues(parsed.error, ["comparison"]);
  } else if (typeof input === "object" && input !== null && !Array.isArray(input)) {
    const parsed = safeParsePeriodFacts(input);
    if (parsed.success) return { comparison: parsed.data };
    issues = toValidationIssues(parsed.error, ["comparison"]);
  } else {
    issues = [
      {
        code: "invalid_type",
        path: ["comparison"],
        message: `Expected ${COMPARISON_FORMS}, received ${describeInput(input)}`,
      },
    ];
  }
  throw new KpiContractError(
    "comparison-invalid",
    `Invalid comparison (${COMPARISON_FORMS}):\n${describeIssues(issues)}`,
    { issues },
    issues,
  );
}

/**
 * Refuses arguments of the wrong kind with their path: the KPI (an id or a definition) and the
 * options (an object; `customKpis` an array). The scope has its own checks (`scope-invalid`).
 */
function checkComputeKpiArguments(kpi: unknown, options: unknown): void {
  const issues: { code: string; path: (string | number)[]; message: string }[] = [];
  const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
  const isDefinition =
    isObject(kpi) &&
    typeof (kpi as { id?: unknown }).id === "string" &&
    typeof (kpi as { compute?: unknown }).compute === "function" &&
    isObject((kpi as { scopeSchema?: unknown }).scopeSchema);
  if (typeof kpi !== "string" && !isDefinition) {
    issues.push({
      code: "invalid_type",
      path: ["kpi"],
      message: `Expected a KPI id such as "acos" or a KPI definition, received ${describeInput(kpi)}`,
    });
  }
  if (!isObject(options)) {
    issues.push({
      code: "invalid_type",
      path: ["options"],
      message: `Expected an options object, received ${describeInput(options)}`,
    });
  } else {
    const custom = (options as { customKpis?: unknown }).customKpis;
    if (custom !== undefined && !Array.isArray(custom)) {
      issues.push({
        code: "invalid_type",
        path: ["options", "customKpis"],
        message: `Expected an array of KPI definitions, received ${describeInput(custom)}`,
      });
    }
  }
  if (issues.length > 0) {
    refuse("arguments-invalid", "Invalid computeKpi arguments", issues);
  }
}

/** Refuses what a compute function must never return (NaN, Infinity, exponents, wrong shapes). */
function checkResult(definition: KpiDefinition, result: KpiResult): KpiResult {
  // The catalogue's results are the library's own writing (formatDecimal); only a custom compute
  // function can return something else.
  if (isCatalogueDefinition(definition)) return result;
  if (result.value === null) {
    if (["zero-denominator", "missing-facts", "insufficient-data"].includes(result.reason)) return result;
  } else if (isDecimalString(result.value)) {
    const value = normalizeDecimal(result.value);
    return value === result.value ? result : { ...result, value };
  }
  throw new KpiContractError(
    "kpi-result-invalid",
    `KPI ${definition.id} returned ${describeInput(result.value)}${result.value === null ? ` with reason ${describeInput(result.reason)}` : ""}; a value is a decimal string or null with a reason`,
    { kpi: definition.id },
  );
}

/**
 * Computes a KPI from period facts and a scope (SPEC §3). Facts are validated (numbers in decimal
 * fields are converted exactly); the scope is checked against the KPI's knobs, missing knobs taking
 * the library defaults. The result is a decimal string with a trace, or `null` with a reason
 * (`missing-facts`, `zero-denominator`, `insufficient-data`); never NaN, Infinity or a silent 0.
 *
 * @param kpi - a catalogue or custom id, or a definition
 * @param facts - period facts (untrusted input is fine)
 * @param scope - the knobs (`{}` for the defaults)
 * @param options - `comparison` for `salesGrowth`, `customKpis` to look ids up in
 * @returns the value with its trace, or null with the reason
 * @throws {@link KpiContractError} `arguments-invalid` (a KPI that is neither an id nor a definition,
 *   or options that are not an object, with their paths); `kpi-unknown`; `facts-invalid`
 *   listing every issue with its path;
 *   `scope-invalid` (params `{ kpi, issues }`) naming unknown knobs (`knob-unknown`) and bad values
 *   with the allowed ones (`knob-invalid`); `comparison-invalid` (a comparison that is neither a
 *   decimal string nor valid period facts, issues under `comparison`); `currency-mismatch` when comparison
 *   facts are in another currency; `kpi-result-invalid` when a custom
 *   compute function returns something that is not a decimal string or a null with a reason
 * @example
 * ```ts
 * computeKpi("acos", marchFacts, { attributionWindow: "14d" }).value; // "0.2142857142857142857142857142857143"
 * computeKpi("gmv", marchFacts, { refunds: "exclude" }).value;        // "44160"
 * ```
 */
export function computeKpi(
  kpi: string | KpiDefinition,
  facts: unknown,
  scope: Readonly<Record<string, unknown>> = {},
  options: ComputeKpiOptions = {},
): KpiResult {
  checkComputeKpiArguments(kpi, options);
  const definition = typeof kpi === "string" ? getKpiDefinition(kpi, options.customKpis) : kpi;
  const parsedFacts = parseFacts(facts, []);
  const parsedScope = parseScope(definition, scope);
  const context = parseComparison(options.comparison);
  if (typeof context.comparison === "object" && context.comparison.currency !== parsedFacts.currency) {
    throw new KpiContractError(
      "currency-mismatch",
      `The comparison facts are in ${context.comparison.currency} but the facts in ${parsedFacts.currency}; convert them first (convertFacts)`,
      { currencies: [parsedFacts.currency, context.comparison.currency] },
    );
  }
  return checkResult(definition, definition.compute(parsedFacts, parsedScope, context));
}

/**
 * {@link computeKpi} on facts that are already parsed (the output of `periodFactsSchema`, or of
 * `poolFacts`/`convertFacts` over such output): the facts are trusted, the scope is still checked.
 * For the library's own callers after their boundary parse.
 *
 * @internal
 * @param definition - the KPI definition
 * @param facts - parsed period facts
 * @param scope - the knobs (`{}` for the defaults)
 * @param context - the parsed comparison for `salesGrowth`, if any
 * @returns the value with its trace, or null with the reason
 * @throws {@link KpiContractError} `scope-invalid`, `kpi-result-invalid`
 * @example
 * ```ts
 * computeKpiParsed(getKpiDefinition("acos"), pooled, { attributionWindow: "14d" }).value;
 * ```
 */
export function computeKpiParsed(
  definition: KpiDefinition,
  facts: PeriodFacts,
  scope: Readonly<Record<string, unknown>> = {},
  context: KpiComputeContext = {},
): KpiResult {
  const parsedScope = parseScope(definition, scope);
  return checkResult(definition, definition.compute(facts, parsedScope, context));
}

/**
 * {@link computeKpi} returning a result instead of throwing a `KpiContractError`.
 *
 * @param kpi - a catalogue or custom id, or a definition
 * @param facts - period facts (untrusted input is fine)
 * @param scope - the knobs
 * @param options - as for `computeKpi`
 * @returns `{ success: true, data }` with the KPI result, or `{ success: false, error }`
 * @throws only what is not a `KpiContractError` (a bug, or an exception thrown by a custom compute function)
 * @example
 * ```ts
 * const r = safeComputeKpi("acos", facts, { window: "7d" });
 * if (!r.success) r.error.issues[0]?.code; // "knob-unknown"
 * ```
 */
export function safeComputeKpi(
  kpi: string | KpiDefinition,
  facts: unknown,
  scope: Readonly<Record<string, unknown>> = {},
  options: ComputeKpiOptions = {},
): SafeResult<KpiResult> {
  try {
    return { success: true, data: computeKpi(kpi, facts, scope, options) };
  } catch (error) {
    if (error instanceof KpiContractError) return { success: false, error };
    throw error;
  }
}
