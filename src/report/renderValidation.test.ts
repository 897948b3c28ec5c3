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

  it("without the history, says the baselines from history were not checked instead", () => {
    // The worked contract's three targets take their baselines from history.
    const report = validateContract(contract);
    expect(report.findings.filter((f) => f.code === "baseline-not-checked")).toHaveLength(3);
    const md = renderValidation(report, { contractId: "worked" });
    expect(md).not.toContain("the contract can be settled");
    expect(md).toContain(
      "No errors, but 3 baselines come from history that was not given, so they were not checked: settlement refuses the contract if the history it gets cannot provide them. Validate with the history to be sure.",
    );
    expect(renderValidation(report, { locale: "zh-CN" })).toContain(
      "没有错误，但有 3 个基线取自未提供的历史数据，因此未经检查",
    );
    const one = { ...report, findings: report.findings.filter((f) => f.targetId === "acos") };
    expect(renderValidation(one)).toContain(
      "No errors, but 1 baseline comes from history that was not given, so it was not checked: settlement refuses the contract if the history it gets cannot provide it.",
    );
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
    expect(() => renderValidation(null as never)).toThrow(
      expect.objectContaining({ code: "validation-report-invalid" }),
    );
  });

  it("report-options-invalid for an unknown format", () => {
    expect(() => renderValidation({ ok: true, findings: [] }, { format: "docx" as "html" })).toThrow(
      expect.objectContaining({ code: "report-options-invalid" }),
    );
  });
});

describe("renderValidation: findings it cannot read are refused at their path", () => {
  const finding = {
    code: "no-window",
    criterion: "time-bound",
    severity: "error",
    targetId: "acos",
    path: ["targets", 1, "evaluation"],
    params: { target: "acos" },
    message: "Target acos has no evaluation",
  };

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

  it("renders the well-formed finding", () => {
    expect(renderValidation({ ok: false, findings: [finding] } as never, { format: "markdown" })).toContain(
      "| Error | Time-bound | no-window | acos | targets\\[1\\].evaluation |",
    );
  });

  it.each([
    ["no path", { path: undefined }, ["findings", 0, "path"], "invalid_type"],
    ["a path that is a string", { path: "targets" }, ["findings", 0, "path"], "invalid_type"],
    ["no params", { params: undefined }, ["findings", 0, "params"], "invalid_type"],
    [
      "a number among the params",
      { params: { target: 12 } },
      ["findings", 0, "params", "target"],
      "invalid_union",
    ],
    ["a code that is a number", { code: 5 }, ["findings", 0, "code"], "invalid_type"],
    ["a target id that is a number", { targetId: 1 }, ["findings", 0, "targetId"], "invalid_type"],
  ] as const)("%s: validation-report-invalid at its path", (_, fields, path, code) => {
    for (const locale of ["en", "zh-CN"] as const) {
      const error = caught(() =>
        renderValidation({ ok: false, findings: [{ ...finding, ...fields }] } as never, { locale }),
      );
      expect(error.code).toBe("validation-report-invalid");
      expect(error.params).toEqual({ count: 1 });
      expect(error.issues).toEqual([expect.objectContaining({ code, path })]);
      expect(error.message).toMatch(
        new RegExp(
          `^Not a validation report \\{ ok, findings \\} a report can show:\\n${path.join("\\.")}: `,
        ),
      );
    }
  });

  it("refuses a finding that is not an object, and a report whose ok is not a boolean", () => {
    const error = caught(() => renderValidation({ ok: "yes", findings: [null] } as never));
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ["invalid_type", ["ok"]],
      ["invalid_type", ["findings", 0]],
    ]);
  });
});
