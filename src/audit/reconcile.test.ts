import { describe, expect, it } from "vitest";
import contract from "../../test/fixtures/worked/contract.json" with { type: "json" };
import history from "../../test/fixtures/worked/history.json" with { type: "json" };
import march from "../../test/fixtures/worked/march.json" with { type: "json" };
import type { PeriodFactsInput } from "../facts/schema.js";
import { KpiContractError } from "../values/KpiContractError.js";
import type { ReconcileOptions } from "./Reconciliation.js";
import { reconcile, safeReconcile } from "./reconcile.js";

const cycle = { start: "2026-03-01", end: "2026-03-31" };
const facts = march as PeriodFactsInput[];
const store = facts[0] as PeriodFactsInput;
const options: ReconcileOptions = { tolerance: { absolute: "10.00", relative: "1%" } };

/** The error `reconcile` throws for these arguments. */
function refusal(c: unknown, input: unknown, opts: unknown = options): KpiContractError {
  const result = safeReconcile(c, input as never, opts as ReconcileOptions);
  if (result.success) throw new Error("expected a refusal");
  return result.error;
}

const issueCodes = (e: KpiContractError) => e.issues.map((i) => [i.code, i.path.join(".")]);

describe("reconcile: agreeing facts", () => {
  it("the same facts on both sides are ok, with the fee of the statement (2,575.20)", () => {
    const result = reconcile(contract, { cycle, reported: facts, verified: facts, history }, options);
    expect(result.ok).toBe(true);
    expect(result.fees).toMatchObject({
      reportedTotal: "2575.20",
      verifiedTotal: "2575.20",
      difference: "0.00",
    });
    expect(result.summary.message).toBe(
      "Reconciliation of contract worked for 2026-03-01..2026-03-31: the reported facts agree with the verified facts within the tolerance and give the same fee (2575.20 USD).",
    );
  });

  it("writes the summary in the requested locale (or the contract's)", () => {
    const zh = reconcile(
      contract,
      { cycle, reported: facts, verified: facts, history },
      { ...options, locale: "zh-CN" },
    );
    expect(zh.summary.message).toBe(
      "合同 worked 在 2026-03-01..2026-03-31 的对账：上报数据与核验数据在容差内一致，费用相同（2575.20 USD）。",
    );
    const inflated = [{ ...store, sales: { ...store.sales, gross: "50000.00" } }];
    const zhContract = { ...contract, locale: "zh-CN" };
    const diff = reconcile(zhContract, { cycle, reported: inflated, verified: facts, history }, options);
    expect(diff.summary.message).toBe(
      "合同 worked 在 2026-03-01..2026-03-31 的对账：21 个事实字段中有 1 个、3 个 KPI 中有 1 个超出容差，0 个目标状态改变；按上报数据计算的费用比核验数据高 320.00 USD。",
    );
  });

  it("a lower reported fee is said to be lower", () => {
    const deflated = [{ ...store, sales: { ...store.sales, gross: "45000.00" } }];
    const result = reconcile(contract, { cycle, reported: deflated, verified: facts, history }, options);
    // (45,000 − 1,840 − 30,720) × 0.08 = 995.20: 80.00 less than 1,075.20.
    expect(result.fees.difference).toBe("-80.00");
    expect(result.summary.message).toContain("a fee 80.00 USD lower than the verified facts");
  });

  it("accepts numbers: a relative tolerance of 0.5 and an absolute of 0", () => {
    const result = reconcile(
      contract,
      { cycle, reported: facts, verified: facts, history },
      { tolerance: { absolute: 0, relative: 0.5 } },
    );
    expect(result.tolerance).toEqual({ absolute: "0", relative: "0.5" });
  });
});

