import Decimal from "decimal.js";
import { describe, expect, test } from "vitest";
import * as z from "zod";
import {
  compare,
  contractDecimal,
  D,
  dec,
  formatDecimal,
  formatMinor,
  ONE,
  power,
  quotient,
  ZERO,
} from "../internal/decimal.js";
import {
  countSchema,
  DECIMAL_PATTERN,
  decimalSchema,
  isDecimalString,
  nonNegativeDecimalSchema,
  normalizeDecimal,
  numberToDecimalString,
} from "./decimal.js";

const STRING_MESSAGE = (received: string) =>
  `Expected a decimal string like "1234.50" (digits, optional "-" and "."; no exponent, separators or "+"), received ${received}`;

// The schema nested two levels deep, so every refusal can be checked for its path.
const nested = z.object({ a: z.object({ b: decimalSchema }) });

function refusal(input: unknown) {
  const result = nested.safeParse({ a: { b: input } });
  expect(result.success).toBe(false);
  const issues = result.error?.issues ?? [];
  expect(issues).toHaveLength(1);
  return issues[0];
}

describe("decimalSchema accepts", () => {
  test.each([
    ["1234.50", "1234.50"],
    ["0.22", "0.22"],
    ["-3", "-3"],
    ["0", "0"],
    ["-1234.5678", "-1234.5678"],
    ["0.000", "0.000"],
  ])("the string %j as written", (input, output) => {
    expect(decimalSchema.parse(input)).toBe(output);
  });

  test.each([
    [0.1, "0.1"],
    [1e-7, "0.0000001"],
    [1e21, "1000000000000000000000"],
    [-0, "0"],
    [123.456, "123.456"],
    [-2.5, "-2.5"],
    [42, "42"],
    [Number.MAX_SAFE_INTEGER, "9007199254740991"],
    [5e-324, `0.${"0".repeat(323)}5`],
  ])("the number %s, converted exactly from its shortest text to %j", (input, output) => {
    expect(decimalSchema.parse(input)).toBe(output);
  });

  test("0.1 + 0.2 is converted from its own shortest text, not the float's binary expansion", () => {
    // 0.1 + 0.2 === 0.30000000000000004 in binary floating point; that text is what the number means.
    expect(decimalSchema.parse(0.1 + 0.2)).toBe("0.30000000000000004");
  });

  test("a nested valid decimal parses in place", () => {
    expect(nested.parse({ a: { b: 0.1 } })).toEqual({ a: { b: "0.1" } });
  });
});

describe("decimalSchema refuses strings with the decimal-invalid code and the path", () => {
  test.each([
    "1e3",
    "1E3",
    "1,000.00",
    "+1",
    " 1",
    "1 ",
    "1.",
    ".5",
    "01",
    "-01",
    "NaN",
    "Infinity",
    "",
    "-",
    "1..2",
    "0x10",
    "1_000",
    "١٢",
  ])("%j", (input) => {
    const issue = refusal(input);
    expect(issue?.code).toBe("custom");
    expect(issue?.path).toEqual(["a", "b"]);
    expect(issue?.message).toBe(STRING_MESSAGE(JSON.stringify(input)));
    expect((issue as { params?: { code?: string } }).params?.code).toBe("decimal-invalid");
  });
});

describe("decimalSchema refuses non-finite numbers with the path", () => {
  test.each([
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [Number.NEGATIVE_INFINITY, "-Infinity"],
  ])("%s", (input, text) => {
    const issue = refusal(input);
    expect(issue?.path).toEqual(["a", "b"]);
    expect(issue?.message).toBe(`Expected a finite number, received ${text}`);
  });
});

describe("decimalSchema refuses other types with the path", () => {
  test.each([
    [null, "null"],
    [true, "true"],
    [{}, "{}"],
    [[], "[]"],
    [undefined, "undefined"],
    [10n, "10n"],
  ])("%s", (input, text) => {
    const issue = refusal(input);
    expect(issue?.code).toBe("invalid_union");
    expect(issue?.path).toEqual(["a", "b"]);
    expect(issue?.message).toBe(STRING_MESSAGE(text));
  });
});

