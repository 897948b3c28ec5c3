import { describe, expect, it } from "vitest";
import { cleanContract, GMV_SCOPE, runRule } from "../../test/contract/smartTestKit.js";
import { factGroupOf, factsUnavailable } from "./factsUnavailable.js";

describe("factGroupOf", () => {
  it("is the first segment of a fact path, or the whole path without a dot", () => {
    expect(factGroupOf("ads.attributed.14d.sales")).toBe("ads");
    expect(factGroupOf("sales")).toBe("sales");
  });
});

describe("facts-unavailable on a fee basis whose scope is unusable", () => {
  it("leaves the basis to scope-incomplete instead of guessing the facts it reads", () => {
    const c = cleanContract();
    c.dataSources = ["ads", "reviews"];
    c.targets = c.targets.filter((t: { kpi: string }) => t.kpi !== "gmv");
    const share = (scope: object) => ({
      type: "share",
      name: "share",
      basis: { kpi: "gmv", scope },
      tiers: [{ upTo: null, rate: "0.05" }],
    });
    const base = { type: "fixed", name: "base", amount: "1500.00" };
    c.fees.components = [base, share({ refunds: "exclude" })];
    expect(runRule(factsUnavailable, c)).toEqual([]);
    // The same basis with its full scope reads sales facts, which the data sources lack.
    c.fees.components = [base, share(GMV_SCOPE)];
    expect(runRule(factsUnavailable, c).map((f) => f.params)).toEqual([
      { component: "share", kpi: "gmv", groups: ["sales"] },
    ]);
  });
});
