import { describe, expect, it } from "vitest";
import { displayWidth, type ReportDocument, toHtml, toMarkdown, toText } from "./document.js";

const doc: ReportDocument = {
  title: "T",
  lang: "zh-CN",
  blocks: [
    { kind: "facts", rows: [["合计", { text: "1.00", className: "total" }]] },
    {
      kind: "table",
      table: {
        headers: ["项目", "金额"],
        numeric: [1],
        rows: [
          ["base", "1,500.00"],
          ["提成", "75.20"],
        ],
        footer: ["合计", "1,575.20"],
      },
    },
  ],
};

describe("displayWidth", () => {
  it("counts wide characters twice", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("合计")).toBe(4);
    expect(displayWidth("（S）")).toBe(5);
  });
});

describe("report documents", () => {
  it("aligns text columns by display width, numbers to the right", () => {
    const lines = toText(doc).split("\n");
    // Column widths: max(4, 4) = 4 for "base"/"项目", 8 for "1,500.00"; "提成" is 4 columns wide.
    expect(lines.slice(4, 10)).toEqual([
      "项目      金额",
      "----  --------",
      "base  1,500.00",
      "提成     75.20",
      "----  --------",
      "合计  1,575.20",
    ]);
  });

  it("writes Markdown tables with right-aligned number columns and a bold footer", () => {
    const md = toMarkdown(doc);
    expect(md).toContain("| 项目 | 金额 |\n| --- | ---: |");
    expect(md).toContain("| **合计** | **1,575.20** |");
  });

  it("writes HTML with classes on cells", () => {
    const html = toHtml(doc);
    expect(html).toContain('<dd class="total">1.00</dd>');
    expect(html).toContain('<td class="num">75.20</td>');
    expect(html).toContain("<tfoot>");
  });
});
