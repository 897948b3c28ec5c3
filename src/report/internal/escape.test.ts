import { describe, expect, it } from "vitest";
import { escapeHtml, escapeMarkdown } from "./escape.js";

describe("escapeHtml", () => {
  it("replaces the five characters HTML reads as markup", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(escapeHtml("结算单 2,575.20")).toBe("结算单 2,575.20");
  });
});

describe("escapeMarkdown", () => {
  it("escapes table pipes, emphasis, code, links and HTML, and keeps a row on one line", () => {
    expect(escapeMarkdown("a|b")).toBe("a\\|b");
    expect(escapeMarkdown("*x* _y_ `z` [l](u) <b> # ~ !")).toBe(
      "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\<b\\> \\# \\~ \\!",
    );
    expect(escapeMarkdown("back\\slash")).toBe("back\\\\slash");
    expect(escapeMarkdown("one\ntwo\r\nthree")).toBe("one two three");
    expect(escapeMarkdown("gmv-growth 1,075.20")).toBe("gmv-growth 1,075.20");
  });
});
