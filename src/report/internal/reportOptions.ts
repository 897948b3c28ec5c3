import { describeInput } from "../../values/decimal.js";
import { KpiContractError } from "../../values/KpiContractError.js";
import { REPORT_FORMATS, type ReportFormat } from "../ReportFormat.js";
import { REPORT_MESSAGES, type ReportLocale, type ReportMessages } from "../reportMessages.js";

/** The checked format and locale of a report, with the locale's labels. */
export interface CheckedReportOptions {
  readonly format: ReportFormat;
  readonly locale: ReportLocale;
  readonly m: ReportMessages;
}

/**
 * Checks the `format` and `locale` options a caller passed (a programmer error when wrong).
 *
 * @throws {@link KpiContractError} `report-options-invalid` naming the option and the allowed values
 */
export function checkReportOptions(options: {
  readonly format?: unknown;
  readonly locale?: unknown;
}): CheckedReportOptions {
  if (typeof options !== "object" || options === null) {
    throw new KpiContractError(
      "report-options-invalid",
      `Report options are an object { format?, locale? }, received ${describeInput(options)}`,
      { option: "options", value: describeInput(options) },
    );
  }
  const format = options.format ?? "markdown";
  const locale = options.locale ?? "en";
  if (typeof format !== "string" || !(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new KpiContractError(
      "report-options-invalid",
      `Unknown report format ${describeInput(format)}: use ${REPORT_FORMATS.map((f) => `"${f}"`).join(", ")}`,
      { option: "format", value: typeof format === "string" ? format : describeInput(format) },
    );
  }
  if (typeof locale !== "string" || !Object.hasOwn(REPORT_MESSAGES, locale)) {
    throw new KpiContractError(
      "report-options-invalid",
      `Unknown report locale ${describeInput(locale)}: use "en" or "zh-CN"`,
      { option: "locale", value: typeof locale === "string" ? locale : describeInput(locale) },
    );
  }
  const checked = locale as ReportLocale;
  return { format: format as ReportFormat, locale: checked, m: REPORT_MESSAGES[checked] };
}
