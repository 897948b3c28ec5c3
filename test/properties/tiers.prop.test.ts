// Invariants of tiered shares (SPEC §6.3, STYLE.md):
// - a graduated share is monotonic: a larger basis never costs less (rates and flats are ≥ 0);
// - a graduated share is continuous at every boundary when no tier above the first has a flat: just
//   past upTo_i the fee grows by exactly ε × rate_{i+1}, just before it by ε × rate_i (no unit is
//   counted twice at a boundary, no jump);
// - volume and graduated agree inside the first tier (one rate applies to the whole basis either way);
// - the graduated parts cover the basis exactly, each within its tier.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { applyTiers } from "../../src/fees/tiers.js";
import { D, quotient } from "../../src/internal/decimal.js";
import { decimalStringArbitrary } from "../../src/testing/decimalStringArbitrary.js";
import { tiersArbitrary } from "../../src/testing/tiersArbitrary.js";

const basis = decimalStringArbitrary({ min: "0", max: "2000000", maxFractionDigits: 4 });
const epsilon = decimalStringArbitrary({ min: "0.0001", max: "0.01", maxFractionDigits: 4 });

describe("graduated tiers", () => {
  test.prop([tiersArbitrary({ maxTiers: 5 }), basis, basis], { numRuns: 500 })(
    "are monotonic non-decreasing in the basis",
    (tiers, a, b) => {
      const [low, high] = new D(a).lte(b) ? [a, b] : [b, a];
      const feeLow = new D(applyTiers(low, tiers).amount);
      const feeHigh = new D(applyTiers(high, tiers).amount);
      expect(feeLow.lte(feeHigh)).toBe(true);
    },
  );

  test.prop([tiersArbitrary({ minTiers: 2, maxTiers: 5, flat: "first" }), fc.nat(), epsilon], {
    numRuns: 500,
  })("are continuous at every boundary when only the first tier has a flat", (tiers, pick, eps) => {
    const i = pick % (tiers.length - 1);
    const boundary = tiers[i]?.upTo as string;
    const at = new D(applyTiers(boundary, tiers).amount);
    const above = new D(applyTiers(new D(boundary).plus(eps).toFixed(), tiers).amount);
    // eps ≤ 0.01 ≤ the gap between boundaries (they are whole cents apart), so boundary + eps is in tier i + 1.
    expect(above.minus(at).eq(new D(eps).times(tiers[i + 1]?.rate as string))).toBe(true);
    const below = new D(boundary).minus(eps);
    const lower = i === 0 ? new D(0) : new D(tiers[i - 1]?.upTo as string);
    if (below.gte(lower)) {
      const before = new D(applyTiers(below.toFixed(), tiers).amount);
      expect(at.minus(before).eq(new D(eps).times(tiers[i]?.rate as string))).toBe(true);
    }
  });

  test.prop([tiersArbitrary({ maxTiers: 5 }), basis], { numRuns: 500 })(
    "cover the basis exactly: parts sum to it, each inside its tier, amount = Σ part × rate + flats",
    (tiers, b) => {
      const result = applyTiers(b, tiers);
      const parts = result.parts;
      expect(parts).toHaveLength(tiers.length);
      expect(parts.reduce((s, p) => s.plus(p.part), new D(0)).eq(b)).toBe(true);
      let amount = new D(0);
      parts.forEach((p, i) => {
        const width = p.upTo === null ? null : new D(p.upTo).minus(p.from);
        expect(new D(p.part).gte(0)).toBe(true);
        if (width !== null) expect(new D(p.part).lte(width)).toBe(true);
        const reached = i === 0 || new D(b).gt(p.from);
        expect(new D(p.flat).eq(reached ? (tiers[i]?.flat ?? "0") : "0")).toBe(true);
        amount = amount.plus(new D(p.part).times(tiers[i]?.rate as string)).plus(p.flat);
      });
      expect(amount.eq(result.amount)).toBe(true);
    },
  );
});

describe("volume tiers", () => {
  test.prop([tiersArbitrary({ maxTiers: 5 }), fc.integer({ min: 0, max: 1_000_000 })], { numRuns: 500 })(
    "agree with graduated inside the first tier",
    (tiers, millionths) => {
      const first = tiers[0]?.upTo ?? "2000000";
      // A basis from 0 to the first boundary inclusive, both ends reachable.
      const b = quotient(new D(first).times(millionths), 1_000_000).toDecimalPlaces(4, 1).toFixed();
      expect(applyTiers(b, tiers, "volume").amount).toBe(applyTiers(b, tiers, "graduated").amount);
    },
  );

  test.prop([tiersArbitrary({ maxTiers: 5 }), basis], { numRuns: 500 })(
    "charge the containing tier's rate on the whole basis plus that tier's flat",
    (tiers, b) => {
      const index = tiers.findIndex((t) => t.upTo === null || new D(b).lte(t.upTo));
      const tier = tiers[index];
      const expected = new D(b).times(tier?.rate as string).plus(tier?.flat ?? "0");
      expect(new D(applyTiers(b, tiers, "volume").amount).eq(expected)).toBe(true);
    },
  );
});
