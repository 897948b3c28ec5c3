import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D } from "../internal/decimal.js";
import { roundMoney } from "../values/rounding.js";
import { moneyArbitrary } from "./moneyArbitrary.js";

const sample = (arb: fc.Arbitrary<string>, numRuns = 1000) => fc.sample(arb, { numRuns, seed: 7 });

describe("moneyArbitrary", () => {
  it.each([
    ["USD", /^(0|[1-9][0-9]*)\.[0-9]{2}$/],
    ["JPY", /^(0|[1-9][0-9]*)$/],
    ["KWD", /^(0|[1-9][0-9]*)\.[0-9]{3}$/],
    ["CLF", /^(0|[1-9][0-9]*)\.[0-9]{4}$/],
  ])("writes %s amounts with exactly the minor-unit digits, already rounded", (currency, pattern) => {
    for (const amount of sample(moneyArbitrary(currency))) {
      expect(amount).toMatch(pattern);
      expect(roundMoney(amount, currency)).toBe(amount);
    }
  });

  it("stays within the bounds, rounded inward, and reaches them", () => {
    const values = sample(moneyArbitrary("USD", { min: "-10.005", max: "3.999" }), 3000);
    for (const amount of values) expect(new D(amount).gte("-10") && new D(amount).lte("3.99")).toBe(true);
    expect(values).toContain("-10.00");
    expect(values).toContain("3.99");
    expect(values).toContain("0.00");
    expect(values).not.toContain("-0.00");
  });

  it("defaults to 0..1,000,000", () => {
    for (const amount of sample(moneyArbitrary("EUR"))) {
      expect(new D(amount).gte(0) && new D(amount).lte(1_000_000)).toBe(true);
    }
  });

  it("refuses an unknown currency with currency-unknown", () => {
    expect(() => moneyArbitrary("XYZ")).toThrow(expect.objectContaining({ code: "currency-unknown" }));
  });

  it("refuses bounds with no amount between them with arbitrary-options-invalid", () => {
    expect(() => moneyArbitrary("JPY", { min: "0.2", max: "0.8" })).toThrow(
      expect.objectContaining({ code: "arbitrary-options-invalid" }),
    );
    expect(() => moneyArbitrary("USD", { max: "NaN" })).toThrow(
      expect.objectContaining({ code: "arbitrary-options-invalid" }),
    );
  });
});
