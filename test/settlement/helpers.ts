import type { FeeCycleContext, FeeEvaluation } from "../../src/fees/feeLine.js";

/** A whole March 2026 cycle in USD, half-up, with the given evaluations and score. */
export function context(overrides: Partial<FeeCycleContext> = {}): FeeCycleContext {
  return {
    currency: "USD",
    rounding: "half-up",
    cycle: { start: "2026-03-01", end: "2026-03-31" },
    proration: { days: 31, fullDays: 31 },
    evaluations: [],
    score: null,
    ...overrides,
  };
}

/** A judged evaluation; `met` follows `status`. */
export function evaluation(
  targetId: string,
  status: FeeEvaluation["status"],
  overrides: Partial<FeeEvaluation> = {},
): FeeEvaluation {
  return {
    targetId,
    status,
    met: status === "met",
    judged: status !== "pending",
    actual: status === "pending" ? null : "1",
    target: "1",
    attainment: status === "met" ? "1" : "0",
    baseline: null,
    ...overrides,
  };
}

/** The GMV scope every test contract states in full. */
export const GMV_SCOPE = {
  refunds: "exclude",
  refundTiming: "refund-date",
  cancelled: "exclude",
  tax: "exclude",
  shipping: "exclude",
} as const;

/** An ACoS target (14d, at most 22%, every cycle) and a negative-review guardrail (below 0.8%). */
export const BASE_TARGETS = [
  {
    id: "acos",
    kpi: "acos",
    scope: { attributionWindow: "14d" },
    goal: { atMost: "0.22" },
    evaluation: { every: "cycle" },
    weight: "1",
  },
  {
    id: "negative-reviews",
    kpi: "negativeReviewRate",
    scope: { maxStars: 2, denominator: "reviews" },
    goal: { below: "0.008" },
    evaluation: { every: "cycle" },
    role: "guardrail",
  },
];

/** A one-store (Amazon US, USD) monthly contract for 2026 with the given fees and overrides. */
export function makeContract(fees: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return {
    schemaVersion: 1,
    id: "test-contract",
    term: { start: "2026-01-01", end: "2026-12-31" },
    cycle: "monthly",
    stores: [
      { id: "us", platform: "amazon", marketplace: "US", currency: "USD", timeZone: "America/Los_Angeles" },
    ],
    dataSources: ["sales", "ads", "reviews"],
    targets: BASE_TARGETS,
    fees: { currency: "USD", rounding: "half-up", ...fees },
    standing: { threshold: "0.7", consecutiveCycles: 2, rectificationDays: 30 },
    ...overrides,
  };
}

/** Facts of one store and period with the figures a test needs (everything else as in SPEC §2). */
export function makeFacts(
  options: {
    store?: string;
    period?: { start: string; end: string };
    currency?: string;
    gross?: string;
    refunds?: string;
    spend?: string;
    attributed?: string;
    negativeReviews?: number;
  } = {},
) {
  const negative = options.negativeReviews ?? 2;
  return {
    store: options.store ?? "us",
    period: options.period ?? { start: "2026-03-01", end: "2026-03-31" },
    currency: options.currency ?? "USD",
    sales: {
      orders: 1200,
      units: 1500,
      gross: options.gross ?? "46000.00",
      tax: "0.00",
      shipping: "0.00",
      cancelledOrders: 0,
      cancelledValue: "0.00",
      refunds: options.refunds ?? "1840.00",
      refundsOnPeriodOrders: options.refunds ?? "1840.00",
      refundedOrders: 40,
      returnedUnits: 45,
    },
    ads: {
      spend: options.spend ?? "9000.00",
      clicks: 15000,
      impressions: 900000,
      attributed: { "14d": { sales: options.attributed ?? "42000.00", orders: 1010 } },
    },
    // 300 reviews, `negative` of them with 1 star
    reviews: { byStars: { "1": negative, "2": 0, "3": 6, "4": 40, "5": 254 - negative } },
  };
}

export const MARCH = { start: "2026-03-01", end: "2026-03-31" };
export const APRIL = { start: "2026-04-01", end: "2026-04-30" };
