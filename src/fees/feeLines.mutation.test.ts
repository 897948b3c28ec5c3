// Whole fee lines pinned, trace and description included: the statement is what two parties compare,
// so every field of a line is part of the result. Written to kill the mutants that amount-only tests let
// through; each case states its arithmetic, checked by hand.
import { describe, expect, it } from "vitest";
import { context, evaluation } from "../../test/settlement/helpers.js";
import { bonusLine } from "./bonus.js";
import { fixedLine } from "./fixed.js";
import { penaltyLine } from "./penalty.js";
import { reimbursementLine } from "./reimbursement.js";
import type { ShareComponent } from "./schema.js";
import { scorecardLine } from "./scorecard.js";
import { shareLine } from "./share.js";

const partial = { proration: { days: 22, fullDays: 31 } };
const fixed = { type: "fixed", name: "base", amount: "1500.00", prorate: "daily" } as const;
const card = { type: "scorecard", name: "card", pool: "3000.00", threshold: "0.7" } as const;
const pen = { type: "penalty", name: "acos-miss", target: "acos" } as const;
const missed = evaluation("acos", "missed", { actual: "0.25", target: "0.22", attainment: "0.88" });
const re = { type: "reimbursement", name: "ads", fact: "ads.spend", markup: "0.05" } as const;
const GMV = {
  refunds: "exclude",
  refundTiming: "refund-date",
  cancelled: "exclude",
  tax: "exclude",
  shipping: "exclude",
};
const share: ShareComponent = {
  type: "share",
  name: "growth",
  basis: { kpi: "gmv", scope: GMV, over: "10000.00" },
  tiers: [
    { upTo: "20000", rate: "0.05" },
    { upTo: null, rate: "0.03" },
  ],
  mode: "graduated",
  negativeBasis: "zero",
  prorateTiers: false,
};
const bonus = { type: "bonus", name: "bonus", target: "gmv-growth" } as const;
const met = evaluation("gmv-growth", "met", { actual: "45000", target: "43008", attainment: "1.046" });
const miss = evaluation("gmv-growth", "missed", { actual: "41220", target: "43008", attainment: "0.9584" });
const steps = {
  steps: [
    { from: "0.8", amount: "500.00" },
    { from: "1.0", amount: "1000.00" },
    { from: "0.9", amount: "700.00" },
  ],
};
const linear = { linear: { from: "0.8", to: "1.2", min: "100.00", max: "2100.00" } };

