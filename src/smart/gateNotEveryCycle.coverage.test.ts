import { describe, expect, it } from "vitest";
import { cleanContract, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { gateNotEveryCycle } from "./gateNotEveryCycle.js";

describe("gate-not-every-cycle with gates left undefined", () => {
  it("reads a gates key set to undefined (a JavaScript caller spreading an optional field) as no gate", () => {
    const c = cleanContract();
    targetOf(c, "negative-reviews").evaluation = {
      window: { start: "2026-01-01", end: "2026-03-31" },
      aggregate: "pooled",
    };
    expect(runRule(gateNotEveryCycle, c)).toHaveLength(1);
    c.fees.components[1].gates = undefined;
    expect(runRule(gateNotEveryCycle, c)).toEqual([]);
  });
});