describe("decimalSchema never throws inside safeParse", () => {
  test("a cyclic object is described by its tag", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(refusal(cyclic)?.message).toBe(STRING_MESSAGE("[object Object]"));
  });

  test("an object without a prototype is described as JSON", () => {
    expect(refusal(Object.create(null))?.message).toBe(STRING_MESSAGE("{}"));
  });

  test("a symbol is described by its text", () => {
    expect(refusal(Symbol("x"))?.message).toBe(STRING_MESSAGE("Symbol(x)"));
  });
});

describe("nonNegativeDecimalSchema", () => {
  test.each([
    ["0", "0"],
    ["12.50", "12.50"],
    [0, "0"],
    [-0, "0"],
    [0.01, "0.01"],
    ["-0", "-0"],
    ["-0.00", "-0.00"],
  ])("accepts %j", (input, output) => {
    expect(nonNegativeDecimalSchema.parse(input)).toBe(output);
  });

  test.each(["-1", "-0.01", -0.5, -1e-7])("refuses %j with the path", (input) => {
    const result = z.object({ fee: nonNegativeDecimalSchema }).safeParse({ fee: input });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([
      { path: ["fee"], message: "Expected a decimal of zero or more" },
    ]);
  });

  test("still refuses what decimalSchema refuses", () => {
    const result = nonNegativeDecimalSchema.safeParse("1e3");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(STRING_MESSAGE('"1e3"'));
  });
});

describe("countSchema", () => {
  test.each([0, 1, 1500, Number.MAX_SAFE_INTEGER])("accepts %s", (input) => {
    expect(countSchema.parse(input)).toBe(input);
  });

  test("refuses a negative count", () => {
    const result = z.object({ orders: countSchema }).safeParse({ orders: -1 });
    expect(result.error?.issues).toMatchObject([
      { code: "too_small", path: ["orders"], message: "Expected a count of zero or more" },
    ]);
  });

  test("refuses a fractional count", () => {
    const result = countSchema.safeParse(1.5);
    expect(result.error?.issues).toMatchObject([{ message: "Expected a whole number" }]);
  });

  test("refuses 1e30, beyond the safe integers", () => {
    const result = countSchema.safeParse(1e30);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain("Count exceeds the largest safe integer");
  });

  test("refuses 2^53, the first unsafe integer", () => {
    expect(countSchema.safeParse(2 ** 53).success).toBe(false);
  });

  test.each([Number.NaN, Number.POSITIVE_INFINITY, "3", null])("refuses %j as not a count", (input) => {
    const result = countSchema.safeParse(input);
    expect(result.error?.issues).toMatchObject([
      { code: "invalid_type", message: "Expected a count (a whole number of zero or more)" },
    ]);
  });
});

describe("isDecimalString and DECIMAL_PATTERN", () => {
  test("is the SPEC pattern", () => {
    expect(DECIMAL_PATTERN.source).toBe("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$");
  });

  test.each(["1234.50", "0.22", "-3", "0", "-0"])("accepts %j", (input) => {
    expect(isDecimalString(input)).toBe(true);
  });

  test.each(["1e3", "1,000", "+1", "", " 1", "01", 12, null, undefined])("refuses %j", (input) => {
    expect(isDecimalString(input)).toBe(false);
  });
});

describe("numberToDecimalString", () => {
  test.each([
    [0.1, "0.1"],
    [1e-7, "0.0000001"],
    [1e21, "1000000000000000000000"],
    [-0, "0"],
    [-1e-7, "-0.0000001"],
    [1.7976931348623157e308, `17976931348623157${"0".repeat(292)}`],
  ])("%s gives %j", (input, output) => {
    expect(numberToDecimalString(input)).toBe(output);
  });

  test.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "throws a RangeError for %s",
    (input) => {
      expect(() => numberToDecimalString(input)).toThrow(RangeError);
    },
  );
});

