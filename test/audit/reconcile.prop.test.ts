import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reconcile } from "../../src/audit/reconcile.js";
import { D } from "../../src/internal/decimal.js";
import { settlementCaseArbitrary } from "../../src/testing/settlementCaseArbitrary.js";

// Each case settles twice and evaluates every target twice: tens of milliseconds, so fewer runs.
const runs = { numRuns: 40 };
const TIMEOUT = 120_000;
const zero = { tolerance: { absolute: "0", relative: "0" }, allowInvalid: true } as const;

const isZero = (value: string | null) => value === null || new D(value).isZero();

describe("reconcile properties", () => {
  it(
    "reconcile(x, x) is ok at a zero tolerance, with every difference 0",
    () => {
      fc.assert(
        fc.property(settlementCaseArbitrary(), ({ contract, input }) => {
          const result = reconcile(
            contract,
            { cycle: input.cycle, reported: input.facts, verified: input.facts, history: input.history },
            zero,
          );
          expect(result.ok).toBe(true);
          for (const f of result.fields) {
            expect(f.status).toBe("compared");
            expect(new D(f.difference as string).isZero()).toBe(true);
            expect(f.relative).toBe("0");
            expect(f.exceeds).toBe(false);
          }
          for (const k of result.kpis) {
            expect(isZero(k.difference)).toBe(true);
            expect(k.exceeds || k.statusChanged).toBe(false);
          }
          expect(result.fees.difference).not.toBeNull();
          expect(new D(result.fees.difference as string).isZero()).toBe(true);
          expect(result.fees.lines.every((l) => isZero(l.difference))).toBe(true);
          expect(result.fees.reportedDigest).toBe(result.fees.verifiedDigest);
        }),
        runs,
      );
    },
    TIMEOUT,
  );

  it(
    "swapping the versions negates every difference and, at a zero tolerance, keeps what exceeds",
    () => {
      const pair = settlementCaseArbitrary({ maxStores: 2 }).chain((c) =>
        fc.record({
          case: fc.constant(c),
          factor: fc.constantFrom("0.5", "0.9", "1", "1.08", "2"),
        }),
      );
      fc.assert(
        fc.property(pair, ({ case: { contract, input }, factor }) => {
          // The other version: every store's gross scaled by the factor (exact, then to the minor unit).
          const other = input.facts.map((f) => ({
            ...f,
            sales: { ...f.sales, gross: new D(f.sales?.gross ?? "0").times(factor).toFixed(0) },
          }));
          const ab = reconcile(
            contract,
            { cycle: input.cycle, reported: input.facts, verified: other, history: input.history },
            zero,
          );
          const ba = reconcile(
            contract,
            { cycle: input.cycle, reported: other, verified: input.facts, history: input.history },
            zero,
          );
          ab.fields.forEach((f, i) => {
            const g = ba.fields[i];
            expect(g?.field).toBe(f.field);
            expect(new D(f.difference as string).plus(g?.difference as string).isZero()).toBe(true);
            expect(g?.exceeds).toBe(f.exceeds);
          });
          ab.kpis.forEach((k, i) => {
            const l = ba.kpis[i];
            if (k.difference !== null)
              expect(new D(k.difference).plus(l?.difference as string).isZero()).toBe(true);
            expect(l?.statusChanged).toBe(k.statusChanged);
          });
          expect(new D(ab.fees.difference as string).plus(ba.fees.difference as string).isZero()).toBe(true);
          expect(ab.ok).toBe(ba.ok);
        }),
        runs,
      );
    },
    TIMEOUT,
  );
});
