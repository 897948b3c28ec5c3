import { describe, expect, test } from "vitest";
import { formatDecimal } from "../../internal/decimal.js";
import { factTerm, minus, plus, sum, times } from "./expr.js";

const MAX = Number.MAX_SAFE_INTEGER;

describe("sums of counts", () => {
  test("are added as integers, with the same value and text as Decimal arithmetic", () => {
    const total = sum([
      factTerm("a", 1),
      factTerm("b", 1),
      factTerm("c", 6),
      factTerm("d", 40),
      factTerm("e", 252),
    ]);
    expect(formatDecimal(total.value)).toBe("300");
    expect(total.int).toBe(300);
    expect(total.text).toBe("1 + 1 + 6 + 40 + 252");
    expect(total.formula).toBe("a + b + c + d + e");
  });

  test("a difference may go negative and stays exact", () => {
    const d = minus(factTerm("a", 3), factTerm("b", 2000));
    expect(formatDecimal(d.value)).toBe("-1997");
    expect(d.int).toBe(-1997);
  });

  test("a sum past the safe integers is added by decimal.js, exactly", () => {
    const big = plus(factTerm("a", MAX), factTerm("b", MAX));
    expect(big.int).toBeUndefined();
    expect(formatDecimal(big.value)).toBe("18014398509481982");
    // …and anything built on it stays on Decimals.
    expect(formatDecimal(plus(big, factTerm("c", 1)).value)).toBe("18014398509481983");
  });

  test("a count of -0 reads as 0, and money or products are never integers", () => {
    expect(factTerm("a", -0).value.isNeg()).toBe(false);
    expect(formatDecimal(minus(factTerm("a", 0), factTerm("b", 0)).value)).toBe("0");
    expect(minus(factTerm("a", 0), factTerm("b", 0)).value.isNeg()).toBe(false);
    expect(factTerm("gross", "46000.00").int).toBeUndefined();
    expect(plus(factTerm("a", 1), factTerm("gross", "2.50")).int).toBeUndefined();
    expect(formatDecimal(plus(factTerm("a", 1), factTerm("gross", "2.50")).value)).toBe("3.5");
    expect(times(factTerm("a", 2), factTerm("b", 3)).int).toBeUndefined();
  });

  test("a number that is not a safe integer is never added as one", () => {
    // Read from its shortest text, as every number is (SPEC §1.1), and then added exactly.
    const big = factTerm("a", 2 ** 60);
    expect(big.int).toBeUndefined();
    expect(big.text).toBe("1152921504606847000");
    expect(formatDecimal(big.value)).toBe("1152921504606847000");
    expect(formatDecimal(plus(big, factTerm("b", 1)).value)).toBe("1152921504606847001");
  });

  test("counts beyond the shared table get their own Decimal", () => {
    expect(formatDecimal(plus(factTerm("a", 1000), factTerm("b", 24)).value)).toBe("1024");
    expect(formatDecimal(factTerm("a", 123456789).value)).toBe("123456789");
  });
});
