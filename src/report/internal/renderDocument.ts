import type { ReportFormat } from "../ReportFormat.js";
import { type ReportDocument, toHtml, toMarkdown, toText } from "./document.js";

/** Writes a report document in the chosen format. */
export function renderDocument(doc: ReportDocument, format: ReportFormat): string {
  if (format === "html") return toHtml(doc);
  if (format === "text") return toText(doc);
  return toMarkdown(doc);
}
