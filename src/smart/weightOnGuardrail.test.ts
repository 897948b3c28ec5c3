import { describe, expect, it } from "vitest";
import { cleanContract, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { weightOnGuardrail } from "./weightOnGuardrail.js";

describe("weight-on-guardrail", () => {
  it("reports a guardrail with a weight", () => {
    const c = cleanContract();
    targetOf(c, "negative-reviews").weight = "20%";
    expect(runRule(weightOnGuardrail, c)).toEqual([
      {
        code: "weight-on-guardrail",
        criterion: "relevant",
        severity: "error",
        targetId: "negative-reviews",
        path: ["targets", 2, "weight"],
        params: { target: "negative-reviews", weight: "0.2" },
      },
    ]);
  });

  it("accepts unweighted guardrails", () => {
    expect(runRule(weightOnGuardrail, cleanContract())).toEqual([]);
  });
});
