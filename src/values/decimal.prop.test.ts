import { test as fcTest } from "@fast-check/vitest";
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compare, D, dec, formatDecimal, formatMinor, quotient, ZERO } from "../internal/decimal.js";
import {
  DECIMAL_PATTERN,
  decimalSchema,
  isDecimalString,
  normalizeDecimal,
  numberToDecimalString,
  scaledInteger,
  scaledToDecimalString,
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

describe("quotient", () => {
  /** decimal.js itself at the SPEC's 34 digits half-even: the reference every quotient must equal. */
  const Reference = Decimal.clone({
    precision: 34,
    rounding: Decimal.ROUND_HALF_EVEN,
    toExpNeg: -9e15,
    toExpPos: 9e15,
    maxE: 9e15,
    minE: -9e15,
  });
  const written = (q: Decimal) => ({ s: q.s, e: q.e, d: [...q.d], text: q.toFixed() });

  /** A non-zero decimal of up to `digits` significant digits, anywhere from 10^-40 to 10^40. */
  const nonZero = (digits: number) =>
    fc
      .record({
        negative: fc.boolean(),
        significand: fc.bigInt({ min: 1n, max: 10n ** BigInt(digits) - 1n }),
        exponent: fc.integer({ min: -40, max: 40 }),
      })
      .map(({ negative, significand, exponent }) => `${negative ? "-" : ""}${significand}e${exponent}`);

  fcTest.prop([nonZero(60), nonZero(45)], { numRuns: 2000 })(
    "equals decimal.js's 34-digit half-even quotient, word for word",
    (x, y) => {
      expect(written(quotient(dec(x), dec(y)))).toEqual(written(new Reference(x).div(y)));
    },
  );

  // Long divisors (a product of two 34-digit values, as a reconciliation divides by) up to past the
  // table of powers of ten, where decimal.js divides again.
  fcTest.prop([nonZero(12), nonZero(140)], { numRuns: 500 })(
    "equals decimal.js's quotient for divisors of up to 140 digits",
    (x, y) => {
      expect(written(quotient(dec(x), dec(y)))).toEqual(written(new Reference(x).div(y)));
    },
  );

  // Exact ties: x = y × t with t ending in 5 at the 35th digit (or 50 at the 35th–36th), so only
  // the half-even rule decides; and the same plus or minus a little, which must round up or down.
  fcTest.prop(
    [
      nonZero(40),
      fc.bigInt({ min: 10n ** 33n, max: 10n ** 34n - 1n }),
      fc.constantFrom("5", "50"),
      fc.integer({ min: -20, max: 20 }),
      fc.constantFrom(-1, 0, 1),
    ],
    { numRuns: 1000 },
  )(
    "rounds exact ties half-even, a hair above them up and a hair below down, as decimal.js does",
    (y, head, tail, shift, side) => {
      const t = new D(`${head}${tail}e${shift}`);
      const x = dec(y).times(t.plus(new D(`${side}e${shift - 40}`)));
      expect(written(quotient(x, dec(y)))).toEqual(written(new Reference(x.toFixed()).div(y)));
    },
  );

  test("a zero dividend keeps decimal.js's signed zero", () => {
    const q = quotient(ZERO.neg(), dec("-12345678.9"));
    expect(q.isZero()).toBe(true);
    expect(q.isNeg()).toBe(false);
    expect(quotient(ZERO, dec("-12345678.9")).isNeg()).toBe(true);
  });
});

describe("compare", () => {
  // Values near each other as well as far apart: shared prefixes, word boundaries, zeros of both
  // signs, and equal values written differently.
  const near = fc.oneof(
    decimalString,
    fc.constantFrom(
      "0",
      "-0",
      "0.000",
      "1",
      "1.0",
      "-1",
      "9999999",
      "10000000",
      "10000000.0000001",
      "0.2142857",
    ),
    fc
      .tuple(
        fc.constantFrom("0.2142857142857142857", "-46000", "1234567.1234567"),
        fc.integer({ min: 0, max: 9 }),
      )
      .map(([p, d]) => `${p}${d}`),
  );
  fcTest.prop([near, near], { numRuns: 3000 })("orders as decimal.js's cmp does", (a, b) => {
    expect(compare(dec(a), dec(b))).toBe(dec(a).cmp(dec(b)));
    expect(compare(dec(a), dec(a))).toBe(0);
  });
});

describe("scaledInteger", () => {
  /** The digits of a text: what scaledInteger counts against its limit of 15. */
  const digitCount = (text: string) => text.replace(/[^0-9]/g, "").length;

  fcTest.prop([decimalString], { numRuns: 2000 })(
    "reads decimal text of up to 15 digits as its integer and scale, exactly, and nothing longer",
    (text) => {
      const scaled = scaledInteger(text);
      if (digitCount(text) > 15) {
        expect(scaled).toBeUndefined();
        return;
      }
      expect(scaled).toBeDefined();
      const { int, scale } = scaled as { int: number; scale: number };
      expect(Number.isSafeInteger(int)).toBe(true);
      expect(new D(int).div(new D(10).pow(scale)).eq(new D(text))).toBe(true);
      expect(scale).toBe(text.includes(".") ? text.length - text.indexOf(".") - 1 : 0);
    },
  );

  fcTest.prop(
    [fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 14 })],
    {
      numRuns: 1000,
    },
  )("is the inverse of scaledToDecimalString", (units, scale) => {
    const text = scaledToDecimalString(units, scale);
    if (digitCount(text) > 15) expect(scaledInteger(text)).toBeUndefined();
    else expect(scaledInteger(text)).toEqual({ int: Number(units), scale });
  });

  test("reads leading zeros and a negative zero, and refuses every other form", () => {
    expect(scaledInteger("007.50")).toEqual({ int: 750, scale: 2 });
    expect(Object.is(scaledInteger("-0.00")?.int, -0)).toBe(true);
    expect(scaledInteger("999999999999999")).toEqual({ int: 999999999999999, scale: 0 });
    expect(scaledInteger("9999999999999999")).toBeUndefined();
    for (const text of [
      "",
      "-",
      ".5",
      "1.",
      "1.2.3",
      "+1",
      "1e3",
      " 1",
      "1 ",
      "0x10",
      "1,000",
      "-.5",
      "--1",
    ]) {
      expect(scaledInteger(text)).toBeUndefined();
    }
  });
});
