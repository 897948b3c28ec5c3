import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { dec, formatDecimal, quotient } from "../internal/decimal.js";
import { scaledToDecimalString } from "./decimal.js";
import { KpiContractError } from "./KpiContractError.js";
import {
  formatMoney,
  ROUNDING_MODES,
  type RoundingMode,
  roundingModeSchema,
  roundMoney,
  sumAmounts,
  sumMoneyAmounts,
} from "./rounding.js";

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KpiContractError);
    return error as KpiContractError;
  }
  throw new Error("expected a KpiContractError");
}

// One row per input: the result under half-up, half-even, down, up, floor, ceiling.
type Row = [
  amount: string,
  halfUp: string,
  halfEven: string,
  down: string,
  up: string,
  floor: string,
  ceiling: string,
];

const USD: Row[] = [
  ["1.005", "1.01", "1.00", "1.00", "1.01", "1.00", "1.01"], // positive tie, even neighbour below
  ["1.015", "1.02", "1.02", "1.01", "1.02", "1.01", "1.02"], // positive tie, even neighbour above
  ["-1.005", "-1.01", "-1.00", "-1.00", "-1.01", "-1.01", "-1.00"], // negative tie
  ["-1.015", "-1.02", "-1.02", "-1.01", "-1.02", "-1.02", "-1.01"],
  ["1.004", "1.00", "1.00", "1.00", "1.01", "1.00", "1.01"], // below the tie
  ["1.006", "1.01", "1.01", "1.00", "1.01", "1.00", "1.01"], // above the tie
  ["-1.004", "-1.00", "-1.00", "-1.00", "-1.01", "-1.01", "-1.00"],
  ["-1.006", "-1.01", "-1.01", "-1.00", "-1.01", "-1.01", "-1.00"],
  ["1.0050000000000000001", "1.01", "1.01", "1.00", "1.01", "1.00", "1.01"], // just past a tie
  ["1.0049999999999999999", "1.00", "1.00", "1.00", "1.01", "1.00", "1.01"], // just short of a tie
  ["2.5", "2.50", "2.50", "2.50", "2.50", "2.50", "2.50"], // already on a cent: only padded
  ["-7", "-7.00", "-7.00", "-7.00", "-7.00", "-7.00", "-7.00"],
  ["0", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"],
  ["-0.001", "0.00", "0.00", "0.00", "-0.01", "-0.01", "0.00"], // never "-0.00"
];

const JPY: Row[] = [
  ["616.5", "617", "616", "616", "617", "616", "617"],
  ["617.5", "618", "618", "617", "618", "617", "618"],
  ["-616.5", "-617", "-616", "-616", "-617", "-617", "-616"],
  ["616.49", "616", "616", "616", "617", "616", "617"],
  ["-616.51", "-617", "-617", "-616", "-617", "-617", "-616"],
  ["617", "617", "617", "617", "617", "617", "617"],
];

const KWD: Row[] = [
  ["1.0005", "1.001", "1.000", "1.000", "1.001", "1.000", "1.001"],
  ["-1.0015", "-1.002", "-1.002", "-1.001", "-1.002", "-1.002", "-1.001"],
  ["2", "2.000", "2.000", "2.000", "2.000", "2.000", "2.000"],
];

const CLF: Row[] = [
  ["1.23445", "1.2345", "1.2344", "1.2344", "1.2345", "1.2344", "1.2345"],
  ["-1.23455", "-1.2346", "-1.2346", "-1.2345", "-1.2346", "-1.2346", "-1.2345"],
  ["0.1", "0.1000", "0.1000", "0.1000", "0.1000", "0.1000", "0.1000"],
];

describe.each([
  ["USD", USD],
  ["JPY", JPY],
  ["KWD", KWD],
  ["CLF", CLF],
])("roundMoney in %s", (currency, rows) => {
  test.each(rows)("%s", (amount, ...expected) => {
    const actual = ROUNDING_MODES.map((mode) => roundMoney(amount, currency, mode));
    expect(actual).toEqual(expected);
  });
});

describe("roundMoney", () => {
  test("ROUNDING_MODES lists the six modes in documentation order", () => {
    expect(ROUNDING_MODES).toEqual(["half-up", "half-even", "down", "up", "floor", "ceiling"]);
    expect(Object.isFrozen(ROUNDING_MODES)).toBe(true);
  });

  test("half-up is the default", () => {
    expect(roundMoney("1.005", "USD")).toBe("1.01");
    expect(roundMoney("-1.005", "USD")).toBe("-1.01");
  });

  test("the SPEC proration example: 1500.00 × 22 ÷ 31 = 1064.516… → 1064.52", () => {
    // 1500 × 22 = 33000; 33000 ÷ 31 = 1064.516129…; the third decimal 6 rounds the cent up.
    const exact = formatDecimal(quotient(dec("1500.00").times(22), 31));
    expect(exact).toBe("1064.516129032258064516129032258065");
    expect(roundMoney(exact, "USD")).toBe("1064.52");
    expect(roundMoney(exact, "USD", "down")).toBe("1064.51");
  });

  test.each<[string, string, RoundingMode, string]>([
    ["-0.001", "USD", "half-up", "0.00"],
    ["-0.004", "USD", "ceiling", "0.00"],
    ["-0.009", "USD", "down", "0.00"],
    ["-0.005", "USD", "half-even", "0.00"],
    ["-0.4", "JPY", "half-up", "0"],
    ["-0.0001", "KWD", "half-even", "0.000"],
    ["-0", "USD", "floor", "0.00"],
    ["-0.00", "JPY", "up", "0"],
  ])('never writes "-0": %s %s %s gives %s', (amount, currency, mode, expected) => {
    expect(roundMoney(amount, currency, mode)).toBe(expected);
  });

  test("rounds exactly past 34 significant digits", () => {
    // 36 integer digits: a Decimal rounded to 34 significant digits would lose the cents entirely.
    const big = `${"9".repeat(36)}.785`;
    expect(roundMoney(big, "USD")).toBe(`${"9".repeat(36)}.79`);
    expect(roundMoney(big, "USD", "down")).toBe(`${"9".repeat(36)}.78`);
    expect(roundMoney(`${"9".repeat(36)}.995`, "USD")).toBe(`1${"0".repeat(36)}.00`);
  });

  test("trailing zeros do not break a tie, a digit 41 places to the right does", () => {
    expect(roundMoney(`1.005${"0".repeat(40)}`, "USD", "half-even")).toBe("1.00");
    expect(roundMoney(`1.005${"0".repeat(40)}1`, "USD", "half-even")).toBe("1.01");
    expect(roundMoney(`0.00${"0".repeat(40)}`, "USD", "up")).toBe("0.00");
    expect(roundMoney(`0.00${"0".repeat(40)}1`, "USD", "up")).toBe("0.01");
  });
});

describe("roundMoney errors", () => {
  test.each(["1e3", "", "1,000.00", "+1", "NaN", " 1"])("decimal-invalid for %j", (amount) => {
    const error = thrown(() => roundMoney(amount, "USD"));
    expect(error.code).toBe("decimal-invalid");
    expect(error.params).toEqual({ amount });
    expect(error.message).toBe(`${JSON.stringify(amount)} is not a decimal string`);
  });

  test("decimal-invalid for a number passed where a string is typed", () => {
    const error = thrown(() => roundMoney(1.5 as unknown as string, "USD"));
    expect(error.code).toBe("decimal-invalid");
    expect(error.message).toBe("1.5 is not a decimal string");
  });

  test.each(["half-down", "HALF-UP", "toString", "__proto__", ""])("rounding-mode-unknown for %j", (mode) => {
    const error = thrown(() => roundMoney("1.005", "USD", mode as RoundingMode));
    expect(error.code).toBe("rounding-mode-unknown");
    expect(error.params).toEqual({ mode });
    expect(error.message).toBe(`Unknown rounding mode ${JSON.stringify(mode)}`);
  });

  test.each(["XYZ", "usd", "HRK", ""])("currency-unknown for %j", (currency) => {
    const error = thrown(() => roundMoney("1.005", currency));
    expect(error.code).toBe("currency-unknown");
    expect(error.params).toEqual({ currency });
  });
});

describe("roundingModeSchema", () => {
  test.each(ROUNDING_MODES)("accepts %s", (mode) => {
    expect(roundingModeSchema.parse(mode)).toBe(mode);
  });

  test.each(["half-down", "HALF_UP", 1, null])("refuses %j with a message listing the modes", (mode) => {
    const result = roundingModeSchema.safeParse(mode);
    expect(result.error?.issues).toMatchObject([
      { message: "Expected a rounding mode: half-up, half-even, down, up, floor or ceiling" },
    ]);
  });
});

describe("sumAmounts", () => {
  const lines = (...amounts: string[]) => amounts.map((amount) => ({ amount }));

  test("adds statement lines exactly, deductions included", () => {
    expect(formatDecimal(sumAmounts(lines("1500.00", "2500.00", "-150.00")))).toBe("3850");
    expect(formatDecimal(sumAmounts(lines("0.10", "0.20")))).toBe("0.3");
    expect(formatDecimal(sumAmounts(lines("617", "-17")))).toBe("600");
    expect(formatDecimal(sumAmounts(lines("1.005", "2.000")))).toBe("3.005");
  });

  test("an empty list and a zero sum are +0", () => {
    expect(sumAmounts([]).isZero()).toBe(true);
    expect(sumAmounts([]).isNeg()).toBe(false);
    expect(sumAmounts(lines("5.00", "-5.00")).isNeg()).toBe(false);
  });

  test("stays exact past the safe integers: sums and amounts of more than 15 digits", () => {
    // Eleven amounts of 15 digits: the count of cents passes 2^53 (and is odd, so a JS number
    // would round it).
    const eleven = lines(...Array.from({ length: 11 }, () => "9999999999999.97"));
    expect(formatDecimal(sumAmounts(eleven))).toBe("109999999999999.67");
    // An amount past the safe integers, even when the sum would be small.
    expect(formatDecimal(sumAmounts(lines("-90000000000000.00", "90071992547409.93")))).toBe(
      "71992547409.93",
    );
    expect(formatDecimal(sumAmounts(lines("1234567890123456.78", "0.01")))).toBe("1234567890123456.79");
  });

  test("a text that is not a decimal string is never read as a number", () => {
    expect(() => sumAmounts(lines("1.00", ""))).toThrow();
    expect(() => sumAmounts(lines(" 12.00"))).toThrow();
  });

  test("an amount that is not text at all (outside the types) is left to decimal.js", () => {
    const odd = [{ amount: "1.50" }, { amount: 2 as unknown as string }];
    expect(formatDecimal(sumAmounts(odd))).toBe("3.5");
    expect(sumMoneyAmounts(odd, "USD")).toBe("3.50");
  });

  test("amounts of different fraction digits are added exactly", () => {
    expect(formatDecimal(sumAmounts(lines("1.50", "2.125", "3")))).toBe("6.625");
  });
});

describe("sumMoneyAmounts", () => {
  const lines = (...amounts: string[]) => amounts.map((amount) => ({ amount }));

  test("writes the sum with the currency's digits, as formatMoney writes sumAmounts", () => {
    expect(sumMoneyAmounts(lines("1500.00", "1075.20"), "USD")).toBe("2575.20");
    expect(sumMoneyAmounts(lines("1500.00"), "USD")).toBe("1500.00");
    expect(sumMoneyAmounts(lines("5.00", "-5.00"), "USD")).toBe("0.00");
    expect(sumMoneyAmounts(lines("-0.00"), "USD")).toBe("0.00");
    expect(sumMoneyAmounts(lines("100.00", "-250.50"), "USD")).toBe("-150.50");
    expect(sumMoneyAmounts([], "USD")).toBe("0.00");
    expect(sumMoneyAmounts([], "JPY")).toBe("0");
    // Other digits than the currency's: summed exactly, then written with the currency's.
    expect(sumMoneyAmounts(lines("1.5", "2.5"), "USD")).toBe("4.00");
    expect(sumMoneyAmounts(lines("150", "25"), "KWD")).toBe("175.000");
    expect(sumMoneyAmounts(lines(...Array.from({ length: 11 }, () => "9999999999999.97")), "USD")).toBe(
      "109999999999999.67",
    );
  });

  test("equals formatMoney(sumAmounts(…)) for amounts of the currency's digits or fewer", () => {
    const units = fc.tuple(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.nat());
    const DIGITS: Readonly<Record<string, number>> = { USD: 2, JPY: 0, KWD: 3 };
    fc.assert(
      fc.property(
        fc.array(units, { maxLength: 8 }),
        fc.constantFrom("USD", "JPY", "KWD"),
        (items, currency) => {
          // Statement lines have the currency's digits; an amount with fewer (a fixed "1500") may mix in.
          const digits = DIGITS[currency] as number;
          const list = items.map(([n, k]) => ({
            amount: scaledToDecimalString(n, k % 3 === 0 ? k % (digits + 1) : digits),
          }));
          expect(sumMoneyAmounts(list, currency)).toBe(formatMoney(sumAmounts(list), currency));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
