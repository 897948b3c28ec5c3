import fc from "fast-check";
import type { ContractInput } from "../contract/schema.js";
import type { PeriodFacts } from "../facts/schema.js";
import { cyclesOf } from "../values/cycle.js";
import type { Period } from "../values/period.js";
import { periodFactsArbitrary } from "./arbitraries.js";
import { decimalStringArbitrary } from "./decimalStringArbitrary.js";
import { feeScheduleArbitrary, NET_GMV_SCOPE } from "./feeScheduleArbitrary.js";

/** A contract with the facts to settle one of its cycles, as {@link settlementCaseArbitrary} draws it. */
export interface SettlementCase {
  /** The contract as JSON. */
  readonly contract: ContractInput;
  /** What `settle` reads: the cycle, one complete facts record per store, and the baseline history. */
  readonly input: {
    readonly cycle: Period;
    readonly facts: readonly PeriodFacts[];
    readonly history: readonly PeriodFacts[];
  };
}

/** Options of {@link settlementCaseArbitrary}. */
export interface SettlementCaseArbitraryOptions {
  /** Currency of the stores, the facts and the schedule (default: one of USD, JPY, KWD, EUR). */
  readonly currency?: string;
  /** Most stores (default 3). */
  readonly maxStores?: number;
  /** Fewest fee components (default 1). */
  readonly minComponents?: number;
  /** Most fee components (default 5). */
  readonly maxComponents?: number;
}

const BASELINE_WINDOW: Period = Object.freeze({ start: "2025-10-01", end: "2025-12-31" });
const HISTORY_MONTHS: readonly Period[] = Object.freeze(cyclesOf(BASELINE_WINDOW, "monthly"));
const EVERY_CYCLE = Object.freeze({ every: "cycle" as const });
const HISTORY_BASELINE = (aggregate: "mean-of-cycles" | "pooled") => ({
  from: "history" as const,
  window: { ...BASELINE_WINDOW },
  aggregate,
});

/**
 * A fast-check arbitrary of settleable cases: a monthly contract for 2026 (its term may start mid-January,
 * so the first cycle is partial), one to three stores in one currency, targets on GMV growth, ACoS and
 * the negative-review rate judged every cycle against an October–December 2025 baseline, a fee schedule
 * drawn by {@link feeScheduleArbitrary} (every component kind, gates, floors, caps, tax), complete facts
 * for each store for one of the first three cycles, and the three history months per store.
 *
 * `settle(contract, input, { allowInvalid: true })` settles every case: the facts are complete and the
 * history covers the baselines. The goals are drawn freely, so a case may have SMART findings.
 *
 * @param options - currency, store count and component counts
 * @returns an arbitrary of `{ contract, input }`
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { settle } from "kpi-contract";
 * import { settlementCaseArbitrary } from "kpi-contract/testing";
 * fc.assert(fc.property(settlementCaseArbitrary(), ({ contract, input }) => {
 *   const statement = settle(contract, input, { allowInvalid: true });
 *   return statement.lines.length > 0;
 * }));
 * ```
 */
export function settlementCaseArbitrary(
  options: SettlementCaseArbitraryOptions = {},
): fc.Arbitrary<SettlementCase> {
  const currencyArb =
    options.currency !== undefined
      ? fc.constant(options.currency)
      : fc.constantFrom("USD", "JPY", "KWD", "EUR");
  return fc
    .record({
      currency: currencyArb,
      startDay: fc.integer({ min: 1, max: 28 }),
      cycleIndex: fc.integer({ min: 0, max: 2 }),
      storeCount: fc.integer({ min: 1, max: options.maxStores ?? 3 }),
      targets: fc.subarray(["gmv-growth", "acos", "negative-reviews"] as const),
      growth: decimalStringArbitrary({ min: "-0.2", max: "0.6", maxFractionDigits: 2 }),
      acosGoal: decimalStringArbitrary({ min: "0.05", max: "0.6", maxFractionDigits: 3 }),
      reviewGoal: decimalStringArbitrary({ min: "0.001", max: "0.05", maxFractionDigits: 3 }),
    })
    .chain(({ currency, startDay, cycleIndex, storeCount, targets, growth, acosGoal, reviewGoal }) => {
      const term: Period = { start: `2026-01-${String(startDay).padStart(2, "0")}`, end: "2026-12-31" };
      const cycle = cyclesOf(term, "monthly")[cycleIndex] as Period;
      const storeIds = Array.from({ length: storeCount }, (_, i) => `store-${i + 1}`);
      const objectives = targets.filter((t) => t !== "negative-reviews");
      const weight = objectives.length === 2 ? "0.5" : "1";
      const targetJson = targets.map((id) => {
        switch (id) {
          case "gmv-growth":
            return {
              id,
              kpi: "gmv",
              scope: { ...NET_GMV_SCOPE },
              baseline: HISTORY_BASELINE("mean-of-cycles"),
              goal: { change: growth },
              evaluation: { ...EVERY_CYCLE },
              weight,
              role: "objective" as const,
            };
          case "acos":
            return {
              id,
              kpi: "acos",
              scope: { attributionWindow: "14d" },
              baseline: HISTORY_BASELINE("pooled"),
              goal: { atMost: acosGoal },
              evaluation: { ...EVERY_CYCLE },
              weight,
              role: "objective" as const,
            };
          default:
            return {
              id,
              kpi: "negativeReviewRate",
              scope: { maxStars: 2, denominator: "reviews" },
              baseline: HISTORY_BASELINE("pooled"),
              goal: { below: reviewGoal },
              evaluation: { ...EVERY_CYCLE },
              role: "guardrail" as const,
            };
        }
      });
      const factsFor = (period: Period, store: string) =>
        periodFactsArbitrary({
          currency,
          period,
          store,
          complete: true,
          windows: ["7d", "14d"],
          maxAmount: 1_000_000,
        });
      return fc
        .record({
          fees: feeScheduleArbitrary({
            currency,
            targetIds: [...targets],
            gateIds: [...targets],
            baselineTargetIds: targets.includes("gmv-growth") ? ["gmv-growth"] : [],
            storeIds,
            ...(options.minComponents !== undefined ? { minComponents: options.minComponents } : {}),
            ...(options.maxComponents !== undefined ? { maxComponents: options.maxComponents } : {}),
          }),
          facts: fc.tuple(...storeIds.map((s) => factsFor(cycle, s))),
          history: fc.tuple(...HISTORY_MONTHS.flatMap((month) => storeIds.map((s) => factsFor(month, s)))),
        })
        .map(
          ({ fees, facts, history }): SettlementCase => ({
            contract: {
              schemaVersion: 1,
              id: "property-case",
              term,
              cycle: "monthly",
              stores: storeIds.map((id) => ({
                id,
                platform: "amazon",
                currency,
                timeZone: "America/Los_Angeles",
              })),
              targets: targetJson,
              fees,
            } as ContractInput,
            input: { cycle, facts, history },
          }),
        );
    });
}
