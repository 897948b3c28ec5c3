import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateContract } from "../smart/validateContract.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { renderValidation } from "./renderValidation.js";

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/worked/${name}.json`, import.meta.url), "utf8"));
const contract = read("contract") as Record<string, unknown>;
const history = read("history") as never[];

describe("renderValidation", () => {
  it("says a clean contract can be settled", () => {
    const report = validateContract(contract, { history });
    const md = renderValidation(report, { contractId: "worked" });
    expect(md.startsWith("# SMART validation: worked\n")).toBe(true);
    expect(md).toContain("No errors: the contract can be settled.");
  });

  it("lists each finding with severity, criterion, code, target, path and message", () => {
    const targets = (contract.targets as Record<string, unknown>[]).map((t) =>
      t.id === "acos" ? { ...t, weight: "0.7" } : t,
    );
    const report = validateContract({ ...contract, targets }, { history });
    const md = renderValidation(report, { format: "markdown" });
    // Weights 0.5 + 0.7 = 1.2 ≠ 1.
    expect(md).toContain("1 error: settlement refuses this contract until it is fixed.");
    expect(md).toMatch(/\| Error \| Relevant \| weights-invalid \|/);
    const text = renderValidation(report, { format: "text" });
    expect(text).toMatch(/Error\s+Relevant\s+weights-invalid/);
  });

  it("renders the messages again in the report's language", () => {
    const report = validateContract({ ...contract, targets: [] }, { locale: "en" });
    const zh = renderValidation(report, { format: "html", locale: "zh-CN" });
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain("SMART 校验");
    expect(zh).toContain("个错误");
    const english = report.findings.map((f) => f.message);
    for (const message of english) expect(zh).not.toContain(message);
  });

  it("shows the path where the problem is and escapes it", () => {
    const html = renderValidation(
      {
        ok: false,
        findings: [
          {
            code: "future-code" as "no-window",
            criterion: "time-bound",
            severity: "error",
            targetId: "<t>",
            path: ["targets", 0, "evaluation"],
            params: {},
            message: "Kept <as> written",
          },
        ],
      },
      { format: "html" },
    );
    expect(html).toContain("targets[0].evaluation");
    expect(html).toContain("Kept &lt;as&gt; written");
    expect(html).toContain("&lt;t&gt;");
    expect(html).toContain('class="error"');
  });

  it("says when there is no finding at all", () => {
    expect(renderValidation({ ok: true, findings: [] }, { format: "text", locale: "zh-CN" })).toContain(
      "没有发现问题。",
    );
  });

  it("validation-report-invalid for something that is not a report", () => {
    expect(() => renderValidation({ findings: [] } as never)).toThrow(KpiContractError);
    try {
      renderValidation(null as never);
    } catch (error) {
      expect((error as KpiContractError).code).toBe("validation-report-invalid");
    }
  });

  it("report-options-invalid for an unknown format", () => {
    expect(() => renderValidation({ ok: true, findings: [] }, { format: "docx" as "html" })).toThrow(
      expect.objectContaining({ code: "report-options-invalid" }),
    );
  });
});
