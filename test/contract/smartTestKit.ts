// Helpers for the SMART rule tests: a clean contract that raises no finding, small edits of it,
// and history facts built month by month.
import { parseContract } from "../../src/contract/parseContract.js";
import type { PeriodFactsInput } from "../../src/facts/schema.js";
import type { SmartFindingData } from "../../src/smart/SmartFinding.js";
import type { SmartOptions } from "../../src/smart/SmartOptions.js";
import { buildSmartContext, parseSmartOptions, type SmartContext } from "../../src/smart/smartContext.js";

/** JSON data, loosely typed so tests can break it on purpose. */
// biome-ignore lint/suspicious/noExplicitAny: test data is edited freely
export type Json = any;

/** The full GMV scope (net of refunds by refund date). */
export const GMV_SCOPE = {
  refunds: "exclude",
  refundTiming: "refund-date",
  cancelled: "exclude",
  tax: "exclude",
  shipping: "exclude",
} as const;

/**
 * A contract that raises no SMART finding at all: GMV growth and ACoS objectives (0.5 each), a
 * negative-review guardrail gating the GMV bonus, stated baselines, standing rules.
 */
export function cleanContract(): Json {
  return {
    schemaVersion: 1,
    id: "clean",
    term: { start: "2026-01-01", end: "2026-12-31" },
    cycle: "monthly",
    stores: [
      { id: "us", platform: "amazon", marketplace: "US", currency: "USD", timeZone: "America/Los_Angeles" },
    ],
    targets: [
      {
        id: "gmv-growth",
        kpi: "gmv",
        scope: { ...GMV_SCOPE },
        baseline: { value: "30000.00", source: "seller central, Q4 2025" },
        goal: { change: "0.20" },
        evaluation: { every: "cycle" },
        weight: "0.5",
        role: "objective",
      },
      {
        id: "acos",
        kpi: "acos",
        scope: { attributionWindow: "14d" },
        baseline: { value: "0.25" },
        goal: { atMost: "0.22" },
        evaluation: { every: "cycle" },
        weight: "0.5",
        role: "objective",
      },
      {
        id: "negative-reviews",
        kpi: "negativeReviewRate",
        scope: { maxStars: 2, denominator: "reviews" },
        baseline: { value: "0.01" },
        goal: { below: "0.008" },
        evaluation: { every: "cycle" },
        role: "guardrail",
      },
    ],
    fees: {
      currency: "USD",
      rounding: "half-up",
      components: [
        { type: "fixed", name: "base", amount: "1500.00", prorate: "daily" },
        {
          type: "bonus",
          name: "growth-bonus",
          target: "gmv-growth",
          payout: { fixed: "500.00" },
          gates: ["negative-reviews"],
        },
        { type: "penalty", name: "acos-miss", target: "acos", amount: "100.00" },
      ],
    },
    standing: { threshold: "0.7", consecutiveCycles: 2, rectificationDays: 30 },
  };
}

/** The target of the clean contract with that id. */
export function targetOf(contract: Json, id: string): Json {
  const t = contract.targets.find((x: Json) => x.id === id);
  if (t === undefined) throw new Error(`no target ${id}`);
  return t;
}

/** Builds the SMART context of a contract (raw JSON) as validateContract does. */
export function contextOf(contract: Json, options?: SmartOptions): SmartContext {
  return buildSmartContext(parseContract(contract), parseSmartOptions(options));
}

/** Runs one rule on a contract. */
export function runRule(
  rule: (ctx: SmartContext) => SmartFindingData[],
  contract: Json,
  options?: SmartOptions,
): SmartFindingData[] {
  return rule(contextOf(contract, options));
}

const MONTH_ENDS = ["31", "28", "31", "30", "31", "30", "31", "31", "30", "31", "30", "31"];

/** The calendar month `YYYY-MM` as a period. */
export function month(ym: string): { start: string; end: string } {
  const year = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const end = m === 2 && leap ? "29" : MONTH_ENDS[m - 1];
  return { start: `${ym}-01`, end: `${ym}-${end}` };
}

/** Figures of one store-month, all optional. */
export interface MonthFigures {
  store?: string;
  currency?: string;
  gross?: string;
  refunds?: string;
  orders?: number;
  spend?: string;
  attributed14d?: string;
  stars?: [number, number, number, number, number];
}

/** History facts of one store and month. */
export function monthFacts(ym: string, f: MonthFigures): PeriodFactsInput {
  const [s1, s2, s3, s4, s5] = f.stars ?? [1, 1, 4, 30, 200];
  return {
    store: f.store ?? "us",
    period: month(ym),
    currency: f.currency ?? "USD",
    sales: {
      orders: f.orders ?? 100,
      units: 120,
      gross: f.gross ?? "30000.00",
      tax: "0.00",
      shipping: "0.00",
      cancelledOrders: 0,
      cancelledValue: "0.00",
      refunds: f.refunds ?? "0.00",
      refundsOnPeriodOrders: f.refunds ?? "0.00",
      refundedOrders: 0,
      returnedUnits: 0,
    },
    ads: {
      spend: f.spend ?? "7000.00",
      clicks: 1000,
      impressions: 50000,
      attributed: { "14d": { sales: f.attributed14d ?? "28000.00", orders: 50 } },
    },
    reviews: { byStars: { "1": s1, "2": s2, "3": s3, "4": s4, "5": s5 } },
  };
}

/** Codes of findings, in order. */
export function codesOf(findings: readonly { code: string }[]): string[] {
  return findings.map((f) => f.code);
}

/** The Q4 2025 baseline window. */
export const Q4_2025 = { start: "2025-10-01", end: "2025-12-31" } as const;

/**
 * The clean contract with baselines computed from Q4 2025 history (GMV mean of cycles, ACoS and
 * negative reviews pooled).
 */
export function historyContract(): Json {
  const c = cleanContract();
  targetOf(c, "gmv-growth").baseline = {
    from: "history",
    window: { ...Q4_2025 },
    aggregate: "mean-of-cycles",
  };
  targetOf(c, "acos").baseline = { from: "history", window: { ...Q4_2025 }, aggregate: "pooled" };
  targetOf(c, "negative-reviews").baseline = { from: "history", window: { ...Q4_2025 }, aggregate: "pooled" };
  return c;
}

/**
 * Q4 2025 history of the `us` store: net GMV 28,800 / 30,720 / 32,640 (mean 30,720; best
 * month-on-month growth 30,720 ÷ 28,800 − 1 = 6.67%); ACoS 7,000 ÷ 28,000 = 0.25 each month.
 */
export function q4History(overrides: Partial<Record<"2025-10" | "2025-11" | "2025-12", MonthFigures>> = {}) {
  return [
    monthFacts("2025-10", { gross: "30000.00", refunds: "1200.00", ...overrides["2025-10"] }),
    monthFacts("2025-11", { gross: "32000.00", refunds: "1280.00", ...overrides["2025-11"] }),
    monthFacts("2025-12", { gross: "34000.00", refunds: "1360.00", ...overrides["2025-12"] }),
  ];
}

/** Keeps only some targets, dropping the fee components and gates that referred to the others. */
export function keepTargets(contract: Json, ids: readonly string[]): Json {
  const keep = new Set(ids);
  contract.targets = contract.targets.filter((t: Json) => keep.has(t.id));
  contract.fees.components = contract.fees.components
    .filter((c: Json) => c.target === undefined || keep.has(c.target))
    .map((c: Json) =>
      c.gates === undefined ? c : { ...c, gates: c.gates.filter((g: string) => keep.has(g)) },
    );
  return contract;
}
