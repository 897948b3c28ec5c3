// The SPEC §8 worked example, shipped inside the package so that `kpi-contract demo` needs no files.
// A copy of test/fixtures/worked/{contract,history,march}.json; a test fails when the two differ.

/** The worked example contract (SPEC §8). */
export const DEMO_CONTRACT = {
  schemaVersion: 1,
  id: "worked",
  term: {
    start: "2026-01-01",
    end: "2026-12-31",
  },
  cycle: "monthly",
  stores: [
    {
      id: "us",
      platform: "amazon",
      marketplace: "US",
      currency: "USD",
      timeZone: "America/Los_Angeles",
    },
  ],
  dataSources: ["sales", "ads", "reviews"],
  targets: [
    {
      id: "gmv-growth",
      kpi: "gmv",
      scope: {
        refunds: "exclude",
        refundTiming: "refund-date",
        cancelled: "exclude",
        tax: "exclude",
        shipping: "exclude",
      },
      stores: ["us"],
      baseline: {
        from: "history",
        window: {
          start: "2025-10-01",
          end: "2025-12-31",
        },
        aggregate: "mean-of-cycles",
      },
      goal: {
        change: "0.40",
      },
      evaluation: {
        window: {
          start: "2026-01-01",
          end: "2026-03-31",
        },
        aggregate: "mean-of-cycles",
      },
      weight: "0.5",
      role: "objective",
    },
    {
      id: "acos",
      kpi: "acos",
      scope: {
        attributionWindow: "14d",
      },
      baseline: {
        from: "history",
        window: {
          start: "2025-10-01",
          end: "2025-12-31",
        },
        aggregate: "pooled",
      },
      goal: {
        atMost: "0.22",
      },
      evaluation: {
        every: "cycle",
      },
      weight: "0.5",
      role: "objective",
    },
    {
      id: "negative-reviews",
      kpi: "negativeReviewRate",
      scope: {
        maxStars: 2,
        denominator: "reviews",
      },
      baseline: {
        from: "history",
        window: {
          start: "2025-10-01",
          end: "2025-12-31",
        },
        aggregate: "pooled",
      },
      goal: {
        below: "0.008",
      },
      evaluation: {
        every: "cycle",
      },
      role: "guardrail",
    },
  ],
  fees: {
    currency: "USD",
    rounding: "half-up",
    components: [
      {
        type: "fixed",
        name: "base",
        amount: "1500.00",
        prorate: "daily",
      },
      {
        type: "share",
        name: "growth-share",
        basis: {
          kpi: "gmv",
          scope: {
            refunds: "exclude",
            refundTiming: "refund-date",
            cancelled: "exclude",
            tax: "exclude",
            shipping: "exclude",
          },
          over: {
            baselineOf: "gmv-growth",
          },
        },
        tiers: [
          {
            upTo: null,
            rate: "0.08",
          },
        ],
        mode: "graduated",
        cap: "2500.00",
        gates: ["negative-reviews"],
      },
      {
        type: "penalty",
        name: "acos-miss",
        target: "acos",
        rateOfFixed: "0.10",
      },
    ],
  },
} as const;

