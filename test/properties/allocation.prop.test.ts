// Invariant: allocation conserves. Splitting an amount across parties by weights (SPEC §1.2) returns
// one part per weight, each with the currency's minor-unit digits, that add back up to the amount
// exactly; each part is within one minor unit of its exact share; a zero weight gets nothing.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { D, quotient } from "../../src/internal/decimal.js";
import { decimalStringArbitrary } from "../../src/testing/decimalStringArbitrary.js";
import { moneyArbitrary } from "../../src/testing/moneyArbitrary.js";
import { allocate } from "../../src/values/allocate.js";
import { minorUnits } from "../../src/values/currency.js";

const currencies = fc.constantFrom("USD", "JPY", "KWD", "CLF", "EUR");
const weights = fc
  .array(decimalStringArbitrary({ min: "0", max: "1000", maxFractionDigits: 6 }), {
    minLength: 1,
    maxLength: 12,
  })
  .filter((ws) => ws.some((w) => !new D(w).isZero()));
const splits = currencies.chain((currency) =>
  fc.tuple(fc.constant(currency), moneyArbitrary(currency, { min: "-1000000", max: "1000000" }), weights),
);

describe("allocate conserves the amount", () => {
  test.prop([splits], { numRuns: 500 })(
    "the parts add up to the amount exactly",
    ([currency, amount, ws]) => {
      const parts = allocate(amount, currency, ws);
      expect(parts).toHaveLength(ws.length);
      const sum = parts.reduce((s, p) => s.plus(p), new D(0));
      expect(sum.eq(amount)).toBe(true);
    },
  );

  test.prop([splits], { numRuns: 500 })(
    "each part has the currency's digits and lies within one minor unit of its exact share",
    ([currency, amount, ws]) => {
      const parts = allocate(amount, currency, ws);
      const total = ws.reduce((s, w) => s.plus(w), new D(0));
      const unit = quotient(new D(1), new D(10).pow(minorUnits(currency)));
      parts.forEach((part, i) => {
        expect(part.split(".")[1]?.length ?? 0).toBe(minorUnits(currency));
        expect(part).not.toMatch(/^-0(\.0+)?$/);
        const exact = quotient(new D(amount).times(ws[i] as string), total);
        expect(new D(part).minus(exact).abs().lt(unit)).toBe(true);
        if (new D(ws[i] as string).isZero()) expect(new D(part).isZero()).toBe(true);
        // A credit splits into credits, a charge into charges.
        if (!new D(part).isZero()) expect(new D(part).isNeg()).toBe(new D(amount).isNeg());
      });
    },
  );

  test.prop([splits], { numRuns: 200 })(
    "splitting a credit mirrors splitting the charge",
    ([currency, amount, ws]) => {
      const negated = amount.startsWith("-")
        ? amount.slice(1)
        : new D(amount).isZero()
          ? amount
          : `-${amount}`;
      const mirrored = allocate(negated, currency, ws).map((p) => new D(p).neg());
      expect(mirrored.map((p) => p.toFixed())).toEqual(
        allocate(amount, currency, ws).map((p) => new D(p).toFixed()),
      );
    },
  );
});
