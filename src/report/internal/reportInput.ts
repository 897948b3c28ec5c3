import * as z from "zod";
import { describeIssues, toValidationIssues } from "../../internal/issues.js";
import type { ScheduleComparison } from "../../settlement/compareSchedules.js";
import type { SettlementStatement } from "../../settlement/SettlementStatement.js";
import type { ValidationReport } from "../../smart/validateContract.js";
import { decimalTextSchema } from "../../values/decimal.js";
import { KpiContractError } from "../../values/KpiContractError.js";

/**
 * What the reports read of a statement, a history entry or a validation report, checked before
 * anything is drawn: a report takes its input from outside (JSON from another tool, edited by
 * hand), so a malformed value is refused with its path instead of failing deep inside a chart.
 * Objects may carry more keys (a statement from a newer version); only what is read is checked.
 */

const decimal = decimalTextSchema;

const period = z.looseObject({ start: z.string(), end: z.string() });

const status = z.enum(["met", "missed", "pending"]);

/** Mean-of-cycles targets: each cycle's own value. */
const traceCycles = z.array(z.looseObject({ period, value: decimal.nullable() })).optional();

const evaluation = z.looseObject({
  targetId: z.string(),
  kpi: z.string(),
  weight: decimal.nullable(),
  status,
  actual: decimal.nullable(),
  target: decimal.nullable(),
  baseline: decimal.nullable(),
  attainment: decimal,
  trace: z.looseObject({ period, cycles: traceCycles }),
});

const statementSchema = z.looseObject({
  contractId: z.string(),
  cycle: period,
  currency: z.string(),
  total: decimal,
  score: decimal.nullable(),
  lines: z.array(
    z.looseObject({
      component: z.string(),
      kind: z.string(),
      basis: decimal.optional(),
      rate: decimal.optional(),
      amount: decimal,
      description: z.string(),
    }),
  ),
  evaluations: z.array(evaluation),
  warnings: z.array(z.string()),
  adjustments: z
    .array(
      z.looseObject({
        component: z.string(),
        kind: z.string(),
        previous: decimal,
        current: decimal,
        amount: decimal,
      }),
    )
    .optional(),
  adjustmentTotal: decimal.optional(),
  allocation: z.array(z.looseObject({ store: z.string(), weight: decimal, amount: decimal })).optional(),
  fxRates: z
    .array(
      z.looseObject({
        from: z.string(),
        to: z.string(),
        rate: decimal,
        date: z.string().nullable().optional(),
        usedFor: z.string(),
      }),
    )
    .optional(),
});

/** An earlier cycle for the charts: its cycle and, of each evaluation, what the chart reads. */
const historySchema = z.array(
  z.looseObject({
    cycle: period,
    evaluations: z.array(
      z.looseObject({
        targetId: z.string(),
        status,
        actual: decimal.nullable(),
        trace: z.looseObject({ period: period.optional(), cycles: traceCycles }).optional(),
      }),
    ),
  }),
);

const findingSchema = z.looseObject({
  code: z.string(),
  criterion: z.string(),
  severity: z.string(),
  targetId: z.string().optional(),
  path: z.array(z.union([z.string(), z.number()])),
  params: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  message: z.string(),
});

/** What `renderComparison` reads of a comparison: names, growths and each cell's total. */
const comparisonSchema = z.looseObject(
  {
    schedules: z.array(z.string({ error: "Expected a schedule name" }), {
      error: "Expected the schedule names",
    }),
    rows: z.array(
      z.looseObject(
        {
          scenario: z.string({ error: "Expected the scenario's name" }),
          growth: decimal.optional(),
          cells: z.array(
            z.looseObject(
              {
                schedule: z.string({ error: "Expected the cell's schedule" }),
                currency: z.string({ error: "Expected the cell's currency" }),
                total: decimal,
              },
              { error: "Expected a cell { schedule, currency, total }" },
            ),
            { error: "Expected the row's cells" },
          ),
        },
        { error: "Expected a row { scenario, growth?, cells }" },
      ),
      { error: "Expected the rows" },
    ),
  },
  { error: "Expected a schedule comparison { schedules, rows }" },
);

const validationReportSchema = z.looseObject({ ok: z.boolean(), findings: z.array(findingSchema) });

/**
 * Checks a settlement statement before it is rendered.
 *
 * @throws {@link KpiContractError} `statement-invalid` listing every problem with its path
 *   (`evaluations.0.target`), decimals as `decimal-invalid`
 */
export function checkStatement(statement: unknown): asserts statement is SettlementStatement {
  const result = statementSchema.safeParse(statement);
  if (result.success) return;
  const issues = toValidationIssues(result.error);
  throw new KpiContractError(
    "statement-invalid",
    `Not a settlement statement a report can show:\n${describeIssues(issues)}`,
    { count: issues.length },
    issues,
  );
}

/**
 * Checks the `history` option of `renderStatement`: an array of statements or `{ cycle, evaluations }`.
 *
 * @throws {@link KpiContractError} `report-options-invalid` with `option: "history"`, listing every
 *   problem with its path from `history` (`history.0.evaluations.1.actual`)
 */
export function checkHistory(history: unknown): void {
  if (history === undefined) return;
  const result = historySchema.safeParse(history);
  if (result.success) return;
  const issues = toValidationIssues(result.error, ["history"]);
  throw new KpiContractError(
    "report-options-invalid",
    `history must be an array of statements or { cycle, evaluations }:\n${describeIssues(issues)}`,
    { option: "history", count: issues.length },
    issues,
  );
}

/**
 * Checks a validation report before it is rendered.
 *
 * @throws {@link KpiContractError} `validation-report-invalid` listing every problem with its path
 *   (`findings.0.path`)
 */
export function checkValidationReport(report: unknown): asserts report is ValidationReport {
  const result = validationReportSchema.safeParse(report);
  if (result.success) return;
  const issues = toValidationIssues(result.error);
  throw new KpiContractError(
    "validation-report-invalid",
    `Not a validation report { ok, findings } a report can show:\n${describeIssues(issues)}`,
    { count: issues.length },
    issues,
  );
}

/**
 * Checks a schedule comparison before it is rendered.
 *
 * @throws {@link KpiContractError} `comparison-invalid` listing every problem with its path from
 *   `comparison` (`comparison.rows.0.cells.0.total`), decimals as `decimal-invalid`
 */
export function checkComparison(comparison: unknown): asserts comparison is ScheduleComparison {
  const result = comparisonSchema.safeParse(comparison);
  if (result.success) return;
  const issues = toValidationIssues(result.error, ["comparison"]);
  throw new KpiContractError(
    "comparison-invalid",
    `Expected a schedule comparison { schedules, rows }:\n${describeIssues(issues)}`,
    { count: issues.length },
    issues,
  );
}
