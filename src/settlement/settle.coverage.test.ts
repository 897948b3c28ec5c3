import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { APRIL, GMV_SCOPE, MARCH, makeContract, makeFacts } from "../../test/settlement/helpers.js";
import { KpiContractError } from "../values/KpiContractError.js";
import type { SettlementInput, SettlementStatement } from "./SettlementStatement.js";
import { safeSettle, settle } from "./settle.js";

const fixed = { type: "fixed", name: "base", amount: "1500.00", prorate: "daily" };
const share = (rate: string, extra: Record<string, unknown> = {}) => ({
  type: "share",
  name: "share",
  basis: { kpi: "gmv", scope: GMV_SCOPE },
  tiers: [{ upTo: null, rate }],
  ...extra,
});
const amounts = (s: SettlementStatement) => s.lines.map((l) => [l.kind, l.component, l.amount]);
const march = (options: Parameters<typeof makeFacts>[0] = {}) => ({
  cycle: MARCH,
  facts: [makeFacts(options)],
});
const refusal = (run: () => unknown): KpiContractError => {
  try {
    run();
  } catch (error) {
    if (error instanceof KpiContractError) return error;
    throw error;
  }
  throw new Error("expected a KpiContractError");
};

describe("settle: true-up when a line appears or disappears between the two statements", () => {
  // Fixed 1,500.00 + 8% of GMV, with a minimum fee of 5,000.00.
  const contract = makeContract({ components: [fixed, share("0.08")], minimum: "5000.00" });
  // GMV 46,000 − 1,840 = 44,160 × 8% = 3,532.80; subtotal 5,032.80 ≥ 5,000.00: no top-up.
  const first = settle(contract, march());
  // Late refunds: GMV 46,000 − 2,840 = 43,160 × 8% = 3,452.80; subtotal 4,952.80 → top-up 47.20.
  const restated = march({ refunds: "2840.00" });

  it("a new minimum line is adjusted from 0.00", () => {
    expect(amounts(first)).toEqual([
      ["fixed", "base", "1500.00"],
      ["share", "share", "3532.80"],
    ]);
    const down = settle(contract, restated, { previous: first });
    expect(amounts(down)).toEqual([
      ["fixed", "base", "1500.00"],
      ["share", "share", "3452.80"],
      ["minimum", "minimum", "47.20"],
    ]);
    expect(down.total).toBe("5000.00");
    expect(down.adjustments).toEqual([
      { component: "share", kind: "share", previous: "3532.80", current: "3452.80", amount: "-80.00" },
      { component: "minimum", kind: "minimum", previous: "0.00", current: "47.20", amount: "47.20" },
    ]);
    // −80.00 + 47.20 = −32.80
    expect(down.adjustmentTotal).toBe("-32.80");
    expect(down.options.previous).toEqual({
      cycle: MARCH,
      digest: first.digest,
      total: "5032.80",
      lines: [
        { component: "base", kind: "fixed", amount: "1500.00" },
        { component: "share", kind: "share", amount: "3532.80" },
      ],
    });
    expect(down.warnings).toContain("The subtotal 4952.80 is below the minimum 5000.00: topped up");
    const zh = settle(contract, restated, { previous: first, locale: "zh-CN" });
    expect(zh.warnings).toContain("小计 4952.80 低于保底 5000.00：已补足");
    expect(zh.adjustments).toEqual(down.adjustments);
  });

  it("a minimum line that is gone is adjusted to 0.00", () => {
    const down = settle(contract, restated);
    const back = settle(contract, march(), { previous: down });
    expect(amounts(back)).toEqual(amounts(first));
    expect(back.adjustments).toEqual([
      { component: "share", kind: "share", previous: "3452.80", current: "3532.80", amount: "80.00" },
      { component: "minimum", kind: "minimum", previous: "47.20", current: "0.00", amount: "-47.20" },
    ]);
    // +80.00 − 47.20 = 32.80
    expect(back.adjustmentTotal).toBe("32.80");
  });
});

describe("settle: previousCycle carries only share lines that carry something", () => {
  it("skips the fixed line of the previous statement", () => {
    const contract = makeContract({
      components: [fixed, share("0.1", { negativeBasis: "carry-forward" })],
    });
    // March GMV 1,000 − 1,500 = −500: the share pays 0.00 and carries −500.
    const m = settle(contract, march({ gross: "1000.00", refunds: "1500.00" }));
    expect(m.lines.map((l) => [l.kind, l.amount, l.carryForward])).toEqual([
      ["fixed", "1500.00", undefined],
      ["share", "0.00", "-500"],
    ]);
    // April GMV 3,000 − 0 − 500 carried = 2,500 × 10% = 250.00; total 1,500.00 + 250.00.
    const a = settle(
      contract,
      { cycle: APRIL, facts: [makeFacts({ period: APRIL, gross: "3000.00", refunds: "0.00" })] },
      { previousCycle: m },
    );
    expect(amounts(a)).toEqual([
      ["fixed", "base", "1500.00"],
      ["share", "share", "250.00"],
    ]);
    expect(a.total).toBe("1750.00");
    expect(a.options.previousCycle).toEqual({
      cycle: MARCH,
      digest: m.digest,
      carryForward: { share: "-500" },
    });
  });
});

