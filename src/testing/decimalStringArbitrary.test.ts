import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D } from "../internal/decimal.js";
import { DECIMAL_PATTERN } from "../values/decimal.js";
import { decimalStringArbitrary } from "./decimalStringArbitrary.js";

const sample = (arb: fc.Arbitrary<string>, numRuns = 2000) => fc.sample(arb, { numRuns, seed: 42 });

describe("decimalStringArbitrary", () => {
  it("writes the SPEC §1.1 input form within the bounds, never -0", () => {
    for (const d of sample(decimalStringArbitrary({ min: "-12.5", max: "99.99", maxFractionDigits: 3 }))) {
      expect(d).toMatch(DECIMAL_PATTERN);
      expect(d.startsWith("-0") && new D(d).isZero()).toBe(false);
      expect(new D(d).gte("-12.5") && new D(d).lte("99.99")).toBe(true);
      expect(d.split(".")[1]?.length ?? 0).toBeLessThanOrEqual(3);
    }
  });

  it("reaches both bounds, zero and every fraction length", () => {
    const values = sample(decimalStringArbitrary({ min: "-5", max: "5", maxFractionDigits: 2 }), 5000);
    const numbers = new Set(values.map((v) => new D(v).toFixed()));
    expect(numbers.has("-5")).toBe(true);
    expect(numbers.has("5")).toBe(true);
    expect(numbers.has("0")).toBe(true);
    const lengths = new Set(values.map((v) => v.split(".")[1]?.length ?? 0));
    expect([...lengths].sort()).toEqual([0, 1, 2]);
  });

  it("uses every digit between bounds too close for fewer digits", () => {
    // No whole number lies in [0.001, 0.004]: every value has 3 fraction digits.
    const values = sample(decimalStringArbitrary({ min: "0.001", max: "0.004", maxFractionDigits: 3 }), 200);
    expect(new Set(values)).toEqual(new Set(["0.001", "0.002", "0.003", "0.004"]));
  });

  it("defaults to -1,000,000..1,000,000 with up to 4 fraction digits", () => {
    for (const d of sample(decimalStringArbitrary())) {
      expect(new D(d).abs().lte(1_000_000)).toBe(true);
      expect(d.split(".")[1]?.length ?? 0).toBeLessThanOrEqual(4);
    }
  });

  it.each([
    [{ min: "1e3" }, "not a decimal"],
    [{ max: "1,000" }, "not a decimal"],
    [{ min: "0.001", maxFractionDigits: 2 }, "at most 2 fraction digits"],
    [{ min: "2", max: "1" }, "above max"],
    [{ maxFractionDigits: -1 }, "whole number"],
    [{ maxFractionDigits: 1.5 }, "whole number"],
    [{ maxFractionDigits: 21 }, "whole number"],
  ])("refuses %j with arbitrary-options-invalid", (options, message) => {
    expect(() => decimalStringArbitrary(options)).toThrow(
      expect.objectContaining({
        code: "arbitrary-options-invalid",
        message: expect.stringContaining(message),
      }),
    );
  });
});
