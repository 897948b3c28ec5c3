import { describe, expect, it } from "vitest";
import contractJson from "../../test/fixtures/worked/contract.json" with { type: "json" };
import expected from "../../test/fixtures/worked/expected.json" with { type: "json" };
import history from "../../test/fixtures/worked/history.json" with { type: "json" };
import marchJson from "../../test/fixtures/worked/march.json" with { type: "json" };
import { parseContract } from "../contract/parseContract.js";
import { evaluateTargets } from "./evaluateTargets.js";

const MARCH = { start: "2026-03-01", end: "2026-03-31" };

/**
 * The SPEC §8 contract with a second store in GBP that no target reads (every target names the US
 * store) and no fx table: the UK store's history must not be converted for the US baselines.
 */
const twoStores = parseContract({
  ...contractJson,
  stores: [
    ...contractJson.stores,
    { id: "uk", platform: "amazon", marketplace: "UK", currency: "GBP", timeZone: "Europe/London" },
  ],
  targets: contractJson.targets.map((t) => ({ ...t, stores: ["us"] })),
});
const ukHistory = history.map((f) => ({ ...f, store: "uk", currency: "GBP" }));

describe("evaluateTargets: baselines convert only the history they read", () => {
  it("ignores another store's history in a currency without a rate, and lists no rate for it", () => {
    const report = evaluateTargets(twoStores, {
      cycle: MARCH,
      facts: marchJson,
      history: [...history, ...ukHistory],
    });
    const byId = Object.fromEntries(report.evaluations.map((e) => [e.targetId, e]));
    expect(byId["gmv-growth"]?.baseline).toBe(expected.baselines["gmv-growth"]);
    expect(byId.acos?.baseline).toBe(expected.baselines.acos);
    // 0.5 × min(41220 ÷ 43008, 1) + 0.5 × min(1.0266…, 1), over the weights 0.5 + 0.5
    expect(report.score).toBe("0.9792131696428571428571428571428572");
    expect(report.fxRates).toEqual([]);
  });

  it("still needs the rate when a target reads the other store", () => {
    const reading = parseContract({
      ...twoStores,
      targets: twoStores.targets.map((t, i) => (i === 0 ? { ...t, stores: ["us", "uk"] } : t)),
    });
    expect(() =>
      evaluateTargets(reading, { cycle: MARCH, facts: marchJson, history: [...history, ...ukHistory] }),
    ).toThrow(expect.objectContaining({ code: "fx-rate-missing" }));
  });
});
