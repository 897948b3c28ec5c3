import { describe, expect, it } from "vitest";
import { cleanContract, runRule } from "../../test/contract/smartTestKit.js";
import { standingMissing } from "./standingMissing.js";

describe("standing-missing", () => {
  it("notes a contract without standing rules", () => {
    const c = cleanContract();
    delete c.standing;
    expect(runRule(standingMissing, c)).toEqual([
      { code: "standing-missing", criterion: "time-bound", severity: "info", path: ["standing"], params: {} },
    ]);
  });

  it("is silent when standing rules are stated", () => {
    expect(runRule(standingMissing, cleanContract())).toEqual([]);
  });
});
