import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FeeScheduleInput, feeScheduleSchema } from "../fees/schema.js";
import { D } from "../internal/decimal.js";
import { feeScheduleArbitrary } from "./feeScheduleArbitrary.js";

const sample = (arb: fc.Arbitrary<FeeScheduleInput>, numRuns = 500) => fc.sample(arb, { numRuns, seed: 5 });

describe("feeScheduleArbitrary", () => {
  it("draws schedules the schema accepts, with every component kind", () => {
    const schedules = sample(
      feeScheduleArbitrary({ targetIds: ["t1", "t2"], gateIds: ["t1"], baselineTargetIds: ["t1"] }),
    );
    const kinds = new Set<string>();
    for (const schedule of schedules) {
      const parsed = feeScheduleSchema.safeParse(schedule);
      expect(parsed.success ? "ok" : JSON.stringify(parsed.error.issues)).toBe("ok");
      for (const c of schedule.components) kinds.add(c.type);
    }
    expect([...kinds].sort()).toEqual(["bonus", "fixed", "penalty", "reimbursement", "scorecard", "share"]);
  });

  it("references only the ids it was given", () => {
    for (const schedule of sample(
      feeScheduleArbitrary({ targetIds: ["t1"], gateIds: ["g1"], storeIds: ["s1"] }),
    )) {
      for (const c of schedule.components as Record<string, unknown>[]) {
        if ("target" in c) expect(c.target).toBe("t1");
        for (const g of (c.gates as string[] | undefined) ?? []) expect(g).toBe("g1");
        const basis = (c.basis ?? (c.payout as { of?: unknown } | undefined)?.of) as
          | { stores?: string[]; over?: unknown }
          | undefined;
        for (const s of basis?.stores ?? []) expect(s).toBe("s1");
        expect(typeof basis?.over === "object").toBe(false);
      }
    }
  });

  it("draws no bonus, penalty or gate without target ids", () => {
    for (const schedule of sample(feeScheduleArbitrary())) {
      for (const c of schedule.components) {
        expect(["bonus", "penalty"]).not.toContain(c.type);
        expect("gates" in c).toBe(false);
      }
    }
  });

  it("keeps the minimum at or below the maximum and the amounts in the currency's digits", () => {
    for (const schedule of sample(feeScheduleArbitrary({ currency: "JPY" }))) {
      expect(schedule.currency).toBe("JPY");
      if (schedule.minimum !== undefined && schedule.maximum !== undefined) {
        expect(new D(schedule.minimum).lte(schedule.maximum)).toBe(true);
      }
      for (const c of schedule.components)
        if (c.type === "fixed") expect(String(c.amount)).not.toContain(".");
    }
  });

  it("honours kinds, counts and floorsAndCaps: false", () => {
    const arb = feeScheduleArbitrary({
      kinds: ["fixed"],
      minComponents: 2,
      maxComponents: 2,
      floorsAndCaps: false,
    });
    for (const schedule of sample(arb, 100)) {
      expect(schedule.components.map((c) => c.type)).toEqual(["fixed", "fixed"]);
      expect(schedule.components.map((c) => c.name)).toEqual(["fixed-1", "fixed-2"]);
      expect(schedule.minimum ?? schedule.maximum ?? schedule.tax).toBeUndefined();
    }
  });

  it("refuses an unknown currency when made", () => {
    expect(() => feeScheduleArbitrary({ currency: "XYZ" })).toThrow(
      expect.objectContaining({ code: "currency-unknown" }),
    );
  });
});
