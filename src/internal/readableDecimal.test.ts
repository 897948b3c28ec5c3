import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { D, readableDecimal } from "./decimal.js";

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
    // a tiny value keeps its sign of difference from 0 only where that matters
    ["0.00001", undefined, "≈0.0000"],
    ["0.00001", "0", "0.00001"],
  ])("%s against %s reads %s", (value, against, shown) => {
    expect(readableDecimal(value, against)).toBe(shown);
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
