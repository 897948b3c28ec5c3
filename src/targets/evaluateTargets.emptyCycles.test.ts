import { describe, expect, it } from "vitest";
import contractJson from "../../test/fixtures/worked/contract.json" with { type: "json" };
import historyJson from "../../test/fixtures/worked/history.json" with { type: "json" };
import marchJson from "../../test/fixtures/worked/march.json" with { type: "json" };
import { parseContract } from "../contract/parseContract.js";
import { evaluateTargets, type TargetEvaluation } from "./evaluateTargets.js";

// biome-ignore lint/suspicious/noExplicitAny: test data edited freely
type Json = any;

const MARCH = { start: "2026-03-01", end: "2026-03-31" };
const Q1 = { start: "2026-01-01", end: "2026-03-31" };
const history: Json[] = historyJson;
const janFeb = history.filter((f) => f.period.start >= "2026-01-01");
const [january, february] = janFeb as [Json, Json];
const march = (marchJson as Json[])[0];

/** ACoS at most 0.22, judged on the mean of Q1's cycles. */
const contract = parseContract({
  ...contractJson,
  targets: [
    {
      id: "acos-q1",
      kpi: "acos",
      scope: { attributionWindow: "14d" },
      goal: { atMost: "0.22" },
      evaluation: { window: Q1, aggregate: "mean-of-cycles" },
      weight: "1",
    },
  ],
  fees: { currency: "USD", components: [] },
});

function ads(f: Json, spend: string, sales: string): Json {
  return { ...f, ads: { ...f.ads, spend, attributed: { "14d": { sales, orders: 0 } } } };
}

function evaluate(jan: Json, feb: Json, mar: Json): TargetEvaluation {
  const report = evaluateTargets(contract, { cycle: MARCH, facts: [mar], history: [jan, feb] });
  return report.evaluations[0] as TargetEvaluation;
}

describe("mean-of-cycles of a lower-is-better ratio with cycles that have nothing to measure", () => {
  it("leaves a cycle without spend (0 ÷ 0) out of the mean", () => {
    // January 500 ÷ 1000 = 0.5, February 0 ÷ 0 left out, March 100 ÷ 1000 = 0.1: (0.5 + 0.1) ÷ 2 = 0.3
    const e = evaluate(
      ads(january, "500.00", "1000.00"),
      ads(february, "0.00", "0.00"),
      ads(march, "100.00", "1000.00"),
    );
    expect(e.actual).toBe("0.3");
    expect(e.status).toBe("missed");
    // 0.22 ÷ 0.3
    expect(e.attainment).toBe("0.7333333333333333333333333333333333");
    expect(e.trace.cycles).toEqual([
      { period: { start: "2026-01-01", end: "2026-01-31" }, value: "0.5" },
      {
        period: { start: "2026-02-01", end: "2026-02-28" },
        value: null,
        reason: "zero-denominator",
        leftOut: true,
      },
      { period: MARCH, value: "0.1" },
    ]);
  });

  it("meets the target at the cap when no cycle of the window has spend", () => {
    const e = evaluate(
      ads(january, "0.00", "0.00"),
      ads(february, "0.00", "0.00"),
      ads(march, "0.00", "0.00"),
    );
    expect(e).toMatchObject({
      actual: null,
      reason: "zero-denominator",
      status: "met",
      met: true,
      attainment: "2",
    });
  });

  it("still misses when a cycle has spend but no attributed sales (a non-zero numerator over 0)", () => {
    const e = evaluate(
      ads(january, "50.00", "0.00"),
      ads(february, "0.00", "0.00"),
      ads(march, "100.00", "1000.00"),
    );
    expect(e).toMatchObject({ actual: null, reason: "zero-denominator", status: "missed", attainment: "0" });
  });
});
