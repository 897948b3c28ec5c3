// Tests that pin what mutation testing found loose in allocate: the remainder rule against a reference
// model, tie-breaking by input order, over-long zero fractions, and the error messages.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { allocate } from "./allocate.js";
import { KpiContractError } from "./KpiContractError.js";

/** Largest remainder written the slow, obvious way on whole cents (weights are whole numbers here). */
function reference(cents: bigint, weights: readonly bigint[]): bigint[] {
  const total = weights.reduce((s, w) => s + w, 0n);
  const floors = weights.map((w) => (cents * w) / total);
  const remainders = weights.map((w, i) => ({ i, r: cents * w - (floors[i] as bigint) * total }));
  let left = cents - floors.reduce((s, f) => s + f, 0n);
  // Stable: the larger remainder first, then the earlier index.
  const order = [...remainders].sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const parts = [...floors];
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i] = (parts[i] as bigint) + 1n;
    left -= 1n;
  }
  return parts;
}

const cents = (text: string) => BigInt(text.replace(".", ""));

describe("allocate (mutation-driven)", () => {
  test.prop([fc.bigInt(0n, 100_000n), fc.array(fc.bigInt(0n, 50n), { minLength: 1, maxLength: 8 })], {
    numRuns: 800,
  })("hands the leftover cents out exactly as the largest-remainder rule says", (amount, weights) => {
    fc.pre(weights.some((w) => w > 0n));
    const text = `${amount / 100n}.${String(amount % 100n).padStart(2, "0")}`;
    const parts = allocate(
      text,
      "USD",
      weights.map((w) => w.toString()),
    );
    expect(parts.map(cents)).toEqual(reference(amount, weights));
  });

  it("gives the leftover to the largest remainder, not the largest weight", () => {
    // 3 cents by 1:3 → exact 0.75 and 2.25 cents: floors 0 and 2, remainders 3 and 1 (in quarters), so the
    // leftover cent goes to the first part.
    expect(allocate("0.03", "USD", ["1", "3"])).toEqual(["0.01", "0.02"]);
  });

  it("breaks ties by input order wherever the tied parts are", () => {
    expect(allocate("0.02", "USD", ["1", "1", "1"])).toEqual(["0.01", "0.01", "0.00"]);
    expect(allocate("0.01", "USD", ["1", "1", "1"])).toEqual(["0.01", "0.00", "0.00"]);
    // 1 cent by 1:2:1:2 → sixths 1, 2, 1, 2: floors all 0, the cent goes to the earlier of the two 2s.
    expect(allocate("0.01", "USD", ["1", "2", "1", "2"])).toEqual(["0.00", "0.01", "0.00", "0.00"]);
    // 4 cents by 1:2:1:2 → sixths 4, 8, 4, 8: floors 0, 1, 0, 1, remainders 4, 2, 4, 2: the two 4s win.
    expect(allocate("0.04", "USD", ["1", "2", "1", "2"])).toEqual(["0.01", "0.01", "0.01", "0.01"]);
  });

  it("reads an amount written with more zeros than the currency has digits", () => {
    expect(allocate("1.5000", "USD", ["1"])).toEqual(["1.50"]);
    expect(allocate("12.000", "JPY", ["1", "1"])).toEqual(["6", "6"]);
  });

  it("refuses a NaN or infinite weight as an invalid weight, not a crash", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => allocate("1.00", "USD", ["1", bad])).toThrow(
        expect.objectContaining({
          code: "allocation-weight-invalid",
          params: { index: 1, weight: String(bad) },
        }),
      );
    }
  });

  it("says what is wrong in its messages", () => {
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(KpiContractError);
        return (e as Error).message;
      }
      throw new Error("expected a throw");
    };
    expect(message(() => allocate("1e3", "USD", ["1"]))).toBe('Amount "1e3" is not a decimal string');
    expect(message(() => allocate("1.00", "USD", ["1", "-2"]))).toBe("Weight 1 is negative: -2");
    expect(message(() => allocate("1.00", "USD", ["0", "0.00"]))).toBe("Allocation weights are all zero");
    expect(allocate("1.00", "USD", ["-0", "1"])).toEqual(["0.00", "1.00"]);
  });
});
