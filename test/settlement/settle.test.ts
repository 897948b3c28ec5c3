import { describe, expect, it } from "vitest";
import type { SettlementStatement } from "../../src/settlement/SettlementStatement.js";
import { safeSettle, settle } from "../../src/settlement/settle.js";
import { APRIL, GMV_SCOPE, MARCH, makeContract, makeFacts } from "./helpers.js";

const fixed = { type: "fixed", name: "base", amount: "1500.00", prorate: "daily" };
const share = (rate: string, extra: Record<string, unknown> = {}) => ({
  type: "share",
  name: "share",
  basis: { kpi: "gmv", scope: GMV_SCOPE },
  tiers: [{ upTo: null, rate }],
  ...extra,
});
const amounts = (s: SettlementStatement) => s.lines.map((l) => [l.component, l.amount]);
const march = (options: Parameters<typeof makeFacts>[0] = {}) => ({
  cycle: MARCH,
  facts: [makeFacts(options)],
});

describe("settle: hand-computed settlements", () => {
  it("partial first cycle: fixed and over prorated by 22 ÷ 31", () => {
    const contract = makeContract(
      {
        components: [fixed, share("0.05", { basis: { kpi: "gmv", scope: GMV_SCOPE, over: "31000" } })],
        minimum: "2000.00",
      },
      { term: { start: "2026-01-10", end: "2026-12-31" } },
    );
    const cycle = { start: "2026-01-10", end: "2026-01-31" };
    // fixed 1,500.00 × 22 ÷ 31 = 1,064.516… → 1,064.52
    // over 31,000 × 22 ÷ 31 = 22,000; GMV 30,000 − 0 → 8,000 × 5% = 400.00
    // minimum 2,000 × 22 ÷ 31 = 1,419.354… < 1,464.52: no top-up
    const s = settle(contract, {
      cycle,
      facts: [makeFacts({ period: cycle, gross: "30000.00", refunds: "0.00" })],
    });
    expect(amounts(s)).toEqual([
      ["base", "1064.52"],
      ["share", "400.00"],
    ]);
    expect(s.total).toBe("1464.52");
    expect(s.proration).toMatchObject({ days: 22, fullDays: 31 });
    // GMV 22,500: 500 × 5% = 25.00; subtotal 1,089.52 → top-up 1,419.354838… − 1,089.52
    // = 329.834838… → 329.83 (the bound stays exact; only the line is rounded)
    const low = settle(contract, {
      cycle,
      facts: [makeFacts({ period: cycle, gross: "22500.00", refunds: "0.00" })],
    });
    expect(amounts(low)).toEqual([
      ["base", "1064.52"],
      ["share", "25.00"],
      ["minimum", "329.83"],
    ]);
    expect(low.total).toBe("1419.35");
  });

  it("partial cycle: the prorated cap and floor stay exact, only the line is rounded (SPEC §6.4)", () => {
    const cycle = { start: "2026-01-10", end: "2026-01-31" };
    const term = { term: { start: "2026-01-10", end: "2026-12-31" } };
    const facts = { cycle, facts: [makeFacts({ period: cycle, gross: "30000.00", refunds: "0.00" })] };
    // fixed 1,500.00 × 22 ÷ 31 = 1,064.516… → up → 1,064.52; share 30,000 × 10% = 3,000.00
    // subtotal 4,064.52; cap 3,000 × 22 ÷ 31 = 2,129.032258…
    // reduction 2,129.032258… − 4,064.52 = −1,935.487741… → up (away from zero) → −1,935.49
    // total 2,129.03, not above the prorated cap (rounding the cap first would give 2,129.04)
    const capped = settle(
      makeContract({ components: [fixed, share("0.10")], maximum: "3000.00", rounding: "up" }, term),
      facts,
    );
    expect(amounts(capped)).toEqual([
      ["base", "1064.52"],
      ["share", "3000.00"],
      ["maximum", "-1935.49"],
    ]);
    expect(capped.total).toBe("2129.03");
    const reduction = capped.lines[2];
    expect(reduction?.trace).toMatchObject({
      formula: "maximum × d ÷ D − subtotal",
      substituted: "3000.00 × 22 ÷ 31 − 4064.52",
      exact: "-1935.487741935483870967741935483871",
      steps: [
        { name: "maximum", value: "3000.00" },
        { name: "maximum × 22 ÷ 31", value: "2129.032258064516129032258064516129" },
        { name: "subtotal", value: "4064.52" },
      ],
    });
    expect(reduction?.description).toBe("Reduction to the maximum fee 3000.00 × 22 ÷ 31 (subtotal 4064.52)");
    // floor 1,000.00 × 22 ÷ 31 = 709.677419…; a fixed 500.00 that is not prorated is below it:
    // top-up 709.677419… − 500.00 = 209.677419… → down → 209.67, total 709.67
    const floored = settle(
      makeContract(
        {
          components: [{ type: "fixed", name: "base", amount: "500.00", prorate: "none" }],
          minimum: "1000.00",
          rounding: "down",
        },
        term,
      ),
      facts,
    );
    expect(amounts(floored)).toEqual([
      ["base", "500.00"],
      ["minimum", "209.67"],
    ]);
    expect(floored.total).toBe("709.67");
    expect(floored.warnings).toContain(
      "The subtotal 500.00 is below the minimum 1000.00 × 22 ÷ 31: topped up",
    );
  });

  it("volume vs graduated with flat fees", () => {
    const tiers = [
      { upTo: "20000", rate: "0.05", flat: "100.00" },
      { upTo: null, rate: "0.03", flat: "250.00" },
    ];
    const facts = march({ gross: "30000.00", refunds: "0.00" });
    // graduated: 100 + 20,000 × 5% + 250 + 10,000 × 3% = 100 + 1,000 + 250 + 300 = 1,650.00
    const graduated = settle(makeContract({ components: [share("0", { tiers, mode: "graduated" })] }), facts);
    expect(graduated.total).toBe("1650.00");
    // volume: 30,000 × 3% + 250 = 1,150.00
    const volume = settle(makeContract({ components: [share("0", { tiers, mode: "volume" })] }), facts);
    expect(volume.total).toBe("1150.00");
    expect(volume.lines[0]?.trace.tiers?.parts[0]?.tier).toBe(1);
  });

  it("floor top-up, also after a penalty (a penalty cannot push the fee below the minimum)", () => {
    const fees = {
      components: [share("0.05"), { type: "penalty", name: "acos-miss", target: "acos", amount: "150.00" }],
      minimum: "1000.00",
    };
    // GMV 10,000 − 0 = 10,000 × 5% = 500.00; acos 9,000 ÷ 42,000 met → no penalty; top-up 500.00
    const met = settle(makeContract(fees), march({ gross: "10000.00", refunds: "0.00" }));
    expect(amounts(met)).toEqual([
      ["share", "500.00"],
      ["minimum", "500.00"],
    ]);
    // acos 9,000 ÷ 36,000 = 0.25 missed → −150.00; subtotal 350.00 → top-up 650.00
    const missed = settle(
      makeContract(fees),
      march({ gross: "10000.00", refunds: "0.00", attributed: "36000.00" }),
    );
    expect(amounts(missed)).toEqual([
      ["share", "500.00"],
      ["acos-miss", "-150.00"],
      ["minimum", "650.00"],
    ]);
    expect(missed.total).toBe("1000.00");
  });

  it("cap reduction", () => {
    // 1,500.00 + 100,000 × 8% = 9,500.00 > 8,000.00 → reduction −1,500.00
    const s = settle(
      makeContract({ components: [fixed, share("0.08")], maximum: "8000.00" }),
      march({ gross: "100000.00", refunds: "0.00" }),
    );
    expect(amounts(s)).toEqual([
      ["base", "1500.00"],
      ["share", "8000.00"],
      ["maximum", "-1500.00"],
    ]);
    expect(s.total).toBe("8000.00");
  });

  it("failed gate: a 0 line whose trace names the gate", () => {
    // negative reviews 3 ÷ 300 = 0.01, not below 0.008 → gate fails
    const s = settle(
      makeContract({ components: [fixed, share("0.08", { gates: ["negative-reviews"] })] }),
      march({ negativeReviews: 3 }),
    );
    expect(amounts(s)).toEqual([
      ["base", "1500.00"],
      ["share", "0.00"],
    ]);
    expect(s.lines[1]?.trace.gate).toMatchObject({ id: "negative-reviews", status: "missed" });
    expect(s.warnings.some((w) => w.includes("negative-reviews"))).toBe(true);
  });

  it("penalty: 10% of the fixed lines when acos is missed, capped by its own cap", () => {
    const fees = {
      components: [
        fixed,
        { type: "penalty", name: "acos-miss", target: "acos", rateOfFixed: "0.10" },
        { type: "penalty", name: "acos-flat", target: "acos", amount: "400.00", cap: "250.00" },
      ],
    };
    // acos 9,000 ÷ 36,000 = 0.25 > 0.22: −150.00 and −min(400, 250) = −250.00
    const s = settle(makeContract(fees), march({ attributed: "36000.00" }));
    expect(amounts(s)).toEqual([
      ["base", "1500.00"],
      ["acos-miss", "-150.00"],
      ["acos-flat", "-250.00"],
    ]);
    expect(s.total).toBe("1100.00");
    // met: no penalty lines at all
    expect(settle(makeContract(fees), march()).lines).toHaveLength(1);
  });

  it("scorecard threshold", () => {
    const fees = {
      components: [{ type: "scorecard", name: "scorecard", pool: "2000.00", threshold: "0.9" }],
    };
    // acos 0.25: attainment 0.22 ÷ 0.25 = 0.88 < 0.9 → 0
    const below = settle(makeContract(fees), march({ attributed: "36000.00" }));
    expect(below.score).toBe("0.88");
    expect(below.total).toBe("0.00");
    // acos 9,000 ÷ 42,000 = 0.214…: attainment 1.0267 → min(…, 1) = 1 → 2,000 × 1 = 2,000.00
    const above = settle(makeContract(fees), march());
    expect(above.score).toBe("1");
    expect(above.total).toBe("2000.00");
  });

  it("linear and step bonuses pay by attainment, met or not", () => {
    const fees = {
      components: [
        {
          type: "bonus",
          name: "linear",
          target: "acos",
          payout: { linear: { from: "0.8", to: "1.2", min: "0", max: "1000.00" } },
        },
        {
          type: "bonus",
          name: "steps",
          target: "acos",
          payout: {
            steps: [
              { from: "0.8", amount: "300.00" },
              { from: "1.0", amount: "600.00" },
            ],
          },
        },
        { type: "bonus", name: "fixed", target: "acos", payout: { fixed: "500.00" } },
      ],
    };
    // attainment 0.88: linear 1,000 × (0.88 − 0.8) ÷ 0.4 = 200.00; steps 300.00; fixed missed 0.00
    const s = settle(makeContract(fees), march({ attributed: "36000.00" }));
    expect(amounts(s)).toEqual([
      ["linear", "200.00"],
      ["steps", "300.00"],
      ["fixed", "0.00"],
    ]);
    // attainment 0.22 ÷ (9,000 ÷ 42,000) = 1.02666…: linear 1,000 × 0.22666… ÷ 0.4 = 566.67; steps 600; fixed 500
    const met = settle(makeContract(fees), march());
    expect(amounts(met)).toEqual([
      ["linear", "566.67"],
      ["steps", "600.00"],
      ["fixed", "500.00"],
    ]);
  });

  it("JPY at a .5 boundary in two rounding modes", () => {
    const jp = {
      stores: [{ id: "jp", platform: "amazon", marketplace: "JP", currency: "JPY", timeZone: "Asia/Tokyo" }],
    };
    const facts = march({ store: "jp", currency: "JPY", gross: "12330", refunds: "0" });
    // 12,330 × 5% = 616.5
    const halfUp = settle(makeContract({ currency: "JPY", components: [share("0.05")] }, jp), facts);
    expect(halfUp.total).toBe("617");
    const halfEven = settle(
      makeContract({ currency: "JPY", rounding: "half-even", components: [share("0.05")] }, jp),
      facts,
    );
    expect(halfEven.total).toBe("616");
    expect(halfEven.lines[0]?.trace.exact).toBe("616.5");
  });

  it("EUR facts settled in USD with the cycle-end rate", () => {
    const eu = {
      stores: [
        { id: "de", platform: "amazon", marketplace: "DE", currency: "EUR", timeZone: "Europe/Berlin" },
      ],
      fx: { policy: "cycle-end", rates: [{ from: "EUR", to: "USD", rate: "1.0850", date: "2026-03-31" }] },
    };
    // GMV €40,000 − €0 = €40,000 × 1.0850 = $43,400 × 5% = $2,170.00
    const s = settle(
      makeContract({ components: [share("0.05")] }, eu),
      march({ store: "de", currency: "EUR", gross: "40000.00", refunds: "0.00" }),
    );
    expect(s.total).toBe("2170.00");
    expect(s.lines[0]?.basis).toBe("43400");
    expect(s.fxRates.length).toBeGreaterThan(0);
    expect(s.fxRates[0]).toMatchObject({ from: "EUR", to: "USD", rate: "1.085", date: "2026-03-31" }); // written without trailing zeros
  });

  it("refunds exceeding sales: a zero basis with a warning", () => {
    // GMV 1,000 − 1,500 = −500 → counts as 0
    const s = settle(
      makeContract({ components: [share("0.1")] }),
      march({ gross: "1000.00", refunds: "1500.00" }),
    );
    expect(s.total).toBe("0.00");
    expect(s.warnings.some((w) => w.includes("negative"))).toBe(true);
  });

  it("refunds exceeding sales: carry-forward into the next cycle", () => {
    const contract = makeContract({ components: [share("0.1", { negativeBasis: "carry-forward" })] });
    const m = settle(contract, march({ gross: "1000.00", refunds: "1500.00" }));
    expect(m.lines[0]).toMatchObject({ amount: "0.00", carryForward: "-500" });
    // April GMV 3,000 − 0 − 500 carried = 2,500 × 10% = 250.00, nothing left to carry
    const a = settle(
      contract,
      { cycle: APRIL, facts: [makeFacts({ period: APRIL, gross: "3000.00", refunds: "0.00" })] },
      { previousCycle: m },
    );
    expect(a.lines[0]).toMatchObject({ amount: "250.00", carryForward: "0", basis: "2500" });
    expect(a.options.previousCycle?.carryForward).toEqual({ share: "-500" });
    // March is not the term's first cycle and came without February's statement: said so.
    const missing =
      "share carries a negative basis forward, but no previousCycle statement was given: anything carried from the cycle before 2026-03-01 is not applied";
    expect(m.warnings).toContain(missing);
    expect(a.warnings.some((w) => w.includes("previousCycle"))).toBe(false);
    // The term's first cycle has nothing before it to carry.
    const january = { start: "2026-01-01", end: "2026-01-31" };
    const first = settle(contract, {
      cycle: january,
      facts: [makeFacts({ period: january, gross: "3000.00", refunds: "0.00" })],
    });
    expect(first.warnings.some((w) => w.includes("previousCycle"))).toBe(false);
    const zh = settle(contract, march({ gross: "1000.00", refunds: "1500.00" }), { locale: "zh-CN" });
    expect(zh.warnings).toContain(
      "share 的负计费基数会结转至下期，但未提供上期结算单（previousCycle）：2026-03-01 之前一期结转的金额未予计入",
    );
  });

  it("a pending window target pays nothing and says pending", () => {
    const contract = makeContract(
      {
        components: [
          fixed,
          { type: "bonus", name: "q1-bonus", target: "q1-gmv", payout: { fixed: "1000.00" } },
        ],
      },
      {
        targets: [
          { ...makeContract({ components: [] }).targets[0], weight: "0.5" },
          makeContract({ components: [] }).targets[1],
          {
            id: "q1-gmv",
            kpi: "gmv",
            scope: GMV_SCOPE,
            goal: { atLeast: "40000" },
            evaluation: { window: { start: "2026-01-01", end: "2026-03-31" }, aggregate: "mean-of-cycles" },
            weight: "0.5",
          },
        ],
      },
    );
    const jan = { start: "2026-01-01", end: "2026-01-31" };
    const s = settle(contract, { cycle: jan, facts: [makeFacts({ period: jan })] });
    expect(amounts(s)).toEqual([
      ["base", "1500.00"],
      ["q1-bonus", "0.00"],
    ]);
    expect(s.lines[1]?.description).toContain("pending");
    expect(s.evaluations.find((e) => e.targetId === "q1-gmv")?.status).toBe("pending");
    // March judges the window: mean of 44,160 × 3 = 44,160 ≥ 40,000 → met, 1,000.00 paid
    const history = ["01", "02"].map((m) =>
      makeFacts({ period: { start: `2026-${m}-01`, end: m === "01" ? "2026-01-31" : "2026-02-28" } }),
    );
    const marchStatement = settle(contract, { cycle: MARCH, facts: [makeFacts()], history });
    expect(marchStatement.lines[1]?.amount).toBe("1000.00");
  });

  it("tax line on the subtotal", () => {
    // 1,500.00 × 6% = 90.00; total 1,590.00
    const s = settle(makeContract({ components: [fixed], tax: { rate: "6%", name: "VAT" } }), march());
    expect(amounts(s)).toEqual([
      ["base", "1500.00"],
      ["VAT", "90.00"],
    ]);
    expect(s.total).toBe("1590.00");
  });

  it("reimbursement re-bills ad spend with a markup", () => {
    // 9,000.00 × 1.05 = 9,450.00
    const s = settle(
      makeContract({ components: [{ type: "reimbursement", name: "ads", fact: "ads.spend", markup: "5%" }] }),
      march(),
    );
    expect(s.total).toBe("9450.00");
  });

  it("true-up both ways after refunds are restated", () => {
    const contract = makeContract({ components: [fixed, share("0.08")] });
    // GMV 46,000 − 1,840 = 44,160 × 8% = 3,532.80
    const first = settle(contract, march());
    expect(first.total).toBe("5032.80");
    // late refunds: 46,000 − 2,840 = 43,160 × 8% = 3,452.80 → −80.00
    const down = settle(contract, march({ refunds: "2840.00" }), { previous: first });
    expect(down.adjustments).toEqual([
      { component: "share", kind: "share", previous: "3532.80", current: "3452.80", amount: "-80.00" },
    ]);
    expect(down.adjustmentTotal).toBe("-80.00");
    // fewer refunds: 46,000 − 840 = 45,160 × 8% = 3,612.80 → +80.00
    const up = settle(contract, march({ refunds: "840.00" }), { previous: first });
    expect(up.adjustmentTotal).toBe("80.00");
    // an unchanged restatement has no adjustments
    expect(settle(contract, march(), { previous: first }).adjustments).toEqual([]);
  });

  it("standing from the scores of earlier cycles", () => {
    // acos 0.25 → score 0.88 ≥ 0.7; with a failing February before it the state returns to good
    const s = settle(makeContract({ components: [fixed] }), march({ attributed: "36000.00" }), {
      standingHistory: [{ cycle: { start: "2026-02-01", end: "2026-02-28" }, score: "0.5" }],
    });
    expect(s.standing).toMatchObject({ state: "good", since: "2026-04-01" });
  });
});

