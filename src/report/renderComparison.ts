import type { ScheduleComparison } from "../settlement/compareSchedules.js";
import type { Cell, ReportDocument } from "./internal/document.js";
import { formatAmount, formatPercent } from "./internal/format.js";
import { renderDocument } from "./internal/renderDocument.js";
import { checkComparison } from "./internal/reportInput.js";
import { checkReportOptions } from "./internal/reportOptions.js";
import type { ReportFormat } from "./ReportFormat.js";
import type { ReportLocale } from "./reportMessages.js";

/** Options of {@link renderComparison}. */
export interface RenderComparisonOptions {
  /** `"markdown"` (default), `"html"` or `"text"`. */
  readonly format?: ReportFormat;
  /** Language of the labels: `"en"` (default) or `"zh-CN"`. */
  readonly locale?: ReportLocale;
}

/**
 * Renders the what-if table of `compareSchedules`: one row per scenario (with its growth), one
 * column per fee schedule holding the cycle's total fee and its currency.
 *
 * @param comparison - the result of `compareSchedules`
 * @param options - `format` (`"markdown"` default, `"html"`, `"text"`) and `locale`
 * @returns the table as one string
 * @throws `KpiContractError` `comparison-invalid` when `comparison` is not `{ schedules, rows }`
 *   with rows of `{ scenario, growth?, cells }` and cells of `{ schedule, currency, total }` (each
 *   issue with its path),
 *   `report-options-invalid` for an unknown format or locale
 * @example
 * ```ts
 * console.log(renderComparison(compareSchedules(schedules, scenarios, base), { format: "text" }));
 * ```
 */
export function renderComparison(
  comparison: ScheduleComparison,
  options: RenderComparisonOptions = {},
): string {
  const { format, locale, m } = checkReportOptions(options);
  checkComparison(comparison);
  const rows = comparison.rows.map((row): Cell[] => [
    row.scenario,
    row.growth === undefined ? "" : formatPercent(row.growth),
    ...comparison.schedules.map((name) => {
      const cell = row.cells.find((x) => x.schedule === name);
      return cell === undefined ? "" : `${formatAmount(cell.total)} ${cell.currency}`;
    }),
  ]);
  const doc: ReportDocument = {
    title: m.comparisonTitle,
    lang: locale,
    blocks: [
      {
        kind: "table",
        table: {
          headers: [m.scenario, m.growth, ...comparison.schedules],
          numeric: [1, ...comparison.schedules.map((_, i) => i + 2)],
          rows,
        },
      },
    ],
  };
  return renderDocument(doc, format);
}
