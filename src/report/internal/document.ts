import { escapeHtml, escapeMarkdown } from "./escape.js";

/** A table cell: its text, and for HTML an optional class (status colours, numbers). */
export type Cell = string | { readonly text: string; readonly className?: string };

/** A table: header cells, rows, and which columns hold numbers (right-aligned). */
export interface Table {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  readonly numeric?: readonly number[];
  /** A last row set apart (a total). */
  readonly footer?: readonly Cell[];
}

/** A chart of a target over the cycles: an SVG in HTML, a table in Markdown and text. */
export interface Chart {
  readonly caption: string;
  /** The SVG element, already escaped (HTML only). */
  readonly svg: string;
  /** The same numbers as a table (Markdown and text). */
  readonly table: Table;
  /** A line about the chart (target, baseline, window value). */
  readonly note: string;
}

/** One block of a report, rendered the same way in every format. */
export type Block =
  | { readonly kind: "heading"; readonly text: string }
  | { readonly kind: "facts"; readonly rows: readonly (readonly [string, Cell])[] }
  | { readonly kind: "table"; readonly table: Table }
  | { readonly kind: "list"; readonly items: readonly string[] }
  | { readonly kind: "paragraph"; readonly text: string; readonly className?: string }
  | { readonly kind: "charts"; readonly charts: readonly Chart[] }
  | { readonly kind: "small"; readonly text: string };

/** A whole report: its title, language and blocks. */
export interface ReportDocument {
  readonly title: string;
  readonly lang: string;
  readonly blocks: readonly Block[];
}

const cellText = (cell: Cell): string => (typeof cell === "string" ? cell : cell.text);

// ---------------------------------------------------------------- Markdown

function markdownRow(cells: readonly Cell[], bold = false): string {
  const texts = cells.map((c) => {
    const t = escapeMarkdown(cellText(c));
    return bold && t !== "" ? `**${t}**` : t;
  });
  return `| ${texts.join(" | ")} |`;
}

function markdownTable(table: Table): string {
  const numeric = new Set(table.numeric ?? []);
  const rule = table.headers.map((_, i) => (numeric.has(i) ? "---:" : "---"));
  const lines = [
    markdownRow(table.headers),
    `| ${rule.join(" | ")} |`,
    ...table.rows.map((r) => markdownRow(r)),
  ];
  if (table.footer) lines.push(markdownRow(table.footer, true));
  return lines.join("\n");
}

function markdownBlock(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `## ${escapeMarkdown(block.text)}`;
    case "facts":
      return markdownTable({ headers: ["", ""], rows: block.rows.map(([k, v]) => [k, v]) });
    case "table":
      return markdownTable(block.table);
    case "list":
      return block.items.map((i) => `- ${escapeMarkdown(i)}`).join("\n");
    case "paragraph":
      return escapeMarkdown(block.text);
    case "charts":
      return block.charts
        .map((c) =>
          [`### ${escapeMarkdown(c.caption)}`, markdownTable(c.table), escapeMarkdown(c.note)].join("\n\n"),
        )
        .join("\n\n");
    case "small":
      return `<sub>${escapeMarkdown(block.text)}</sub>`;
  }
}

/** Renders a report as GitHub-flavoured Markdown tables, ready to paste into a review document. */
export function toMarkdown(doc: ReportDocument): string {
  return `${[`# ${escapeMarkdown(doc.title)}`, ...doc.blocks.map(markdownBlock)].join("\n\n")}\n`;
}

// ---------------------------------------------------------------- plain text

/** Columns a character takes in a terminal: 2 for East Asian wide and full-width characters. */
function charWidth(code: number): number {
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** The terminal width of a text. */
export function displayWidth(text: string): number {
  let width = 0;
  // Iterating a string yields whole, non-empty code points.
  for (const ch of text) width += charWidth(ch.codePointAt(0)!);
  return width;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

function textTable(table: Table): string {
  const numeric = new Set(table.numeric ?? []);
  const all = [table.headers, ...table.rows, ...(table.footer ? [table.footer] : [])].map((r) =>
    r.map((c) => cellText(c).replace(/\s*\n\s*/g, " ")),
  );
  const widths = table.headers.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ""))));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => pad(c, widths[i] ?? 0, numeric.has(i)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const body = all.slice(1, 1 + table.rows.length).map(line);
  const out = [line(all[0] ?? []), rule, ...body];
  if (table.footer) out.push(rule, line(all[all.length - 1] ?? []));
  return out.join("\n");
}

