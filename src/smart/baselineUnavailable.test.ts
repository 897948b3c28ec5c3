import { describe, expect, it } from "vitest";
import { historyContract, monthFacts, q4History, runRule } from "../../test/contract/smartTestKit.js";
import { baselineUnavailable } from "./baselineUnavailable.js";

describe("baseline-unavailable", () => {
  it("names the cycles missing from history; an error for a relative goal", () => {
    const history = q4History().filter((f) => f.period.start !== "2025-11-01");
    const findings = runRule(baselineUnavailable, historyContract(), { history });
    const growth = findings.find((f) => f.targetId === "gmv-growth");
    expect(growth).toMatchObject({
      code: "baseline-unavailable",
      criterion: "achievable",
      severity: "error",
      path: ["targets", 0, "baseline"],
      params: { target: "gmv-growth", reason: "missing-cycles" },
    });
    expect(String(growth?.params.cycles)).toContain("2025-11-01..2025-11-30");
    // ACoS has an absolute goal: the missing baseline only weakens the checks.
    expect(findings.find((f) => f.targetId === "acos")?.severity).toBe("warning");
  });

  it("reports history in another currency without a rate", () => {
    const c = historyContract();
    c.stores.push({ id: "shopee-sg", platform: "shopee", currency: "SGD", timeZone: "Asia/Singapore" });
    c.targets[0].stores = ["shopee-sg"];
    const history = q4History().map((f) => ({ ...f, store: "shopee-sg", currency: "SGD" }));
    const findings = runRule(baselineUnavailable, c, { history });
    expect(findings[0]?.params).toEqual({
      target: "gmv-growth",
      reason: "fx",
      from: "SGD",
      to: "USD",
      date: "2025-10-31",
    });
  });

  it("reports a baseline with no value", () => {
    // No spend and no attributed sales: ACoS has a zero denominator in every month.
    const zero = { spend: "0.00", attributed14d: "0.00" };
    const history = q4History({ "2025-10": zero, "2025-11": zero, "2025-12": zero });
    const findings = runRule(baselineUnavailable, historyContract(), { history });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.params).toEqual({
      target: "acos",
      reason: "null-value",
      nullReason: "zero-denominator",
    });
  });

  it("accepts complete history, and ignores facts of other stores and periods", () => {
    const history = [
      ...q4History(),
      monthFacts("2026-01", { gross: "1.00" }),
      monthFacts("2025-10", { store: "x" }),
    ];
    expect(runRule(baselineUnavailable, historyContract(), { history })).toEqual([]);
  });

  it("does not compute anything without history", () => {
    expect(runRule(baselineUnavailable, historyContract())).toEqual([]);
  });
});
