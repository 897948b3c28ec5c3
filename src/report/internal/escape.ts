const HTML_ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @param text - any text
 * @returns the text with `& < > " '` replaced by entities
 * @example
 * ```ts
 * escapeHtml('<b a="1">'); // "&lt;b a=&quot;1&quot;&gt;"
 * ```
 */
export function escapeHtml(text: string): string {
  // The pattern matches only the five characters of the table.
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * Escapes text for one cell of a Markdown table: every ASCII punctuation character that Markdown
 * could read as syntax gets a backslash (CommonMark allows escaping any of them), and line breaks
 * become spaces so the row stays on one line.
 *
 * @param text - any text
 * @returns text that renders literally inside a table cell
 * @example
 * ```ts
 * escapeMarkdown("a|b *c*"); // "a\\|b \\*c\\*"
 * ```
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|\r|\n/g, " ").replace(/[\\`*_[\]<>|#~!]/g, (c) => `\\${c}`);
}
