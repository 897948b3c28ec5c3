import { describe, expect, it } from "vitest";
import { workedStatements } from "../../test/report/workedStatements.js";
import type { SettlementStatement } from "../settlement/SettlementStatement.js";
import { renderStatement } from "./renderStatement.js";

const { january, march } = workedStatements();

/** Every `<svg>…</svg>` of an HTML report, in order. */
const charts = (html: string): string[] => html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];

describe("renderStatement: a statement without targets", () => {
  it("has no targets table and no charts, only the summary, fee lines and footer", () => {
    const text = renderStatement({ ...march, evaluations: [] }, { format: "text" });
    expect(text).not.toContain("Targets");
    expect(text).not.toContain("Targets over the cycles");
    expect(text).toContain("Fee lines\n=========");
    // 1,500.00 + 1,075.20 = 2,575.20, unchanged by leaving the evaluations out.
    expect(text).toContain(`\nTotal${" ".repeat(41)}2,575.20  USD\n`);
    expect(text).toContain(`Digest (SHA-256) ${march.digest}`);
    const html = renderStatement({ ...march, evaluations: [] }, { format: "html" });
    expect(charts(html)).toEqual([]);
  });
});

describe("renderStatement: a target that is pending in the cycle", () => {
  // January of the worked example: gmv-growth's window (January to March) is not over yet.
  const md = renderStatement(january, { format: "markdown" });

  it("leaves actual and attainment empty in the targets table", () => {
    expect(md).toContain(
      "| gmv-growth | GMV | Objective | 50% | 30,720.00 | 43,008.00 |  | 2026-01-01..2026-03-31 |  | Pending |",
    );
  });

  it("tabulates the cycle as n/a and pending, with no window actual in the note", () => {
    expect(md).toContain(
      "### gmv-growth (GMV)\n\n| Cycle | Actual | Status |\n| --- | ---: | --- |\n| 2026-01 | n/a | Pending |",
    );
    expect(md).toContain("Target value 43,008.00 · Baseline 30,720.00\n");
  });

  it("draws an empty grey bar for it", () => {
    const svg = charts(renderStatement(january, { format: "html" }))[0] ?? "";
    expect(svg).toContain('<rect class="bar bar-missing" data-cycle="2026-01"');
    expect(svg).toContain("<title>2026-01: n/a</title>");
  });
});

describe("renderStatement: a target without a target value", () => {
  const evaluations = march.evaluations.map((e) =>
    e.targetId === "acos"
      ? { ...e, status: "pending" as const, actual: null, met: null, attainment: "0", target: null }
      : e,
  ) as unknown as SettlementStatement["evaluations"];
  const statement: SettlementStatement = { ...march, evaluations };

  it("writes n/a for the target and draws only the baseline line", () => {
    const md = renderStatement(statement, { format: "markdown" });
    expect(md).toContain("| acos | ACoS | Objective | 50% | 26.18% | n/a |  | 2026-03 |  | Pending |");
    expect(md).toContain("Target value n/a · Baseline 26.18%\n");
    const svg = charts(renderStatement(statement, { format: "html" }))[1] ?? "";
    expect(svg).toContain('aria-label="acos (ACoS)"');
    expect(svg).not.toContain("target-line");
    expect(svg).toContain('class="baseline-line-label"');
    expect(svg).toContain(">Baseline 26.18%</text>");
  });
});

describe("renderStatement: what a statement from a newer version or another tool may carry", () => {
  const statement = {
    ...march,
    lines: [
      ...march.lines,
      { component: "rebate", kind: "rebate", amount: "-100.00", description: "Volume rebate" },
    ],
    standing: { state: "good", since: null, reasons: [], consecutiveFailures: 0 },
    adjustments: [
      { component: "rebate", kind: "rebate", previous: "0.00", current: "-100.00", amount: "-100.00" },
    ],
    fxRates: [{ from: "EUR", to: "USD", rate: "1.085", usedFor: "de 2026-03" }],
  } as unknown as SettlementStatement;

  it("shows a line or adjustment kind it has no label for as written", () => {
    const md = renderStatement(statement, { format: "markdown" });
    expect(md).toContain("| rebate | rebate |  |  | -100.00 | Volume rebate |");
    expect(md).toContain("| rebate | rebate | 0.00 | -100.00 | -100.00 |");
  });

  it("writes an adjustment total it does not carry as 0", () => {
    const md = renderStatement(statement, { format: "markdown" });
    expect(md).toContain("| **Adjustment due** |  |  |  | **0** |");
  });

  it("shows a good standing with no start day as the state alone, marked met", () => {
    const md = renderStatement(statement, { format: "markdown" });
    expect(md).toContain("| Standing | Good |\n");
    const html = renderStatement(statement, { format: "html" });
    expect(html).toContain('<dt>Standing</dt><dd class="met">Good</dd>');
  });

  it("leaves the date of an exchange rate without one empty", () => {
    const md = renderStatement(statement, { format: "markdown" });
    expect(md).toContain("| EUR → USD | 1.085 |  | de 2026-03 |");
  });

  it("refuses a basis that is not a decimal, at its path", () => {
    const [base, share] = march.lines as unknown as [object, object];
    const lines = [base, { ...share, basis: "see trace" }];
    expect(() => renderStatement({ ...march, lines } as unknown as SettlementStatement)).toThrow(
      expect.objectContaining({
        code: "statement-invalid",
        issues: [expect.objectContaining({ code: "decimal-invalid", path: ["lines", 1, "basis"] })],
      }),
    );
  });
});
