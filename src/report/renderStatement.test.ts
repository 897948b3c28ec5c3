import { describe, expect, it } from "vitest";
import { workedStatements } from "../../test/report/workedStatements.js";
import type { SettlementStatement } from "../settlement/SettlementStatement.js";
import type { TargetEvaluation } from "../targets/evaluateTargets.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { type ReportCycle, renderStatement } from "./renderStatement.js";

const { january, february, march } = workedStatements();
const history = [january, february];

const count = (text: string, needle: string | RegExp): number =>
  (text.match(needle instanceof RegExp ? new RegExp(needle, "g") : new RegExp(escapeRe(needle), "g")) ?? [])
    .length;
function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every `<svg>…</svg>` of an HTML report, in order. */
const charts = (html: string): string[] => html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KpiContractError);
    expect((error as KpiContractError).code).toBe(code);
    return;
  }
  expect.fail(`expected ${code}`);
}

describe("renderStatement: the SPEC §8 worked example in Markdown", () => {
  const md = renderStatement(march, { format: "markdown", history });

  it("shows every fee line and the exact total", () => {
    // fixed 1,500.00; share (44,160.00 − 30,720.00) × 0.08 = 13,440 × 0.08 = 1,075.20; total 2,575.20.
    expect(md).toContain("| base | Fixed fee |  |  | 1,500.00 |");
    expect(md).toContain("| growth-share | Revenue share | 13,440.00 | 8% | 1,075.20 |");
    expect(md).toContain("| **Total** |  |  |  | **2,575.20** | **USD** |");
  });

  it("shows each target's baseline, target and actual", () => {
    // gmv-growth: baseline (28,800 + 30,720 + 32,640) ÷ 3 = 30,720; target 30,720 × 1.4 = 43,008;
    // actual (38,000 + 41,500 + 44,160) ÷ 3 = 41,220; attainment 41,220 ÷ 43,008 = 95.84%.
    expect(md).toContain(
      "| gmv-growth | GMV | Objective | 50% | 30,720.00 | 43,008.00 | 41,220.00 | 2026-01-01..2026-03-31 | 95.84% | Missed |",
    );
    // acos: 9,000 ÷ 42,000 = 21.43% ≤ 22%; attainment 0.22 ÷ 0.2142857 = 102.67%.
    expect(md).toContain(
      "| acos | ACoS | Objective | 50% | 26.18% | 22% | 21.43% | 2026-03 | 102.67% | Met |",
    );
    // negative reviews: 2 ÷ 300 = 0.67% < 0.8%; a guardrail has no weight.
    expect(md).toContain("| negative-reviews | negative review rate | Guardrail |  | 0.85% | 0.8% | 0.67% |");
  });

  it("shows the score, right-aligns number columns and ends with version and digest", () => {
    // (0.5 × 0.95842… + 0.5 × 1) ÷ 1 = 0.97921… → 97.92%.
    expect(md).toContain("| Score | 97.92% |");
    expect(md).toContain("| --- | --- | ---: | ---: | ---: | --- |");
    expect(md).toContain(march.digest);
    expect(md.startsWith("# Settlement statement: worked\n")).toBe(true);
  });

  it("tabulates each target over the cycles given, one row per cycle", () => {
    expect(md).toContain("### gmv-growth (GMV)");
    expect(md).toContain("| 2026-01 | 38,000.00 | Pending |");
    expect(md).toContain("| 2026-02 | 41,500.00 | Pending |");
    expect(md).toContain("| 2026-03 | 44,160.00 | Missed |");
    expect(md).toContain("Actual (2026-01-01 – 2026-03-31) 41,220.00");
    expect(md).toContain("| 2026-01 | 0.85% | Missed |");
  });
});

