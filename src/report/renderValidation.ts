import { MESSAGES, renderFinding } from "../locales/index.js";
import type { SmartFinding } from "../smart/SmartFinding.js";
import type { ValidationReport } from "../smart/validateContract.js";
import type { Block, ReportDocument } from "./internal/document.js";
import { pathText } from "./internal/format.js";
import { renderDocument } from "./internal/renderDocument.js";
import { checkValidationReport } from "./internal/reportInput.js";
import { checkReportOptions } from "./internal/reportOptions.js";
import type { ReportFormat } from "./ReportFormat.js";
import type { ReportLocale } from "./reportMessages.js";

/** Options of {@link renderValidation}. */
export interface RenderValidationOptions {
  /** `"markdown"` (default), `"html"` or `"text"`. */
  readonly format?: ReportFormat;
  /** Language of the labels and of the finding messages: `"en"` (default) or `"zh-CN"`. */
  readonly locale?: ReportLocale;
  /** The contract's id, shown in the title. */
  readonly contractId?: string;
}

/** The finding's message in the report's language, re-rendered from its code and params when the locale knows the code. */
function messageOf(f: SmartFinding, locale: ReportLocale): string {
  return Object.hasOwn(MESSAGES[locale].messages, f.code) ? renderFinding(f, locale) : f.message;
}

/**
 * Renders a SMART validation report for people: whether settlement will accept the contract, the
 * counts by severity, and one row per finding (severity, criterion, code, target, where in the
 * contract, and the message in the report's language, rendered again from the finding's code and
 * params).
 *
 * @param report - the result of `validateContract`
 * @param options - `format` (`"markdown"` default, `"html"`, `"text"`), `locale` (`"en"` default,
 *   `"zh-CN"`), `contractId` for the title
 * @returns the report as one string
 * @throws `KpiContractError` `validation-report-invalid` when `report` is not `{ ok, findings }`
 *   with findings of `{ code, criterion, severity, path, params, message }` (every issue listed with
 *   its path, such as `findings.0.path`),
 *   `report-options-invalid` for an unknown format or locale
 * @example
 * ```ts
 * const md = renderValidation(validateContract(json, { history }), { format: "markdown", locale: "zh-CN" });
 * ```
 */
export function renderValidation(report: ValidationReport, options: RenderValidationOptions = {}): string {
  const { format, locale, m } = checkReportOptions(options);
  checkValidationReport(report);
  const count = (severity: SmartFinding["severity"]) =>
    report.findings.filter((f) => f.severity === severity).length;
  const errors = count("error");
  // Baselines from a history the validation did not see may still refuse the settlement.
  const unchecked = report.findings.filter((f) => f.code === "baseline-not-checked").length;
  const blocks: Block[] = [
    errors > 0
      ? { kind: "paragraph", text: m.validationRefused(errors), className: "refused" }
      : unchecked > 0
        ? { kind: "paragraph", text: m.validationPassedUnchecked(unchecked), className: "warning" }
        : { kind: "paragraph", text: m.validationPassed, className: "ok" },
    { kind: "paragraph", text: m.findingCounts(errors, count("warning"), count("info")) },
  ];
  if (report.findings.length === 0) {
    blocks.push({ kind: "paragraph", text: m.noFindings });
  } else {
    blocks.push({
      kind: "table",
      table: {
        headers: [m.severity, m.criterion, m.code, m.target, m.path, m.message],
        rows: report.findings.map((f) => [
          { text: m.severities[f.severity] ?? f.severity, className: f.severity },
          m.criteria[f.criterion] ?? f.criterion,
          f.code,
          f.targetId ?? "",
          pathText(f.path),
          messageOf(f, locale),
        ]),
      },
    });
  }
  const title =
    options.contractId === undefined ? m.validationTitle : `${m.validationTitle}: ${options.contractId}`;
  const doc: ReportDocument = { title, lang: locale, blocks };
  return renderDocument(doc, format);
}
