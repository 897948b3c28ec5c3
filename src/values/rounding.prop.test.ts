import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { dec, quotient, ZERO } from "../internal/decimal.js";
import { minorUnits } from "./currency.js";
import { ROUNDING_MODES, type RoundingMode, roundMoney, sumAmounts } from "./rounding.js";

/** Any decimal string with up to 20 integer and 12 fraction digits, ties and zeros included. */
const amount = fc
  .record({
    unscaled: fc.oneof(
      fc.bigInt({ min: -(10n ** 32n), max: 10n ** 32n }),
      fc.bigInt({ min: -1000n, max: 1000n }),
      // Exact ties for every exponent: ±…5 followed by zeros.
      fc.bigInt({ min: -1000n, max: 1000n }).map((n) => n * 10n + 5n),
    ),
    scale: fc.integer({ min: 0, max: 12 }),
  })
  .map(({ unscaled, scale }) => {
    const digits = (unscaled < 0n ? -unscaled : unscaled).toString().padStart(scale + 1, "0");
    const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    return unscaled < 0n ? `-${body}` : body;
  });

const currency = fc.constantFrom("USD", "JPY", "KWD", "CLF", "BHD", "EUR", "CLP");
const mode = fc.constantFrom(...ROUNDING_MODES);
const HALF_MODES: readonly RoundingMode[] = ["half-up", "half-even"];
const SYMMETRIC_MODES: readonly RoundingMode[] = ["half-up", "half-even", "down", "up"];

/** The negation of a decimal string, with zero left as written. */
function negate(value: string): string {
  if (dec(value).isZero()) return value.replace(/^-/, "");
  return value.startsWith("-") ? value.slice(1) : `-${value}`;
}

const unit = (code: string) => quotient(dec("1"), dec("10").pow(minorUnits(code)));

describe("roundMoney properties", () => {
  fcTest.prop([amount, currency, mode])("is idempotent", (x, code, m) => {
    const once = roundMoney(x, code, m);
    expect(roundMoney(once, code, m)).toBe(once);
  });

  fcTest.prop([amount, currency, mode])(
    'writes exactly the minor-unit digits and never "-0"',
    (x, code, m) => {
      const rounded = roundMoney(x, code, m);
      const exponent = minorUnits(code);
      expect(rounded).toMatch(
        exponent === 0 ? /^-?(0|[1-9]\d*)$/ : new RegExp(`^-?(0|[1-9]\\d*)\\.\\d{${exponent}}$`),
      );
      if (dec(rounded).isZero()) expect(rounded.startsWith("-")).toBe(false);
    },
  );

  fcTest.prop([amount, currency, fc.constantFrom(...HALF_MODES)])(
    "half-* modes land within half a minor unit",
    (x, code, m) => {
      const error = dec(roundMoney(x, code, m))
        .minus(x)
        .abs();
      expect(error.lte(quotient(unit(code), 2))).toBe(true);
    },
  );

  fcTest.prop([amount, currency, fc.constantFrom<RoundingMode>("down", "up", "floor", "ceiling")])(
    "directed modes land within less than one minor unit",
    (x, code, m) => {
      const error = dec(roundMoney(x, code, m))
        .minus(x)
        .abs();
      expect(error.lt(unit(code))).toBe(true);
    },
  );

  fcTest.prop([amount, currency])("down goes toward zero, up away from it", (x, code) => {
    const exact = dec(x).abs();
    expect(
      dec(roundMoney(x, code, "down"))
        .abs()
        .lte(exact),
    ).toBe(true);
    expect(
      dec(roundMoney(x, code, "up"))
        .abs()
        .gte(exact),
    ).toBe(true);
    // Neither mode ever changes the sign.
    for (const m of ["down", "up"] as const) {
      expect(
        dec(roundMoney(x, code, m))
          .times(x)
          .lt(0),
      ).toBe(false);
    }
  });

  fcTest.prop([amount, currency])("floor never goes up, ceiling never goes down", (x, code) => {
    expect(dec(roundMoney(x, code, "floor")).lte(x)).toBe(true);
    expect(dec(roundMoney(x, code, "ceiling")).gte(x)).toBe(true);
  });

  fcTest.prop([amount, currency, fc.constantFrom(...SYMMETRIC_MODES)])(
    "half-up, half-even, down and up are sign-symmetric: round(−x) = −round(x)",
    (x, code, m) => {
      expect(roundMoney(negate(x), code, m)).toBe(negate(roundMoney(x, code, m)));
    },
  );

  fcTest.prop([amount, currency])("floor(−x) = −ceiling(x)", (x, code) => {
    expect(roundMoney(negate(x), code, "floor")).toBe(negate(roundMoney(x, code, "ceiling")));
  });

  fcTest.prop([amount, currency, mode])(
    "the result is one of the two neighbouring minor units",
    (x, code, m) => {
      const rounded = roundMoney(x, code, m);
      expect([roundMoney(x, code, "floor"), roundMoney(x, code, "ceiling")]).toContain(rounded);
    },
  );
});

describe("sumAmounts", () => {
  // Statement lines of one currency (same fraction digits), and mixtures the integer path refuses:
  // other digits, or amounts and sums past the safe integers.
  const line = fc.oneof(
    amount.map((x) => ({ amount: roundMoney(x, "USD") })),
    amount.map((x) => ({ amount: roundMoney(x, "KWD") })),
    fc
      .constantFrom("9007199254740.99", "-9007199254740.99", "99999999999999.99", "0.00", "-0.01")
      .map((x) => ({ amount: x })),
  );

  fcTest.prop([fc.array(line, { maxLength: 12 })])(
    "equals the decimal.js sum exactly, with the same sign",
    (lines) => {
      const expected = lines.reduce((sum, l) => sum.plus(l.amount), ZERO);
      const sum = sumAmounts(lines);
      expect(sum.eq(expected)).toBe(true);
      expect(sum.isNeg()).toBe(expected.isNeg());
    },
  );
});
