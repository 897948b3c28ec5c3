import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { allocate } from "./allocate.js";
import { minorUnits } from "./currency.js";
import { numberToDecimalString } from "./decimal.js";

const currency = fc.constantFrom("USD", "JPY", "KWD", "CLF", "BHD");

/** Writes `units` minor units of a currency with `exponent` digits. */
function money(units: bigint, exponent: number): string {
  const digits = (units < 0n ? -units : units).toString().padStart(exponent + 1, "0");
  const body = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return units < 0n ? `-${body}` : body;
}

/** Reads a decimal string as an integer scaled by 10^digits (the string has at most that many). */
function scaled(value: string, digits: number): bigint {
  const negative = value.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? value.slice(1) : value).split(".");
  const n = BigInt(whole + fraction.padEnd(digits, "0"));
  return negative ? -n : n;
}

const WEIGHT_DIGITS = 6;

/** A non-negative weight as a decimal string with up to six fraction digits. */
const weightString = fc
  .oneof(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 5n }))
  .chain((n) => fc.integer({ min: 0, max: WEIGHT_DIGITS }).map((digits) => money(n, digits)));

const weights = fc
  .array(weightString, { minLength: 1, maxLength: 12 })
  .filter((ws) => ws.some((w) => scaled(w, WEIGHT_DIGITS) > 0n));

const units = fc.oneof(
  fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
  fc.bigInt({ min: -20n, max: 20n }),
);

const input = fc.record({ currency, units, weights });

function partUnits(parts: readonly string[], exponent: number): bigint[] {
  return parts.map((p) => scaled(p, exponent));
}

describe("allocate properties", () => {
  fcTest.prop([input])("parts sum exactly to the amount", ({ currency, units, weights }) => {
    const exponent = minorUnits(currency);
    const parts = partUnits(allocate(money(units, exponent), currency, weights), exponent);
    expect(parts).toHaveLength(weights.length);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(units);
  });

  fcTest.prop([input])(
    "each part is within one minor unit of its exact share",
    ({ currency, units, weights }) => {
      const exponent = minorUnits(currency);
      const parts = partUnits(allocate(money(units, exponent), currency, weights), exponent);
      const ws = weights.map((w) => scaled(w, WEIGHT_DIGITS));
      const sum = ws.reduce((a, b) => a + b, 0n);
      parts.forEach((part, i) => {
        // |part − units × w ÷ Σw| < 1  ⇔  |part × Σw − units × w| < Σw, all in integers.
        const gap = part * sum - units * (ws[i] as bigint);
        expect(gap < 0n ? -gap : gap).toBeLessThan(sum);
      });
    },
  );

  fcTest.prop([input])(
    "a non-negative amount gives non-negative parts, a negative one non-positive parts",
    ({ currency, units, weights }) => {
      const exponent = minorUnits(currency);
      const parts = allocate(money(units, exponent), currency, weights);
      for (const part of parts) {
        if (units >= 0n) expect(part.startsWith("-")).toBe(false);
        else expect(scaled(part, exponent)).toBeLessThanOrEqual(0n);
      }
    },
  );

  fcTest.prop([input])("a zero weight gets a zero part", ({ currency, units, weights }) => {
    const exponent = minorUnits(currency);
    const parts = allocate(money(units, exponent), currency, weights);
    weights.forEach((w, i) => {
      if (scaled(w, WEIGHT_DIGITS) === 0n) expect(parts[i]).toBe(money(0n, exponent));
    });
  });

  fcTest.prop([input])(
    "of two equal weights the earlier gets at least as much (ties by input order)",
    ({ currency, units, weights }) => {
      const exponent = minorUnits(currency);
      const magnitude = units < 0n ? -units : units;
      const parts = partUnits(allocate(money(magnitude, exponent), currency, weights), exponent);
      const ws = weights.map((w) => scaled(w, WEIGHT_DIGITS));
      for (let i = 0; i < ws.length; i++) {
        for (let j = i + 1; j < ws.length; j++) {
          if (ws[i] === ws[j]) {
            const diff = (parts[i] as bigint) - (parts[j] as bigint);
            expect(diff === 0n || diff === 1n).toBe(true);
          }
        }
      }
    },
  );

  fcTest.prop([currency, units, fc.integer({ min: 1, max: 30 })])(
    "equal weights: parts differ by at most one unit and the extra units go first",
    (code, n, count) => {
      const exponent = minorUnits(code);
      const magnitude = n < 0n ? -n : n;
      const parts = partUnits(allocate(money(magnitude, exponent), code, Array(count).fill("1")), exponent);
      const base = magnitude / BigInt(count);
      const extra = Number(magnitude % BigInt(count));
      expect(parts).toEqual(parts.map((_, i) => (i < extra ? base + 1n : base)));
    },
  );

  fcTest.prop([input])(
    "a credit splits as the mirror image of the charge",
    ({ currency, units, weights }) => {
      const exponent = minorUnits(currency);
      const charge = partUnits(allocate(money(units, exponent), currency, weights), exponent);
      const credit = partUnits(allocate(money(-units, exponent), currency, weights), exponent);
      expect(credit).toEqual(charge.map((p) => -p));
    },
  );

  fcTest.prop([input, fc.bigInt({ min: 1n, max: 1000n })])(
    "scaling every weight by the same factor changes nothing",
    ({ currency, units, weights }, factor) => {
      const exponent = minorUnits(currency);
      const amount = money(units, exponent);
      const bigger = weights.map((w) => money(scaled(w, WEIGHT_DIGITS) * factor, WEIGHT_DIGITS));
      expect(allocate(amount, currency, bigger)).toEqual(allocate(amount, currency, weights));
    },
  );

  fcTest.prop([
    currency,
    units,
    fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 8 }),
  ])("number weights split exactly as their decimal text", (code, n, ws) => {
    fc.pre(ws.some((w) => w > 0));
    const amount = money(n, minorUnits(code));
    expect(allocate(amount, code, ws)).toEqual(allocate(amount, code, ws.map(numberToDecimalString)));
  });
});
