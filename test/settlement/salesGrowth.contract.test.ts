import { describe, expect, it } from "vitest";
import { safeSettle, settle } from "../../src/settlement/settle.js";
import { validateContract } from "../../src/smart/validateContract.js";
import { evaluateTargets } from "../../src/targets/evaluateTargets.js";
import { GMV_SCOPE, MARCH, makeContract, makeFacts } from "./helpers.js";

// salesGrowth inside a contract reads its comparison from the history (docs/kpis.md). Every figure
// below is GMV excluding refunds (refunds 0), computed by hand.
const month = (m: string, gross: string) => {
  const [y, mm] = m.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, mm, 0)).getUTCDate();
  return makeFacts({ period: { start: `${m}-01`, end: `${m}-${last}` }, gross, refunds: "0.00" });
};
const growth = (comparison: string, extra: Record<string, unknown> = {}) => ({
  id: "growth",
  kpi: "salesGrowth",
  scope: { ...GMV_SCOPE, comparison },
  baseline: { value: "0.05" },
  goal: { atLeast: "0.1" },
  evaluation: { every: "cycle" },
  weight: "1",
  ...extra,
});
const guardrail = {
  id: "neg",
  kpi: "negativeReviewRate",
  scope: { maxStars: 2, denominator: "reviews" },
  goal: { below: "0.5" },
  evaluation: { every: "cycle" },
  role: "guardrail",
};
/** A fixed 1,000.00 and a 200.00 penalty when the growth target is missed. */
const contractWith = (target: Record<string, unknown>) =>
  makeContract(
    {
      components: [
        { type: "fixed", name: "base", amount: "1000.00" },
        { type: "penalty", name: "miss", target: "growth", amount: "200.00" },
      ],
    },
    { targets: [target, guardrail] },
  );
const marchFacts = [month("2026-03", "5000.00")];

