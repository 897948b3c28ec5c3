import { describe, expect, it } from "vitest";
import { KpiContractError } from "../values/KpiContractError.js";
import { selectRate } from "./fx.js";

describe("selectRate under the fixed policy", () => {
  it("refuses a table the schema refuses (a dated rate under the fixed policy) instead of reading it", () => {
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
    expect((error as KpiContractError).code).toBe("arguments-invalid");
    expect((error as KpiContractError).issues.map((i) => i.path)).toEqual([["fx", "rates", 0, "date"]]);
  });

  it("takes the pair's one undated rate whatever the day, and refuses a missing pair", () => {
    const fx = { policy: "fixed" as const, rates: [{ from: "EUR", to: "USD", rate: "1.1" }] };
    expect(selectRate(fx, "EUR", "USD", "2026-03-31")).toEqual({ from: "EUR", to: "USD", rate: "1.1" });
    expect(selectRate(fx, "EUR", "USD", "1999-01-31")).toEqual({ from: "EUR", to: "USD", rate: "1.1" });
    expect(() => selectRate(fx, "USD", "EUR", "2026-03-31")).toThrow(
      "No USD→EUR exchange rate (fixed policy); add one to the FX table (inverse rates are never derived)",
    );
  });

  it("checks a table once, but still never takes a dated rate or a rate that is not a decimal string", () => {
    const fx = { policy: "fixed" as "fixed" | "cycle-end", rates: [{ from: "EUR", to: "USD", rate: "1.1" }] };
    expect(selectRate(fx, "EUR", "USD", "2026-03-31").rate).toBe("1.1");
    // Changed after its check: a dated rate first in the list is skipped, the undated one taken.
    const rates = fx.rates as { from: string; to: string; rate: unknown; date?: string }[];
    rates.unshift({ from: "EUR", to: "USD", rate: "9.9", date: "2026-03-31" });
    expect(selectRate(fx, "EUR", "USD", "2026-03-31").rate).toBe("1.1");
    (rates[1] as { rate: unknown }).rate = 1.5;
    let error: unknown;
    try {
      selectRate(fx, "EUR", "USD", "2026-03-31");
    } catch (e) {
      error = e;
    }
    expect((error as KpiContractError).code).toBe("arguments-invalid");
    expect((error as KpiContractError).issues.map((i) => i.path)).toContainEqual(["fx"]);
  });
});