describe("normalizeDecimal", () => {
  test.each([
    ["1500.00", "1500"],
    ["-0.0", "0"],
    ["-0", "0"],
    ["0.220", "0.22"],
    ["-3.10", "-3.1"],
    ["100", "100"],
    // 40 significant digits survive: normalising never rounds.
    ["1234567890123456789012345678901234567890.10", "1234567890123456789012345678901234567890.1"],
  ])("%j gives %j", (input, output) => {
    expect(normalizeDecimal(input)).toBe(output);
  });

  test("throws a RangeError for a non-decimal", () => {
    expect(() => normalizeDecimal("1e3")).toThrow(RangeError);
  });
});

describe("internal decimal constructor", () => {
  test("divides to 34 significant digits, half-even", () => {
    // 2 ÷ 3 = 0.666…; the 35th digit is 6, so the 34th rounds up to 7.
    expect(formatDecimal(quotient(dec("2"), 3))).toBe(`0.${"6".repeat(33)}7`);
    // 1 ÷ 7 = 0.142857 142857 … (34 digits end in …1428|57…, rounded up to …1429).
    expect(formatDecimal(quotient(ONE, 7))).toBe("0.1428571428571428571428571428571429");
  });

  test("rounds a quotient's tie at the 35th digit to even", () => {
    // 34 integer digits and ".5": 35 significant digits, the last a tie, settled by the division.
    const tieDown = dec(`1${"0".repeat(32)}2.5`); // …2.5: 2 is even, stays
    expect(formatDecimal(quotient(tieDown, 1))).toBe(`1${"0".repeat(32)}2`);
    const tieUp = dec(`1${"0".repeat(32)}3.5`); // 3 is odd: goes to 4
    expect(formatDecimal(quotient(tieUp, 1))).toBe(`1${"0".repeat(32)}4`);
  });

  test("keeps sums, differences and products exact, however many digits (SPEC §1.1)", () => {
    const long = dec("1234567890123456789012345678901234567.89"); // 39 significant digits
    expect(formatDecimal(long.plus("0.01"))).toBe("1234567890123456789012345678901234567.9");
    expect(formatDecimal(long.minus("0.01"))).toBe("1234567890123456789012345678901234567.88");
    // A 34-digit quotient times 365 keeps all 37 digits; only the next division rounds.
    const turnover = quotient(dec("1500"), 3800); // 0.3947368421052631578947368421052632
    expect(formatDecimal(turnover.times(365))).toBe("144.078947368421052631578947368421068");
    expect(formatDecimal(quotient(turnover.times(365), 29))).toBe("4.96823956442831215970961887477314");
  });
  test("never writes exponent notation", () => {
    // decimal.js's own default switches to "1e-30" and "1e+40" at these magnitudes.
    expect(formatDecimal(quotient(ONE, dec("10").pow(30)))).toBe(`0.${"0".repeat(29)}1`);
    expect(formatDecimal(dec("10").pow(40))).toBe(`1${"0".repeat(40)}`);
  });

  test("is a clone: the library constructor's settings are its own", () => {
    expect(D.precision).toBe(1e9);
    expect(D.rounding).toBe(D.ROUND_HALF_EVEN);
    expect(Decimal.precision).toBe(20); // decimal.js's own default, untouched
  });

  test("restores the exact precision after a quotient, even one that throws", () => {
    quotient(ONE, 3);
    expect(D.precision).toBe(1e9);
    expect(() => quotient(ONE, "x" as unknown as number)).toThrow();
    expect(D.precision).toBe(1e9);
    expect(formatDecimal(power(dec("1.69"), quotient(ONE, 2)))).toBe("1.3");
    expect(D.precision).toBe(1e9);
  });

  test("formatDecimal removes trailing zeros and never writes -0", () => {
    expect(formatDecimal(dec("1500.00"))).toBe("1500");
    expect(formatDecimal(dec("-0.000"))).toBe("0");
    expect(formatDecimal(ZERO.neg())).toBe("0");
  });

  test("formatMinor pads to the exponent and never writes -0", () => {
    expect(formatMinor(dec("1500"), 2)).toBe("1500.00");
    expect(formatMinor(dec("-0"), 2)).toBe("0.00");
    expect(formatMinor(dec("-0"), 0)).toBe("0");
    expect(formatMinor(dec("617"), 0)).toBe("617");
  });

  test("formatMinor writes a non-finite value (never money) as decimal.js does", () => {
    expect(formatMinor(new D(Infinity), 2)).toBe("Infinity");
    expect(formatMinor(new D(-Infinity), 0)).toBe("-Infinity");
    expect(formatMinor(new D(NaN), 2)).toBe("NaN");
  });

  test("formatMinor refuses an amount that was not rounded first", () => {
    expect(() => formatMinor(dec("1.005"), 2)).toThrow("is not rounded to 2 fraction digits");
  });

  test("a divisor 93 digits longer than the dividend (past the table of powers) is divided exactly", () => {
    const divisor = `1${"7".repeat(93)}`;
    const reference = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_EVEN });
    expect(formatDecimal(quotient(dec("3"), dec(divisor)))).toBe(new reference("3").div(divisor).toFixed());
  });
});

