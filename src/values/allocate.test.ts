import { describe, expect, test } from "vitest";
import { allocate } from "./allocate.js";
import { KpiContractError } from "./KpiContractError.js";

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KpiContractError);
    return error as KpiContractError;
  }
  throw new Error("expected a KpiContractError");
}

describe("allocate worked examples", () => {
  test("100.00 USD in three equal parts: 33.34 / 33.33 / 33.33", () => {
    // 10000 cents × 1/3 = 3333 r 1/3 for each part; 10000 − 3 × 3333 = 1 cent left over.
    // All remainders tie, so the first part gets it.
    expect(allocate("100.00", "USD", ["1", "1", "1"])).toEqual(["33.34", "33.33", "33.33"]);
  });

  test("ties go to the earlier weight, one unit each", () => {
    // 5 cents × 1/4 = 1 r 1/4 each; 5 − 4 = 1 cent left, to the first of the four tied parts.
    expect(allocate("0.05", "USD", [1, 1, 1, 1])).toEqual(["0.02", "0.01", "0.01", "0.01"]);
    // 6 cents × 1/4 = 1 r 2/4 each; 2 cents left, to the first two.
    expect(allocate("0.06", "USD", [1, 1, 1, 1])).toEqual(["0.02", "0.02", "0.01", "0.01"]);
  });

  test("the largest remainder wins over input order", () => {
    // 100 cents: 1/3 → 33 r 1/3, 2/3 → 66 r 2/3; 1 cent left goes to the second part (larger remainder).
    expect(allocate("1.00", "USD", ["1", "2"])).toEqual(["0.33", "0.67"]);
    // 1000 cents by 1:1:1:7 (sum 10) → 100, 100, 100, 700 exactly; nothing left over.
    expect(allocate("10.00", "USD", ["1", "1", "1", "7"])).toEqual(["1.00", "1.00", "1.00", "7.00"]);
    // 100 cents by 3:3:4 → 30, 30, 40 exactly.
    expect(allocate("1.00", "USD", [3, 3, 4])).toEqual(["0.30", "0.30", "0.40"]);
    // 101 cents by 3:3:4 → 30.3, 30.3, 40.4: floors 30+30+40 = 100, 1 cent left; remainders .3 .3 .4 → third.
    expect(allocate("1.01", "USD", [3, 3, 4])).toEqual(["0.30", "0.30", "0.41"]);
  });

  test("zero weights get nothing, not even a leftover unit", () => {
    expect(allocate("10.00", "USD", ["0", "1", "0", "1"])).toEqual(["0.00", "5.00", "0.00", "5.00"]);
    // 1 cent by 0:1:1 → 0, 0 r 1/2, 0 r 1/2; the cent goes to the first positive weight.
    expect(allocate("0.01", "USD", ["0", "1", "1"])).toEqual(["0.00", "0.01", "0.00"]);
    // A weight of "-0" is a zero weight, not a negative one.
    expect(allocate("3.00", "USD", ["-0", "1", "-0.00"])).toEqual(["0.00", "3.00", "0.00"]);
  });

  test("JPY has no minor digits", () => {
    expect(allocate("10", "JPY", [3, 7])).toEqual(["3", "7"]);
    // 100 yen / 3 = 33 r 1 each, 1 yen left to the first.
    expect(allocate("100", "JPY", [1, 1, 1])).toEqual(["34", "33", "33"]);
  });

  test("KWD splits in fils (three digits)", () => {
    // 1000 fils by 1:2 → 333 r 1/3, 666 r 2/3; the fil left goes to the second.
    expect(allocate("1.000", "KWD", [1, 2])).toEqual(["0.333", "0.667"]);
  });

  test("a negative amount (a credit) is split by its magnitude, every part negative or zero", () => {
    expect(allocate("-100.00", "USD", ["1", "1", "1"])).toEqual(["-33.34", "-33.33", "-33.33"]);
    // −1 cent in two: the first part takes it, the second is "0.00", never "-0.00".
    expect(allocate("-0.01", "USD", ["1", "1"])).toEqual(["-0.01", "0.00"]);
    expect(allocate("-0.00", "USD", ["1", "1"])).toEqual(["0.00", "0.00"]);
  });

  test("decimal-string and number weights mix; numbers are read from their shortest text", () => {
    // 0.5 : 0.3 : 0.2 of 1000.00 → 500.00, 300.00, 200.00 exactly.
    expect(allocate("1000.00", "USD", ["0.5", 0.3, "0.2"])).toEqual(["500.00", "300.00", "200.00"]);
    // 0.1 : 0.2 is exactly 1 : 2 (0.1 is "0.1", not the binary float): 3333 r 1/3 and 6666 r 2/3 cents.
    expect(allocate("100.00", "USD", [0.1, 0.2])).toEqual(["33.33", "66.67"]);
    // Tiny weights work the same: 1e-7 : 3e-7 is "0.0000001" : "0.0000003", i.e. 1 : 3.
    expect(allocate("50.00", "USD", [1e-7, 3e-7])).toEqual(["12.50", "37.50"]);
  });

  test("a single weight takes the whole amount", () => {
    expect(allocate("123.45", "USD", ["0.0001"])).toEqual(["123.45"]);
  });

  test("an amount with trailing zeros past the minor unit is still whole cents", () => {
    // "1.500" is 150 cents; 75 each.
    expect(allocate("1.500", "USD", [1, 1])).toEqual(["0.75", "0.75"]);
    expect(allocate("7.0", "JPY", [1, 1])).toEqual(["4", "3"]);
  });

  test("weights differing beyond 34 significant digits are still ordered exactly", () => {
    // 3 cents by 1 : (1 + 10⁻⁴⁰): shares 1.5 − ε and 1.5 + ε cents; the second remainder is larger.
    expect(allocate("0.03", "USD", ["1", `1.${"0".repeat(39)}1`])).toEqual(["0.01", "0.02"]);
  });

  test("amounts beyond 34 significant digits stay exact", () => {
    const amount = `${"9".repeat(40)}.99`;
    const [a, b] = allocate(amount, "USD", [1, 1]);
    // 10⁴² − 1 cents in two: (10⁴² − 1) ÷ 2 = 5 × 10⁴¹ − 1 r 1/2 each; the odd cent goes to the first.
    // First 5 × 10⁴¹ cents = 5000…000.00, second 5 × 10⁴¹ − 1 cents = 4999…999.99.
    expect(a).toBe(`5${"0".repeat(39)}.00`);
    expect(b).toBe(`4${"9".repeat(39)}.99`);
  });

  test("does not mutate its weights", () => {
    const weights = Object.freeze(["1", 2, "3"]);
    allocate("6.00", "USD", weights);
    expect(weights).toEqual(["1", 2, "3"]);
  });
});

