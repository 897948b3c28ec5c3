import { describe, expect, it } from "vitest";
import type { FactReconciliation, Reconciliation } from "../../src/audit/Reconciliation.js";
import { reconcile } from "../../src/audit/reconcile.js";
import type { PeriodFactsInput } from "../../src/facts/schema.js";
import contract from "../fixtures/worked/contract.json" with { type: "json" };
import history from "../fixtures/worked/history.json" with { type: "json" };
import march from "../fixtures/worked/march.json" with { type: "json" };

// The SPEC §8 contract: fixed 1,500.00; share 8% of net GMV over the 30,720.00 baseline, cap
// 2,500.00, gated on negative-reviews (below 0.008); penalty 10% of fixed when acos (≤ 0.22) is missed.
const cycle = { start: "2026-03-01", end: "2026-03-31" };
const verified = march as PeriodFactsInput[];
const tolerance = { absolute: "10.00", relative: "1%" };
const base = march[0] as (typeof march)[number];

/** March facts of the store with some groups replaced. */
function marchWith(patch: Record<string, unknown>): PeriodFactsInput[] {
  return [{ ...base, ...patch } as PeriodFactsInput];
}

function run(reported: PeriodFactsInput[], verifiedFacts: PeriodFactsInput[] = verified): Reconciliation {
  return reconcile(contract, { cycle, reported, verified: verifiedFacts, history }, { tolerance });
}

const field = (r: Reconciliation, name: string) =>
  r.fields.find((f) => f.field === name) as FactReconciliation;
const kpi = (r: Reconciliation, id: string) => r.kpis.find((k) => k.targetId === id);
const exceeding = (r: Reconciliation) => r.fields.filter((f) => f.exceeds).map((f) => f.field);

