import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  cleanContract,
  codesOf,
  historyContract,
  q4History,
  targetOf,
} from "../../test/contract/smartTestKit.js";
import { parseContract } from "../contract/parseContract.js";
import { renderFinding } from "../locales/index.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { SMART_CODES, SMART_RULES } from "./SmartFinding.js";
import { validateContract } from "./validateContract.js";

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/worked/${name}.json`, import.meta.url), "utf8"));

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe("validateContract", () => {
  it("finds nothing in the clean contract", () => {
    expect(validateContract(cleanContract())).toEqual({ ok: true, findings: [] });
  });

  it("validates the SPEC §8 worked example with no errors", () => {
    const contract = fixture("contract");
    const without = validateContract(contract);
    expect(without.ok).toBe(true);
    expect(codesOf(without.findings)).toEqual([
      "baseline-not-checked",
      "baseline-not-checked",
      "baseline-not-checked",
      "target-without-effect",
      "standing-missing",
    ]);
    // With history every baseline is computed: GMV 30,720 (+40% = 43,008, 9.62% a month over 3
    // months, within 6.67% + 10%), ACoS 0.2618 (−16% to 0.22), negative reviews 0.0085.
    const withHistory = validateContract(contract, { history: fixture("history") });
    expect(withHistory.ok).toBe(true);
    expect(codesOf(withHistory.findings)).toEqual(["target-without-effect", "standing-missing"]);
    expect(withHistory.findings[0]).toMatchObject({ targetId: "gmv-growth", severity: "info" });
  });

  it("turns structural problems into schema-invalid findings with paths, and stops there", () => {
    const c = cleanContract();
    targetOf(c, "acos").gaol = { atMost: "0.22" };
    c.term.end = "2025-12-31";
    const report = validateContract(c);
    expect(report.ok).toBe(false);
    expect(report.findings.every((f) => f.code === "schema-invalid" && f.severity === "error")).toBe(true);
    expect(report.findings.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        ["targets", 1],
        ["term", "end"],
      ]),
    );
    const typo = report.findings.find((f) => f.path.join(".") === "targets.1");
    expect(typo?.params).toMatchObject({ at: "targets.1", reason: "unrecognized_keys" });
    expect(typo?.message).toContain("gaol");
  });

  it("refuses non-objects with a finding, never a crash", () => {
    for (const input of [null, undefined, "contract", 42, [], { schemaVersion: 2 }]) {
      const report = validateContract(input);
      expect(report.ok).toBe(false);
      expect(report.findings.length).toBeGreaterThan(0);
      expect(report.findings.every((f) => f.code === "schema-invalid")).toBe(true);
    }
  });

  it("gives the same findings for raw JSON and for the parsed contract", () => {
    const raw = historyContract();
    targetOf(raw, "acos").goal = { atMost: 22 };
    expect(validateContract(parseContract(raw))).toEqual(validateContract(raw));
  });

  it("reports errors, warnings and infos in criterion order and is ok only without errors", () => {
    const c = cleanContract();
    targetOf(c, "acos").kpi = "acoss";
    delete targetOf(c, "gmv-growth").evaluation;
    delete c.standing;
    const report = validateContract(c);
    expect(report.ok).toBe(false);
    const order = ["specific", "measurable", "achievable", "relevant", "time-bound"];
    const ranks = report.findings.map((f) => order.indexOf(f.criterion));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // Without a catalogue ACoS target the GMV objective has no profitability guardrail either.
    expect(codesOf(report.findings)).toEqual([
      "kpi-unknown",
      "no-guardrail",
      "no-window",
      "standing-missing",
    ]);
  });

  it("takes criterion and severity from the rule table, and renders every message from code and params", () => {
    const c = historyContract();
    targetOf(c, "acos").goal = { atMost: "22" };
    targetOf(c, "negative-reviews").weight = "0.1";
    for (const locale of ["en", "zh-CN"] as const) {
      const report = validateContract(c, { locale });
      expect(report.findings.length).toBeGreaterThan(2);
      for (const f of report.findings) {
        expect(SMART_CODES).toContain(f.code);
        expect(f.criterion).toBe(SMART_RULES[f.code].criterion);
        expect(f.message).toBe(renderFinding(f, locale));
      }
    }
  });

  it("renders in English by default, even for a zh-CN contract, and in Chinese on request", () => {
    const c = cleanContract();
    c.locale = "zh-CN";
    delete c.standing;
    expect(validateContract(c).findings[0]?.message).toMatch(/^The contract has no standing rules/);
    expect(validateContract(c, { locale: "zh-CN" }).findings[0]?.message).toBe(
      "合同没有约定整改与解约规则（standing），连续不达标时该整改还是该解约无据可依。",
    );
  });

  it("registers the contract's own custom KPIs", () => {
    const c = cleanContract();
    c.kpis = [
      {
        id: "netSales",
        unit: "money",
        polarity: "higher-is-better",
        expression: { difference: ["sales.gross", "sales.refunds"] },
      },
    ];
    targetOf(c, "gmv-growth").kpi = "netSales";
    targetOf(c, "gmv-growth").scope = {};
    expect(codesOf(validateContract(c).findings)).not.toContain("kpi-unknown");
  });

  it("is deterministic and does not touch its input", () => {
    const c = deepFreeze(historyContract());
    const history = deepFreeze(q4History());
    const a = validateContract(c, { history, locale: "zh-CN" });
    const b = validateContract(c, { history, locale: "zh-CN" });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("refuses malformed options with options-invalid", () => {
    const bad = [
      { locale: "fr" },
      { maxChange: { higherIsBetter: "lots" } },
      { growthMargin: "-0.1" },
      { history: [{ period: { start: "2025-10-01", end: "2025-10-31" } }] },
      { unknownOption: true },
    ];
    for (const options of bad) {
      expect(() => validateContract(cleanContract(), options as never)).toThrow(KpiContractError);
      try {
        validateContract(cleanContract(), options as never);
      } catch (error) {
        expect((error as KpiContractError).code).toBe("options-invalid");
        expect((error as KpiContractError).issues.length).toBeGreaterThan(0);
      }
    }
  });
});