describe("allocate errors", () => {
  test("allocation-weights-empty", () => {
    const error = thrown(() => allocate("1.00", "USD", []));
    expect(error.code).toBe("allocation-weights-empty");
    expect(error.message).toBe("Allocation needs at least one weight");
  });

  test.each<[unknown, string]>([
    ["1e3", '"1e3"'],
    ["abc", '"abc"'],
    ["", '""'],
    ["1,5", '"1,5"'],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [null, "null"],
    [10n, "10n"],
  ])("allocation-weight-invalid for %s", (weight, described) => {
    const error = thrown(() => allocate("1.00", "USD", ["1", weight as string]));
    expect(error.code).toBe("allocation-weight-invalid");
    expect(error.params).toEqual({ index: 1, weight: described });
    expect(error.message).toBe(`Weight 1 is not a decimal: ${described}`);
  });

  test.each<[string | number, string]>([
    ["-1", "-1"],
    ["-0.0001", "-0.0001"],
    [-0.5, "-0.5"],
  ])("allocation-weight-negative for %j", (weight, text) => {
    const error = thrown(() => allocate("1.00", "USD", [weight, "1"]));
    expect(error.code).toBe("allocation-weight-negative");
    expect(error.params).toEqual({ index: 0, weight: text });
  });

  test.each([[["0"]], [["0", "0.00"]], [[0, -0, "-0"]]])("allocation-weights-zero for %j", (weights) => {
    const error = thrown(() => allocate("1.00", "USD", weights));
    expect(error.code).toBe("allocation-weights-zero");
  });

  test.each(["abc", "1e3", "", "+1", "1,000.00"])(
    "allocation-amount-invalid for a non-decimal %j",
    (amount) => {
      const error = thrown(() => allocate(amount, "USD", ["1"]));
      expect(error.code).toBe("allocation-amount-invalid");
      expect(error.params).toEqual({ amount });
    },
  );

  test.each<[string, string, number]>([
    ["1.005", "USD", 2],
    ["1.5", "JPY", 0],
    ["0.0001", "KWD", 3],
  ])(
    "allocation-amount-invalid for %s %s: more fraction digits than the currency allows",
    (amount, currency, exponent) => {
      const error = thrown(() => allocate(amount, currency, ["1"]));
      expect(error.code).toBe("allocation-amount-invalid");
      expect(error.params).toEqual({ amount, currency, exponent });
      expect(error.message).toContain("round it first");
    },
  );

  test.each(["XYZ", "usd", "BGN"])("currency-unknown for %j", (currency) => {
    const error = thrown(() => allocate("1.00", currency, ["1"]));
    expect(error.code).toBe("currency-unknown");
    expect(error.params).toEqual({ currency });
  });
});