describe("renderStatement: HTML", () => {
  const html = renderStatement(march, { format: "html", history });

  it("is one self-contained file: no script, no external resource, a CJK font stack", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|@import|url\(|src=|href=/i);
    expect(html.replaceAll("http://www.w3.org/2000/svg", "")).not.toMatch(/https?:/);
    expect(html).toContain(`"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei"`);
    expect(html).toContain("default-src 'none'");
  });

  it("draws one chart per target with one bar per cycle, a target line and a baseline line", () => {
    const svgs = charts(html);
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) {
      expect(count(svg, '<rect class="bar')).toBe(3);
      expect(count(svg, 'class="target-line"')).toBe(1);
      expect(count(svg, 'class="baseline-line"')).toBe(1);
    }
    const gmv = svgs[0] ?? "";
    expect([...gmv.matchAll(/data-value="([^"]+)"/g)].map((m) => m[1])).toEqual(["38000", "41500", "44160"]);
    expect(gmv).toContain("Target value 43,008.00");
    expect(gmv).toContain("Baseline 30,720.00");
  });

  it("colours every-cycle bars by their status", () => {
    const reviews = charts(html)[2] ?? "";
    expect(count(reviews, "bar bar-missed")).toBe(2);
    expect(count(reviews, "bar bar-met")).toBe(1);
  });

  it("draws a single bar without history", () => {
    for (const svg of charts(renderStatement(march, { format: "html" }))) {
      expect(count(svg, '<rect class="bar')).toBe(1);
    }
  });

  it("contains the numbers of the statement", () => {
    for (const text of [
      "2,575.20 USD",
      "1,500.00",
      "1,075.20",
      "97.92%",
      "41,220.00",
      "43,008.00",
      "21.43%",
    ]) {
      expect(html).toContain(text);
    }
  });
});

describe("renderStatement: Chinese", () => {
  const zh = workedStatements("zh-CN");
  const html = renderStatement(zh.march, {
    format: "html",
    locale: "zh-CN",
    history: [zh.january, zh.february],
  });

  it("writes the labels in Chinese", () => {
    expect(html).toContain('<html lang="zh-CN">');
    for (const label of [
      "结算单",
      "费用明细",
      "合计",
      "KPI 目标达成",
      "各周期目标走势",
      "达成",
      "未达成",
      "差评率",
      "目标值",
      "基线",
    ]) {
      expect(html).toContain(label);
    }
    expect(html).not.toContain("Fee lines");
  });

  it("keeps the numbers", () => {
    expect(html).toContain("2,575.20 USD");
    expect(charts(html).map((svg) => count(svg, '<rect class="bar'))).toEqual([3, 3, 3]);
  });
});

describe("renderStatement: escaping", () => {
  const hostile: SettlementStatement = {
    ...march,
    contractId: "<img onerror=x>",
    lines: [
      {
        ...(march.lines[0] as SettlementStatement["lines"][number]),
        component: "a|b *c*",
        description: "<script>alert(\"x\")</script> & 'q'",
      },
    ],
    warnings: ["<b>bold</b> | pipe"],
  };

  it("escapes every text in HTML", () => {
    const html = renderStatement(hostile, { format: "html" });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;");
    expect(html).toContain("&lt;img onerror=x&gt;");
  });

  it("escapes Markdown syntax in cells", () => {
    const md = renderStatement(hostile, { format: "markdown" });
    expect(md).toContain("| a\\|b \\*c\\* |");
    expect(md).toContain("\\<script\\>");
    expect(md).toContain("- \\<b\\>bold\\</b\\> \\| pipe");
  });
});

