import { describe, expect, it } from "vitest";
import { cleanContract, type Json, runRule } from "../../test/contract/smartTestKit.js";
import { fxRateMissing } from "./fxRateMissing.js";
import { schemaInvalid } from "./schemaInvalid.js";

/** The clean contract with a second store in EUR and these rates. */
function withEuStore(rates: readonly { from: string; to: string }[] | undefined): Json {
  const c = cleanContract();
  c.stores.push({
    id: "eu",
    platform: "amazon",
    marketplace: "DE",
    currency: "EUR",
    timeZone: "Europe/Berlin",
  });
  if (rates !== undefined) {
    c.fx = { policy: "cycle-end", rates: rates.map((r) => ({ ...r, rate: "1.1", date: "2026-01-31" })) };
  }
  return c;
}

const missing = {
  code: "fx-rate-missing",
  criterion: "measurable",
  severity: "error",
  path: ["stores", 1, "currency"],
  params: { store: "eu", from: "EUR", to: "USD" },
};

describe("fx-rate-missing", () => {
  it("is silent with a rate from the store's currency to the fees' currency", () => {
    expect(runRule(fxRateMissing, withEuStore([{ from: "EUR", to: "USD" }]))).toEqual([]);
  });

  it("needs both ends of the rate to match", () => {
    expect(runRule(fxRateMissing, withEuStore([{ from: "EUR", to: "GBP" }]))).toEqual([missing]);
    expect(runRule(fxRateMissing, withEuStore([{ from: "GBP", to: "USD" }]))).toEqual([missing]);
    expect(runRule(fxRateMissing, withEuStore([{ from: "USD", to: "EUR" }]))).toEqual([missing]);
  });

  it("reports the store when the contract has no fx table", () => {
    expect(runRule(fxRateMissing, withEuStore(undefined))).toEqual([missing]);
  });
});

describe("schema-invalid", () => {
  it("writes the path with dots, or (root) for the contract itself", () => {
    expect(schemaInvalid({ code: "invalid_type", path: ["targets", 0, "kpi"], message: "m" }).params).toEqual(
      {
        at: "targets.0.kpi",
        reason: "invalid_type",
        detail: "m",
      },
    );
    expect(schemaInvalid({ code: "invalid_type", path: [], message: "m" })).toEqual({
      code: "schema-invalid",
      criterion: "specific",
      severity: "error",
      path: [],
      params: { at: "(root)", reason: "invalid_type", detail: "m" },
    });
  });
});
