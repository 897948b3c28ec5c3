import { describe, expect, it } from "vitest";
import { cleanContract, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { targetAlreadyMet } from "./targetAlreadyMet.js";
import { validateContract } from "./validateContract.js";

/** A change of 10^−40: 1 + it rounds to 1 at the library's 34 significant digits. */
const TINY = `0.${"0".repeat(39)}1`;

describe("target-already-met, more goal kinds", () => {
  it("reports an above goal that the baseline already exceeds", () => {
    const c = cleanContract();
    targetOf(c, "gmv-growth").goal = { above: "25000" };
    expect(runRule(targetAlreadyMet, c)).toEqual([
      {
        code: "target-already-met",
        criterion: "achievable",
        severity: "warning",
        targetId: "gmv-growth",
        path: ["targets", 0, "goal", "above"],
        params: {
          reason: "baseline-meets",
          target: "gmv-growth",
          kpi: "gmv",
          unit: "money",
          currency: "USD",
          baseline: "30000.00",
          kind: "above",
          targetValue: "25000",
        },
      },
    ]);
  });

  it("accepts an above goal that the baseline does not reach", () => {
    const c = cleanContract();
    targetOf(c, "gmv-growth").goal = { above: "30000" }; // strictly above: 30000 is not enough
    expect(runRule(targetAlreadyMet, c)).toEqual([]);
  });

  it("accepts a lower-is-better change that asks for an improvement", () => {
    const c = cleanContract();
    targetOf(c, "acos").goal = { change: "-0.1" }; // 0.25 × 0.9 = 0.225 < 0.25
    expect(runRule(targetAlreadyMet, c)).toEqual([]);
  });

  it("skips a target without a goal (goal-invalid reports it)", () => {
    const c = cleanContract();
    delete targetOf(c, "gmv-growth").goal;
    expect(runRule(targetAlreadyMet, c)).toEqual([]);
  });
});

describe("target-already-met on a change too small to move the target", () => {
  it("reports a higher-is-better change whose target rounds to the baseline, as an at-least goal", () => {
    const c = cleanContract();
    targetOf(c, "gmv-growth").goal = { change: TINY };
    const findings = runRule(targetAlreadyMet, c);
    expect(findings.map((f) => [f.path, f.params])).toEqual([
      [
        ["targets", 0, "goal", "change"],
        {
          reason: "baseline-meets",
          target: "gmv-growth",
          kpi: "gmv",
          unit: "money",
          currency: "USD",
          baseline: "30000.00",
          kind: "atLeast",
          targetValue: "30000",
        },
      ],
    ]);
    const message = validateContract(c).findings.find((f) => f.code === "target-already-met")?.message;
    expect(message).toBe(
      'Target "gmv-growth" is already met by its baseline: GMV was 30000.00 USD against a target of at least 30000.00 USD, so it rewards no improvement.',
    );
  });

  it("reports a lower-is-better change whose target rounds to the baseline, as an at-most goal", () => {
    const c = cleanContract();
    targetOf(c, "acos").goal = { change: `-${TINY}` };
    expect(
      runRule(targetAlreadyMet, c).map((f) => [f.params.kind, f.params.baseline, f.params.targetValue]),
    ).toEqual([["atMost", "0.25", "0.25"]]);
  });
});
