import { describe, expect, it } from "vitest";
import { cleanContract, runRule } from "../../test/contract/smartTestKit.js";
import { targetWithoutEffect } from "./targetWithoutEffect.js";

describe("target-without-effect with gates left undefined", () => {
  it("reads a gates key set to undefined as no gate, so the guardrail it named has no effect", () => {
    const c = cleanContract();
    expect(runRule(targetWithoutEffect, c)).toEqual([]);
    c.fees.components[1].gates = undefined;
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
});