describe("settle: multi-store", () => {
  const stores = {
    stores: [
      { id: "us", platform: "amazon", marketplace: "US", currency: "USD", timeZone: "America/Los_Angeles" },
      { id: "ca", platform: "amazon", marketplace: "CA", currency: "USD", timeZone: "America/Los_Angeles" },
    ],
  };
  const facts = [
    makeFacts({ store: "us", gross: "30000.00", refunds: "0.00" }),
    makeFacts({ store: "ca", gross: "10000.00", refunds: "0.00" }),
  ];

  it("pools the stores and splits the total by basis", () => {
    // (30,000 + 10,000) × 5% = 2,000.00 → us 1,500.00, ca 500.00
    const s = settle(
      makeContract({ components: [share("0.05")] }, stores),
      { cycle: MARCH, facts },
      { allocateBy: "basis" },
    );
    expect(s.total).toBe("2000.00");
    expect(s.allocation).toEqual([
      { store: "us", weight: "30000", amount: "1500.00" },
      { store: "ca", weight: "10000", amount: "500.00" },
    ]);
  });

  it("throws facts-missing when a store's facts are absent", () => {
    const result = safeSettle(makeContract({ components: [share("0.05")] }, stores), {
      cycle: MARCH,
      facts: facts.slice(0, 1),
    });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.code).toBe("facts-missing");
  });
});

