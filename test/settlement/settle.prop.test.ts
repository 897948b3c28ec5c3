import { test as fcTest } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { D, quotient } from "../../src/internal/decimal.js";
import { allocateStatement } from "../../src/settlement/allocateStatement.js";
import { settle } from "../../src/settlement/settle.js";
import { verifyStatement } from "../../src/settlement/verifyStatement.js";
import { settlementCaseArbitrary } from "../../src/testing/settlementCaseArbitrary.js";
import { minorUnits } from "../../src/values/currency.js";
import { roundMoney } from "../../src/values/rounding.js";
import { GMV_SCOPE, MARCH, makeContract, makeFacts } from "./helpers.js";

const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => quotient(c, 100).toFixed(2));
const rate = fc.integer({ min: 0, max: 2000 }).map((bp) => quotient(bp, 10_000).toFixed());

/** A random hybrid schedule with an optional floor and cap (floor ≤ cap) and an optional penalty. */
const schedule = fc
  .record({
    base: cents(500_000),
    rate1: rate,
    rate2: rate,
    upTo: cents(5_000_000).filter((v) => new D(v).gt(0)),
    flat: cents(50_000),
    mode: fc.constantFrom("graduated", "volume"),
    bounds: fc.option(fc.tuple(cents(1_000_000), cents(1_000_000)), { nil: undefined }),
    penalty: fc.option(cents(200_000), { nil: undefined }),
    rounding: fc.constantFrom("half-up", "half-even", "down", "up", "floor", "ceiling"),
  })
  .map((r) => {
    const [lo, hi] = r.bounds
      ? new D(r.bounds[0]).lte(r.bounds[1])
        ? r.bounds
        : [r.bounds[1], r.bounds[0]]
      : [undefined, undefined];
    return {
      rounding: r.rounding,
      components: [
        { type: "fixed", name: "base", amount: r.base },
        {
          type: "share",
          name: "share",
          basis: { kpi: "gmv", scope: GMV_SCOPE },
          mode: r.mode,
          tiers: [
            { upTo: r.upTo, rate: r.rate1, flat: r.flat },
            { upTo: null, rate: r.rate2 },
          ],
        },
        ...(r.penalty !== undefined
          ? [{ type: "penalty", name: "acos-miss", target: "acos", amount: r.penalty }]
          : []),
      ],
      ...(lo !== undefined ? { minimum: lo, maximum: hi } : {}),
    };
  });

const facts = fc
  .record({
    gross: cents(20_000_000),
    refunds: cents(2_000_000),
    attributed: cents(10_000_000).filter((v) => new D(v).gt(0)),
  })
  .map((f) => makeFacts(f));

describe("settlement properties", () => {
  fcTest.prop([schedule, facts], { numRuns: 60 })(
    "total = Σ lines exactly, with the currency's digits",
    (fees, f) => {
      const s = settle(makeContract(fees), { cycle: MARCH, facts: [f] });
      const sum = s.lines.reduce((acc, l) => acc.plus(l.amount), new D(0));
      expect(sum.eq(s.total)).toBe(true);
      expect(s.total).toMatch(/^-?\d+\.\d{2}$/);
      for (const l of s.lines) expect(l.amount).toMatch(/^-?\d+\.\d{2}$/);
    },
  );

  fcTest.prop([schedule, facts], { numRuns: 60 })("the total never leaves [minimum, maximum]", (fees, f) => {
    const s = settle(makeContract(fees), { cycle: MARCH, facts: [f] });
    if (fees.minimum !== undefined) expect(new D(s.total).gte(fees.minimum)).toBe(true);
    if (fees.maximum !== undefined) expect(new D(s.total).lte(fees.maximum)).toBe(true);
  });

  fcTest.prop([schedule, facts], { numRuns: 30 })(
    "same input → byte-identical statement and digest",
    (fees, f) => {
      const a = settle(makeContract(fees), { cycle: MARCH, facts: [f] });
      const b = settle(structuredClone(makeContract(fees)), { cycle: MARCH, facts: [structuredClone(f)] });
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      expect(b.digest).toBe(a.digest);
    },
  );

  fcTest.prop(
    [schedule, facts, fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 6 })],
    {
      numRuns: 40,
    },
  )("allocation conserves the total", (fees, f, weights) => {
    const s = settle(makeContract(fees), { cycle: MARCH, facts: [f] });
    const ws = weights.some((w) => w > 0) ? weights : [...weights.slice(1), 1];
    const parts = allocateStatement(
      s,
      ws.map((w, i) => ({ store: `s${i}`, weight: String(w) })),
    );
    expect(parts.reduce((acc, p) => acc.plus(p.amount), new D(0)).eq(s.total)).toBe(true);
  });
});

describe("settlement properties on drawn contracts (every component kind, 1–3 stores, USD/JPY/KWD/EUR)", () => {
  fcTest.prop([settlementCaseArbitrary()], { numRuns: 40 })(
    "total = Σ lines, money digits, and a minimum or maximum line is the exact prorated bound − subtotal, rounded once",
    ({ contract, input }) => {
      const s = settle(contract, input, { allowInvalid: true });
      const digits = minorUnits(s.currency);
      const money = digits === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${digits}}$`);
      expect(s.total).toMatch(money);
      for (const l of s.lines) expect(l.amount).toMatch(money);
      const sum = s.lines.reduce((acc, l) => acc.plus(l.amount), new D(0));
      expect(sum.eq(s.total)).toBe(true);
      // SPEC §6.4: the bound is amount × d ÷ D exactly, "rounded only as a line", with the schedule's
      // mode (so with a directional mode the total may sit up to one minor unit past the exact bound).
      const fees = contract.fees as { minimum?: string; maximum?: string; rounding?: "half-up" };
      const mode = fees.rounding ?? "half-up";
      for (const kind of ["minimum", "maximum"] as const) {
        const amount = fees[kind];
        if (amount === undefined) continue;
        const exactBound = quotient(new D(amount).times(s.proration.days), s.proration.fullDays);
        const at = s.lines.findIndex((l) => l.kind === kind);
        const before = s.lines
          .slice(0, at < 0 ? s.lines.length : at)
          .filter((l) => l.kind !== "tax")
          .reduce((acc, l) => acc.plus(l.amount), new D(0));
        if (at < 0) {
          expect(kind === "minimum" ? before.gte(exactBound) : before.lte(exactBound)).toBe(true);
        } else {
          expect(kind === "minimum" ? before.lt(exactBound) : before.gt(exactBound)).toBe(true);
          expect(s.lines[at]?.amount).toBe(roundMoney(exactBound.minus(before).toFixed(), s.currency, mode));
        }
      }
    },
  );

  fcTest.prop([settlementCaseArbitrary({ maxStores: 2 })], { numRuns: 20 })(
    "settling twice gives byte-identical JSON, and the statement verifies",
    ({ contract, input }) => {
      const a = settle(contract, input, { allowInvalid: true });
      const b = settle(structuredClone(contract), structuredClone(input), { allowInvalid: true });
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      expect(verifyStatement(a, contract, input)).toEqual({ ok: true, differences: [] });
    },
  );
});
