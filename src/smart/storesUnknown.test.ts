import { describe, expect, it } from "vitest";
import { cleanContract, runRule, targetOf } from "../../test/contract/smartTestKit.js";
import { storesUnknown } from "./storesUnknown.js";

describe("stores-unknown", () => {
  it("reports each store a target names that the contract does not have", () => {
    const c = cleanContract();
    targetOf(c, "acos").stores = ["us", "ebay-de"];
    expect(runRule(storesUnknown, c)).toEqual([
      {
        code: "stores-unknown",
        criterion: "specific",
        severity: "error",
        targetId: "acos",
        path: ["targets", 1, "stores", 1],
        params: { reason: "unknown", target: "acos", store: "ebay-de" },
      },
    ]);
  });

  it("reports an empty stores list", () => {
    const c = cleanContract();
    targetOf(c, "acos").stores = [];
    expect(runRule(storesUnknown, c)[0]).toMatchObject({
      path: ["targets", 1, "stores"],
      params: { reason: "empty" },
    });
  });

  it("accepts known stores and an omitted list", () => {
    const c = cleanContract();
    targetOf(c, "acos").stores = ["us"];
    expect(runRule(storesUnknown, c)).toEqual([]);
  });
});
