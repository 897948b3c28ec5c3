import { describe, expect, it } from "vitest";
import contract from "../../test/fixtures/worked/contract.json" with { type: "json" };
import history from "../../test/fixtures/worked/history.json" with { type: "json" };
import march from "../../test/fixtures/worked/march.json" with { type: "json" };
import type { PeriodFactsInput } from "../facts/schema.js";
import type { ReconcileOptions, Reconciliation } from "./Reconciliation.js";
import { reconcile, safeReconcile } from "./reconcile.js";

// The SPEC §8 contract and its March facts: fee 1,500.00 + 1,075.20 = 2,575.20.
const cycle = { start: "2026-03-01", end: "2026-03-31" };
const facts = march as PeriodFactsInput[];
const base = march[0] as (typeof march)[number];
const tolerance = { absolute: "10.00", relative: "1%" };

function run(
  reported: PeriodFactsInput[],
  verified: PeriodFactsInput[],
  options: Partial<ReconcileOptions> = {},
): Reconciliation {
  return reconcile(contract, { cycle, reported, verified, history }, { tolerance, ...options });
}

const field = (r: Reconciliation, name: string) => r.fields.find((f) => f.field === name);

describe("reconcile: a version whose fee cannot be computed", () => {
  // Without sales.refunds the net GMV of the GMV target (and of the share basis) cannot be computed:
  // facts-missing.
  const { refunds: _dropped, ...sales } = base.sales;
  const noRefunds = [{ ...base, sales }] as PeriodFactsInput[];

  it("reported: the fee is unavailable on that side, with its error, and every line compares to nothing", () => {
    const result = run(noRefunds, facts);
    expect(result.fees).toEqual({
      currency: "USD",
      reportedTotal: null,
      verifiedTotal: "2575.20",
      difference: null,
      lines: [
        { component: "base", kind: "fixed", reported: null, verified: "1500.00", difference: null },
        { component: "growth-share", kind: "share", reported: null, verified: "1075.20", difference: null },
      ],
      verifiedDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      reportedError: {
        code: "facts-missing",
        message:
          "Facts a target needs are missing, so it cannot be judged: target gmv-growth (gmv) in 2026-03-01..2026-03-31 (missing sales.refunds)",
      },
    });
    expect(result.fees).not.toHaveProperty("reportedDigest");
    expect(result.ok).toBe(false);
    // 21 fields less the missing sales.refunds = 20 compared; gmv-growth has no reported value, so
    // 2 KPIs are compared (both within the tolerance); sales.refunds and gmv-growth are said apart.
    expect(result.summary.kpis).toEqual({
      compared: 2,
      exceeding: 0,
      missingReported: 1,
      missingVerified: 0,
      statusChanged: 0,
    });
    expect(result.summary.message).toBe(
      "Reconciliation of contract worked for 2026-03-01..2026-03-31: 0 of 20 fact fields and 0 of 2 KPIs exceed the tolerance, 1 fact field and 1 KPI have a value in the verified facts only, 0 targets change status; the fee of the reported facts could not be computed (facts-missing).",
    );
  });

  it("says which side failed in Chinese, reported or verified", () => {
    expect(run(noRefunds, facts, { locale: "zh-CN" }).summary.message).toBe(
      "合同 worked 在 2026-03-01..2026-03-31 的对账：20 个事实字段中有 0 个、2 个 KPI 中有 0 个超出容差，1 个事实字段和 1 个 KPI 仅核验数据有值，0 个目标状态改变；上报数据无法计算费用（facts-missing）。",
    );
    expect(run(facts, noRefunds, { locale: "zh-CN" }).summary.message).toBe(
      "合同 worked 在 2026-03-01..2026-03-31 的对账：20 个事实字段中有 0 个、2 个 KPI 中有 0 个超出容差，1 个事实字段和 1 个 KPI 仅上报数据有值，0 个目标状态改变；核验数据无法计算费用（facts-missing）。",
    );
  });
});

describe("reconcile: stores missing from a version", () => {
  it("a store with no reported facts: every field missing-reported, every target unavailable", () => {
    const result = run([], facts);
    expect(result.fields).toHaveLength(21);
    expect(result.fields.every((f) => f.status === "missing-reported" && f.reported === null)).toBe(true);
    expect(field(result, "sales.gross")).toEqual({
      store: "us",
      field: "sales.gross",
      unit: "money",
      currency: "USD",
      status: "missing-reported",
      reported: null,
      verified: "46000.00",
      difference: null,
      relative: null,
      reason: "missing-reported",
      exceeds: false,
    });
    expect(result.kpis.map((k) => [k.reportedStatus, k.reportedReason, k.reason])).toEqual([
      ["unavailable", "facts-missing", "missing-reported"],
      ["unavailable", "facts-missing", "missing-reported"],
      ["unavailable", "facts-missing", "missing-reported"],
    ]);
    expect(result.fees.reportedError?.code).toBe("facts-missing");
    expect(result.fees.verifiedTotal).toBe("2575.20");
  });

  it("a store in neither version has no field rows and no fee on either side", () => {
    const result = run([], []);
    expect(result.fields).toEqual([]);
    expect(result.fees).toEqual({
      currency: "USD",
      reportedTotal: null,
      verifiedTotal: null,
      difference: null,
      lines: [],
      reportedError: { code: "facts-missing", message: "No facts for us in 2026-03-01..2026-03-31" },
      verifiedError: { code: "facts-missing", message: "No facts for us in 2026-03-01..2026-03-31" },
    });
    expect(result.ok).toBe(false);
  });
});