describe("salesGrowth targets in a contract", () => {
  it("previous-period: March against February from the history", () => {
    // (5,000 − 1,000) ÷ 1,000 = 4 ≥ 0.1: met, no penalty
    const s = settle(contractWith(growth("previous-period")), {
      cycle: MARCH,
      facts: marchFacts,
      history: [month("2026-02", "1000.00")],
    });
    const e = s.evaluations[0];
    expect(e?.actual).toBe("4");
    expect(e?.status).toBe("met");
    expect(s.total).toBe("1000.00");
    expect(e?.trace.kpi?.trace?.inputs).toEqual({
      "sales.gross": "5000.00",
      "sales.refunds": "0.00",
      "comparison.sales.gross": "1000.00",
      "comparison.sales.refunds": "0.00",
    });
  });

  it("previous-period: a small growth misses and the penalty applies", () => {
    // (5,000 − 4,800) ÷ 4,800 = 0.041666…67 (34 digits) < 0.1: missed, −200.00
    const s = settle(contractWith(growth("previous-period")), {
      cycle: MARCH,
      facts: marchFacts,
      history: [month("2026-02", "4800.00")],
    });
    expect(s.evaluations[0]?.actual).toBe("0.04166666666666666666666666666666667");
    expect(s.evaluations[0]?.status).toBe("missed");
    expect(s.lines.map((l) => [l.component, l.amount])).toEqual([
      ["base", "1000.00"],
      ["miss", "-200.00"],
    ]);
    expect(s.total).toBe("800.00");
  });

  it("previous-period on a term that starts mid-month: the term's partial first month, then the whole month before", () => {
    const term = { term: { start: "2026-01-10", end: "2026-12-31" } };
    const contract = makeContract(
      {
        components: [
          { type: "fixed", name: "base", amount: "1000.00" },
          { type: "penalty", name: "miss", target: "growth", amount: "200.00" },
        ],
      },
      { ...term, targets: [growth("previous-period"), guardrail] },
    );
    const partialJanuary = makeFacts({
      period: { start: "2026-01-10", end: "2026-01-31" },
      gross: "2000.00",
      refunds: "0.00",
    });
    // February against 10–31 January, as the history holds it: (3,000 − 2,000) ÷ 2,000 = 0.5
    const february = settle(contract, {
      cycle: { start: "2026-02-01", end: "2026-02-28" },
      facts: [month("2026-02", "3000.00")],
      history: [month("2025-12", "4000.00"), partialJanuary],
    });
    expect(february.evaluations[0]?.actual).toBe("0.5");
    // The partial January against the whole December before the term: (2,000 − 4,000) ÷ 4,000
    const january = settle(contract, {
      cycle: { start: "2026-01-10", end: "2026-01-31" },
      facts: [partialJanuary],
      history: [month("2025-12", "4000.00")],
    });
    expect(january.evaluations[0]?.actual).toBe("-0.5");
  });

  it("a comparison in another currency is converted at its own cycle's rate and listed once", () => {
    const eu = {
      stores: [
        { id: "de", platform: "amazon", marketplace: "DE", currency: "EUR", timeZone: "Europe/Berlin" },
      ],
      fx: {
        policy: "cycle-end",
        rates: [
          { from: "EUR", to: "USD", rate: "1.25", date: "2026-01-31" },
          { from: "EUR", to: "USD", rate: "1.10", date: "2026-02-28" },
          { from: "EUR", to: "USD", rate: "1.20", date: "2026-03-31" },
        ],
      },
      targets: [{ ...growth("previous-period"), stores: ["de"] }, guardrail],
    };
    const contract = makeContract({ components: [{ type: "fixed", name: "base", amount: "1000.00" }] }, eu);
    const de = (m: string, end: string, gross: string) =>
      makeFacts({ store: "de", currency: "EUR", period: { start: `${m}-01`, end }, gross, refunds: "0.00" });
    // March €5,000 × 1.20 = $6,000 against February €4,000 × 1.10 = $4,400: 1,600 ÷ 4,400 = 0.3636…
    const s = settle(contract, {
      cycle: MARCH,
      facts: [de("2026-03", "2026-03-31", "5000.00")],
      history: [de("2026-01", "2026-01-31", "9999.00"), de("2026-02", "2026-02-28", "4000.00")],
    });
    expect(s.evaluations[0]?.actual).toBe("0.3636363636363636363636363636363636");
    // January's record is not read, so its rate is not listed.
    expect(s.fxRates.map((r) => [r.rate, r.date])).toEqual([
      ["1.2", "2026-03-31"],
      ["1.1", "2026-02-28"],
    ]);
  });

  it("same-period-last-year: March 2026 against March 2025", () => {
    // (5,000 − 4,000) ÷ 4,000 = 0.25; February's record is not read
    const s = settle(contractWith(growth("same-period-last-year")), {
      cycle: MARCH,
      facts: marchFacts,
      history: [month("2025-03", "4000.00"), month("2026-02", "9999.00")],
    });
    expect(s.evaluations[0]?.actual).toBe("0.25");
    expect(s.evaluations[0]?.trace.kpi?.trace?.inputs?.["comparison.sales.gross"]).toBe("4000.00");
  });

  it("a pooled window compares with as many cycles just before it", () => {
    // Q1 (3,000 + 4,000 + 5,000 = 12,000) against Q4 (2,000 + 2,500 + 3,500 = 8,000): 0.5
    const target = growth("previous-period", {
      evaluation: { window: { start: "2026-01-01", end: "2026-03-31" }, aggregate: "pooled" },
    });
    const history = [
      month("2025-10", "2000.00"),
      month("2025-11", "2500.00"),
      month("2025-12", "3500.00"),
      month("2026-01", "3000.00"),
      month("2026-02", "4000.00"),
    ];
    const s = settle(
      contractWith(target),
      { cycle: MARCH, facts: marchFacts, history },
      { allowInvalid: true },
    );
    expect(s.evaluations[0]?.actual).toBe("0.5");
    expect(s.evaluations[0]?.trace.kpi?.trace?.inputs?.["comparison.sales.gross"]).toBe("8000.00");
  });

  it("a mean-of-cycles window compares each cycle with the one before it", () => {
    // February (3,000 − 2,000) ÷ 2,000 = 0.5; March (5,000 − 3,000) ÷ 3,000 = 0.666…67;
    // mean (0.5 + 0.6666666666666666666666666666666667) ÷ 2 = 0.5833333333333333333333333333333334
    const target = growth("previous-period", {
      evaluation: { window: { start: "2026-02-01", end: "2026-03-31" }, aggregate: "mean-of-cycles" },
    });
    const history = [month("2026-01", "2000.00"), month("2026-02", "3000.00")];
    const s = settle(
      contractWith(target),
      { cycle: MARCH, facts: marchFacts, history },
      { allowInvalid: true },
    );
    expect(s.evaluations[0]?.trace.cycles?.map((c) => c.value)).toEqual([
      "0.5",
      "0.6666666666666666666666666666666667",
    ]);
    expect(s.evaluations[0]?.actual).toBe("0.5833333333333333333333333333333334");
  });

  it("evaluateTargets reads the comparison the same way", () => {
    const report = evaluateTargets(contractWith(growth("previous-period")), {
      cycle: MARCH,
      facts: marchFacts,
      history: [month("2026-02", "1000.00")],
    });
    expect(report.evaluations[0]?.actual).toBe("4");
  });

  it("a comparison cycle the history lacks is facts-missing at history, never a miss", () => {
    const result = safeSettle(contractWith(growth("same-period-last-year")), {
      cycle: MARCH,
      facts: marchFacts,
      history: [month("2026-02", "1000.00")],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe("facts-missing");
    expect(result.error.issues).toEqual([
      {
        code: "facts-missing",
        path: ["history"],
        message: "No facts for store us in 2025-03-01..2025-03-31",
      },
    ]);
  });

  it("comparison baseline: SMART scope-invalid at the knob, in both languages", () => {
    const contract = contractWith(growth("baseline"));
    const finding = validateContract(contract).findings.find((f) => f.code === "scope-invalid");
    expect(finding).toMatchObject({
      severity: "error",
      path: ["targets", 0, "scope", "comparison"],
      params: { target: "growth", kpi: "salesGrowth", reason: "comparison-baseline", knob: "comparison" },
    });
    expect(finding?.message).toBe(
      'Target "growth" sets the scope knob "comparison" of sales growth to "baseline", a comparison value nothing in a contract supplies; use "previous-period" or "same-period-last-year" (read from the history), or a gmv target with a change goal on a baseline.',
    );
    const zh = validateContract(contract, { locale: "zh-CN" }).findings.find(
      (f) => f.code === "scope-invalid",
    );
    expect(zh?.message).toContain("合同中没有任何地方提供这个对比值");
    const refused = safeSettle(contract, { cycle: MARCH, facts: marchFacts });
    expect(refused.success ? undefined : refused.error.code).toBe("contract-not-smart");
    expect(refused.success ? [] : refused.error.issues.map((i) => i.path)).toEqual([
      ["targets", 0, "scope", "comparison"],
    ]);
  });
});

describe("salesGrowth with comparison baseline, settled anyway", () => {
  it("has no comparison: evaluateTargets says missing-facts naming it; settle refuses (SPEC §6.5)", () => {
    const contract = contractWith(growth("baseline"));
    const input = { cycle: MARCH, facts: marchFacts, history: [month("2026-02", "1000.00")] };
    const e = evaluateTargets(contract, input).evaluations[0];
    expect(e?.actual).toBeNull();
    expect(e?.reason).toBe("missing-facts");
    expect(e?.trace.kpi).toMatchObject({ value: null, reason: "missing-facts", missing: ["comparison"] });
    // A target whose facts are missing is never judged missed in a statement: no penalty, no gate.
    const result = safeSettle(contract, input, { allowInvalid: true });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe("facts-missing");
    expect(result.error.params).toMatchObject({
      targets: [{ targetId: e?.targetId, kpi: "salesGrowth", missing: ["comparison"], period: MARCH }],
    });
    expect(result.error.message).toContain(
      "target growth (salesGrowth) in 2026-03-01..2026-03-31 (missing comparison)",
    );
  });
});

describe("salesGrowth baselines from history", () => {
  // GMV by month: July 900, August 950, September 1,000, October 1,100, November 1,210,
  // December 1,452 (refunds 0).
  const history = [
    month("2025-07", "900.00"),
    month("2025-08", "950.00"),
    month("2025-09", "1000.00"),
    month("2025-10", "1100.00"),
    month("2025-11", "1210.00"),
    month("2025-12", "1452.00"),
    month("2026-02", "1000.00"),
  ];
  const q4 = { start: "2025-10-01", end: "2025-12-31" };

  it("mean-of-cycles: each month against the month before, then the mean", () => {
    // October 0.1, November 0.1, December (1,452 − 1,210) ÷ 1,210 = 0.2; mean 0.4 ÷ 3
    const target = growth("previous-period", {
      baseline: { from: "history", window: q4, aggregate: "mean-of-cycles" },
    });
    const s = settle(contractWith(target), { cycle: MARCH, facts: marchFacts, history });
    const e = s.evaluations[0];
    expect(e?.baseline).toBe("0.1333333333333333333333333333333333");
    expect(e?.trace.baseline).toMatchObject({
      kind: "mean-of-cycles",
      cycles: [{ value: "0.1" }, { value: "0.1" }, { value: "0.2" }],
    });
  });

  it("pooled: the quarter against the three months before it", () => {
    // (1,100 + 1,210 + 1,452) = 3,762 against (900 + 950 + 1,000) = 2,850: 912 ÷ 2,850 = 0.32
    const target = growth("previous-period", {
      baseline: { from: "history", window: q4, aggregate: "pooled" },
    });
    const s = settle(contractWith(target), { cycle: MARCH, facts: marchFacts, history });
    expect(s.evaluations[0]?.baseline).toBe("0.32");
  });

  it("a baseline window inside a term that starts mid-month compares with the term's partial month", () => {
    // Term from 10 January; baseline February–March (mean of cycles): February (3,000) against
    // 10–31 January (2,000) = 0.5, March (3,600) against February = 0.2; mean 0.35.
    const target = growth("previous-period", {
      baseline: {
        from: "history",
        window: { start: "2026-02-01", end: "2026-03-31" },
        aggregate: "mean-of-cycles",
      },
      evaluation: { every: "cycle" },
    });
    const contract = makeContract(
      { components: [{ type: "fixed", name: "base", amount: "1000.00" }] },
      { term: { start: "2026-01-10", end: "2026-12-31" }, targets: [target, guardrail] },
    );
    const partialJanuary = makeFacts({
      period: { start: "2026-01-10", end: "2026-01-31" },
      gross: "2000.00",
      refunds: "0.00",
    });
    const s = settle(
      contract,
      {
        cycle: { start: "2026-04-01", end: "2026-04-30" },
        facts: [month("2026-04", "4000.00")],
        history: [partialJanuary, month("2026-02", "3000.00"), month("2026-03", "3600.00")],
      },
      { allowInvalid: true },
    );
    expect(s.evaluations[0]?.baseline).toBe("0.35");
    // April (4,000) against March (3,600): 0.1111…
    expect(s.evaluations[0]?.actual).toBe("0.1111111111111111111111111111111111");
  });

  it("a comparison month the history lacks makes the baseline unavailable, naming it", () => {
    const target = growth("previous-period", {
      baseline: { from: "history", window: q4, aggregate: "mean-of-cycles" },
    });
    const without = history.filter((f) => f.period.start !== "2025-09-01");
    const finding = validateContract(contractWith(target), { history: without }).findings.find(
      (f) => f.code === "baseline-unavailable",
    );
    expect(finding?.params).toMatchObject({
      reason: "missing-cycles",
      cycles: ["2025-09-01..2025-09-30"],
    });
  });
});