describe("renderStatement: what a cycle may add", () => {
  const extended: SettlementStatement = {
    ...march,
    proration: { days: 22, fullDays: 31, factor: "0.7096774193548387096774193548387097" },
    standing: { state: "warning", since: "2026-04-01", reasons: [], consecutiveFailures: 1 },
    adjustments: [
      { component: "growth-share", kind: "share", previous: "1075.20", current: "1000.00", amount: "-75.20" },
    ],
    adjustmentTotal: "-75.20",
    allocation: [
      { store: "us", weight: "13440", amount: "2000.00" },
      { store: "de", weight: "3860", amount: "575.20" },
    ],
    fxRates: [{ from: "EUR", to: "USD", rate: "1.085", date: "2026-03-31", usedFor: "de 2026-03" }],
    warnings: ["Target gmv-growth is pending"],
  };
  const text = renderStatement(extended, { format: "text" });

  it("shows proration, standing, true-up, allocation, FX rates and warnings", () => {
    expect(text).toContain("Proration:");
    expect(text).toContain("22 of 31 days");
    expect(text).toContain("Warning (since 2026-04-01)");
    expect(text).toContain("True-up adjustments");
    expect(text).toMatch(/growth-share\s+Revenue share\s+1,075\.20\s+1,000\.00\s+-75\.20/);
    expect(text).toContain("Allocation by store");
    expect(text).toMatch(/de\s+3,860\s+575\.20/);
    expect(text).toMatch(/EUR → USD\s+1\.085\s+2026-03-31\s+de 2026-03/);
    expect(text).toContain("- Target gmv-growth is pending");
  });

  it("writes a null score and a missing actual as such", () => {
    const evaluations = march.evaluations.map((e) =>
      e.targetId === "acos"
        ? { ...e, actual: null, status: "missed" as const, met: false, attainment: "0" }
        : e,
    );
    const md = renderStatement({ ...march, score: null, evaluations }, { format: "markdown" });
    expect(md).toContain("| Score | none (no objective judged this cycle) |");
    expect(md).toContain("| 2026-03 | n/a | Missed |");
    const html = renderStatement({ ...march, score: null, evaluations }, { format: "html" });
    expect(count(charts(html)[1] ?? "", "bar bar-missing")).toBe(1);
  });

  it("marks a window value shown in the cycle that judged it", () => {
    // A pooled window target has no per-cycle values: March shows the window's value, starred.
    const evaluations = march.evaluations.map((e) => {
      if (e.targetId !== "gmv-growth") return e;
      const { cycles: _cycles, ...trace } = e.trace;
      return { ...e, trace };
    });
    const md = renderStatement({ ...march, evaluations }, { format: "markdown" });
    expect(md).toContain("| 2026-03 | 41,220.00\\* | Missed |");
    expect(md).toContain("\\* value of the whole evaluation window");
  });
});

describe("renderStatement: custom KPIs and targets missing from a cycle", () => {
  it("formats a custom KPI by the unit its computation reported, and as a plain number without one", () => {
    const [gmv, acos] = march.evaluations as unknown as [TargetEvaluation, TargetEvaluation];
    const custom: TargetEvaluation = { ...acos, targetId: "net", kpi: "myAcos" };
    const bare: TargetEvaluation = {
      ...gmv,
      targetId: "odd",
      kpi: "oddRatio",
      actual: "0.123456",
      target: "0.2",
      baseline: null,
      trace: { goal: "atMost 0.2", period: march.cycle, attainment: "" },
    };
    const md = renderStatement({ ...march, evaluations: [custom, bare] }, { format: "markdown" });
    // acos's trace says unit ratio: 0.2142857… → 21.43%; no unit at all: 0.1235 (four decimals).
    expect(md).toContain("| net | myAcos | Objective | 50% | 26.18% | 22% | 21.43% |");
    expect(md).toContain("| odd | oddRatio | Objective | 50% | n/a | 0.2 | 0.1235 |");
  });

  it("draws an empty bar for a cycle whose statement lacks the target", () => {
    const html = renderStatement(march, {
      format: "html",
      history: [{ cycle: february.cycle, evaluations: [] }],
    });
    const reviews = charts(html)[2] ?? "";
    expect(count(reviews, "bar bar-missing")).toBe(1);
    expect(count(reviews, '<rect class="bar')).toBe(2);
  });
});