describe("safeSettle", () => {
  it("returns a refusal but rethrows an error that is not a KpiContractError", () => {
    const contract = makeContract({ components: [fixed] });
    const broken = new RangeError("cycle unreadable");
    const input = {
      get cycle(): never {
        throw broken;
      },
      facts: [],
    } as unknown as SettlementInput;
    expect(() => safeSettle(contract, input)).toThrow(broken);
    const refused = safeSettle(contract, { cycle: MARCH, facts: "none" } as never);
    expect(refused.success).toBe(false);
    if (!refused.success) {
      expect(refused.error.code).toBe("facts-invalid");
      expect(refused.error.issues).toEqual([
        {
          code: "invalid_type",
          path: ["facts"],
          message: "Expected an array of period facts, one per store",
        },
      ]);
    }
  });
});

describe("settle: a contract's custom KPIs", () => {
  it("are read with the contract and judge a target that pays a bonus, on every call", () => {
    const acos = makeContract({ components: [] }).targets[0];
    const contract = makeContract(
      {
        components: [
          fixed,
          { type: "bonus", name: "refund-bonus", target: "refunds", payout: { fixed: "200.00" } },
        ],
      },
      {
        kpis: [
          {
            id: "refundShare",
            unit: "ratio",
            polarity: "lower-is-better",
            expression: { ratio: ["sales.refunds", "sales.gross"] },
          },
        ],
        targets: [
          { ...acos, weight: "0.5" },
          {
            id: "refunds",
            kpi: "refundShare",
            goal: { atMost: "0.05" },
            evaluation: { every: "cycle" },
            weight: "0.5",
          },
          makeContract({ components: [] }).targets[1],
        ],
      },
    );
    // 1,840 ÷ 46,000 = 0.04 ≤ 0.05: met, the bonus pays 200.00; total 1,500.00 + 200.00.
    const first = settle(contract, march());
    expect(first.evaluations.find((e) => e.targetId === "refunds")).toMatchObject({
      actual: "0.04",
      status: "met",
    });
    expect(amounts(first)).toEqual([
      ["fixed", "base", "1500.00"],
      ["bonus", "refund-bonus", "200.00"],
    ]);
    expect(first.total).toBe("1700.00");
    // 2,840 ÷ 46,000 ≈ 0.0617 > 0.05: missed, the bonus pays nothing.
    const missed = settle(contract, march({ refunds: "2840.00" }));
    expect(missed.evaluations.find((e) => e.targetId === "refunds")?.status).toBe("missed");
    expect(missed.total).toBe("1500.00");
    expect(JSON.stringify(settle(contract, march()))).toBe(JSON.stringify(first));
  });
});

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/worked/${name}`, import.meta.url), "utf8"));

describe("settle: kept work per contract object and history array", () => {
  const contract = read("contract.json");
  const facts = read("march.json") as never[];
  const history = read("history.json") as { sales: { gross: string } }[];
  // A second history array: October's gross 30,000.00 → 33,000.00 (refunds 1,200.00 as before).
  const history2 = structuredClone(history);
  const october = history2[0];
  if (october !== undefined) october.sales.gross = "33000.00";
  const inputOf = (h: unknown[]) => ({ cycle: MARCH, facts, history: h as never[] });

  it("reads a second history array afresh and the first one again as before", () => {
    // Baseline mean of Oct–Dec GMV: (28,800 + 30,720 + 32,640) ÷ 3 = 30,720;
    // growth share 8% × (44,160 − 30,720) = 1,075.20.
    const first = settle(contract, inputOf(history));
    expect(amounts(first)).toEqual([
      ["fixed", "base", "1500.00"],
      ["share", "growth-share", "1075.20"],
    ]);
    // With October at 33,000 − 1,200 = 31,800: (31,800 + 30,720 + 32,640) ÷ 3 = 31,720;
    // 8% × (44,160 − 31,720) = 995.20.
    const second = settle(contract, inputOf(history2));
    expect(amounts(second)).toEqual([
      ["fixed", "base", "1500.00"],
      ["share", "growth-share", "995.20"],
    ]);
    expect(second.total).toBe("2495.20");
    expect(second.digest).not.toBe(first.digest);
    const again = settle(contract, inputOf(history));
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    // A fresh copy of each (no kept work) gives the same statements.
    expect(JSON.stringify(settle(read("contract.json"), inputOf(structuredClone(history2))))).toBe(
      JSON.stringify(second),
    );
  });

  it("hands out the kept basis scope frozen: changing it cannot change the next statement", () => {
    const s = settle(contract, inputOf(history));
    const trace = s.lines[1]?.trace as { basis: { scope: Record<string, string> } };
    expect(trace.basis.scope).toEqual(GMV_SCOPE);
    expect(Object.isFrozen(trace.basis.scope)).toBe(true);
    expect(() => {
      trace.basis.scope.refunds = "include";
    }).toThrow(TypeError);
    expect(JSON.stringify(settle(contract, inputOf(history)))).toBe(JSON.stringify(s));
  });

  it("refuses a contract that is not an object on every call: contract-invalid", () => {
    for (const bad of [null, "worked", 42]) {
      for (let call = 0; call < 2; call++) {
        const error = refusal(() => settle(bad, inputOf(history)));
        expect(error.code).toBe("contract-invalid");
        expect(error.issues).toEqual([
          { code: "invalid_type", path: [], message: "Expected a contract object" },
        ]);
      }
    }
  });

  it("keeps nothing of a refused contract object: once fixed, the same object settles", () => {
    const draft = read("contract.json") as { term: { start: string; end: string } };
    draft.term = { start: "2026-12-31", end: "2026-01-01" };
    expect(refusal(() => settle(draft, inputOf(history))).code).toBe("contract-invalid");
    expect(refusal(() => settle(draft, inputOf(history))).code).toBe("contract-invalid");
    draft.term = { start: "2026-01-01", end: "2026-12-31" };
    expect(settle(draft, inputOf(history)).total).toBe("2575.20");
  });
});
