// Builder output pinned in full: every option a builder takes must reach the schedule it returns, and
// defaults must be the documented ones (prorate daily, mode graduated, negativeBasis zero, prorateTiers
// false, rounding half-up). Percent strings and numbers are normalised by the schedule schema.
import { describe, expect, it } from "vitest";
import { baseFeePlusBonus, revenueShare } from "./builders.js";

const GMV = {
  refunds: "exclude",
  refundTiming: "refund-date",
  cancelled: "exclude",
  tax: "exclude",
  shipping: "exclude",
};

describe("fee schedule builders (mutation-driven)", () => {
  it("baseFeePlusBonus carries every option into the schedule", () => {
    expect(
      baseFeePlusBonus({
        currency: "USD",
        rounding: "half-even",
        minimum: 1000,
        maximum: "8000.00",
        tax: { rate: "6%", name: "VAT" },
        baseFee: "1500.00",
        prorate: "none",
        growthShare: {
          name: "growth",
          rate: "5%",
          basis: { kpi: "gmv", scope: GMV, stores: ["us"], over: { baselineOf: "gmv-growth" } },
          cap: "2500.00",
          gates: ["neg"],
        },
        bonuses: [
          { target: "gmv-growth", payout: { fixed: 500 }, cap: "400", gates: ["neg"] },
          {
            name: "rate-bonus",
            target: "acos",
            payout: { rate: "0.01", of: { kpi: "grossProfit", scope: { adSpendAsCost: true }, over: "100" } },
          },
        ],
        penalties: [
          { target: "acos", rateOfFixed: "10%", cap: "120" },
          { name: "fine", target: "neg", amount: "50" },
        ],
      }),
    ).toEqual({
      currency: "USD",
      rounding: "half-even",
      components: [
        {
          type: "fixed",
          name: "base-fee",
          amount: "1500.00",
          prorate: "none",
        },
        {
          type: "share",
          name: "growth",
          basis: {
            kpi: "gmv",
            scope: {
              refunds: "exclude",
              refundTiming: "refund-date",
              cancelled: "exclude",
              tax: "exclude",
              shipping: "exclude",
            },
            stores: ["us"],
            over: {
              baselineOf: "gmv-growth",
            },
          },
          tiers: [
            {
              upTo: null,
              rate: "0.05",
            },
          ],
          mode: "graduated",
          cap: "2500.00",
          negativeBasis: "zero",
          prorateTiers: false,
          gates: ["neg"],
        },
        {
          type: "bonus",
          name: "bonus-gmv-growth",
          target: "gmv-growth",
          payout: {
            fixed: "500",
          },
          cap: "400",
          gates: ["neg"],
        },
        {
          type: "bonus",
          name: "rate-bonus",
          target: "acos",
          payout: {
            rate: "0.01",
            of: {
              kpi: "grossProfit",
              scope: {
                adSpendAsCost: true,
              },
              over: "100",
            },
          },
        },
        {
          type: "penalty",
          name: "penalty-acos",
          target: "acos",
          rateOfFixed: "0.1",
          cap: "120",
        },
        {
          type: "penalty",
          name: "fine",
          target: "neg",
          amount: "50",
        },
      ],
      minimum: "1000",
      maximum: "8000.00",
      tax: {
        rate: "0.06",
        name: "VAT",
      },
    });
  });

  it("baseFeePlusBonus with only a base fee: a daily-prorated fixed line, half-up, nothing else", () => {
    expect(baseFeePlusBonus({ currency: "JPY", baseFee: 100000 })).toEqual({
      currency: "JPY",
      rounding: "half-up",
      components: [
        {
          type: "fixed",
          name: "base-fee",
          amount: "100000",
          prorate: "daily",
        },
      ],
    });
  });

  it("revenueShare carries every option into the schedule", () => {
    expect(
      revenueShare({
        currency: "EUR",
        name: "rs",
        basis: { kpi: "gmv", scope: GMV },
        tiers: [
          { upTo: "20000", rate: "5%", flat: "10" },
          { upTo: null, rate: 0.03 },
        ],
        mode: "volume",
        cap: "900",
        negativeBasis: "carry-forward",
        prorateTiers: true,
        gates: ["neg"],
        baseFee: "300",
        minimum: "500",
        maximum: "5000",
        tax: { rate: "0.2", name: "VAT" },
        rounding: "down",
      }),
    ).toEqual({
      currency: "EUR",
      rounding: "down",
      components: [
        {
          type: "fixed",
          name: "base-fee",
          amount: "300",
          prorate: "daily",
        },
        {
          type: "share",
          name: "rs",
          basis: {
            kpi: "gmv",
            scope: {
              refunds: "exclude",
              refundTiming: "refund-date",
              cancelled: "exclude",
              tax: "exclude",
              shipping: "exclude",
            },
          },
          tiers: [
            {
              upTo: "20000",
              rate: "0.05",
              flat: "10",
            },
            {
              upTo: null,
              rate: "0.03",
            },
          ],
          mode: "volume",
          cap: "900",
          negativeBasis: "carry-forward",
          prorateTiers: true,
          gates: ["neg"],
        },
      ],
      minimum: "500",
      maximum: "5000",
      tax: {
        rate: "0.2",
        name: "VAT",
      },
    });
  });

  it("revenueShare with one rate: one graduated tier, zero negative basis, no proration of tiers", () => {
    expect(revenueShare({ currency: "USD", basis: { kpi: "gmv", scope: GMV }, rate: "0.08" })).toEqual({
      currency: "USD",
      rounding: "half-up",
      components: [
        {
          type: "share",
          name: "revenue-share",
          basis: {
            kpi: "gmv",
            scope: {
              refunds: "exclude",
              refundTiming: "refund-date",
              cancelled: "exclude",
              tax: "exclude",
              shipping: "exclude",
            },
          },
          tiers: [
            {
              upTo: null,
              rate: "0.08",
            },
          ],
          mode: "graduated",
          negativeBasis: "zero",
          prorateTiers: false,
        },
      ],
    });
  });

  it.each([
    [
      "neither rate nor tiers",
      () => revenueShare({ currency: "USD", basis: { kpi: "gmv", scope: GMV } }),
      {
        code: "schedule-invalid",
        message: "revenueShare: give exactly one of `rate` (one rate on the whole basis) and `tiers`",
        params: {
          builder: "revenueShare",
        },
        issues: [
          {
            code: "custom",
            path: ["rate"],
            message: "Give exactly one of rate and tiers",
          },
        ],
      },
    ],
    [
      "both rate and tiers",
      () =>
        revenueShare({
          currency: "USD",
          basis: { kpi: "gmv", scope: GMV },
          rate: "0.1",
          tiers: [{ upTo: null, rate: "0.1" }],
        }),
      {
        code: "schedule-invalid",
        message: "revenueShare: give exactly one of `rate` (one rate on the whole basis) and `tiers`",
        params: {
          builder: "revenueShare",
        },
        issues: [
          {
            code: "custom",
            path: ["rate"],
            message: "Give exactly one of rate and tiers",
          },
        ],
      },
    ],
    [
      "a negative base fee",
      () => baseFeePlusBonus({ currency: "USD", baseFee: "-1" }),
      {
        code: "schedule-invalid",
        message:
          "baseFeePlusBonus: the schedule is invalid:\ncomponents.0.amount: Expected a decimal of zero or more",
        params: {
          builder: "baseFeePlusBonus",
          count: 1,
        },
        issues: [
          {
            code: "custom",
            path: ["components", 0, "amount"],
            message: "Expected a decimal of zero or more",
          },
        ],
      },
    ],
    [
      "an unknown currency and a minimum above the maximum",
      () => baseFeePlusBonus({ currency: "XYZ", baseFee: "1", minimum: "9", maximum: "1" }),
      {
        code: "schedule-invalid",
        message:
          'baseFeePlusBonus: the schedule is invalid:\ncurrency: Unknown currency code "XYZ": use an active ISO 4217 code such as USD, EUR or JPY\nminimum: The minimum 9 is above the maximum 1',
        params: {
          builder: "baseFeePlusBonus",
          count: 2,
        },
        issues: [
          {
            code: "custom",
            path: ["currency"],
            message: 'Unknown currency code "XYZ": use an active ISO 4217 code such as USD, EUR or JPY',
          },
          {
            code: "custom",
            path: ["minimum"],
            message: "The minimum 9 is above the maximum 1",
          },
        ],
      },
    ],
  ])("refuses %s as schedule-invalid with every issue", (_name, build, expected) => {
    try {
      build();
    } catch (e) {
      const error = e as { code: string; message: string; params: unknown; issues: unknown };
      expect({
        code: error.code,
        message: error.message,
        params: error.params,
        issues: error.issues,
      }).toEqual(expected);
      return;
    }
    throw new Error("expected schedule-invalid");
  });
});
