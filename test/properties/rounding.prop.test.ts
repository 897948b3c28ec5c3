// Invariant: rounding is idempotent. A money amount rounded to its currency's minor unit (SPEC §1.2) is
// a fixed point of every rounding mode, so rounding a line twice, or re-rounding a settled amount,
// never changes it; and rounding moves an amount by less than one minor unit (at most half a unit for
// the half-* modes), in the direction the mode names.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { D, quotient } from "../../src/internal/decimal.js";
import { decimalStringArbitrary } from "../../src/testing/decimalStringArbitrary.js";
import { minorUnits } from "../../src/values/currency.js";
import { ROUNDING_MODES, type RoundingMode, roundMoney } from "../../src/values/rounding.js";

const currencies = fc.constantFrom("USD", "JPY", "KWD", "CLF", "KRW", "BHD", "IDR");
const modes = fc.constantFrom(...(ROUNDING_MODES as RoundingMode[]));
const amounts = decimalStringArbitrary({ min: "-100000", max: "100000", maxFractionDigits: 8 });

describe("roundMoney", () => {
  test.prop([amounts, currencies, modes, modes], { numRuns: 1000 })(
    "is idempotent, and a rounded amount is a fixed point of every mode",
    (amount, currency, mode, other) => {
      const once = roundMoney(amount, currency, mode);
      expect(roundMoney(once, currency, mode)).toBe(once);
      expect(roundMoney(once, currency, other)).toBe(once);
    },
  );

  test.prop([amounts, currencies, modes], { numRuns: 1000 })(
    "moves an amount by less than one minor unit, in the mode's direction",
    (amount, currency, mode) => {
      const rounded = new D(roundMoney(amount, currency, mode));
      const exact = new D(amount);
      const unit = quotient(new D(1), new D(10).pow(minorUnits(currency)));
      const moved = rounded.minus(exact);
      expect(moved.abs().lt(unit)).toBe(true);
      if (mode.startsWith("half-")) expect(moved.abs().lte(quotient(unit, 2))).toBe(true);
      if (mode === "floor") expect(moved.lte(0)).toBe(true);
      if (mode === "ceiling") expect(moved.gte(0)).toBe(true);
      if (mode === "down") expect(rounded.abs().lte(exact.abs())).toBe(true);
      if (mode === "up") expect(rounded.abs().gte(exact.abs())).toBe(true);
    },
  );

  test.prop([amounts, currencies, modes], { numRuns: 500 })(
    "writes exactly the currency's minor-unit digits and never -0",
    (amount, currency, mode) => {
      const rounded = roundMoney(amount, currency, mode);
      expect(rounded.split(".")[1]?.length ?? 0).toBe(minorUnits(currency));
      expect(rounded).not.toMatch(/^-0(\.0+)?$/);
    },
  );

  test.prop([amounts, currencies], { numRuns: 500 })(
    "half-up and half-even differ only on an exact half, and floor/ceiling mirror under negation",
    (amount, currency) => {
      const exponent = minorUnits(currency);
      const scaled = new D(amount).times(new D(10).pow(exponent));
      const isHalf = scaled.minus(scaled.trunc()).abs().eq("0.5");
      if (!isHalf)
        expect(roundMoney(amount, currency, "half-up")).toBe(roundMoney(amount, currency, "half-even"));
      const negated = new D(amount).neg().toFixed();
      expect(
        new D(roundMoney(negated, currency, "floor")).eq(
          new D(roundMoney(amount, currency, "ceiling")).neg(),
        ),
      ).toBe(true);
    },
  );
});
