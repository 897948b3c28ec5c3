import { describe, expect, it } from "vitest";
import { KpiContractError } from "../values/KpiContractError.js";
import { selectRate } from "./fx.js";

describe("selectRate under the fixed policy", () => {
  it("uses only an undated rate; a dated one (which the schema refuses) is never taken", () => {
    const fx = {
      policy: "fixed" as const,
      rates: [{ from: "EUR", to: "USD", rate: "1.2", date: "2026-03-31" }],
    };
    let error: unknown;
    try {
      selectRate(fx, "EUR", "USD", "2026-03-31");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KpiContractError);
    expect((error as KpiContractError).code).toBe("fx-rate-missing");
    expect((error as KpiContractError).message).toBe(
      "No EUR→USD exchange rate (fixed policy); add one to the FX table (inverse rates are never derived)",
    );
    const withUndated = { ...fx, rates: [...fx.rates, { from: "EUR", to: "USD", rate: "1.1" }] };
    expect(selectRate(withUndated, "EUR", "USD", "2026-03-31")).toEqual({
      from: "EUR",
      to: "USD",
      rate: "1.1",
    });
  });
});
