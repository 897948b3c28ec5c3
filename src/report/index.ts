// Reports for people (subpath `kpi-contract/report`): Markdown, self-contained HTML and plain text.
// Browser-safe: nothing here uses Node built-ins.

export { REPORT_FORMATS, type ReportFormat } from "./ReportFormat.js";
export { type RenderComparisonOptions, renderComparison } from "./renderComparison.js";
export {
  type RenderStatementOptions,
  type ReportCycle,
  type ReportEvaluation,
  renderStatement,
} from "./renderStatement.js";
export { type RenderValidationOptions, renderValidation } from "./renderValidation.js";
export { REPORT_MESSAGES, type ReportLocale, type ReportMessages } from "./reportMessages.js";
