import { describe, expect, it } from "vitest";
import { cleanContract, runRule } from "../../test/contract/smartTestKit.js";
import { targetWithoutEffect } from "./targetWithoutEffect.js";

describe("target-without-effect", () => {
  it("reports a guardrail nothing refers to", () => {
    const c = cleanContract();
    c.fees.components[1].gates = [];
    expect(runRule(targetWithoutEffect, c)).toEqual([
      {
        code: "target-without-effect",
        criterion: "relevant",
        severity: "info",
        targetId: "negative-reviews",
        path: ["targets", 2],
        params: { reason: "guardrail", target: "negative-reviews" },
      },
    ]);
  });

  it("reports an objective nothing refers to when no scorecard or standing uses the score", () => {
    const c = cleanContract();
    delete c.standing;
    c.fees.components = c.fees.components.filter((x: { type: string }) => x.type !== "bonus");
    expect(runRule(targetWithoutEffect, c).map((f) => [f.targetId, f.params.reason])).toEqual([
      ["gmv-growth", "objective"],
      ["negative-reviews", "guardrail"],
    ]);
  });

  it("counts the score as an effect of objectives when there is a scorecard", () => {
    const c = cleanContract();
    delete c.standing;
    c.fees.components = [
      { type: "scorecard", name: "pool", pool: "1000.00", threshold: "0.7", gates: ["negative-reviews"] },
    ];
    expect(runRule(targetWithoutEffect, c)).toEqual([]);
  });

  it("is silent for the clean contract", () => {
    expect(runRule(targetWithoutEffect, cleanContract())).toEqual([]);
  });
});
