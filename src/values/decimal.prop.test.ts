import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { D, dec, formatDecimal, formatMinor, ZERO } from "../internal/decimal.js";
import {
  DECIMAL_PATTERN,
  decimalSchema,
  isDecimalString,
  normalizeDecimal,
  numberToDecimalString,
} from "./decimal.js";

/** Any decimal string of the library's form, up to 30 integer and 25 fraction digits. */
const decimalString = fc
  .record({
    negative: fc.boolean(),
    whole: fc.bigInt({ min: 0n, max: 10n ** 30n }),
    fraction: fc.option(fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 25 }), {
      nil: undefined,
    }),
  })
  .map(
    ({ negative, whole, fraction }) =>
      `${negative ? "-" : ""}${whole}${fraction === undefined ? "" : `.${fraction}`}`,
  );

const finiteNumber = fc.double({ noNaN: true, noDefaultInfinity: true });

describe("decimal strings", () => {
  fcTest.prop([decimalString])("every string of the SPEC form is accepted and kept as written", (s) => {
    expect(isDecimalString(s)).toBe(true);
    expect(decimalSchema.parse(s)).toBe(s);
  });

  fcTest.prop([decimalString, fc.constantFrom("+", " ", "0", ".")])(
    "a prefix of '+', a space, a leading zero or a dot is refused",
    (s, prefix) => {
      const candidate = `${prefix}${s}`;
      // "0" before "-…" or before "0…" is never valid; before "1…" it makes a leading zero.
      expect(decimalSchema.safeParse(candidate).success).toBe(false);
    },
  );

  fcTest.prop([decimalString, fc.constantFrom("e1", "E-2", ",000", "%", " ", ".", "e+0")])(
    "an exponent, a separator, a trailing dot or a trailing space is refused",
    (s, suffix) => {
      expect(decimalSchema.safeParse(`${s}${suffix}`).success).toBe(false);
    },
  );
});

describe("numbers", () => {
  fcTest.prop([finiteNumber])("convert to a decimal string that reads back as the same number", (n) => {
    const text = numberToDecimalString(n);
    expect(text).toMatch(DECIMAL_PATTERN);
    expect(Number(text)).toBe(n === 0 ? 0 : n);
    expect(text).not.toBe("-0");
  });

  fcTest.prop([finiteNumber])("decimalSchema gives the same text as numberToDecimalString", (n) => {
    expect(decimalSchema.parse(n)).toBe(numberToDecimalString(n));
  });

  fcTest.prop([finiteNumber])(
    "the text is the number's shortest round-trip text written out in full",
    (n) => {
      // String(n) may use exponent notation; both must denote the same decimal value exactly.
      expect(dec(numberToDecimalString(n)).eq(dec(String(n)))).toBe(true);
    },
  );

  fcTest.prop([finiteNumber])("parse(serialise(x)) round-trips", (n) => {
    const text = numberToDecimalString(n);
    expect(decimalSchema.parse(text)).toBe(text);
  });
});

describe("normalizeDecimal", () => {
  fcTest.prop([decimalString])("keeps the value, drops trailing zeros, never writes -0", (s) => {
    const normal = normalizeDecimal(s);
    expect(dec(normal).eq(dec(s))).toBe(true);
    expect(normal).toMatch(DECIMAL_PATTERN);
    expect(normal).not.toMatch(/\.\d*0$/);
    expect(normal).not.toBe("-0");
  });

  fcTest.prop([decimalString])("writes what the parsed Decimal writes", (s) => {
    expect(normalizeDecimal(s)).toBe(formatDecimal(dec(s)));
  });

  fcTest.prop([decimalString])("is idempotent", (s) => {
    const once = normalizeDecimal(s);
    expect(normalizeDecimal(once)).toBe(once);
  });
});

describe("formatMinor", () => {
  fcTest.prop([decimalString, fc.integer({ min: 0, max: 4 })])(
    "writes a rounded amount as decimal.js's toFixed(exponent) does, never -0",
    (s, exponent) => {
      const rounded = dec(s).toDecimalPlaces(exponent, D.ROUND_HALF_UP);
      const expected = rounded.isZero() ? ZERO.toFixed(exponent) : rounded.toFixed(exponent);
      expect(formatMinor(rounded, exponent)).toBe(expected);
    },
  );
});