/** Facts of October 2025 to February 2026: the baseline window and the first two cycles. */
export const DEMO_HISTORY = [
  {
    store: "us",
    period: {
      start: "2025-10-01",
      end: "2025-10-31",
    },
    currency: "USD",
    sales: {
      orders: 100,
      units: 120,
      gross: "30000.00",
      tax: "0.00",
      shipping: "0.00",
      cancelledOrders: 0,
      cancelledValue: "0.00",
      refunds: "1200.00",
      refundsOnPeriodOrders: "1200.00",
      refundedOrders: 0,
      returnedUnits: 0,
    },
    ads: {
      spend: "7000.00",
      clicks: 1000,
      impressions: 50000,
      attributed: {
        "14d": {
          sales: "26000.00",
          orders: 50,
        },
      },
    },
    reviews: {
      byStars: {
        "1": 1,
        "2": 1,
        "3": 4,
        "4": 30,
        "5": 200,
      },
    },
  },
  {
    store: "us",
    period: {
      start: "2025-11-01",
      end: "2025-11-30",
    },
    currency: "USD",
    sales: {
      orders: 100,
      units: 120,
      gross: "32000.00",
      tax: "0.00",
      shipping: "0.00",
      cancelledOrders: 0,
      cancelledValue: "0.00",
      refunds: "1280.00",
      refundsOnPeriodOrders: "1280.00",
      refundedOrders: 0,
      returnedUnits: 0,
    },
    ads: {
      spend: "7200.00",
      clicks: 1000,
      impressions: 50000,
      attributed: {
        "14d": {
          sales: "27500.00",
          orders: 50,
        },
      },
    },
    reviews: {
      byStars: {
        "1": 1,
        "2": 1,
        "3": 4,
        "4": 30,
        "5": 200,
      },
    },
  },
  {
    store: "us",
    period: {
      start: "2025-12-01",
      end: "2025-12-31",
    },
    currency: "USD",
    sales: {
      orders: 100,
      units: 120,
      gross: "34000.00",
      tax: "0.00",
      shipping: "0.00",
      cancelledOrders: 0,
      cancelledValue: "0.00",
      refunds: "1360.00",
      refundsOnPeriodOrders: "1360.00",
      refundedOrders: 0,
      returnedUnits: 0,
    },
    ads: {
      spend: "7400.00",
      clicks: 1000,
      impressions: 50000,
      attributed: {
        "14d": {
          sales: "29000.00",
          orders: 50,
        },
      },
    },
    reviews: {
      byStars: {
        "1": 1,
        "2": 1,
        "3": 4,
        "4": 30,
        "5": 200,
      },
    },
  },
  {
    store: "us",
    period: {
      start: "2026-01-01",
      end: "2026-01-31",
    },
    currency: "USD",
    sales: {
      orders: 100,
      units: 120,
      gross: "39500.00",
      tax: "0.00",
      shipping: "0.00",
      cancelledOrders: 0,
      cancelledValue: "0.00",
      refunds: "1500.00",
      refundsOnPeriodOrders: "1500.00",
      refundedOrders: 0,
      returnedUnits: 0,
    },
    ads: {
      spend: "8000.00",
      clicks: 1000,
      impressions: 50000,
      attributed: {
        "14d": {
          sales: "37000.00",
          orders: 50,
        },
      },
    },
    reviews: {
      byStars: {
        "1": 1,
        "2": 1,
        "3": 4,
        "4": 30,
        "5": 200,
      },
    },
  },
  {
    store: "us",
    period: {
      start: "2026-02-01",
      end: "2026-02-28",
    },
    currency: "USD",
    sales: {
      orders: 100,
      units: 120,
      gross: "43000.00",
      tax: "0.00",
      shipping: "0.00",
      cancelledOrders: 0,
      cancelledValue: "0.00",
      refunds: "1500.00",
      refundsOnPeriodOrders: "1500.00",
      refundedOrders: 0,
      returnedUnits: 0,
    },
    ads: {
      spend: "8500.00",
      clicks: 1000,
      impressions: 50000,
      attributed: {
        "14d": {
          sales: "40000.00",
          orders: 50,
        },
      },
    },
    reviews: {
      byStars: {
        "1": 1,
        "2": 1,
        "3": 4,
        "4": 30,
        "5": 200,
      },
    },
  },
] as const;

/** Facts of March 2026, the cycle the demo settles. */
export const DEMO_MARCH = [
  {
    store: "us",
    period: {
      start: "2026-03-01",
      end: "2026-03-31",
    },
    currency: "USD",
    sales: {
      orders: 100,
      units: 120,
      gross: "46000.00",
      tax: "0.00",
      shipping: "0.00",
      cancelledOrders: 0,
      cancelledValue: "0.00",
      refunds: "1840.00",
      refundsOnPeriodOrders: "1840.00",
      refundedOrders: 0,
      returnedUnits: 0,
    },
    ads: {
      spend: "9000.00",
      clicks: 1000,
      impressions: 50000,
      attributed: {
        "14d": {
          sales: "42000.00",
          orders: 50,
        },
      },
    },
    reviews: {
      byStars: {
        "1": 1,
        "2": 1,
        "3": 6,
        "4": 40,
        "5": 252,
      },
    },
  },
] as const;
