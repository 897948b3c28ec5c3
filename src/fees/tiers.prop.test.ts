import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { D, quotient } from "../internal/decimal.js";
import { applyTiers } from "./tiers.js";

/** Money-like decimal strings 0 … 1,000,000.00. */
const amount = fc.integer({ min: 0, max: 100_000_000 }).map((cents) => quotient(cents, 100).toFixed());
const rate = fc.integer({ min: 0, max: 2000 }).map((bp) => quotient(bp, 10_000).toFixed());

/** Strictly ascending tiers, the last open; flats only on the first tier unless `laterFlats`. */
const tiers = (laterFlats: boolean) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: 100_000_000 }), { minLength: 0, maxLength: 4 })
    .chain((bounds) => {
      const sorted = [...bounds].sort((a, b) => a - b);
      return fc.tuple(
        fc.constant(sorted),
        fc.array(rate, { minLength: sorted.length + 1, maxLength: sorted.length + 1 }),
        fc.array(amount, { minLength: sorted.length + 1, maxLength: sorted.length + 1 }),
      );
    })
    .map(([bounds, rates, flats]) =>
      rates.map((r, i) => ({
        upTo: i < bounds.length ? quotient(bounds[i] as number, 100).toFixed() : null,
        rate: r,
        ...(i === 0 || laterFlats ? { flat: flats[i] as string } : {}),
      })),
    );

describe("tier properties", () => {
  fcTest.prop([tiers(true), amount, amount])(
    "graduated is monotonic non-decreasing in the basis",
    (ts, a, b) => {
      const [lo, hi] = new D(a).lte(b) ? [a, b] : [b, a];
      expect(new D(applyTiers(lo, ts).amount).lte(applyTiers(hi, ts).amount)).toBe(true);
    },
  );

  fcTest.prop([tiers(false)])("graduated is continuous at every boundary without later flats", (ts) => {
    for (const t of ts) {
      if (t.upTo === null) continue;
      const at = applyTiers(t.upTo, ts).amount;
      // Just above the boundary the fee grows by at most epsilon × the next rate (≤ 0.2 here).
      const epsilon = "0.000001";
      const above = applyTiers(new D(t.upTo).plus(epsilon).toFixed(), ts).amount;
      const diff = new D(above).minus(at);
      expect(diff.gte(0)).toBe(true);
      expect(diff.lte(new D(epsilon).times("0.2"))).toBe(true);
    }
  });

  fcTest.prop([tiers(true), amount])("volume equals graduated inside the first tier", (ts, a) => {
    const first = ts[0]?.upTo;
    const basis = first === null || first === undefined || new D(a).lte(first) ? a : first;
    expect(applyTiers(basis, ts, "volume").amount).toBe(applyTiers(basis, ts, "graduated").amount);
  });

  fcTest.prop([tiers(true), amount])("graduated parts add up to the amount", (ts, a) => {
    const result = applyTiers(a, ts);
    const sum = result.parts.reduce((s, p) => s.plus(p.amount), new D(0));
    expect(sum.eq(result.amount)).toBe(true);
    const parts = result.parts.reduce((s, p) => s.plus(p.part), new D(0));
    expect(parts.eq(a)).toBe(true);
  });
});
