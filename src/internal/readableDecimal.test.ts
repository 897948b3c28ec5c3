import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { D, readableDecimal, readablePair } from "./decimal.js";

describe("readableDecimal: a decimal for a description, never for arithmetic", () => {
  test.each([
    ["0.22", undefined, "0.22"],
    ["1500.00", undefined, "1500.00"],
    ["-3.1415", undefined, "-3.1415"],
    // ACoS 9,500 ÷ 42,000 in a penalty description
    ["0.2261904761904761904761904761904762", "0.22", "≈0.2262"],
    // half-up at the fifth decimal
    ["0.12345", undefined, "≈0.1235"],
    ["-0.12345", undefined, "≈-0.1235"],
    // rounding to four places would read as the target itself: more places until it does not
    ["0.22004", "0.22", "0.22004"],
    ["0.2200049999", "0.22", "≈0.220005"],
    ["0.219999", "0.22", "0.219999"],
    ["0.2199994", "0.22", "≈0.219999"],
    // a score just below its threshold never reads as reaching it
    ["0.6999999999999999999999999999999999", "0.7", "0.6999999999999999999999999999999999"],
    // below 0.001, four significant digits: never "≈0.0000"
    ["0.00001", undefined, "0.00001"],
    ["0.00000012345", undefined, "≈0.0000001235"],
    ["-0.0000412345", undefined, "≈-0.00004123"],
    ["0", undefined, "0"],
  ])("%s against %s reads %s", (value, against, shown) => {
    expect(readableDecimal(value, against)).toBe(shown);
  });

  test("against several values (a bonus's steps): the order against each is kept", () => {
    // 0.949999 did not reach the 0.95 step: "≈0.9500" would read as if it had.
    expect(readableDecimal("0.949999", ["1", "0.95"])).toBe("0.949999");
    expect(readableDecimal("0.9612345", ["1", "0.95", "0.9"])).toBe("≈0.9612");
  });

  test("readablePair: both to the same decimals, the fewest that keep their order", () => {
    expect(readablePair("0.12434", "0.1242984")).toEqual(["0.12434", "≈0.12430"]);
    expect(readablePair("0.1249569", "0.1250254")).toEqual(["≈0.12496", "≈0.12503"]);
    expect(readablePair("0.2261904761904761904761904761904762", "0.22")).toEqual(["≈0.2262", "0.22"]);
    expect(readablePair("43007.99", "43008.0000000000000000000000000000001")).toEqual([
      "43007.99",
      "≈43008.0000",
    ]);
    expect(readablePair("0.5", "0.25")).toEqual(["0.5", "0.25"]);
  });

  const decimal = fc
    .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 34 }))
    .map(([units, places]) => new D(units.toString()).div(new D(10).pow(places)).toFixed());

  test("property: the text shown compares with `against` as the exact value does", () => {
    fc.assert(
      fc.property(decimal, decimal, (value, against) => {
        const shown = readableDecimal(value, against).replace("≈", "");
        expect(new D(shown).cmp(against)).toBe(new D(value).cmp(against));
      }),
    );
  });

  test("property: a pair's texts compare as the exact values do, each within half a unit of its last place", () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const [x, y] = readablePair(a, b).map((t) => t.replace("≈", "")) as [string, string];
        expect(new D(x).cmp(y)).toBe(new D(a).cmp(b));
        for (const [shown, exact] of [
          [x, a],
          [y, b],
        ] as const) {
          const places = shown.includes(".") ? shown.length - shown.indexOf(".") - 1 : 0;
          expect(new D(shown).minus(exact).abs().lte(new D(10).pow(-places).div(2))).toBe(true);
        }
      }),
    );
  });

  test("property: exact as written up to four decimals; otherwise within half a unit of the last place shown", () => {
    fc.assert(
      fc.property(decimal, fc.option(decimal, { nil: undefined }), (value, against) => {
        const shown = readableDecimal(value, against);
        if (!shown.startsWith("≈")) {
          expect(shown).toBe(value);
          return;
        }
        const places = shown.length - shown.indexOf(".") - 1;
        expect(places).toBeGreaterThanOrEqual(4);
        const error = new D(shown.slice(1)).minus(value).abs();
        expect(error.lte(new D(10).pow(-places).div(2))).toBe(true);
      }),
    );
  });
});
