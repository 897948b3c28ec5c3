import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tiersSchema } from "../fees/schema.js";
import { D } from "../internal/decimal.js";
import { type TierArbitraryValue, tiersArbitrary } from "./tiersArbitrary.js";

const sample = (arb: fc.Arbitrary<TierArbitraryValue[]>, numRuns = 1000) =>
  fc.sample(arb, { numRuns, seed: 11 });

describe("tiersArbitrary", () => {
  it("draws tier lists the schedule schema accepts", () => {
    for (const tiers of sample(tiersArbitrary({ maxTiers: 6, percent: true }))) {
      expect(tiersSchema.safeParse(tiers).success).toBe(true);
    }
  });

  it("keeps the tier count, the boundaries and the rates within the options", () => {
    const values = sample(tiersArbitrary({ minTiers: 2, maxTiers: 3, maxUpTo: "500", maxRate: "0.2" }));
    for (const tiers of values) {
      expect(tiers.length).toBeGreaterThanOrEqual(2);
      expect(tiers.length).toBeLessThanOrEqual(3);
      expect(tiers.at(-1)?.upTo).toBeNull();
      for (const t of tiers) {
        if (t.upTo !== null) expect(new D(t.upTo).gt(0) && new D(t.upTo).lte(500)).toBe(true);
        expect(new D(t.rate).gte(0) && new D(t.rate).lte("0.2")).toBe(true);
      }
    }
    expect(new Set(values.map((t) => t.length))).toEqual(new Set([2, 3]));
  });

  it("puts flats only where allowed, and does put them there", () => {
    const none = sample(tiersArbitrary({ flat: "none" }));
    expect(none.every((tiers) => tiers.every((t) => t.flat === undefined))).toBe(true);
    const first = sample(tiersArbitrary({ flat: "first", minTiers: 2 }));
    expect(first.every((tiers) => tiers.slice(1).every((t) => t.flat === undefined))).toBe(true);
    expect(first.some((tiers) => tiers[0]?.flat !== undefined)).toBe(true);
    const any = sample(tiersArbitrary({ flat: "any", minTiers: 3 }));
    expect(any.some((tiers) => tiers[2]?.flat !== undefined)).toBe(true);
  });

  it("writes percent rates that parse to the same fraction range", () => {
    const rates = sample(tiersArbitrary({ percent: true, maxRate: "0.5" })).flatMap((tiers) =>
      tiers.map((t) => t.rate),
    );
    const percents = rates.filter((r) => r.endsWith("%"));
    expect(percents.length).toBeGreaterThan(0);
    for (const r of percents) {
      expect(r).toMatch(/^(0|[1-9][0-9]*)(\.[0-9]*[1-9])?%$/);
      expect(new D(r.slice(0, -1)).lte(50)).toBe(true);
    }
    const parsed = tiersSchema.parse([{ upTo: null, rate: "5.25%" }]);
    expect(parsed[0]?.rate).toBe("0.0525");
  });

  it.each([
    [{ minTiers: 0 }],
    [{ maxTiers: 51 }],
    [{ minTiers: 3, maxTiers: 2 }],
    [{ minTiers: 1.5 }],
    [{ maxTiers: 4, maxUpTo: "0.02" }],
  ])("refuses %j with arbitrary-options-invalid", (options) => {
    expect(() => tiersArbitrary(options)).toThrow(
      expect.objectContaining({ code: "arbitrary-options-invalid" }),
    );
  });
});
