import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeParseContract } from "../contract/parseContract.js";
import type { ContractInput } from "../contract/schema.js";
import { contractArbitrary } from "./contractArbitrary.js";

const sample = (arb: fc.Arbitrary<ContractInput>, numRuns = 300) => fc.sample(arb, { numRuns, seed: 13 });

describe("contractArbitrary", () => {
  it("draws contracts that parse, with the variety it promises", { timeout: 60_000 }, () => {
    const seen = { quarterly: 0, days: 0, fx: 0, percent: 0, history: 0, window: 0, multiStore: 0 };
    for (const json of sample(contractArbitrary())) {
      const result = safeParseContract(json);
      expect(result.success ? "ok" : JSON.stringify(result.error.issues)).toBe("ok");
      if (json.cycle === "quarterly") seen.quarterly++;
      if (typeof json.cycle === "object") seen.days++;
      if (json.fx !== undefined) seen.fx++;
      if (JSON.stringify(json).includes('%"')) seen.percent++;
      if (json.targets.some((t) => t.baseline !== undefined && "from" in t.baseline)) seen.history++;
      if (json.targets.some((t) => t.evaluation !== undefined && "window" in t.evaluation)) seen.window++;
      if (json.stores.length > 1) seen.multiStore++;
    }
    for (const [what, count] of Object.entries(seen)) expect([what, count > 0]).toEqual([what, true]);
  });

  it("honours the currency and the most stores and targets", () => {
    for (const json of sample(contractArbitrary({ currency: "GBP", maxStores: 1, maxTargets: 1 }), 100)) {
      expect(json.fees.currency).toBe("GBP");
      expect(json.stores).toHaveLength(1);
      expect(json.targets.length).toBeLessThanOrEqual(1);
    }
  });
});