describe("reconcile on the SPEC §8 contract: reported gross 50,000.00 against a verified 46,000.00", () => {
  const result = run(marchWith({ sales: { ...base.sales, gross: "50000.00" } }));

  it("the gross field exceeds: 4,000.00 > 10.00 and 4,000 ÷ 46,000 = 8.70% > 1%", () => {
    expect(field(result, "sales.gross")).toEqual({
      store: "us",
      field: "sales.gross",
      unit: "money",
      currency: "USD",
      status: "compared",
      reported: "50000.00",
      verified: "46000.00",
      difference: "4000.00",
      relative: "0.08695652173913043478260869565217391",
      exceeds: true,
    });
    expect(exceeding(result)).toEqual(["sales.gross"]);
  });

  it("every other field agrees: difference 0, relative 0", () => {
    for (const f of result.fields.filter((x) => x.field !== "sales.gross")) {
      expect(new Set([f.difference, f.relative])).toEqual(new Set([f.unit === "money" ? "0.00" : "0", "0"]));
    }
    // 11 sales + 3 ads + 2 attributed (14d) + 5 stars = 21 fields, all compared.
    expect(result.summary.fields).toEqual({
      compared: 21,
      exceeding: 1,
      missingReported: 0,
      missingVerified: 0,
    });
  });

  it("the gmv-growth window mean moves by 4,000 ÷ 3 and exceeds; acos and negative reviews do not move", () => {
    // Reported: (38,000 + 41,500 + (50,000 − 1,840)) ÷ 3 = 127,660 ÷ 3 = 42,553.333…
    // Verified: (38,000 + 41,500 + 44,160) ÷ 3 = 41,220. Both below the 43,008 target: missed on both.
    expect(kpi(result, "gmv-growth")).toMatchObject({
      kpi: "gmv",
      unit: "money",
      period: { start: "2026-01-01", end: "2026-03-31" },
      reported: "42553.33333333333333333333333333333",
      verified: "41220",
      difference: "1333.33333333333333333333333333333",
      exceeds: true,
      reportedStatus: "missed",
      verifiedStatus: "missed",
      statusChanged: false,
    });
    // 1,333.33… ÷ 41,220 = 0.032346…
    expect(kpi(result, "gmv-growth")?.relative?.startsWith("0.0323467572375869")).toBe(true);
    for (const id of ["acos", "negative-reviews"]) {
      expect(kpi(result, id)).toMatchObject({
        difference: "0",
        relative: "0",
        exceeds: false,
        statusChanged: false,
      });
    }
  });

  it("the fee differs by 320.00: share (50,000 − 1,840 − 30,720) × 0.08 = 1,395.20 against 1,075.20", () => {
    // Reported basis 48,160 − 30,720 = 17,440 × 0.08 = 1,395.20 (under the 2,500.00 cap);
    // verified 44,160 − 30,720 = 13,440 × 0.08 = 1,075.20; the base fee is 1,500.00 on both.
    expect(result.fees).toMatchObject({
      currency: "USD",
      reportedTotal: "2895.20",
      verifiedTotal: "2575.20",
      difference: "320.00",
      lines: [
        { component: "base", kind: "fixed", reported: "1500.00", verified: "1500.00", difference: "0.00" },
        {
          component: "growth-share",
          kind: "share",
          reported: "1395.20",
          verified: "1075.20",
          difference: "320.00",
        },
      ],
    });
    expect(result.fees.reportedDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(result.fees.verifiedDigest).not.toBe(result.fees.reportedDigest);
  });

  it("is not ok, and the summary says why", () => {
    expect(result.ok).toBe(false);
    expect(result.tolerance).toEqual({ absolute: "10.00", relative: "0.01" });
    expect(result.summary.kpis).toEqual({
      compared: 3,
      exceeding: 1,
      missingReported: 0,
      missingVerified: 0,
      statusChanged: 0,
    });
    expect(result.summary.feeDifference).toBe("320.00");
    expect(result.summary.message).toBe(
      "Reconciliation of contract worked for 2026-03-01..2026-03-31: 1 of 21 fact fields and 1 of 3 KPIs exceed the tolerance, 0 targets change status; the reported facts give a fee 320.00 USD higher than the verified facts.",
    );
  });
});

describe("the tolerance rule: both the absolute and the relative tolerance must be exceeded", () => {
  it("8 extra orders on 100 (8%) pass: |8| is not above 10", () => {
    const result = run(marchWith({ sales: { ...base.sales, orders: 108 } }));
    expect(field(result, "sales.orders")).toMatchObject({
      difference: "8",
      relative: "0.08",
      exceeds: false,
    });
    expect(result.ok).toBe(true);
  });

  it("50.00 more ad spend on 9,000.00 (0.56%) passes: 50 ÷ 9,000 is not above 1%", () => {
    const result = run(marchWith({ ads: { ...base.ads, spend: "9050.00" } }));
    expect(field(result, "ads.spend")).toMatchObject({ difference: "50.00", exceeds: false });
    // acos 9,050 ÷ 42,000 = 0.21547… against 0.21428…: +0.56%, and still ≤ 0.22 (met on both).
    expect(kpi(result, "acos")).toMatchObject({ exceeds: false, statusChanged: false });
    expect(result.ok).toBe(true);
  });

  it("a difference exactly at the tolerance passes (strictly above exceeds)", () => {
    // 10.00 on 1,000.00 is exactly 10.00 and exactly 1%.
    const at = reconcile(
      contract,
      {
        cycle,
        reported: marchWith({ sales: { ...base.sales, cancelledValue: "1010.00" } }),
        verified: marchWith({ sales: { ...base.sales, cancelledValue: "1000.00" } }),
        history,
      },
      { tolerance },
    );
    expect(field(at, "sales.cancelledValue")).toMatchObject({
      difference: "10.00",
      relative: "0.01",
      exceeds: false,
    });
    const above = reconcile(
      contract,
      {
        cycle,
        reported: marchWith({ sales: { ...base.sales, cancelledValue: "1010.01" } }),
        verified: marchWith({ sales: { ...base.sales, cancelledValue: "1000.00" } }),
        history,
      },
      { tolerance },
    );
    expect(field(above, "sales.cancelledValue")).toMatchObject({ difference: "10.01", exceeds: true });
  });

  it("a ratio KPI is judged on its relative difference alone; a status change is reported and costs the share", () => {
    // Verified: 3 one-star reviews, not 1: (3 + 1) ÷ 302 = 0.013245… ≥ 0.008, missed; reported
    // (1 + 1) ÷ 300 = 0.00666…, met. The star count differs by only 2 (within 10.00), but the rate
    // differs by −49.7%: it exceeds. The share is gated on negative-reviews: 0 on the verified facts.
    const stars = { ...base.reviews.byStars, "1": 3 };
    const result = run(verified, marchWith({ reviews: { byStars: stars } }));
    expect(field(result, "reviews.byStars.1")).toMatchObject({ difference: "-2", exceeds: false });
    expect(kpi(result, "negative-reviews")).toMatchObject({
      unit: "ratio",
      reported: "0.006666666666666666666666666666666667",
      verified: "0.01324503311258278145695364238410596",
      reportedStatus: "met",
      verifiedStatus: "missed",
      exceeds: true,
      statusChanged: true,
    });
    expect(result.fees.lines).toContainEqual({
      component: "growth-share",
      kind: "share",
      reported: "1075.20",
      verified: "0.00",
      difference: "1075.20",
    });
    expect(result.fees.difference).toBe("1075.20");
    expect(result.summary.kpis.statusChanged).toBe(1);
  });

  it("a line on one side only counts as no charge on the other (an ACoS penalty)", () => {
    // Verified attributed 14d sales 40,000.00: ACoS 9,000 ÷ 40,000 = 0.225 > 0.22, missed →
    // penalty 10% × 1,500.00 = −150.00 on the verified facts only.
    const attributed = { "14d": { ...base.ads.attributed["14d"], sales: "40000.00" } };
    const result = run(verified, marchWith({ ads: { ...base.ads, attributed } }));
    expect(result.fees.lines).toContainEqual({
      component: "acos-miss",
      kind: "penalty",
      reported: null,
      verified: "-150.00",
      difference: "150.00",
    });
    expect(result.fees).toMatchObject({
      reportedTotal: "2575.20",
      verifiedTotal: "2425.20",
      difference: "150.00",
    });
    expect(kpi(result, "acos")).toMatchObject({ verified: "0.225", statusChanged: true, exceeds: true });
  });
});

describe("fields on one side only, and zero verified values", () => {
  it("a field present on one side only is listed, never taken as 0, and does not break ok", () => {
    const reported = marchWith({ costs: { cogs: "15000.00" } });
    const verifiedFacts = marchWith({ traffic: { sessions: 24000 } });
    const result = run(reported, verifiedFacts);
    expect(field(result, "costs.cogs")).toEqual({
      store: "us",
      field: "costs.cogs",
      unit: "money",
      currency: "USD",
      status: "missing-verified",
      reported: "15000.00",
      verified: null,
      difference: null,
      relative: null,
      reason: "missing-verified",
      exceeds: false,
    });
    expect(field(result, "traffic.sessions")).toMatchObject({
      status: "missing-reported",
      reported: null,
      verified: "24000",
      reason: "missing-reported",
    });
    expect(result.summary.fields).toMatchObject({ missingReported: 1, missingVerified: 1 });
    expect(result.ok).toBe(true);
  });

  it("a field the fee needs missing on one side makes that fee unavailable, not 0", () => {
    // Without sales.refunds the net GMV of the share basis cannot be computed: facts-missing.
    const { refunds: _dropped, ...sales } = base.sales;
    const result = run(verified, marchWith({ sales }));
    expect(field(result, "sales.refunds")).toMatchObject({ status: "missing-verified" });
    expect(result.fees).toMatchObject({
      reportedTotal: "2575.20",
      verifiedTotal: null,
      difference: null,
      verifiedError: { code: "facts-missing" },
    });
    expect(result.fees.lines.every((l) => l.difference === null && l.verified === null)).toBe(true);
    expect(kpi(result, "gmv-growth")).toMatchObject({
      reported: "41220",
      verified: null,
      verifiedReason: "missing-facts",
      reason: "missing-verified",
      exceeds: true,
    });
    expect(result.ok).toBe(false);
    expect(result.summary.message).toContain(
      "the fee of the verified facts could not be computed (facts-missing)",
    );
  });

  it("a store with no verified facts: every field missing-verified, every target unavailable", () => {
    const result = run(verified, []);
    expect(result.fields.every((f) => f.status === "missing-verified")).toBe(true);
    expect(result.kpis.map((k) => [k.verifiedStatus, k.verifiedReason])).toEqual([
      ["unavailable", "facts-missing"],
      ["unavailable", "facts-missing"],
      ["unavailable", "facts-missing"],
    ]);
    expect(result.kpis.every((k) => k.statusChanged && k.exceeds)).toBe(true);
    expect(result.fees.verifiedError?.code).toBe("facts-missing");
    expect(result.ok).toBe(false);
  });

  it("a zero verified value: relative null (zero-verified); exceeds when |difference| is above the absolute", () => {
    const zero = marchWith({ sales: { ...base.sales, cancelledValue: "0.00" } });
    const big = run(marchWith({ sales: { ...base.sales, cancelledValue: "25.00" } }), zero);
    expect(field(big, "sales.cancelledValue")).toMatchObject({
      difference: "25.00",
      relative: null,
      reason: "zero-verified",
      exceeds: true,
    });
    const small = run(marchWith({ sales: { ...base.sales, cancelledValue: "5.00" } }), zero);
    expect(field(small, "sales.cancelledValue")).toMatchObject({
      difference: "5.00",
      relative: null,
      reason: "zero-verified",
      exceeds: false,
    });
    // Cancelled value is outside the net GMV scope: the fee is the same, yet 25.00 is not ok.
    expect(big.fees.difference).toBe("0.00");
    expect(big.ok).toBe(false);
    expect(small.ok).toBe(true);
  });

  it("0 against 0 is no difference: relative 0", () => {
    const result = run(verified);
    expect(field(result, "sales.tax")).toMatchObject({ reported: "0.00", verified: "0.00", relative: "0" });
  });

  it("a star absent from a present byStars counts 0 (SPEC §2), so it is compared, not missing", () => {
    const { "1": _one, ...stars } = base.reviews.byStars;
    const result = run(marchWith({ reviews: { byStars: stars } }));
    expect(field(result, "reviews.byStars.1")).toMatchObject({
      status: "compared",
      reported: "0",
      verified: "1",
      difference: "-1",
      relative: "-1",
    });
  });
});

describe("pending window targets", () => {
  it("in January the gmv-growth window target is pending on both versions: no values, not exceeding", () => {
    const january = history.filter((f) => f.period.start === "2026-01-01");
    const earlier = history.filter((f) => f.period.start < "2026-01-01");
    const inflated = january.map((f) => ({ ...f, sales: { ...f.sales, gross: "45000.00" } }));
    const result = reconcile(
      contract,
      {
        cycle: { start: "2026-01-01", end: "2026-01-31" },
        reported: inflated,
        verified: january,
        history: earlier,
      },
      { tolerance },
    );
    expect(kpi(result, "gmv-growth")).toMatchObject({
      reported: null,
      verified: null,
      reportedStatus: "pending",
      verifiedStatus: "pending",
      reportedReason: "pending",
      reason: "missing-both",
      exceeds: false,
      statusChanged: false,
    });
    // The inflated January still shows in its field and in the share.
    expect(field(result, "sales.gross").exceeds).toBe(true);
    expect(new Set(result.fees.lines.map((l) => l.component))).toEqual(new Set(["base", "growth-share"]));
    expect(result.ok).toBe(false);
  });
});
