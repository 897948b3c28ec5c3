// Invariants of settlement (SPEC §6.1, §6.5, STYLE.md), over drawn contracts with every component kind:
// - lines sum to total: the total is the exact sum of the rounded lines, each written with the
//   currency's minor-unit digits;
// - settlement is deterministic: the same input gives a byte-identical statement JSON and digest, and
//   the digest does not depend on the order of keys in the contract or input JSON;
// - before tax the total stays within the (prorated) minimum and maximum, up to the one rounding of
//   the top-up or reduction line;
// - a statement verifies against the contract and input it was made from;
// - allocation of the total across stores conserves it;
// - a true-up against an earlier statement of the cycle adjusts by exactly new total − previous total,
//   one adjustment per changed line, both ways, and verifies with the options it recorded.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { D, quotient } from "../../src/internal/decimal.js";
import { settle } from "../../src/settlement/settle.js";
import { verifyStatement } from "../../src/settlement/verifyStatement.js";
import { settlementCaseArbitrary } from "../../src/testing/settlementCaseArbitrary.js";
import { minorUnits } from "../../src/values/currency.js";

const cases = settlementCaseArbitrary();
// A settlement validates the contract (SMART), evaluates targets and hashes its inputs: tens of
// milliseconds each, so the suites run fewer cases than the pure-arithmetic ones, with a longer timeout.
const runs = { numRuns: 60 };
const TIMEOUT = 120_000;
const allowInvalid = { allowInvalid: true } as const;

/** The same JSON value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}

describe("settle", { timeout: TIMEOUT }, () => {
  test.prop([cases], runs)(
    "makes the total the exact sum of its lines, each in minor units",
    ({ contract, input }) => {
      const statement = settle(contract, input, allowInvalid);
      const digits = minorUnits(statement.currency);
      const sum = statement.lines.reduce((s, line) => s.plus(line.amount), new D(0));
      expect(sum.eq(statement.total)).toBe(true);
      for (const line of [...statement.lines.map((l) => l.amount), statement.total]) {
        expect(line.split(".")[1]?.length ?? 0).toBe(digits);
        expect(line).not.toMatch(/^-0(\.0+)?$/);
      }
    },
  );

  test.prop([cases], runs)(
    "is deterministic: byte-identical statements and digests, whatever the key order",
    ({ contract, input }) => {
      const first = JSON.stringify(settle(contract, input, allowInvalid));
      const again = JSON.stringify(settle(structuredClone(contract), structuredClone(input), allowInvalid));
      expect(again).toBe(first);
      const reordered = settle(reverseKeys(contract), reverseKeys(input) as typeof input, allowInvalid);
      expect(reordered.digest).toBe(JSON.parse(first).digest);
      expect(reordered.total).toBe(JSON.parse(first).total);
    },
  );

  test.prop([cases], runs)(
    "keeps the total before tax within the prorated minimum and maximum",
    ({ contract, input }) => {
      const statement = settle(contract, input, allowInvalid);
      const unit = quotient(new D(1), new D(10).pow(minorUnits(statement.currency)));
      const beforeTax = statement.lines
        .filter((l) => l.kind !== "tax")
        .reduce((s, l) => s.plus(l.amount), new D(0));
      const factor = quotient(statement.proration.days, statement.proration.fullDays);
      const { minimum, maximum } = contract.fees;
      if (minimum !== undefined) expect(beforeTax.gt(new D(minimum).times(factor).minus(unit))).toBe(true);
      if (maximum !== undefined) expect(beforeTax.lt(new D(maximum).times(factor).plus(unit))).toBe(true);
      if (statement.proration.days === statement.proration.fullDays) {
        if (minimum !== undefined) expect(beforeTax.gte(minimum)).toBe(true);
        if (maximum !== undefined) expect(beforeTax.lte(maximum)).toBe(true);
      }
    },
  );

  test.prop([cases], { numRuns: 30 })("makes statements that verify", ({ contract, input }) => {
    const statement = settle(contract, input, allowInvalid);
    expect(verifyStatement(statement, contract, input)).toEqual({ ok: true, differences: [] });
    const tampered = {
      ...statement,
      total: new D(statement.total).plus(1).toFixed(minorUnits(statement.currency)),
    };
    expect(verifyStatement(tampered, contract, input).ok).toBe(false);
  });

  test.prop([cases], { numRuns: 40 })(
    "allocates the total across the stores exactly",
    ({ contract, input }) => {
      const result = (() => {
        try {
          return settle(contract, input, { ...allowInvalid, allocateBy: "basis" });
        } catch (error) {
          // A schedule without a basis has nothing to allocate by: that refusal is documented.
          if ((error as { code?: string }).code === "allocation-basis-missing") return undefined;
          throw error;
        }
      })();
      fc.pre(result !== undefined);
      const allocation = result?.allocation ?? [];
      expect(allocation.map((a) => a.store)).toEqual(input.facts.map((f) => f.store));
      expect(allocation.reduce((s, a) => s.plus(a.amount), new D(0)).eq(result?.total ?? "")).toBe(true);
    },
  );

  test.prop([cases, fc.integer({ min: 1, max: 100_000 })], { numRuns: 30 })(
    "trues up by exactly the change of total, line by line, and the true-up verifies",
    ({ contract, input }, lateRefundUnits) => {
      const first = settle(contract, input, allowInvalid);
      // Late refunds (by order date and by refund date) restate the first store's facts.
      const digits = minorUnits(first.currency);
      const late = quotient(new D(lateRefundUnits), new D(10).pow(digits));
      const [head, ...rest] = input.facts;
      const sales = head?.sales ?? {};
      const restated = {
        ...head,
        sales: {
          ...sales,
          refunds: new D(sales.refunds ?? "0").plus(late).toFixed(digits),
          refundsOnPeriodOrders: new D(sales.refundsOnPeriodOrders ?? "0").plus(late).toFixed(digits),
        },
      } as (typeof input.facts)[number];
      const restatedInput = { ...input, facts: [restated, ...rest] };
      const second = settle(contract, restatedInput, { ...allowInvalid, previous: first });
      expect(new D(second.adjustmentTotal ?? "").eq(new D(second.total).minus(first.total))).toBe(true);
      const adjustments = second.adjustments ?? [];
      expect(
        adjustments.reduce((sum, a) => sum.plus(a.amount), new D(0)).eq(second.adjustmentTotal ?? ""),
      ).toBe(true);
      for (const a of adjustments) {
        expect(new D(a.amount).isZero()).toBe(false);
        expect(new D(a.current).minus(a.previous).eq(a.amount)).toBe(true);
      }
      expect(verifyStatement(second, contract, restatedInput)).toEqual({ ok: true, differences: [] });
      // The first statement no longer matches the restated facts: at least its digest differs.
      const stale = verifyStatement(first, contract, restatedInput);
      expect(stale.differences.map((d) => d.field)).toContain("digest");
    },
  );
});