describe("contractDecimal", () => {
  test("parses a contract text once and shares the Decimal", () => {
    const a = contractDecimal("2500.00");
    expect(formatDecimal(a)).toBe("2500");
    expect(contractDecimal("2500.00")).toBe(a);
    // Another spelling of the same number is another text (and an equal Decimal).
    expect(contractDecimal("2500")).not.toBe(a);
    expect(contractDecimal("2500").eq(a)).toBe(true);
  });

  test("keeps every value right past the table's bound (it starts over when full)", () => {
    const first = contractDecimal("0.0001");
    for (let i = 0; i < 5000; i++) expect(formatDecimal(contractDecimal(`${i}.5`))).toBe(`${i}.5`);
    // The table was cleared on the way: the first text is parsed again, to the same value.
    expect(contractDecimal("0.0001")).not.toBe(first);
    expect(formatDecimal(contractDecimal("0.0001"))).toBe("0.0001");
    expect(contractDecimal("-0").isNeg()).toBe(true);
  });
});

describe("compare", () => {
  // Pairs that reach each branch: zeros, signs, exponents, a differing word, and one value's words
  // a prefix of the other's (in both signs, where the order flips).
  test.each([
    ["0", "-0", 0],
    ["0", "5", -1],
    ["-5", "0", -1],
    ["-5", "5", -1],
    ["100", "99.9", 1],
    ["-100", "-99.9", -1],
    ["1234567.1234567", "1234567.1234568", -1],
    ["-1234567.1234567", "-1234567.1234568", 1],
    ["1234567.1234567", "1234567.12345671", -1],
    ["-1234567.1234567", "-1234567.12345671", 1],
    ["1234567.12345671", "1234567.1234567", 1],
    ["-1234567.12345671", "-1234567.1234567", -1],
    ["2500.00", "2500", 0],
  ])("compare(%s, %s) is %i, as cmp says", (a, b, expected) => {
    expect(compare(dec(a), dec(b))).toBe(expected);
    expect(dec(a).cmp(dec(b))).toBe(expected);
  });

  test("a non-finite value (never made by the library) is left to cmp", () => {
    expect(compare(new D(Infinity), dec("1"))).toBe(1);
    expect(compare(dec("1"), new D(-Infinity))).toBe(1);
    expect(compare(new D(NaN), dec("1"))).toBeNaN();
  });
});