describe("renderStatement: history", () => {
  it("orders earlier cycles by date and ignores later, repeated and same cycles", () => {
    const md = renderStatement(march, { format: "markdown", history: [february, march, january, february] });
    const rows = [...md.matchAll(/^\| (2026-0\d) \| [^|]+ \| [^|]+ \|$/gm)].map((m) => m[1]);
    expect(rows.slice(0, 3)).toEqual(["2026-01", "2026-02", "2026-03"]);
  });

  it("accepts bare { cycle, evaluations } entries", () => {
    const html = renderStatement(march, {
      format: "html",
      history: [{ cycle: january.cycle, evaluations: january.evaluations }],
    });
    expect(count(charts(html)[1] ?? "", '<rect class="bar')).toBe(2);
  });

  it("is deterministic", () => {
    expect(renderStatement(march, { format: "html", history })).toBe(
      renderStatement(march, { format: "html", history }),
    );
  });
});

describe("renderStatement: errors", () => {
  it("statement-invalid for something that is not a statement", () => {
    expectCode(() => renderStatement(null as unknown as SettlementStatement), "statement-invalid");
    expectCode(
      () => renderStatement({ ...march, lines: undefined } as unknown as SettlementStatement),
      "statement-invalid",
    );
    expectCode(
      () => renderStatement({ ...march, total: 1 } as unknown as SettlementStatement),
      "statement-invalid",
    );
    expectCode(
      () => renderStatement({ ...march, cycle: {} } as unknown as SettlementStatement),
      "statement-invalid",
    );
  });

  it("report-options-invalid for an unknown format, locale or a malformed history", () => {
    expectCode(() => renderStatement(march, { format: "pdf" as "html" }), "report-options-invalid");
    expectCode(() => renderStatement(march, { locale: "fr" as "en" }), "report-options-invalid");
    expectCode(() => renderStatement(march, { history: {} as [] }), "report-options-invalid");
    expectCode(
      () => renderStatement(march, { history: [{ cycle: january.cycle }] as unknown as [] }),
      "report-options-invalid",
    );
  });
});