describe("settle: refusals", () => {
  const contract = makeContract({ components: [fixed] });
  const code = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      return (e as { code?: string }).code;
    }
    return "no error";
  };

  it("refuses a contract with SMART errors unless allowInvalid", () => {
    const bad = makeContract(
      { components: [fixed] },
      { targets: [{ ...makeContract({}).targets[0], weight: "0.9" }, makeContract({}).targets[1]] },
    );
    const result = safeSettle(bad, march());
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.code).toBe("contract-not-smart");
      expect(result.error.issues.map((i) => i.code)).toContain("weights-invalid");
      expect((result.error.params.findings as unknown[]).length).toBeGreaterThan(0);
    }
    const allowed = settle(bad, march(), { allowInvalid: true });
    expect(allowed.options).toMatchObject({ allowInvalid: true, smartErrors: ["weights-invalid"] });
    expect(allowed.warnings[0]).toContain("allowInvalid");
  });

  it.each([
    ["contract-invalid", () => settle({ ...contract, id: 5 }, march())],
    [
      "cycle-invalid",
      () => settle(contract, { cycle: { start: "2026-03-01", end: "2026-03-30" }, facts: [] }),
    ],
    ["cycle-invalid", () => settle(contract, { cycle: { start: "2026-03-01", end: "x" }, facts: [] })],
    ["facts-invalid", () => settle(contract, { cycle: MARCH, facts: [makeFacts({ period: APRIL })] })],
    ["facts-invalid", () => settle(contract, { cycle: MARCH, facts: [makeFacts({ store: "zz" })] })],
    ["facts-invalid", () => settle(contract, { cycle: MARCH, facts: [makeFacts(), makeFacts()] })],
    [
      "facts-invalid",
      () => settle(contract, { cycle: MARCH, facts: [{ ...makeFacts(), store: undefined } as never] }),
    ],
    [
      "history-invalid",
      () => settle(contract, { cycle: MARCH, facts: [makeFacts()], history: [{ period: MARCH } as never] }),
    ],
    ["facts-missing", () => settle(contract, { cycle: MARCH, facts: [] })],
    [
      "previous-mismatch",
      () => settle(contract, march(), { previous: { ...settle(contract, march()), cycle: APRIL } }),
    ],
    [
      "previous-cycle-mismatch",
      () => settle(contract, march(), { previousCycle: settle(contract, march()) }),
    ],
    ["allocation-basis-missing", () => settle(contract, march(), { allocateBy: "basis" })],
    ["input-invalid", () => settle(contract, null as never)],
    [
      "facts-missing",
      () => {
        const facts = makeFacts();
        const { gross: _, ...sales } = facts.sales;
        return settle(makeContract({ components: [share("0.05")] }), {
          cycle: MARCH,
          facts: [{ ...facts, sales }],
        });
      },
    ],
    [
      "facts-missing",
      () =>
        settle(
          makeContract({ components: [{ type: "reimbursement", name: "r", fact: "costs.other" }] }),
          march(),
          {
            allowInvalid: true,
          },
        ),
    ],
    [
      "reimbursement-fact-invalid",
      () =>
        settle(
          makeContract({ components: [{ type: "reimbursement", name: "r", fact: "ads.clicks" }] }),
          march(),
          {
            allowInvalid: true,
          },
        ),
    ],
    [
      "reimbursement-fact-invalid",
      () =>
        settle(
          makeContract({ components: [{ type: "reimbursement", name: "r", fact: "ads.spnd" }] }),
          march(),
          {
            allowInvalid: true,
          },
        ),
    ],
    [
      "fx-rate-missing",
      () =>
        settle(
          makeContract(
            { components: [share("0.05")] },
            { stores: [{ id: "de", platform: "amazon", currency: "EUR", timeZone: "Europe/Berlin" }] },
          ),
          march({ store: "de", currency: "EUR" }),
          { allowInvalid: true },
        ),
    ],
  ])("throws %s", (expected, run) => {
    expect(code(run)).toBe(expected);
  });
});
