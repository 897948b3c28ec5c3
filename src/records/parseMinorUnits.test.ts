import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nonNegativeDecimalSchema, scaledToDecimalString } from "../values/decimal.js";
import {
  MINOR_MALFORMED,
  MINOR_TOO_LARGE,
  MINOR_TOO_PRECISE,
  parseMinorUnits,
  parseMinorUnitsBig,
  parseScaled,
} from "./parseMinorUnits.js";

describe("parseMinorUnits", () => {
  it("reads amounts as whole minor units", () => {
    expect(parseMinorUnits("1234.5", 2)).toBe(123450);
    expect(parseMinorUnits("0.07", 2)).toBe(7);
    expect(parseMinorUnits("0", 2)).toBe(0);
    expect(parseMinorUnits("617", 0)).toBe(617);
    expect(parseMinorUnits("1.234", 3)).toBe(1234);
  });

  it("accepts trailing zeros beyond the minor unit, which change nothing", () => {
    expect(parseMinorUnits("19.990", 2)).toBe(1999);
    expect(parseMinorUnits("617.000", 0)).toBe(617);
  });

  it("refuses a non-zero digit beyond the minor unit instead of rounding", () => {
    expect(parseMinorUnits("19.999", 2)).toBe(MINOR_TOO_PRECISE);
    expect(parseMinorUnits("617.5", 0)).toBe(MINOR_TOO_PRECISE);
  });

  it("reads a zero written with a sign as zero and refuses other negatives", () => {
    expect(parseMinorUnits("-0", 2)).toBe(0);
    expect(parseMinorUnits("-0.000", 2)).toBe(0);
    expect(parseMinorUnits("-0.01", 2)).toBe(MINOR_MALFORMED);
    expect(parseMinorUnits("-0.001", 2)).toBe(MINOR_MALFORMED);
    expect(parseMinorUnits("-5", 2)).toBe(MINOR_MALFORMED);
  });

  it("refuses every form that is not a decimal string", () => {
    for (const bad of [
      "",
      "-",
      "1e3",
      "1,000",
      "+1",
      "01",
      ".5",
      "5.",
      "1.2.3",
      " 1",
      "1 ",
      "NaN",
      "0x10",
      "١",
    ]) {
      expect(parseMinorUnits(bad, 2), bad).toBe(MINOR_MALFORMED);
    }
  });

  it("sends amounts of 10^15 minor units or more to the exact BigInt reader", () => {
    expect(parseMinorUnits("9999999999999.99", 2)).toBe(999_999_999_999_999);
    expect(parseMinorUnits("10000000000000.00", 2)).toBe(MINOR_TOO_LARGE);
    expect(parseMinorUnits("12345678901234567.89", 2)).toBe(MINOR_TOO_LARGE);
    expect(parseMinorUnitsBig("12345678901234567.89", 2)).toBe(1234567890123456789n);
    expect(parseMinorUnitsBig("12345678901234567.8900", 2)).toBe(1234567890123456789n);
    expect(parseMinorUnitsBig("5.5", 2)).toBe(550n);
    expect(() => parseMinorUnitsBig("5.555", 2)).toThrow(RangeError);
  });

  it("agrees with the decimal schema and with BigInt arithmetic (property)", () => {
    const amount = fc
      .tuple(
        fc.bigInt({ min: 0n, max: 10n ** 20n }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
      )
      .map(([units, exponent, zeros]) => ({
        text: scaledToDecimalString(units, exponent) + (exponent > 0 ? "0".repeat(zeros) : ""),
        units,
        exponent,
      }));
    fc.assert(
      fc.property(amount, ({ text, units, exponent }) => {
        expect(nonNegativeDecimalSchema.safeParse(text).success).toBe(true);
        const fast = parseMinorUnits(text, exponent);
        if (fast >= 0) expect(BigInt(fast)).toBe(units);
        else expect(fast).toBe(MINOR_TOO_LARGE);
        expect(parseMinorUnitsBig(text, exponent)).toBe(units);
      }),
    );
  });

  it("never accepts what the schema refuses (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."-0123456789.e+, ") }),
        fc.integer({ min: 0, max: 4 }),
        (text, exponent) => {
          const code = parseMinorUnits(text, exponent);
          if (code !== MINOR_MALFORMED) expect(nonNegativeDecimalSchema.safeParse(text).success).toBe(true);
        },
      ),
    );
  });
});

describe("parseScaled and scaledToDecimalString", () => {
  it("read and write exact scaled integers", () => {
    expect(parseScaled("1.0850")).toEqual({ units: 10850n, scale: 4 });
    expect(parseScaled("7")).toEqual({ units: 7n, scale: 0 });
    expect(() => parseScaled("-1")).toThrow(RangeError);
    expect(scaledToDecimalString(-5n, 2)).toBe("-0.05");
    expect(scaledToDecimalString(123450n, 2)).toBe("1234.50");
    expect(scaledToDecimalString(617n, 0)).toBe("617");
  });
});