describe("reconcile: refusals", () => {
  it("options-invalid: a missing, negative or malformed tolerance, or an unknown option", () => {
    const input = { cycle, reported: facts, verified: facts, history };
    for (const bad of [
      {},
      { tolerance: { absolute: "-1", relative: "1%" } },
      { tolerance: { absolute: "10", relative: "-1%" } },
      { tolerance: { absolute: "10", relative: "one percent" } },
      { tolerance: { absolute: "10" } },
      { ...options, strict: true },
      { ...options, locale: "fr" },
    ]) {
      expect(refusal(contract, input, bad).code).toBe("options-invalid");
    }
  });

  it("input-invalid: the shape, with every issue at its path", () => {
    const e = refusal(contract, { cycle, reported: "x", verified: [{ ...store, sales: { gross: "a" } }] });
    expect(e.code).toBe("input-invalid");
    expect(issueCodes(e)).toEqual([
      ["invalid_type", "reported"],
      ["decimal-invalid", "verified.0.sales.gross"],
    ]);
    expect(refusal(contract, null).code).toBe("input-invalid");
    expect(refusal(contract, { cycle, reported: facts, verified: facts, extra: 1 }).code).toBe(
      "input-invalid",
    );
  });

  it("input-invalid: a cycle that is not a cycle of the term", () => {
    const e = refusal(contract, {
      cycle: { start: "2026-03-02", end: "2026-03-31" },
      reported: [],
      verified: [],
    });
    expect(issueCodes(e)).toEqual([["cycle-invalid", "cycle"]]);
  });

  it("input-invalid: store-missing, store-unknown, facts-duplicate, period-mismatch", () => {
    const { store: _id, ...anonymous } = store;
    const e = refusal(contract, {
      cycle,
      reported: [anonymous, { ...store, store: "eu" }],
      verified: [store, store, { ...store, period: { start: "2026-02-01", end: "2026-02-28" } }],
    });
    expect(issueCodes(e)).toEqual([
      ["store-missing", "reported.0.store"],
      ["store-unknown", "reported.1.store"],
      ["facts-duplicate", "verified.1.store"],
      ["facts-duplicate", "verified.2.store"],
      ["period-mismatch", "verified.2.period"],
    ]);
  });

  it("input-invalid: the two versions of a store in different currencies; history without a store", () => {
    const { store: _id, ...anonymous } = history[0] as PeriodFactsInput;
    const e = refusal(contract, {
      cycle,
      reported: facts,
      verified: [{ ...store, currency: "EUR" }],
      history: [anonymous],
    });
    expect(issueCodes(e)).toEqual([
      ["currency-mismatch", "verified.0.currency"],
      ["store-missing", "history.0.store"],
    ]);
  });

  it("contract-invalid: the contract does not parse", () => {
    expect(refusal({ ...contract, id: "" }, { cycle, reported: facts, verified: facts }).code).toBe(
      "contract-invalid",
    );
  });

  it("contract-not-smart unless allowInvalid, as settle", () => {
    // Objective weights 0.6 + 0.5 ≠ 1: a SMART error (weights-invalid).
    const targets = contract.targets.map((t) => (t.id === "acos" ? { ...t, weight: "0.6" } : t));
    const bad = { ...contract, targets };
    const input = { cycle, reported: facts, verified: facts, history };
    expect(refusal(bad, input).code).toBe("contract-not-smart");
    expect(() => reconcile(bad, input, options)).toThrow(KpiContractError);
    const result = reconcile(bad, input, { ...options, allowInvalid: true });
    expect(result.ok).toBe(true);
  });

  it("safeReconcile returns the data when reconcile succeeds", () => {
    const result = safeReconcile(contract, { cycle, reported: facts, verified: facts, history }, options);
    expect(result.success && result.data.ok).toBe(true);
  });
});

