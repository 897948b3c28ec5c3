import { describe, expect, it } from "vitest";
import { context, evaluation } from "../../test/settlement/helpers.js";
import { baseFeePlusBonus, revenueShare } from "./builders.js";
import type { ShareComponent } from "./schema.js";
import { shareLine } from "./share.js";

const gmvScope = {
  refunds: "exclude",
  refundTiming: "refund-date",
  cancelled: "exclude",
  tax: "exclude",
  shipping: "exclude",
};

describe("baseFeePlusBonus", () => {
  it("base + 5% of growth over baseline, capped", () => {
    const fees = baseFeePlusBonus({
      currency: "USD",
      baseFee: "1500.00",
      growthShare: {
        rate: "5%",
        basis: { kpi: "gmv", scope: gmvScope, over: { baselineOf: "gmv-growth" } },
        cap: "2500.00",
      },
      bonuses: [{ target: "acos", payout: { fixed: 300 } }],
      penalties: [{ target: "negative-reviews", rateOfFixed: "10%", cap: "100.00" }],
    });
    expect(fees.rounding).toBe("half-up");
    expect(fees.components.map((c) => [c.type, c.name])).toEqual([
      ["fixed", "base-fee"],
      ["share", "growth-share"],
      ["bonus", "bonus-acos"],
      ["penalty", "penalty-negative-reviews"],
    ]);
    const share = fees.components[1] as ShareComponent;
    expect(share.tiers).toEqual([{ upTo: null, rate: "0.05" }]);
    // Growth 50,000 − 30,720 = 19,280 × 5% = 964.00
    const ctx = context({ evaluations: [evaluation("gmv-growth", "met", { baseline: "30720" })] });
    expect(shareLine(share, ctx, { value: "50000" }).line.amount).toBe("964.00");
    // Growth 100,000 − 30,720 = 69,280 × 5% = 3,464 → capped at 2,500.00
    expect(shareLine(share, ctx, { value: "100000" }).line.amount).toBe("2500.00");
  });

  it("throws schedule-invalid with the path of the problem", () => {
    try {
      baseFeePlusBonus({ currency: "USD", baseFee: "-1" });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: "schedule-invalid" });
      expect((e as { issues: { path: unknown[] }[] }).issues[0]?.path).toEqual(["components", 0, "amount"]);
    }
  });
});

describe("revenueShare", () => {
  it("3-tier graduated share with a minimum fee", () => {
    const fees = revenueShare({
      currency: "USD",
      basis: { kpi: "gmv", scope: gmvScope },
      tiers: [
        { upTo: "50000", rate: "8%" },
        { upTo: "150000", rate: "6%" },
        { upTo: null, rate: "4%" },
      ],
      minimum: "2000.00",
    });
    expect(fees.minimum).toBe("2000.00");
    const share = fees.components[0] as ShareComponent;
    // 200,000: 50,000 × 8% + 100,000 × 6% + 50,000 × 4% = 4,000 + 6,000 + 2,000 = 12,000.00
    expect(shareLine(share, context(), { value: "200000" }).line.amount).toBe("12000.00");
  });

  it("pure share of gross profit with ad spend counted as cost", () => {
    const fees = revenueShare({
      currency: "EUR",
      basis: {
        kpi: "grossProfit",
        scope: {
          adSpendAsCost: true,
          cancelled: "exclude",
          tax: "exclude",
          shipping: "exclude",
          refundTiming: "refund-date",
        },
      },
      rate: "0.15",
      negativeBasis: "carry-forward",
    });
    const share = fees.components[0] as ShareComponent;
    expect(share.basis.kpi).toBe("grossProfit");
    expect(share.negativeBasis).toBe("carry-forward");
    // 12,345.67 × 15% = 1,851.8505 → 1,851.85
    expect(shareLine(share, context({ currency: "EUR" }), { value: "12345.67" }).line.amount).toBe("1851.85");
  });

  it("adds a base fee for a hybrid", () => {
    const fees = revenueShare({
      currency: "USD",
      basis: { kpi: "gmv", scope: gmvScope },
      rate: 0.03,
      baseFee: 800,
    });
    expect(fees.components.map((c) => c.type)).toEqual(["fixed", "share"]);
  });

  it("throws schedule-invalid without exactly one of rate and tiers", () => {
    expect(() => revenueShare({ currency: "USD", basis: { kpi: "gmv", scope: gmvScope } })).toThrowError(
      expect.objectContaining({ code: "schedule-invalid" }),
    );
    expect(() =>
      revenueShare({
        currency: "USD",
        basis: { kpi: "gmv", scope: gmvScope },
        rate: "1%",
        tiers: [{ upTo: null, rate: "1%" }],
      }),
    ).toThrowError(expect.objectContaining({ code: "schedule-invalid" }));
  });
});