describe("reconcile: KPIs and fields", () => {
  it("a KPI that is zero on the verified side: relative null (zero-verified), and a ratio exceeds", () => {
    // Verified ad spend 0: ACoS 0 ÷ 42,000 = 0 against the reported 9,000 ÷ 42,000 = 0.2142857…
    const noSpend = [{ ...base, ads: { ...base.ads, spend: "0.00" } }] as PeriodFactsInput[];
    const result = run(facts, noSpend, { locale: "zh-CN" });
    expect(result.kpis.find((k) => k.targetId === "acos")).toEqual({
      targetId: "acos",
      kpi: "acos",
      unit: "ratio",
      period: cycle,
      reported: "0.2142857142857142857142857142857143",
      verified: "0",
      reportedStatus: "met",
      verifiedStatus: "met",
      difference: "0.2142857142857142857142857142857143",
      relative: null,
      reason: "zero-verified",
      exceeds: true,
      statusChanged: false,
    });
    // Both ACoS values meet ≤ 0.22: no penalty, the same fee, yet not ok.
    expect(result.fees.difference).toBe("0.00");
    expect(result.ok).toBe(false);
    expect(result.summary.message).toBe(
      "合同 worked 在 2026-03-01..2026-03-31 的对账：21 个事实字段中有 1 个、3 个 KPI 中有 1 个超出容差，0 个目标状态改变；费用相同。",
    );
  });

  it("a lower reported fee is said to be lower in Chinese", () => {
    const deflated = [{ ...base, sales: { ...base.sales, gross: "45000.00" } }];
    // Gross −1,000 (2.17% of 46,000) exceeds; the gmv-growth window mean moves by 1,000 ÷ 3 = 333.33,
    // 0.81% of 41,220: within 1%. Fee (45,000 − 1,840 − 30,720) × 0.08 = 995.20: 80.00 less than 1,075.20.
    expect(run(deflated, facts, { locale: "zh-CN" }).summary.message).toBe(
      "合同 worked 在 2026-03-01..2026-03-31 的对账：21 个事实字段中有 1 个、3 个 KPI 中有 0 个超出容差，0 个目标状态改变；按上报数据计算的费用比核验数据低 80.00 USD。",
    );
  });

  it("a line on the reported side only counts as no charge on the verified side", () => {
    // Reported attributed 14d sales 40,000.00: ACoS 9,000 ÷ 40,000 = 0.225 > 0.22, missed →
    // penalty 10% × 1,500.00 = −150.00 on the reported facts only: the reported fee is 150.00 lower.
    const attributed = { "14d": { ...base.ads.attributed["14d"], sales: "40000.00" } };
    const lower = [{ ...base, ads: { ...base.ads, attributed } }];
    const result = run(lower, facts);
    expect(result.fees.lines).toContainEqual({
      component: "acos-miss",
      kind: "penalty",
      reported: "-150.00",
      verified: null,
      difference: "-150.00",
    });
    expect(result.fees).toMatchObject({
      reportedTotal: "2425.20",
      verifiedTotal: "2575.20",
      difference: "-150.00",
    });
  });

  it("lists attribution windows by key after ads.impressions", () => {
    const windows = [
      {
        ...base,
        ads: {
          ...base.ads,
          attributed: {
            "7d": { sales: "40000.00", orders: 48 },
            "14d": { sales: "42000.00", orders: 50 },
            "1d": { sales: "30000.00", orders: 30 },
          },
        },
      },
    ];
    const result = run(windows, windows);
    const at = result.fields.findIndex((f) => f.field === "ads.impressions");
    expect(result.fields.slice(at, at + 7).map((f) => f.field)).toEqual([
      "ads.impressions",
      "ads.attributed.14d.sales",
      "ads.attributed.14d.orders",
      "ads.attributed.1d.sales",
      "ads.attributed.1d.orders",
      "ads.attributed.7d.sales",
      "ads.attributed.7d.orders",
    ]);
  });

  it("writes a money fact with more digits than the currency has exactly as it is", () => {
    const precise = [{ ...base, sales: { ...base.sales, gross: "46000.005" } }];
    expect(field(run(precise, facts), "sales.gross")).toMatchObject({
      reported: "46000.005",
      verified: "46000.00",
      difference: "0.005",
      exceeds: false,
    });
  });
});

describe("safeReconcile", () => {
  it("throws an error that is not a KpiContractError instead of returning it", () => {
    const broken = {
      get schemaVersion(): number {
        throw new TypeError("broken getter");
      },
    };
    expect(() => safeReconcile(broken, { cycle, reported: facts, verified: facts }, { tolerance })).toThrow(
      new TypeError("broken getter"),
    );
  });
});