describe("fixedLine (mutation-driven)", () => {
  it("F1: whole cycle: 1,500.00, no proration", () => {
    expect(fixedLine(fixed, context())).toEqual({
      line: {
        component: "base",
        kind: "fixed",
        amount: "1500.00",
        description: "Base fee 1500.00 for the cycle",
        trace: {
          formula: "amount",
          substituted: "1500.00",
          steps: [
            {
              name: "amount",
              value: "1500.00",
            },
            {
              name: "proration",
              value: "whole cycle (31 of 31 days)",
            },
          ],
          exact: "1500",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("F2: 22 of 31 days: 1,500.00 × 22 ÷ 31 = 1,064.516129… → 1,064.52", () => {
    expect(fixedLine(fixed, context(partial))).toEqual({
      line: {
        component: "base",
        kind: "fixed",
        amount: "1064.52",
        description: "Base fee 1500.00 prorated for 22 of 31 days",
        trace: {
          formula: "amount × d ÷ D",
          substituted: "1500.00 × 22 ÷ 31",
          steps: [
            {
              name: "amount",
              value: "1500.00",
            },
            {
              name: "d (days settled)",
              value: "22",
            },
            {
              name: "D (days of the full cycle)",
              value: "31",
            },
          ],
          exact: "1064.516129032258064516129032258065",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("F3: prorate none: the full 1,500.00 in a partial cycle", () => {
    expect(fixedLine({ ...fixed, prorate: "none" }, context(partial))).toEqual({
      line: {
        component: "base",
        kind: "fixed",
        amount: "1500.00",
        description: "Base fee 1500.00 for the cycle",
        trace: {
          formula: "amount",
          substituted: "1500.00",
          steps: [
            {
              name: "amount",
              value: "1500.00",
            },
            {
              name: "proration",
              value: "none (prorate: none)",
            },
          ],
          exact: "1500",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("F4: the prorated line in Chinese", () => {
    expect(fixedLine(fixed, context({ ...partial, locale: "zh-CN" }))).toEqual({
      line: {
        component: "base",
        kind: "fixed",
        amount: "1064.52",
        description: "基础服务费 1500.00，按 22/31 天折算",
        trace: {
          formula: "amount × d ÷ D",
          substituted: "1500.00 × 22 ÷ 31",
          steps: [
            {
              name: "amount",
              value: "1500.00",
            },
            {
              name: "d (days settled)",
              value: "22",
            },
            {
              name: "D (days of the full cycle)",
              value: "31",
            },
          ],
          exact: "1064.516129032258064516129032258065",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("F5: prorate none, whole cycle, in Chinese", () => {
    expect(fixedLine({ ...fixed, prorate: "none" }, context({ locale: "zh-CN" }))).toEqual({
      line: {
        component: "base",
        kind: "fixed",
        amount: "1500.00",
        description: "本期基础服务费 1500.00",
        trace: {
          formula: "amount",
          substituted: "1500.00",
          steps: [
            {
              name: "amount",
              value: "1500.00",
            },
            {
              name: "proration",
              value: "none (prorate: none)",
            },
          ],
          exact: "1500",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });
});

describe("scorecardLine (mutation-driven)", () => {
  it("S1: score 0.85 ≥ 0.7: 3,000.00 × 0.85 = 2,550.00", () => {
    expect(scorecardLine(card, context({ score: "0.85" }))).toEqual({
      line: {
        component: "card",
        kind: "scorecard",
        basis: "3000.00",
        rate: "0.85",
        amount: "2550.00",
        description: "Scorecard pool 3000.00 × score 0.85 (threshold 0.7 reached)",
        trace: {
          formula: "pool × score when score ≥ threshold, else 0",
          substituted: "3000.00 × 0.85",
          steps: [
            {
              name: "pool",
              value: "3000.00",
            },
            {
              name: "score",
              value: "0.85",
            },
            {
              name: "threshold",
              value: "0.7",
            },
          ],
          exact: "2550",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("S2: score 0.6 < 0.7: 0, basis and rate still shown", () => {
    expect(scorecardLine(card, context({ score: "0.6" }))).toEqual({
      line: {
        component: "card",
        kind: "scorecard",
        basis: "3000.00",
        rate: "0.6",
        amount: "0.00",
        description: "Scorecard pool 3000.00: score 0.6 is below the threshold 0.7",
        trace: {
          formula: "pool × score when score ≥ threshold, else 0",
          substituted: "score 0.6 < threshold 0.7: 0",
          steps: [
            {
              name: "pool",
              value: "3000.00",
            },
            {
              name: "score",
              value: "0.6",
            },
            {
              name: "threshold",
              value: "0.7",
            },
          ],
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("S3: no score: 0 with a warning, no basis or rate", () => {
    expect(scorecardLine(card, context({ score: null }))).toEqual({
      line: {
        component: "card",
        kind: "scorecard",
        amount: "0.00",
        description: "Scorecard pool 3000.00: no score this cycle, nothing paid",
        trace: {
          formula: "pool × score when score ≥ threshold, else 0",
          substituted: "no objective target is judged this cycle: no score, 0",
          steps: [
            {
              name: "pool",
              value: "3000.00",
            },
            {
              name: "score",
              value: "null",
            },
            {
              name: "threshold",
              value: "0.7",
            },
          ],
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: ["card: no score this cycle"],
    });
  });

  it("S4: a missed gate holds the pool back, naming the gate", () => {
    expect(
      scorecardLine(
        { ...card, gates: ["g"] },
        context({
          score: "0.9",
          evaluations: [evaluation("g", "missed", { actual: "0.01", target: "0.008" })],
        }),
      ),
    ).toEqual({
      line: {
        component: "card",
        kind: "scorecard",
        amount: "0.00",
        description: "card pays nothing this cycle: gate g is missed",
        trace: {
          formula: "pool × score when score ≥ threshold, else 0",
          substituted: "card pays nothing this cycle: gate g is missed",
          steps: [
            {
              name: "pool",
              value: "3000.00",
            },
            {
              name: "score",
              value: "0.9",
            },
            {
              name: "threshold",
              value: "0.7",
            },
          ],
          gate: {
            id: "g",
            status: "missed",
            met: false,
            judged: true,
            actual: "0.01",
            target: "0.008",
            attainment: "0",
          },
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: ["card pays nothing this cycle: gate g is missed"],
    });
  });

  it("S5: score 0.85 in Chinese", () => {
    expect(scorecardLine(card, context({ score: "0.85", locale: "zh-CN" }))).toEqual({
      line: {
        component: "card",
        kind: "scorecard",
        basis: "3000.00",
        rate: "0.85",
        amount: "2550.00",
        description: "计分奖金池 3000.00 × 评分 0.85（达到门槛 0.7）",
        trace: {
          formula: "pool × score when score ≥ threshold, else 0",
          substituted: "3000.00 × 0.85",
          steps: [
            {
              name: "pool",
              value: "3000.00",
            },
            {
              name: "score",
              value: "0.85",
            },
            {
              name: "threshold",
              value: "0.7",
            },
          ],
          exact: "2550",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("S6: below the threshold in Chinese", () => {
    expect(scorecardLine(card, context({ score: "0.6", locale: "zh-CN" }))).toEqual({
      line: {
        component: "card",
        kind: "scorecard",
        basis: "3000.00",
        rate: "0.6",
        amount: "0.00",
        description: "计分奖金池 3000.00：评分 0.6 低于门槛 0.7",
        trace: {
          formula: "pool × score when score ≥ threshold, else 0",
          substituted: "score 0.6 < threshold 0.7: 0",
          steps: [
            {
              name: "pool",
              value: "3000.00",
            },
            {
              name: "score",
              value: "0.6",
            },
            {
              name: "threshold",
              value: "0.7",
            },
          ],
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("S7: no score in Chinese", () => {
    expect(scorecardLine(card, context({ score: null, locale: "zh-CN" }))).toEqual({
      line: {
        component: "card",
        kind: "scorecard",
        amount: "0.00",
        description: "计分奖金池 3000.00：本期无评分，不支付",
        trace: {
          formula: "pool × score when score ≥ threshold, else 0",
          substituted: "no objective target is judged this cycle: no score, 0",
          steps: [
            {
              name: "pool",
              value: "3000.00",
            },
            {
              name: "score",
              value: "null",
            },
            {
              name: "threshold",
              value: "0.7",
            },
          ],
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: ["card：本期无评分"],
    });
  });

  it("S8: a pending gate in Chinese", () => {
    expect(
      scorecardLine(
        { ...card, gates: ["g"] },
        context({ score: "0.9", locale: "zh-CN", evaluations: [evaluation("g", "pending")] }),
      ),
    ).toEqual({
      line: {
        component: "card",
        kind: "scorecard",
        amount: "0.00",
        description: "card 本期不支付：门槛目标 g 待评估",
        trace: {
          formula: "pool × score when score ≥ threshold, else 0",
          substituted: "card 本期不支付：门槛目标 g 待评估",
          steps: [
            {
              name: "pool",
              value: "3000.00",
            },
            {
              name: "score",
              value: "0.9",
            },
            {
              name: "threshold",
              value: "0.7",
            },
          ],
          gate: {
            id: "g",
            status: "pending",
            met: false,
            judged: false,
            actual: null,
            target: "1",
            attainment: "0",
          },
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: ["card 本期不支付：门槛目标 g 待评估"],
    });
  });
});

describe("penaltyLine (mutation-driven)", () => {
  it("P1: missed: −200.00", () => {
    expect(
      penaltyLine({ ...pen, amount: "200.00" }, context({ evaluations: [missed] }), {
        fixedTotal: "1500.00",
      }),
    ).toEqual({
      line: {
        component: "acos-miss",
        kind: "penalty",
        amount: "-200.00",
        description: "Penalty: target acos missed (actual 0.25, target 0.22)",
        trace: {
          formula: "−amount, capped",
          substituted: "−200.00",
          steps: [
            {
              name: "amount",
              value: "200.00",
            },
          ],
          target: {
            id: "acos",
            status: "missed",
            met: false,
            judged: true,
            actual: "0.25",
            target: "0.22",
            attainment: "0.88",
          },
          exact: "-200",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("P2: missed: 0.10 × 1,500.00 = 150.00, capped at 100.00 → −100.00", () => {
    expect(
      penaltyLine({ ...pen, rateOfFixed: "0.10", cap: "100.00" }, context({ evaluations: [missed] }), {
        fixedTotal: "1500.00",
      }),
    ).toEqual({
      line: {
        component: "acos-miss",
        kind: "penalty",
        basis: "1500.00",
        rate: "0.10",
        amount: "-100.00",
        description: "Penalty: target acos missed (actual 0.25, target 0.22), capped at 100.00",
        trace: {
          formula: "−(rateOfFixed × Σ fixed lines), capped",
          substituted: "−(0.10 × 1500.00)",
          steps: [
            {
              name: "Σ fixed lines",
              value: "1500.00",
            },
            {
              name: "rateOfFixed",
              value: "0.10",
            },
            {
              name: "capped at 100.00",
              value: "100",
            },
          ],
          target: {
            id: "acos",
            status: "missed",
            met: false,
            judged: true,
            actual: "0.25",
            target: "0.22",
            attainment: "0.88",
          },
          cap: {
            cap: "100.00",
            applied: true,
          },
          exact: "-100",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("P3: missed: 0.10 × 1,064.52 = 106.452 → −106.45 (half-up, away from zero only at .5), cap 500 not reached", () => {
    expect(
      penaltyLine({ ...pen, rateOfFixed: "0.10", cap: "500.00" }, context({ evaluations: [missed] }), {
        fixedTotal: "1064.52",
      }),
    ).toEqual({
      line: {
        component: "acos-miss",
        kind: "penalty",
        basis: "1064.52",
        rate: "0.10",
        amount: "-106.45",
        description: "Penalty: target acos missed (actual 0.25, target 0.22)",
        trace: {
          formula: "−(rateOfFixed × Σ fixed lines), capped",
          substituted: "−(0.10 × 1064.52)",
          steps: [
            {
              name: "Σ fixed lines",
              value: "1064.52",
            },
            {
              name: "rateOfFixed",
              value: "0.10",
            },
          ],
          target: {
            id: "acos",
            status: "missed",
            met: false,
            judged: true,
            actual: "0.25",
            target: "0.22",
            attainment: "0.88",
          },
          cap: {
            cap: "500.00",
            applied: false,
          },
          exact: "-106.452",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("P4: met: no line", () => {
    expect(
      penaltyLine({ ...pen, amount: "200.00" }, context({ evaluations: [evaluation("acos", "met")] }), {
        fixedTotal: "0",
      }),
    ).toEqual(null);
  });

  it("P5: pending: no line", () => {
    expect(
      penaltyLine({ ...pen, amount: "200.00" }, context({ evaluations: [evaluation("acos", "pending")] }), {
        fixedTotal: "0",
      }),
    ).toEqual(null);
  });

  it("P6: not judged this cycle: no line", () => {
    expect(
      penaltyLine(
        { ...pen, amount: "200.00" },
        context({ evaluations: [evaluation("acos", "missed", { judged: false })] }),
        { fixedTotal: "0" },
      ),
    ).toEqual(null);
  });

  it("P7: missed with no actual, 200.00 capped at 150.00 → −150.00, in Chinese", () => {
    expect(
      penaltyLine(
        { ...pen, amount: "200.00", cap: "150.00" },
        context({ locale: "zh-CN", evaluations: [evaluation("acos", "missed", { actual: null })] }),
        { fixedTotal: "0" },
      ),
    ).toEqual({
      line: {
        component: "acos-miss",
        kind: "penalty",
        amount: "-150.00",
        description: "罚金：目标 acos 未达成（实际 无，目标 1），封顶 150.00",
        trace: {
          formula: "−amount, capped",
          substituted: "−200.00",
          steps: [
            {
              name: "amount",
              value: "200.00",
            },
            {
              name: "capped at 150.00",
              value: "150",
            },
          ],
          target: {
            id: "acos",
            status: "missed",
            met: false,
            judged: true,
            actual: null,
            target: "1",
            attainment: "0",
          },
          cap: {
            cap: "150.00",
            applied: true,
          },
          exact: "-150",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });
});

describe("reimbursementLine (mutation-driven)", () => {
  it("R1: 9,000 × (1 + 0.05) = 9,450.00, the basis trace kept", () => {
    expect(reimbursementLine(re, context(), { value: "9000.00", trace: { stores: ["us"] } })).toEqual({
      line: {
        component: "ads",
        kind: "reimbursement",
        basis: "9000",
        rate: "0.05",
        amount: "9450.00",
        description: "Re-billed ads.spend 9000 at cost plus 0.05 markup",
        trace: {
          formula: "cost × (1 + markup)",
          substituted: "9000 × 1.05",
          steps: [
            {
              name: "ads.spend",
              value: "9000",
            },
            {
              name: "markup",
              value: "0.05",
            },
          ],
          basis: {
            stores: ["us"],
          },
          exact: "9450",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("R2: 123.455 × 1 = 123.455 → 123.46, in Chinese, no basis trace", () => {
    expect(
      reimbursementLine({ ...re, markup: "0" }, context({ locale: "zh-CN" }), { value: "123.455" }),
    ).toEqual({
      line: {
        component: "ads",
        kind: "reimbursement",
        basis: "123.455",
        rate: "0",
        amount: "123.46",
        description: "代垫费用 ads.spend 123.455，按成本加 0 加价转售",
        trace: {
          formula: "cost × (1 + markup)",
          substituted: "123.455 × 1",
          steps: [
            {
              name: "ads.spend",
              value: "123.455",
            },
            {
              name: "markup",
              value: "0",
            },
          ],
          exact: "123.455",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });
});

describe("shareLine (mutation-driven)", () => {
  it("H1: 40,000 over 10,000 = 30,000: 20,000 × 5% + 10,000 × 3% = 1,000 + 300 = 1,300.00", () => {
    expect(shareLine(share, context(), { value: "40000.00", trace: { kpi: "gmv" } })).toEqual({
      line: {
        component: "growth",
        kind: "share",
        basis: "30000",
        amount: "1300.00",
        description: "Share of gmv over 10000.00: graduated tiers on 30000",
        trace: {
          formula: "Σ part inside tier i × rateᵢ + flats of reached tiers, capped",
          substituted: "20000 × 0.05 + 10000 × 0.03",
          steps: [
            {
              name: "gmv (basis)",
              value: "40000",
            },
            {
              name: "over 10000.00",
              value: "10000",
            },
            {
              name: "increment over it (never negative)",
              value: "30000",
            },
            {
              name: "tiers (graduated)",
              value: "1300",
            },
          ],
          tiers: {
            mode: "graduated",
            basis: "30000",
            amount: "1300",
            parts: [
              {
                tier: 0,
                from: "0",
                upTo: "20000",
                part: "20000",
                rate: "0.05",
                flat: "0",
                amount: "1000",
              },
              {
                tier: 1,
                from: "20000",
                upTo: null,
                part: "10000",
                rate: "0.03",
                flat: "0",
                amount: "300",
              },
            ],
          },
          basis: {
            kpi: "gmv",
          },
          exact: "1300",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("H2: volume: 30,000 in the second tier: 30,000 × 3% + 25 = 925, capped at 500.00", () => {
    expect(
      shareLine(
        {
          ...share,
          mode: "volume",
          cap: "500.00",
          tiers: [
            { upTo: "20000", rate: "0.05", flat: "10" },
            { upTo: null, rate: "0.03", flat: "25" },
          ],
        },
        context(),
        { value: "40000.00" },
      ),
    ).toEqual({
      line: {
        component: "growth",
        kind: "share",
        basis: "30000",
        rate: "0.03",
        amount: "500.00",
        description: "Share of gmv over 10000.00: volume tiers on 30000, capped at 500.00",
        trace: {
          formula: "basis × rate of the tier containing it + its flat, capped",
          substituted: "30000 × 0.03 + 25",
          steps: [
            {
              name: "gmv (basis)",
              value: "40000",
            },
            {
              name: "over 10000.00",
              value: "10000",
            },
            {
              name: "increment over it (never negative)",
              value: "30000",
            },
            {
              name: "tiers (volume)",
              value: "925",
            },
            {
              name: "capped at 500.00",
              value: "500",
            },
          ],
          tiers: {
            mode: "volume",
            basis: "30000",
            amount: "925",
            parts: [
              {
                tier: 1,
                from: "20000",
                upTo: null,
                part: "30000",
                rate: "0.03",
                flat: "25",
                amount: "925",
              },
            ],
          },
          cap: {
            cap: "500.00",
            applied: true,
          },
          exact: "500",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("H3: SPEC §8: (44,160 − 30,720) × 8% = 13,440 × 0.08 = 1,075.20, in Chinese", () => {
    expect(
      shareLine(
        {
          ...share,
          basis: { kpi: "gmv", scope: GMV, over: { baselineOf: "gmv-growth" } },
          tiers: [{ upTo: null, rate: "0.08" }],
        },
        context({
          locale: "zh-CN",
          evaluations: [evaluation("gmv-growth", "missed", { baseline: "30720" })],
        }),
        { value: "44160.00" },
      ),
    ).toEqual({
      line: {
        component: "growth",
        kind: "share",
        basis: "13440",
        rate: "0.08",
        amount: "1075.20",
        description: "gmv 超出基准部分的分成：累进阶梯费率，计费基数 13440",
        trace: {
          formula: "Σ part inside tier i × rateᵢ + flats of reached tiers, capped",
          substituted: "13440 × 0.08",
          steps: [
            {
              name: "gmv (basis)",
              value: "44160",
            },
            {
              name: "over the baseline of gmv-growth (30720)",
              value: "30720",
            },
            {
              name: "increment over it (never negative)",
              value: "13440",
            },
            {
              name: "tiers (graduated)",
              value: "1075.2",
            },
          ],
          tiers: {
            mode: "graduated",
            basis: "13440",
            amount: "1075.2",
            parts: [
              {
                tier: 0,
                from: "0",
                upTo: null,
                part: "13440",
                rate: "0.08",
                flat: "0",
                amount: "1075.2",
              },
            ],
          },
          exact: "1075.2",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("H4: a missed gate holds 1,300 back to 0", () => {
    expect(
      shareLine({ ...share, gates: ["neg"] }, context({ evaluations: [evaluation("neg", "missed")] }), {
        value: "40000.00",
      }),
    ).toEqual({
      line: {
        component: "growth",
        kind: "share",
        basis: "30000",
        amount: "0.00",
        description: "growth pays nothing this cycle: gate neg is missed",
        trace: {
          formula: "Σ part inside tier i × rateᵢ + flats of reached tiers, capped",
          substituted: "20000 × 0.05 + 10000 × 0.03",
          steps: [
            {
              name: "gmv (basis)",
              value: "40000",
            },
            {
              name: "over 10000.00",
              value: "10000",
            },
            {
              name: "increment over it (never negative)",
              value: "30000",
            },
            {
              name: "tiers (graduated)",
              value: "1300",
            },
            {
              name: "gate neg missed: held back",
              value: "0",
            },
          ],
          tiers: {
            mode: "graduated",
            basis: "30000",
            amount: "1300",
            parts: [
              {
                tier: 0,
                from: "0",
                upTo: "20000",
                part: "20000",
                rate: "0.05",
                flat: "0",
                amount: "1000",
              },
              {
                tier: 1,
                from: "20000",
                upTo: null,
                part: "10000",
                rate: "0.03",
                flat: "0",
                amount: "300",
              },
            ],
          },
          gate: {
            id: "neg",
            status: "missed",
            met: false,
            judged: true,
            actual: "1",
            target: "1",
            attainment: "0",
          },
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: ["growth pays nothing this cycle: gate neg is missed"],
    });
  });

  it("H5: carry-forward: 5,000 − 7,000 carried = −2,000: counts as 0 and −2,000 is carried on", () => {
    expect(
      shareLine(
        { ...share, basis: { kpi: "gmv", scope: GMV }, negativeBasis: "carry-forward" },
        context(),
        { value: "5000.00" },
        { carryIn: "-7000" },
      ),
    ).toEqual({
      line: {
        component: "growth",
        kind: "share",
        basis: "0",
        amount: "0.00",
        description: "Share of gmv: graduated tiers on 0",
        carryForward: "-2000",
        trace: {
          formula: "Σ part inside tier i × rateᵢ + flats of reached tiers, capped",
          substituted: "0 × 0.05",
          steps: [
            {
              name: "gmv (basis)",
              value: "5000",
            },
            {
              name: "carried from the previous cycle",
              value: "-7000",
            },
            {
              name: "basis after carry",
              value: "-2000",
            },
            {
              name: "negative basis counts as",
              value: "0",
            },
            {
              name: "tiers (graduated)",
              value: "0",
            },
          ],
          tiers: {
            mode: "graduated",
            basis: "0",
            amount: "0",
            parts: [
              {
                tier: 0,
                from: "0",
                upTo: "20000",
                part: "0",
                rate: "0.05",
                flat: "0",
                amount: "0",
              },
              {
                tier: 1,
                from: "20000",
                upTo: null,
                part: "0",
                rate: "0.03",
                flat: "0",
                amount: "0",
              },
            ],
          },
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: ["growth: the basis is negative (-2000); it counts as 0 and is carried into the next cycle"],
    });
  });

  it("H6: 22 of 31 days, prorateTiers: upTo 31,000 × 22 ÷ 31 = 22,000; over 10,000 × 22 ÷ 31 = 7,096.774…; basis 32,903.2258…; 22,000 × 5% + 5 + 10,903.2258… × 3% + 7 = 1,439.0968… → 1,439.10", () => {
    expect(
      shareLine(
        {
          ...share,
          prorateTiers: true,
          tiers: [
            { upTo: "31000", rate: "0.05", flat: "5" },
            { upTo: null, rate: "0.03", flat: "7" },
          ],
        },
        context(partial),
        { value: "40000.00" },
      ),
    ).toEqual({
      line: {
        component: "growth",
        kind: "share",
        basis: "32903.225806451612903225806451612903",
        amount: "1439.10",
        description: "Share of gmv over 10000.00: graduated tiers on ≈32903.2258",
        trace: {
          formula: "Σ part inside tier i × rateᵢ + flats of reached tiers, capped",
          substituted: "22000 × 0.05 + 5 + 10903.225806451612903225806451612903 × 0.03 + 7",
          steps: [
            {
              name: "gmv (basis)",
              value: "40000",
            },
            {
              name: "over 10000.00",
              value: "10000",
            },
            {
              name: "over prorated × 22 ÷ 31",
              value: "7096.774193548387096774193548387097",
            },
            {
              name: "increment over it (never negative)",
              value: "32903.225806451612903225806451612903",
            },
            {
              name: "tiers (graduated)",
              value: "1439.09677419354838709677419354838709",
            },
          ],
          tiers: {
            mode: "graduated",
            basis: "32903.225806451612903225806451612903",
            amount: "1439.09677419354838709677419354838709",
            parts: [
              {
                tier: 0,
                from: "0",
                upTo: "22000",
                part: "22000",
                rate: "0.05",
                flat: "5",
                amount: "1105",
              },
              {
                tier: 1,
                from: "22000",
                upTo: null,
                part: "10903.225806451612903225806451612903",
                rate: "0.03",
                flat: "7",
                amount: "334.09677419354838709677419354838709",
              },
            ],
            prorationFactor: "0.7096774193548387096774193548387097",
          },
          exact: "1439.09677419354838709677419354838709",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("H7: a negative gross profit counts as 0 (zero mode), in Chinese", () => {
    expect(
      shareLine(
        {
          ...share,
          basis: { kpi: "grossProfit", scope: {} },
          negativeBasis: "zero",
          cap: "100",
          mode: "volume",
        },
        context({ locale: "zh-CN" }),
        { value: "-50.00" },
      ),
    ).toEqual({
      line: {
        component: "growth",
        kind: "share",
        basis: "0",
        rate: "0.05",
        amount: "0.00",
        description: "grossProfit 分成：全额阶梯费率，计费基数 0",
        trace: {
          formula: "basis × rate of the tier containing it + its flat, capped",
          substituted: "0 × 0.05",
          steps: [
            {
              name: "grossProfit (basis)",
              value: "-50",
            },
            {
              name: "negative basis counts as",
              value: "0",
            },
            {
              name: "tiers (volume)",
              value: "0",
            },
          ],
          tiers: {
            mode: "volume",
            basis: "0",
            amount: "0",
            parts: [
              {
                tier: 0,
                from: "0",
                upTo: "20000",
                part: "0",
                rate: "0.05",
                flat: "0",
                amount: "0",
              },
            ],
          },
          cap: {
            cap: "100",
            applied: false,
          },
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: ["growth：计费基数为负（-50），按 0 计"],
    });
  });
});

describe("bonusLine (mutation-driven)", () => {
  it("B1: fixed, met: 1,000.00", () => {
    expect(bonusLine({ ...bonus, payout: { fixed: "1000.00" } }, context({ evaluations: [met] }))).toEqual({
      line: {
        component: "bonus",
        kind: "bonus",
        amount: "1000.00",
        description: "Bonus on gmv-growth (met, attainment 1.046)",
        trace: {
          formula: "fixed amount when the target is met",
          substituted: "1000.00",
          steps: [
            {
              name: "met",
              value: "true",
            },
          ],
          target: {
            id: "gmv-growth",
            status: "met",
            met: true,
            judged: true,
            actual: "45000",
            target: "43008",
            attainment: "1.046",
          },
          exact: "1000",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("B2: fixed, missed: 0", () => {
    expect(bonusLine({ ...bonus, payout: { fixed: "1000.00" } }, context({ evaluations: [miss] }))).toEqual({
      line: {
        component: "bonus",
        kind: "bonus",
        amount: "0.00",
        description: "Bonus on gmv-growth (missed, attainment 0.9584)",
        trace: {
          formula: "fixed amount when the target is met",
          substituted: "gmv-growth missed: 0",
          steps: [
            {
              name: "met",
              value: "false",
            },
          ],
          target: {
            id: "gmv-growth",
            status: "missed",
            met: false,
            judged: true,
            actual: "41220",
            target: "43008",
            attainment: "0.9584",
          },
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("B3: steps (unordered) at attainment 0.9584: the highest step reached is 0.9 → 700.00", () => {
    expect(bonusLine({ ...bonus, payout: steps }, context({ evaluations: [miss] }))).toEqual({
      line: {
        component: "bonus",
        kind: "bonus",
        amount: "700.00",
        description: "Bonus on gmv-growth (missed, attainment 0.9584)",
        trace: {
          formula: "amount of the highest step whose `from` ≤ attainment",
          substituted: "attainment 0.9584 ≥ 0.9: 700.00",
          steps: [
            {
              name: "attainment",
              value: "0.9584",
            },
          ],
          target: {
            id: "gmv-growth",
            status: "missed",
            met: false,
            judged: true,
            actual: "41220",
            target: "43008",
            attainment: "0.9584",
          },
          exact: "700",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("B4: steps at attainment 0.5: below every step, 0", () => {
    expect(
      bonusLine(
        { ...bonus, payout: steps },
        context({ evaluations: [evaluation("gmv-growth", "missed", { attainment: "0.5" })] }),
      ),
    ).toEqual({
      line: {
        component: "bonus",
        kind: "bonus",
        amount: "0.00",
        description: "Bonus on gmv-growth (missed, attainment 0.5)",
        trace: {
          formula: "amount of the highest step whose `from` ≤ attainment",
          substituted: "attainment 0.5 is below every step: 0",
          steps: [
            {
              name: "attainment",
              value: "0.5",
            },
          ],
          target: {
            id: "gmv-growth",
            status: "missed",
            met: false,
            judged: true,
            actual: "1",
            target: "1",
            attainment: "0.5",
          },
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("B5: linear at 0.9584: 100 + 2,000 × (0.9584 − 0.8) ÷ 0.4 = 100 + 792 = 892.00", () => {
    expect(bonusLine({ ...bonus, payout: linear }, context({ evaluations: [miss] }))).toEqual({
      line: {
        component: "bonus",
        kind: "bonus",
        amount: "892.00",
        description: "Bonus on gmv-growth (missed, attainment 0.9584)",
        trace: {
          formula: "min + (max − min) × (attainment − from) ÷ (to − from); 0 below from, max from `to` on",
          substituted: "100.00 + (2100.00 − 100.00) × (0.9584 − 0.8) ÷ (1.2 − 0.8)",
          steps: [
            {
              name: "attainment",
              value: "0.9584",
            },
          ],
          target: {
            id: "gmv-growth",
            status: "missed",
            met: false,
            judged: true,
            actual: "41220",
            target: "43008",
            attainment: "0.9584",
          },
          exact: "892",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("B6: linear below from (0.79 < 0.8): 0", () => {
    expect(
      bonusLine(
        { ...bonus, payout: linear },
        context({ evaluations: [evaluation("gmv-growth", "missed", { attainment: "0.79" })] }),
      ),
    ).toEqual({
      line: {
        component: "bonus",
        kind: "bonus",
        amount: "0.00",
        description: "Bonus on gmv-growth (missed, attainment 0.79)",
        trace: {
          formula: "min + (max − min) × (attainment − from) ÷ (to − from); 0 below from, max from `to` on",
          substituted: "attainment 0.79 < 0.8: 0",
          steps: [
            {
              name: "attainment",
              value: "0.79",
            },
          ],
          target: {
            id: "gmv-growth",
            status: "missed",
            met: false,
            judged: true,
            actual: "1",
            target: "1",
            attainment: "0.79",
          },
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("B7: linear at to (1.2): max 2,100, capped at 2,000.00", () => {
    expect(
      bonusLine(
        { ...bonus, payout: linear, cap: "2000.00" },
        context({ evaluations: [evaluation("gmv-growth", "met", { attainment: "1.2" })] }),
      ),
    ).toEqual({
      line: {
        component: "bonus",
        kind: "bonus",
        amount: "2000.00",
        description: "Bonus on gmv-growth (met, attainment 1.2), capped at 2000.00",
        trace: {
          formula: "min + (max − min) × (attainment − from) ÷ (to − from); 0 below from, max from `to` on",
          substituted: "attainment 1.2 ≥ 1.2: 2100.00",
          steps: [
            {
              name: "attainment",
              value: "1.2",
            },
            {
              name: "capped at 2000.00",
              value: "2000",
            },
          ],
          target: {
            id: "gmv-growth",
            status: "met",
            met: true,
            judged: true,
            actual: "1",
            target: "1",
            attainment: "1.2",
          },
          cap: {
            cap: "2000.00",
            applied: true,
          },
          exact: "2000",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("B8: rate of basis over 40,000: (45,000 − 40,000) × 2% = 100, capped at 50.00", () => {
    expect(
      bonusLine(
        { ...bonus, payout: { rate: "0.02", of: { kpi: "gmv", scope: GMV, over: "40000" } }, cap: "50.00" },
        context({ evaluations: [met] }),
        { value: "45000.00", trace: { kpi: "gmv" } },
      ),
    ).toEqual({
      line: {
        component: "bonus",
        kind: "bonus",
        basis: "5000",
        rate: "0.02",
        amount: "50.00",
        description: "Bonus on gmv-growth (met, attainment 1.046), capped at 50.00",
        trace: {
          formula: "basis × rate when the target is met",
          substituted: "5000 × 0.02",
          steps: [
            {
              name: "gmv (basis)",
              value: "45000",
            },
            {
              name: "over 40000",
              value: "40000",
            },
            {
              name: "increment over it (never negative)",
              value: "5000",
            },
            {
              name: "met",
              value: "true",
            },
            {
              name: "capped at 50.00",
              value: "50",
            },
          ],
          target: {
            id: "gmv-growth",
            status: "met",
            met: true,
            judged: true,
            actual: "45000",
            target: "43008",
            attainment: "1.046",
          },
          basis: {
            kpi: "gmv",
          },
          cap: {
            cap: "50.00",
            applied: true,
          },
          exact: "50",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("B9: pending: 0 with a warning", () => {
    expect(
      bonusLine(
        { ...bonus, payout: { fixed: "1000.00" } },
        context({ evaluations: [evaluation("gmv-growth", "pending")] }),
      ),
    ).toEqual({
      line: {
        component: "bonus",
        kind: "bonus",
        amount: "0.00",
        description: "bonus is pending: target gmv-growth is judged when its window ends",
        trace: {
          formula: "no payout this cycle",
          substituted: "bonus is pending: target gmv-growth is judged when its window ends",
          steps: [],
          target: {
            id: "gmv-growth",
            status: "pending",
            met: false,
            judged: false,
            actual: null,
            target: "1",
            attainment: "0",
          },
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: ["bonus is pending: target gmv-growth is judged when its window ends"],
    });
  });

  it("B10: judged in another cycle: 0 with a warning", () => {
    expect(
      bonusLine(
        { ...bonus, payout: { fixed: "1000.00" } },
        context({ evaluations: [evaluation("gmv-growth", "met", { judged: false })] }),
      ),
    ).toEqual({
      line: {
        component: "bonus",
        kind: "bonus",
        amount: "0.00",
        description:
          "bonus pays nothing this cycle: target gmv-growth was judged in the cycle its window ended",
        trace: {
          formula: "no payout this cycle",
          substituted:
            "bonus pays nothing this cycle: target gmv-growth was judged in the cycle its window ended",
          steps: [],
          target: {
            id: "gmv-growth",
            status: "met",
            met: true,
            judged: false,
            actual: "1",
            target: "1",
            attainment: "1",
          },
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: ["bonus pays nothing this cycle: target gmv-growth was judged in the cycle its window ended"],
    });
  });

  it("B11: a pending gate holds it back", () => {
    expect(
      bonusLine(
        { ...bonus, payout: { fixed: "1000.00" }, gates: ["neg"] },
        context({ evaluations: [met, evaluation("neg", "pending")] }),
      ),
    ).toEqual({
      line: {
        component: "bonus",
        kind: "bonus",
        amount: "0.00",
        description: "bonus pays nothing this cycle: gate neg is pending",
        trace: {
          formula: "no payout this cycle",
          substituted: "bonus pays nothing this cycle: gate neg is pending",
          steps: [],
          target: {
            id: "gmv-growth",
            status: "met",
            met: true,
            judged: true,
            actual: "45000",
            target: "43008",
            attainment: "1.046",
          },
          gate: {
            id: "neg",
            status: "pending",
            met: false,
            judged: false,
            actual: null,
            target: "1",
            attainment: "0",
          },
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: ["bonus pays nothing this cycle: gate neg is pending"],
    });
  });

  it("B12: fixed 1,000.00 capped at 800.00, in Chinese", () => {
    expect(
      bonusLine(
        { ...bonus, payout: { fixed: "1000.00" }, cap: "800.00" },
        context({ locale: "zh-CN", evaluations: [met] }),
      ),
    ).toEqual({
      line: {
        component: "bonus",
        kind: "bonus",
        amount: "800.00",
        description: "绩效奖金：目标 gmv-growth（已达成，达成率 1.046），封顶 800.00",
        trace: {
          formula: "fixed amount when the target is met",
          substituted: "1000.00",
          steps: [
            {
              name: "met",
              value: "true",
            },
            {
              name: "capped at 800.00",
              value: "800",
            },
          ],
          target: {
            id: "gmv-growth",
            status: "met",
            met: true,
            judged: true,
            actual: "45000",
            target: "43008",
            attainment: "1.046",
          },
          cap: {
            cap: "800.00",
            applied: true,
          },
          exact: "800",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("B13: missed, in Chinese", () => {
    expect(
      bonusLine(
        { ...bonus, payout: { fixed: "1000.00" } },
        context({ locale: "zh-CN", evaluations: [miss] }),
      ),
    ).toEqual({
      line: {
        component: "bonus",
        kind: "bonus",
        amount: "0.00",
        description: "绩效奖金：目标 gmv-growth（未达成，达成率 0.9584）",
        trace: {
          formula: "fixed amount when the target is met",
          substituted: "gmv-growth missed: 0",
          steps: [
            {
              name: "met",
              value: "false",
            },
          ],
          target: {
            id: "gmv-growth",
            status: "missed",
            met: false,
            judged: true,
            actual: "41220",
            target: "43008",
            attainment: "0.9584",
          },
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: [],
    });
  });

  it("B14: rate of a negative basis, missed: basis counts as 0, 0", () => {
    expect(
      bonusLine(
        { ...bonus, payout: { rate: "0.02", of: { kpi: "gmv", scope: GMV } } },
        context({ evaluations: [miss] }),
        { value: "-45000.00" },
      ),
    ).toEqual({
      line: {
        component: "bonus",
        kind: "bonus",
        basis: "0",
        rate: "0.02",
        amount: "0.00",
        description: "Bonus on gmv-growth (missed, attainment 0.9584)",
        trace: {
          formula: "basis × rate when the target is met",
          substituted: "gmv-growth missed: 0",
          steps: [
            {
              name: "gmv (basis)",
              value: "-45000",
            },
            {
              name: "negative basis counts as",
              value: "0",
            },
            {
              name: "met",
              value: "false",
            },
          ],
          target: {
            id: "gmv-growth",
            status: "missed",
            met: false,
            judged: true,
            actual: "41220",
            target: "43008",
            attainment: "0.9584",
          },
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: ["bonus: the basis is negative (-45000); it counts as 0"],
    });
  });

  it("B15: pending, in Chinese", () => {
    expect(
      bonusLine(
        { ...bonus, payout: { fixed: "1000.00" } },
        context({ locale: "zh-CN", evaluations: [evaluation("gmv-growth", "pending")] }),
      ),
    ).toEqual({
      line: {
        component: "bonus",
        kind: "bonus",
        amount: "0.00",
        description: "bonus 待定：目标 gmv-growth 在评估期结束时评估",
        trace: {
          formula: "no payout this cycle",
          substituted: "bonus 待定：目标 gmv-growth 在评估期结束时评估",
          steps: [],
          target: {
            id: "gmv-growth",
            status: "pending",
            met: false,
            judged: false,
            actual: null,
            target: "1",
            attainment: "0",
          },
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: ["bonus 待定：目标 gmv-growth 在评估期结束时评估"],
    });
  });

  it("B16: judged in another cycle, in Chinese", () => {
    expect(
      bonusLine(
        { ...bonus, payout: { fixed: "1000.00" } },
        context({ locale: "zh-CN", evaluations: [evaluation("gmv-growth", "met", { judged: false })] }),
      ),
    ).toEqual({
      line: {
        component: "bonus",
        kind: "bonus",
        amount: "0.00",
        description: "bonus 本期不支付：目标 gmv-growth 已在其评估期结束的周期结算",
        trace: {
          formula: "no payout this cycle",
          substituted: "bonus 本期不支付：目标 gmv-growth 已在其评估期结束的周期结算",
          steps: [],
          target: {
            id: "gmv-growth",
            status: "met",
            met: true,
            judged: false,
            actual: "1",
            target: "1",
            attainment: "1",
          },
          exact: "0",
          rounding: "half-up",
        },
      },
      warnings: ["bonus 本期不支付：目标 gmv-growth 已在其评估期结束的周期结算"],
    });
  });
});
describe("fee line refusals (mutation-driven)", () => {
  it("a rate bonus without its basis value is basis-missing", () => {
    expect(() =>
      bonusLine(
        { ...bonus, payout: { rate: "0.02", of: { kpi: "gmv", scope: GMV } } },
        context({ evaluations: [met] }),
      ),
    ).toThrow(
      expect.objectContaining({
        code: "basis-missing",
        message: "Bonus bonus pays a rate of a basis; pass the basis value",
        params: { component: "bonus" },
      }),
    );
  });

  it("a positive carried basis is carry-forward-invalid", () => {
    expect(() =>
      shareLine({ ...share, negativeBasis: "carry-forward" }, context(), { value: "1.00" }, { carryIn: "5" }),
    ).toThrow(
      expect.objectContaining({
        code: "carry-forward-invalid",
        message: "Component growth: a carried basis is zero or negative, the previous cycle shows 5",
        params: { component: "growth", carryForward: "5" },
      }),
    );
  });

  it("a zero carried basis adds no steps", () => {
    const { line } = shareLine(
      { ...share, negativeBasis: "carry-forward" },
      context(),
      { value: "1.00" },
      { carryIn: "0" },
    );
    expect(line.trace.steps.map((s) => s.name)).not.toContain("carried from the previous cycle");
    expect(line.carryForward).toBe("0");
  });

  it("a share over a baseline that has no value is baseline-unavailable", () => {
    const over = { ...share, basis: { kpi: "gmv" as const, scope: GMV, over: { baselineOf: "gmv-growth" } } };
    expect(() =>
      shareLine(over, context({ evaluations: [evaluation("gmv-growth", "met", { baseline: null })] }), {
        value: "1",
      }),
    ).toThrow(
      expect.objectContaining({
        code: "baseline-unavailable",
        message: "Component growth is computed over the baseline of gmv-growth, which has no value",
        params: { component: "growth", targetId: "gmv-growth" },
      }),
    );
  });

  it("a component naming a target without an evaluation is target-unknown", () => {
    expect(() => bonusLine({ ...bonus, payout: { fixed: "1" } }, context())).toThrow(
      expect.objectContaining({
        code: "target-unknown",
        message: "Component bonus names target gmv-growth, which has no evaluation in this cycle",
        params: { component: "bonus", targetId: "gmv-growth" },
      }),
    );
  });
});