describe("reconcile: the summary counts what was compared, and says apart what one version lacks", () => {
  const run = (reported: PeriodFactsInput[], verified: PeriodFactsInput[], locale?: "en" | "zh-CN") =>
    reconcile(
      contract,
      { cycle, reported, verified, history },
      { ...options, ...(locale ? { locale } : {}) },
    );
  const where = "Reconciliation of contract worked for 2026-03-01..2026-03-31";
  const whereZh = "合同 worked 在 2026-03-01..2026-03-31 的对账";

  it("no verified facts at all: nothing compared, 21 fields and 3 KPIs on the reported side only", () => {
    const result = run(facts, []);
    // Every target has a reported value and is unavailable on the verified side: each status changes.
    expect(result.summary.fields).toEqual({
      compared: 0,
      exceeding: 0,
      missingReported: 0,
      missingVerified: 21,
    });
    expect(result.summary.kpis).toEqual({
      compared: 0,
      exceeding: 0,
      missingReported: 0,
      missingVerified: 3,
      statusChanged: 3,
    });
    // Each one-sided KPI is still a finding in its row and in ok.
    expect(result.kpis.every((k) => k.exceeds)).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.summary.message).toBe(
      `${where}: 0 of 0 fact fields and 0 of 0 KPIs exceed the tolerance, 21 fact fields and 3 KPIs have a value in the reported facts only, 3 targets change status; the fee of the verified facts could not be computed (facts-missing).`,
    );
    expect(run(facts, [], "zh-CN").summary.message).toBe(
      `${whereZh}：0 个事实字段中有 0 个、0 个 KPI 中有 0 个超出容差，21 个事实字段和 3 个 KPI 仅上报数据有值，3 个目标状态改变；核验数据无法计算费用（facts-missing）。`,
    );
  });

  it("no reported facts at all: the same, on the verified side", () => {
    const result = run([], facts);
    expect(result.summary.kpis).toEqual({
      compared: 0,
      exceeding: 0,
      missingReported: 3,
      missingVerified: 0,
      statusChanged: 3,
    });
    expect(result.summary.message).toBe(
      `${where}: 0 of 0 fact fields and 0 of 0 KPIs exceed the tolerance, 21 fact fields and 3 KPIs have a value in the verified facts only, 3 targets change status; the fee of the reported facts could not be computed (facts-missing).`,
    );
    expect(run([], facts, "zh-CN").summary.message).toBe(
      `${whereZh}：0 个事实字段中有 0 个、0 个 KPI 中有 0 个超出容差，21 个事实字段和 3 个 KPI 仅核验数据有值，3 个目标状态改变；上报数据无法计算费用（facts-missing）。`,
    );
  });

  it("each version lacking something: the reported side's extras first, then the verified side's", () => {
    // Reported without sales.refunds: gmv-growth (net GMV) has no reported value and the share no
    // basis. Verified without reviews: its 5 star counts are missing and negative-reviews has no
    // verified value (met on the reported facts, missed on the verified: a status change).
    const { refunds: _refunds, ...sales } = store.sales as Record<string, unknown>;
    const { reviews: _reviews, ...noReviews } = store as Record<string, unknown>;
    const reported = [{ ...store, sales }] as PeriodFactsInput[];
    const verified = [noReviews] as PeriodFactsInput[];
    const result = run(reported, verified);
    expect(result.summary.fields).toEqual({
      compared: 15,
      exceeding: 0,
      missingReported: 1,
      missingVerified: 5,
    });
    expect(result.summary.kpis).toEqual({
      compared: 1,
      exceeding: 0,
      missingReported: 1,
      missingVerified: 1,
      statusChanged: 1,
    });
    expect(result.summary.message).toBe(
      `${where}: 0 of 15 fact fields and 0 of 1 KPIs exceed the tolerance, 5 fact fields and 1 KPI have a value in the reported facts only, 1 fact field and 1 KPI have a value in the verified facts only, 1 target changes status; the fee of the reported facts could not be computed (facts-missing).`,
    );
    expect(run(reported, verified, "zh-CN").summary.message).toBe(
      `${whereZh}：15 个事实字段中有 0 个、1 个 KPI 中有 0 个超出容差，5 个事实字段和 1 个 KPI 仅上报数据有值，1 个事实字段和 1 个 KPI 仅核验数据有值，1 个目标状态改变；上报数据无法计算费用（facts-missing）。`,
    );
  });

  it("a single fact field on one side only, next to a real difference, is said in the singular", () => {
    // Gross 50,000.00 against 46,000.00 as in the worked example, plus a cost only the agency reports.
    const reported = [
      { ...store, sales: { ...store.sales, gross: "50000.00" }, costs: { cogs: "15000.00" } },
    ] as PeriodFactsInput[];
    const result = run(reported, facts);
    expect(result.summary.kpis).toMatchObject({
      compared: 3,
      exceeding: 1,
      missingReported: 0,
      missingVerified: 0,
    });
    expect(result.summary.message).toBe(
      `${where}: 1 of 21 fact fields and 1 of 3 KPIs exceed the tolerance, 1 fact field has a value in the reported facts only, 0 targets change status; the reported facts give a fee 320.00 USD higher than the verified facts.`,
    );
    expect(run(reported, facts, "zh-CN").summary.message).toBe(
      `${whereZh}：21 个事实字段中有 1 个、3 个 KPI 中有 1 个超出容差，1 个事实字段仅上报数据有值，0 个目标状态改变；按上报数据计算的费用比核验数据高 320.00 USD。`,
    );
  });
});

