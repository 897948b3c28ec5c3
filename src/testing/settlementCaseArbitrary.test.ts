import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { settle } from "../settlement/settle.js";
import { validateContract } from "../smart/validateContract.js";
import { type SettlementCase, settlementCaseArbitrary } from "./settlementCaseArbitrary.js";

const sample = (arb: fc.Arbitrary<SettlementCase>, numRuns: number) => fc.sample(arb, { numRuns, seed: 3 });

describe("settlementCaseArbitrary", () => {
  it("draws cases that settle, and over a sample makes every kind of line", { timeout: 120_000 }, () => {
    const kinds = new Set<string>();
    let partial = 0;
    let multiStore = 0;
    for (const { contract, input } of sample(settlementCaseArbitrary(), 120)) {
      const statement = settle(contract, input, { allowInvalid: true });
      for (const line of statement.lines) kinds.add(line.kind);
      if (statement.proration.days < statement.proration.fullDays) partial++;
      if (input.facts.length > 1) multiStore++;
      expect(input.history).toHaveLength(input.facts.length * 3);
    }
    expect([...kinds].sort()).toEqual(
      [
        "bonus",
        "fixed",
        "maximum",
        "minimum",
        "penalty",
        "reimbursement",
        "scorecard",
        "share",
        "tax",
      ].sort(),
    );
    expect(partial).toBeGreaterThan(0);
    expect(multiStore).toBeGreaterThan(0);
  });

  it("draws some cases without SMART errors, so settle's default path is exercised too", {
    timeout: 120_000,
  }, () => {
    // Judged as settle judges it: with the history, so baselines are computed.
    const valid = sample(settlementCaseArbitrary({ currency: "USD" }), 60).filter(
      ({ contract, input }) => validateContract(contract, { history: input.history }).ok,
    );
    expect(valid.length).toBeGreaterThan(0);
    for (const { contract, input } of valid.slice(0, 10))
      expect(settle(contract, input).currency).toBe("USD");
  });

  it("honours the currency, store and component options", () => {
    for (const { contract, input } of sample(
      settlementCaseArbitrary({ currency: "JPY", maxStores: 1, minComponents: 2, maxComponents: 2 }),
      30,
    )) {
      expect(contract.fees.currency).toBe("JPY");
      expect(contract.stores).toHaveLength(1);
      expect(input.facts).toHaveLength(1);
      expect(contract.fees.components).toHaveLength(2);
    }
  });
});
