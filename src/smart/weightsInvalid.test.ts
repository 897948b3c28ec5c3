import { describe, expect, it } from "vitest";
import { cleanContract, keepTargets, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { weightsInvalid } from "./weightsInvalid.js";

describe("weights-invalid", () => {
  it("reports an objective without weight", () => {
    const c = cleanContract();
    delete targetOf(c, "acos").weight;
    expect(runRule(weightsInvalid, c)).toEqual([
      {
        code: "weights-invalid",
        criterion: "relevant",
        severity: "error",
        targetId: "acos",
        path: ["targets", 1, "weight"],
        params: { reason: "missing", target: "acos" },
      },
    ]);
  });

  it("reports a weight that is not a decimal", () => {
    const c = cleanContract();
    targetOf(c, "acos").weight = "half";
    expect(runRule(weightsInvalid, c)[0]?.params).toEqual({
      reason: "not-decimal",
      target: "acos",
      value: "half",
    });
  });

  it("reports a negative weight", () => {
    const c = cleanContract();
    targetOf(c, "acos").weight = "-0.5";
    targetOf(c, "gmv-growth").weight = "1.5";
    expect(runRule(weightsInvalid, c).map((f) => f.params)).toEqual([
      { reason: "negative", target: "acos", value: "-0.5" },
    ]);
  });

  it("reports objective weights that do not add up to 1", () => {
    const c = cleanContract();
    targetOf(c, "acos").weight = "0.4";
    expect(runRule(weightsInvalid, c)).toEqual([
      {
        code: "weights-invalid",
        criterion: "relevant",
        severity: "error",
        path: ["targets"],
        params: { reason: "sum", sum: "0.9", targets: ["gmv-growth", "acos"] },
      },
    ]);
  });

  it("accepts weights adding up to exactly 1, written as percents or numbers", () => {
    const c = cleanContract();
    expect(runRule(weightsInvalid, c)).toEqual([]);
    targetOf(c, "acos").weight = "50%";
    targetOf(c, "gmv-growth").weight = 0.5;
    expect(runRule(weightsInvalid, c)).toEqual([]);
  });

  it("needs no weights when there is no objective", () => {
    const c = keepTargets(cleanContract(), ["negative-reviews"]);
    expect(runRule(weightsInvalid, c)).toEqual([]);
  });
});