describe("renderStatement: decimals it cannot read are refused at their path", () => {
  const DECIMAL_EXPECTED =
    'Expected a decimal string like "1234.50" (digits, optional "-" and "."; no exponent, separators or "+"), received';

  /** March with one evaluation's fields replaced, as another tool or a hand edit might write it. */
  const withEvaluation = (index: number, fields: Record<string, unknown>) =>
    ({
      ...march,
      evaluations: march.evaluations.map((e, i) => (i === index ? { ...e, ...fields } : e)),
    }) as unknown as SettlementStatement;

  /** The error a call throws, or a failure when it throws none. */
  function caught(fn: () => unknown): KpiContractError {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(KpiContractError);
      return error as KpiContractError;
    }
    return expect.fail("expected a KpiContractError");
  }

  it.each([
    ["a target", 1, { target: "abc" }, ["evaluations", 1, "target"], '"abc"'],
    ["a baseline with an exponent", 0, { baseline: "1e3" }, ["evaluations", 0, "baseline"], '"1e3"'],
    ["an actual written as a number", 0, { actual: 12 }, ["evaluations", 0, "actual"], "12"],
  ] as const)("%s: statement-invalid, decimal-invalid at its path", (_, index, fields, path, received) => {
    for (const format of ["html", "markdown", "text"] as const) {
      const error = caught(() => renderStatement(withEvaluation(index, fields), { format }));
      expect(error.code).toBe("statement-invalid");
      expect(error.params).toEqual({ count: 1 });
      expect(error.issues).toEqual([
        { code: "decimal-invalid", path, message: `${DECIMAL_EXPECTED} ${received}` },
      ]);
      expect(error.message).toBe(
        `Not a settlement statement a report can show:\n${path.join(".")}: ${DECIMAL_EXPECTED} ${received}`,
      );
    }
  });

  it("lists every bad decimal of a statement, in the order of the statement", () => {
    const statement = {
      ...march,
      total: "2,575.20",
      evaluations: march.evaluations.map((e, i) =>
        i === 0 ? { ...e, actual: 12 } : i === 1 ? { ...e, target: "abc" } : e,
      ),
    } as unknown as SettlementStatement;
    const error = caught(() => renderStatement(statement, { format: "html" }));
    expect(error.params).toEqual({ count: 3 });
    expect(error.issues.map((i) => i.path)).toEqual([
      ["total"],
      ["evaluations", 0, "actual"],
      ["evaluations", 1, "target"],
    ]);
  });

  // Every decimal the report writes or draws, set to "1e3" in a March statement that carries them all.
  const full = {
    ...march,
    adjustments: [
      { component: "base", kind: "fixed", previous: "1400.00", current: "1500.00", amount: "100.00" },
    ],
    adjustmentTotal: "100.00",
    allocation: [{ store: "us", weight: "13440", amount: "2575.20" }],
    fxRates: [{ from: "EUR", to: "USD", rate: "1.085", date: "2026-03-31", usedFor: "de 2026-03" }],
  } as unknown as Record<string, unknown>;
  const set = (value: unknown, path: readonly (string | number)[], to: unknown): unknown => {
    if (path.length === 0) return to;
    const [key, ...rest] = path as [string | number, ...(string | number)[]];
    if (Array.isArray(value)) return value.map((v, i) => (i === key ? set(v, rest, to) : v));
    const record = value as Record<string, unknown>;
    return { ...record, [key]: set(record[key], rest, to) };
  };

  it("renders the statement that carries every decimal", () => {
    expect(renderStatement(full as unknown as SettlementStatement, { format: "markdown" })).toContain(
      "| EUR → USD | 1.085 | 2026-03-31 | de 2026-03 |",
    );
  });

  it.each([
    [["total"]],
    [["score"]],
    [["lines", 1, "basis"]],
    [["lines", 1, "rate"]],
    [["lines", 0, "amount"]],
    [["evaluations", 0, "weight"]],
    [["evaluations", 2, "attainment"]],
    [["evaluations", 0, "trace", "cycles", 2, "value"]],
    [["adjustments", 0, "previous"]],
    [["adjustments", 0, "current"]],
    [["adjustments", 0, "amount"]],
    [["adjustmentTotal"]],
    [["allocation", 0, "weight"]],
    [["allocation", 0, "amount"]],
    [["fxRates", 0, "rate"]],
  ] as const)("%j", (path) => {
    const error = caught(() => renderStatement(set(full, path, "1e3") as SettlementStatement));
    expect(error.code).toBe("statement-invalid");
    expect(error.issues).toEqual([{ code: "decimal-invalid", path, message: `${DECIMAL_EXPECTED} "1e3"` }]);
  });

  it("accepts null where a value may be missing: actual, target, baseline, weight, score, a cycle's value", () => {
    const statement = {
      ...withEvaluation(0, { actual: null, target: null, baseline: null, weight: null }),
      score: null,
    } as unknown as Record<string, unknown>;
    const md = renderStatement(
      set(statement, ["evaluations", 0, "trace", "cycles", 2, "value"], null) as SettlementStatement,
      { format: "markdown" },
    );
    expect(md).toContain(
      "| gmv-growth | GMV | Objective |  | n/a | n/a | n/a | 2026-01-01..2026-03-31 | 95.84% | Missed |",
    );
  });

  it("refuses a bad decimal in the history as report-options-invalid, at its path from history", () => {
    const bad = {
      ...january,
      evaluations: january.evaluations.map((e, i) => (i === 1 ? { ...e, actual: "abc" } : e)),
    };
    const error = caught(() => renderStatement(march, { format: "html", history: [february, bad] }));
    expect(error.code).toBe("report-options-invalid");
    expect(error.params).toEqual({ option: "history", count: 1 });
    expect(error.issues).toEqual([
      {
        code: "decimal-invalid",
        path: ["history", 1, "evaluations", 1, "actual"],
        message: `${DECIMAL_EXPECTED} "abc"`,
      },
    ]);
    const cycles = set(march, ["evaluations", 0, "trace", "cycles", 0, "value"], 38000);
    expect(
      caught(() => renderStatement(march, { history: [cycles as ReportCycle] })).issues.map((i) => i.path),
    ).toEqual([["history", 0, "evaluations", 0, "trace", "cycles", 0, "value"]]);
  });
});
