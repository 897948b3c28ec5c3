import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { D, formatDecimal, quotient } from "../../internal/decimal.js";
import { abs, factTerm, minus, named, over, plus, sum, times } from "./expr.js";

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

  test("a count of -0 reads as 0, and products are never integers", () => {
    expect(factTerm("a", -0).value.isNeg()).toBe(false);
    expect(formatDecimal(minus(factTerm("a", 0), factTerm("b", 0)).value)).toBe("0");
    expect(minus(factTerm("a", 0), factTerm("b", 0)).value.isNeg()).toBe(false);
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

describe("money facts as integers of their last digit", () => {
  test("a money text of up to 15 digits is an integer of its unit, its text kept as written", () => {
    const gross = factTerm("sales.gross", "46000.00");
    expect(gross.int).toBe(4600000);
    expect(gross.scale).toBe(2);
    expect(gross.text).toBe("46000.00");
    expect(formatDecimal(gross.value)).toBe("46000");
    const net = minus(gross, factTerm("sales.refunds", "1840.00"));
    expect(net.int).toBe(4416000);
    expect(net.scale).toBe(2);
    expect(net.text).toBe("46000.00 − 1840.00");
    expect(formatDecimal(net.value)).toBe("44160");
  });

  test("different units are brought to the finer one; a count is an integer of unit 1", () => {
    const mixed = plus(factTerm("a", 1), factTerm("gross", "2.50"));
    expect(mixed.int).toBe(350);
    expect(mixed.scale).toBe(2);
    expect(formatDecimal(mixed.value)).toBe("3.5");
    const fine = minus(factTerm("a", "0.001"), factTerm("b", "7.5"));
    expect([fine.int, fine.scale]).toEqual([-7499, 3]);
    expect(formatDecimal(fine.value)).toBe("-7.499");
  });

  test("a quotient of integers is the quotient of the values", () => {
    const acos = over(factTerm("ads.spend", "9000.00"), factTerm("sales", "42000.00"));
    expect(formatDecimal(acos?.value as never)).toBe("0.2142857142857142857142857142857143");
    expect(acos?.int).toBeUndefined();
    const aov = over(factTerm("gmv", "44160.00"), factTerm("orders", 100));
    expect(formatDecimal(aov?.value as never)).toBe("441.6");
    expect(over(factTerm("a", "5.00"), factTerm("b", "0.00"))).toBeUndefined();
  });

  test("what is not read as an integer is parsed as before", () => {
    // 16 digits, a negative zero, and forms decimal.js reads but the pattern does not.
    const long = factTerm("a", "1234567890123.456");
    expect(long.int).toBeUndefined();
    expect(formatDecimal(plus(long, factTerm("b", "0.001")).value)).toBe("1234567890123.457");
    const negativeZero = factTerm("a", "-0.00");
    expect(negativeZero.int).toBeUndefined();
    expect(negativeZero.value.isNeg()).toBe(true);
    for (const raw of ["1.", ".5", "+1", "1e3", "-"]) {
      const term = (() => {
        try {
          return factTerm("a", raw);
        } catch {
          return undefined;
        }
      })();
      expect(term?.int).toBeUndefined();
      if (term !== undefined) expect(term.value.eq(new D(raw))).toBe(true);
    }
    // Leading zeros do not change the number.
    expect(factTerm("a", "007.50").int).toBe(750);
  });

  test("bringing units together past the safe integers leaves it to decimal.js", () => {
    const big = factTerm("a", "999999999999999");
    const small = factTerm("b", "0.00000001");
    const sumOf = plus(big, small);
    expect(sumOf.int).toBeUndefined();
    expect(formatDecimal(sumOf.value)).toBe("999999999999999.00000001");
    expect(formatDecimal(over(big, small)?.value as never)).toBe("99999999999999900000000");
    const far = plus(factTerm("a", 1), factTerm("b", "0.0000000000000001"));
    expect(far.int).toBeUndefined();
    expect(formatDecimal(far.value)).toBe("1.0000000000000001");
  });

  test("named and abs keep the integer and the value", () => {
    const net = minus(factTerm("a", "1.00"), factTerm("b", "3.25"));
    expect(formatDecimal(named(net, "net").value)).toBe("-2.25");
    expect(named(net, "net").int).toBe(-225);
    const positive = abs(net);
    expect(positive.text).toBe("2.25");
    expect(formatDecimal(positive.value)).toBe("2.25");
    expect(abs(factTerm("c", "4.50")).int).toBe(450);
    expect(formatDecimal(abs(factTerm("c", "4.50")).value)).toBe("4.5");
  });

  /** Decimal strings of up to 17 digits in any unit, signed, as facts and their sums may hold. */
  const decimalText = fc
    .tuple(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: 0, max: 18 }))
    .map(([n, places]) => {
      const digits = (n < 0n ? -n : n).toString().padStart(places + 1, "0");
      const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
      return n < 0n ? `-${text}` : text;
    });

  test("sums, differences and quotients equal decimal.js arithmetic on the parsed texts", () => {
    fc.assert(
      fc.property(decimalText, decimalText, fc.integer({ min: 0, max: 2000 }), (x, y, count) => {
        const [a, b] = [factTerm("a", x), factTerm("b", y)];
        const [dx, dy] = [new D(x), new D(y)];
        expect(formatDecimal(plus(a, b).value)).toBe(formatDecimal(dx.plus(dy)));
        expect(formatDecimal(minus(a, b).value)).toBe(formatDecimal(dx.minus(dy)));
        expect(formatDecimal(plus(a, factTerm("n", count)).value)).toBe(formatDecimal(dx.plus(count)));
        const q = over(a, b);
        if (dy.isZero()) expect(q).toBeUndefined();
        else expect(formatDecimal(q?.value as never)).toBe(formatDecimal(quotient(dx, dy)));
        const r = over(a, factTerm("n", count));
        if (count === 0) expect(r).toBeUndefined();
        else expect(formatDecimal(r?.value as never)).toBe(formatDecimal(quotient(dx, new D(count))));
      }),
      { numRuns: 3000 },
    );
  });
});
