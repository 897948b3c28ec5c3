import { describe, expect, it } from "vitest";
import { cleanContract, targetOf } from "../../test/contract/smartTestKit.js";
import { validateTarget } from "./validateTarget.js";

const summary = (report: ReturnType<typeof validateTarget>) =>
  report.findings.map((f) => [f.code, f.path.join("."), f.params.detail ?? f.params.reason]);

describe("validateTarget on input that is not what it expects", () => {
  it("reports a contract that is not an object as unreadable", () => {
    const report = validateTarget({ id: "acos" }, "not a contract");
    expect(report.ok).toBe(false);
    expect(summary(report)).toEqual([["schema-invalid", "", "Expected a contract object"]]);
    expect(report.findings[0]?.message).toBe(
      "The contract cannot be read at (root): Expected a contract object.",
    );
  });

  it("makes the draft the only target of a contract without a targets array", () => {
    const c = cleanContract();
    const draft = { ...targetOf(c, "acos"), goal: { atMost: "22" } };
    for (const targets of [undefined, "none"]) {
      const contract = { ...c, targets, fees: { ...c.fees, components: [c.fees.components[0]] } };
      const report = validateTarget(draft, contract);
      expect(summary(report)).toEqual([["goal-invalid", "targets.0.goal.atMost", "looks-like-percent"]]);
    }
  });

  it("adds a draft that is not an object at the end and reports it unreadable", () => {
    const report = validateTarget("acos", cleanContract());
    expect(summary(report)).toEqual([
      ["schema-invalid", "targets.3", "Invalid input: expected object, received string"],
    ]);
  });

  it("adds a draft whose id is not a string at the end, not over a target", () => {
    const report = validateTarget({ ...targetOf(cleanContract(), "acos"), id: 5 }, cleanContract());
    expect(summary(report)).toEqual([
      ["schema-invalid", "targets.3.id", "Expected an id (letters, digits, _ . : -)"],
    ]);
  });
});