describe("reconcile: KPI differences from the exact fractions, not from 34-digit roundings", () => {
  const withStars = (one: number) => [
    { ...store, reviews: { byStars: { "1": one, "2": 1, "3": 6, "4": 40, "5": 253 - one } } },
  ];
  const kpi = (result: ReturnType<typeof reconcile>, id: string) =>
    result.kpis.find((k) => k.targetId === id);

  it("negative reviews 1/300 against 2/300 differ by exactly −1/300, relative exactly −0.5: at the tolerance, not over", () => {
    // 300 reviews with no two-star ones: 1 (reported) or 2 (verified) negative, one-star reviews.
    const only = (one: number) => [
      { ...store, reviews: { byStars: { "1": one, "3": 6, "4": 40, "5": 254 - one } } },
    ];
    const result = reconcile(
      contract,
      { cycle, reported: only(1), verified: only(2), history },
      { tolerance: { absolute: "0", relative: "0.5" } },
    );
    const row = kpi(result, "negative-reviews");
    // 1/300 − 2/300 = −1/300 = −0.003333… (34 digits, half-even: …3333); ÷ (2/300) = −0.5 exactly.
    expect(row).toMatchObject({
      reported: "0.003333333333333333333333333333333333",
      verified: "0.006666666666666666666666666666666667",
      difference: "-0.003333333333333333333333333333333333",
      relative: "-0.5",
      exceeds: false,
    });
    // From the rounded values it would be −0.0033…34 and −0.5000…0001, over the tolerance.
  });

  it("ACoS 9,450/42,000 = 0.225 against 9,000/42,000 = 3/14: relative exactly 0.05", () => {
    const spend = (amount: string) => [{ ...store, ads: { ...store.ads, spend: amount } }];
    const result = reconcile(
      contract,
      { cycle, reported: spend("9450.00"), verified: spend("9000.00"), history },
      { tolerance: { absolute: "0", relative: "0.05" } },
    );
    // (0.225 − 3/14) ÷ (3/14) = (9450 − 9000) ÷ 9000 = 0.05; the difference 450/42000 = 0.0107142857…
    expect(kpi(result, "acos")).toMatchObject({
      difference: "0.01071428571428571428571428571428571",
      relative: "0.05",
      exceeds: false,
    });
  });

  it("a difference just over the tolerance still exceeds", () => {
    const result = reconcile(
      contract,
      { cycle, reported: withStars(2), verified: withStars(1), history },
      { tolerance: { absolute: "0", relative: "0.4999" } },
    );
    // 3/300 against 2/300: relative 0.5 > 0.4999
    expect(kpi(result, "negative-reviews")).toMatchObject({ relative: "0.5", exceeds: true });
  });
});