function textBlock(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `${block.text}\n${"=".repeat(displayWidth(block.text))}`;
    case "facts": {
      const width = Math.max(...block.rows.map(([k]) => displayWidth(k)));
      return block.rows.map(([k, v]) => `${pad(`${k}:`, width + 1, false)}  ${cellText(v)}`).join("\n");
    }
    case "table":
      return textTable(block.table);
    case "list":
      return block.items.map((i) => `- ${i}`).join("\n");
    case "paragraph":
    case "small":
      return block.text;
    case "charts":
      return block.charts.map((c) => [c.caption, textTable(c.table), c.note].join("\n")).join("\n\n");
  }
}

/** Renders a report as plain text with aligned columns (wide characters counted as two). */
export function toText(doc: ReportDocument): string {
  return `${[doc.title, ...doc.blocks.map(textBlock)].join("\n\n")}\n`;
}

// ---------------------------------------------------------------- HTML

function htmlCell(tag: "td" | "th" | "dd", cell: Cell, numeric: boolean): string {
  const classes = [numeric ? "num" : "", typeof cell === "string" ? "" : (cell.className ?? "")]
    .filter((c) => c !== "")
    .join(" ");
  return `<${tag}${classes ? ` class="${escapeHtml(classes)}"` : ""}>${escapeHtml(cellText(cell))}</${tag}>`;
}

function htmlTable(table: Table): string {
  const numeric = new Set(table.numeric ?? []);
  const head = `<thead><tr>${table.headers.map((h, i) => htmlCell("th", h, numeric.has(i))).join("")}</tr></thead>`;
  const body = `<tbody>${table.rows
    .map((r) => `<tr>${r.map((c, i) => htmlCell("td", c, numeric.has(i))).join("")}</tr>`)
    .join("")}</tbody>`;
  const foot = table.footer
    ? `<tfoot><tr>${table.footer.map((c, i) => htmlCell("td", c, numeric.has(i))).join("")}</tr></tfoot>`
    : "";
  return `<table>${head}${body}${foot}</table>`;
}

function htmlBlock(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case "facts":
      return `<dl class="facts">${block.rows
        .map(([k, v]) => `<dt>${escapeHtml(k)}</dt>${htmlCell("dd", v, false)}`)
        .join("")}</dl>`;
    case "table":
      return htmlTable(block.table);
    case "list":
      return `<ul>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`;
    case "paragraph":
      return `<p${block.className ? ` class="${escapeHtml(block.className)}"` : ""}>${escapeHtml(block.text)}</p>`;
    case "charts":
      return `<div class="charts">${block.charts
        .map(
          (c) =>
            `<figure class="chart"><figcaption><strong>${escapeHtml(c.caption)}</strong><br>${escapeHtml(c.note)}</figcaption>${c.svg}</figure>`,
        )
        .join("")}</div>`;
    case "small":
      return `<p class="small">${escapeHtml(block.text)}</p>`;
  }
}

// A CJK-capable font stack (no web fonts: the file must render offline), print-friendly colours.
const CSS = `
:root{color-scheme:light;--ink:#1d2733;--muted:#5b6b7c;--line:#d9e0e7;--met:#1f8a4c;--missed:#c2410c;--pending:#8391a1;--accent:#2563eb}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1000px;padding:32px 24px;color:var(--ink);background:#fff;font:14px/1.5 "Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
h1{font-size:24px;margin:0 0 16px}
h2{font-size:18px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f4f6f9;font-weight:600}
td.nowrap{white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tfoot td{font-weight:700;border-top:2px solid var(--ink)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;font-variant-numeric:tabular-nums}
.met{color:var(--met);font-weight:600}
.missed,.error{color:var(--missed);font-weight:600}
.pending,.info{color:var(--pending)}
.warning{color:#a16207;font-weight:600}
.ok{color:var(--met);font-weight:600}
.refused{color:var(--missed);font-weight:600}
div.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:8px 24px}
figure.chart{margin:12px 0 8px;page-break-inside:avoid;min-width:0}
figure.chart svg{display:block;width:100%;height:auto}
figcaption{color:var(--muted);font-size:13px;margin-bottom:4px}
figcaption strong{color:var(--ink);font-size:14px}
p.small{color:var(--muted);font-size:12px;word-break:break-all}
@media print{body{padding:0}}
`.trim();

/**
 * Renders a report as one self-contained HTML file: inline CSS and SVG, no script, no external
 * resource (the Content-Security-Policy forbids them), a CJK-capable font stack.
 */
export function toHtml(doc: ReportDocument): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(doc.lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    `<h1>${escapeHtml(doc.title)}</h1>`,
    ...doc.blocks.map(htmlBlock),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
