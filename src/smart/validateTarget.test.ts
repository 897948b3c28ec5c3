import { describe, expect, it } from "vitest";
import { cleanContract, codesOf, GMV_SCOPE, targetOf } from "../../test/contract/smartTestKit.js";
import { parseContract } from "../contract/parseContract.js";
import { validateTarget } from "./validateTarget.js";

describe("validateTarget", () => {
  it("validates a draft that replaces the target with its id, reporting only about it", () => {
    const c = cleanContract();
    targetOf(c, "gmv-growth").kpi = "nope"; // an error elsewhere is not reported
    const draft = { id: "acos", kpi: "acos", goal: { atMost: 22 }, weight: "0.5" };
    const report = validateTarget(draft, c);
    expect(report.ok).toBe(false);
    expect(codesOf(report.findings)).toEqual([
      "scope-incomplete",
      "goal-invalid",
      "baseline-missing",
      "no-window",
    ]);
    expect(report.findings.every((f) => f.targetId === "acos")).toBe(true);
    expect(report.findings[0]?.path).toEqual(["targets", 1, "scope"]);
  });

  it("adds a new target at the end", () => {
    const draft = {
      id: "returns",
      kpi: "returnRate",
      scope: { basis: "units" },
      baseline: { value: "0.06" },
      goal: { atMost: "0.05" },
      evaluation: { every: "cycle" },
      role: "guardrail",
    };
    const report = validateTarget(draft, parseContract(cleanContract()));
    expect(report.ok).toBe(true);
    expect(report.findings).toEqual([
      expect.objectContaining({ code: "target-without-effect", path: ["targets", 3], severity: "info" }),
    ]);
  });

  it("reports structural problems of the draft with paths into the contract", () => {
    const report = validateTarget(
      { id: "gmv-growth", kpi: "gmv", scope: GMV_SCOPE, gaol: {} },
      cleanContract(),
    );
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => [f.code, f.path.join(".")])).toEqual([["schema-invalid", "targets.0"]]);
  });

  it("accepts a good draft", () => {
    const c = cleanContract();
    const draft = { ...targetOf(c, "acos"), goal: { atMost: "0.2" } };
    expect(validateTarget(draft, c)).toEqual({ ok: true, findings: [] });
  });
});
