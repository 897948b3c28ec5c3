/** The formats a report is written in: Markdown tables, one self-contained HTML file, or plain text for a terminal. */
export type ReportFormat = "markdown" | "html" | "text";

/**
 * Every report format, in the order the documentation lists them.
 *
 * @example
 * ```ts
 * REPORT_FORMATS.includes("html"); // true
 * ```
 */
export const REPORT_FORMATS: readonly ReportFormat[] = Object.freeze(["markdown", "html", "text"]);
