import { describe, expect, it } from "vitest";
import {
  historyContract,
  type Json,
  keepTargets,
  monthFacts,
  q4History,
  runRule,
  targetOf,
} from "../../test/contract/smartTestKit.js";
import { targetUnrealistic } from "./targetUnrealistic.js";

/** The history contract with only the GMV objective, its baseline over `window`, goal `change`. */
function gmvContract(window: { start: string; end: string }, change: string): Json {
  const c = keepTargets(historyContract(), ["gmv-growth"]);
  const t = targetOf(c, "gmv-growth");
  t.baseline.window = window;
  t.goal = { change };
  t.weight = "1";
  return c;
}

describe("target-unrealistic: growth test edges", () => {
  it("needs at least two baseline cycles to measure a month-on-month growth", () => {
    // Q4 2025: baseline 30720, target 30720 × 1.9 = 58368; from December's 32640 in one month that
    // is 58368 ÷ 32640 − 1 = 0.788… a month against a best of 0.0666… + 0.1 (the quotient 1.788… is
    // rounded to 34 significant digits before 1 is taken off).
    const q4 = runRule(targetUnrealistic, gmvContract({ start: "2025-10-01", end: "2025-12-31" }, "0.9"), {
      history: q4History(),
    });
    expect(q4.map((f) => [f.params.reason, f.params.required])).toEqual([
      ["growth", "0.788235294117647058823529411764706"],
    ]);
    // December alone: the same goal, but no growth between cycles to compare it with.
    const december = gmvContract({ start: "2025-12-01", end: "2025-12-31" }, "0.9");
    expect(runRule(targetUnrealistic, december, { history: q4History() })).toEqual([]);
  });

  it("skips a baseline window that ends after the judged cycle", () => {
    // Baseline January–March 2026 (growing 20% a month), judged every cycle from January 2026.
    const history = [
      monthFacts("2026-01", { gross: "10000.00" }),
      monthFacts("2026-02", { gross: "12000.00" }),
      monthFacts("2026-03", { gross: "14400.00" }),
    ];
    const c = gmvContract({ start: "2026-01-01", end: "2026-03-31" }, "0.9");
    expect(runRule(targetUnrealistic, c, { history })).toEqual([]);
  });
});
