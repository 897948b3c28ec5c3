import { describe, expect, it } from "vitest";
import { cleanContract, runRule } from "../../test/contract/smartTestKit.js";
import { fxRateMissing } from "./fxRateMissing.js";

function withSingapore() {
  const c = cleanContract();
  c.stores.push({ id: "shopee-sg", platform: "shopee", currency: "SGD", timeZone: "Asia/Singapore" });
  return c;
}

describe("fx-rate-missing", () => {
  it("reports a store in another currency without a rate to the fee currency", () => {
    expect(runRule(fxRateMissing, withSingapore())).toEqual([
      {
        code: "fx-rate-missing",
        criterion: "measurable",
        severity: "error",
        path: ["stores", 1, "currency"],
        params: { store: "shopee-sg", from: "SGD", to: "USD" },
      },
    ]);
  });

  it("never derives the inverse rate", () => {
    const c = withSingapore();
    c.fx = { policy: "cycle-end", rates: [{ from: "USD", to: "SGD", rate: "1.34", date: "2026-01-31" }] };
    expect(runRule(fxRateMissing, c)).toHaveLength(1);
  });

  it("accepts a store with a rate, and stores in the fee currency", () => {
    const c = withSingapore();
    c.fx = { policy: "cycle-end", rates: [{ from: "SGD", to: "USD", rate: "0.74", date: "2026-01-31" }] };
    expect(runRule(fxRateMissing, c)).toEqual([]);
    expect(runRule(fxRateMissing, cleanContract())).toEqual([]);
  });
});
