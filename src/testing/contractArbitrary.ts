import fc from "fast-check";
import type { ContractInput } from "../contract/schema.js";
import { FACT_GROUPS } from "../facts/schema.js";
import { dayNumber, fromDayNumber } from "../values/period.js";
import { decimalStringArbitrary } from "./decimalStringArbitrary.js";
import { feeScheduleArbitrary, NET_GMV_SCOPE } from "./feeScheduleArbitrary.js";
import { moneyArbitrary } from "./moneyArbitrary.js";
import { fractionToPercent } from "./scaledDecimal.js";

/** Options of {@link contractArbitrary}. */
export interface ContractArbitraryOptions {
  /** Currency of the fee schedule (default: one of USD, EUR, JPY). */
  readonly currency?: string;
  /** Most stores (default 3). */
  readonly maxStores?: number;
  /** Most targets (default 4). */
  readonly maxTargets?: number;
}

const CURRENCIES = ["USD", "EUR", "JPY", "GBP"] as const;
const TIME_ZONES = [
  "America/Los_Angeles",
  "Asia/Singapore",
  "Europe/London",
  "Asia/Shanghai",
  "UTC",
] as const;
const PLATFORMS = ["amazon", "shopee", "tiktok", "shopify", "lazada"] as const;

/** The targets a contract may carry: KPI, a full scope, and the goals that suit its polarity. */
const TARGET_KINDS = [
  { kpi: "gmv", scope: NET_GMV_SCOPE, goals: ["change", "atLeast", "above"] },
  { kpi: "acos", scope: { attributionWindow: "14d" }, goals: ["atMost", "below", "change"] },
  { kpi: "acos", scope: { attributionWindow: "7d" }, goals: ["atMost", "below"] },
  { kpi: "negativeReviewRate", scope: { maxStars: 2, denominator: "reviews" }, goals: ["below", "atMost"] },
] as const;

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A fast-check arbitrary of contracts (SPEC §9) that `parseContract` accepts: one to three stores in
 * different currencies and time zones with the FX table they need, monthly, quarterly or `{ days }`
 * cycles, targets with stated or history baselines and every goal kind (values as decimals, numbers or
 * percent strings), a fee schedule drawn by {@link feeScheduleArbitrary} whose references all exist,
 * optional standing rules, data sources, attainment cap and locale.
 *
 * The contracts are structurally valid, not necessarily SMART: a drawn goal may be unrealistic or a
 * weight set may not add up. Use it for parsing, serialising and validation properties; settle with
 * `settlementCaseArbitrary`.
 *
 * @param options - the schedule currency and the most stores and targets
 * @returns an arbitrary of contract JSON
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { parseContract } from "kpi-contract";
 * import { contractArbitrary } from "kpi-contract/testing";
 * fc.assert(fc.property(contractArbitrary(), (json) => parseContract(json).id === json.id));
 * ```
 */
export function contractArbitrary(options: ContractArbitraryOptions = {}): fc.Arbitrary<ContractInput> {
  const maxStores = options.maxStores ?? 3;
  const maxTargets = options.maxTargets ?? 4;
  const currencyArb =
    options.currency !== undefined ? fc.constant(options.currency) : fc.constantFrom("USD", "EUR", "JPY");
  const termArb = fc
    .tuple(
      fc.integer({ min: dayNumber("2024-01-01"), max: dayNumber("2027-12-31") }),
      fc.integer({ min: 0, max: 730 }),
    )
    .map(([start, length]) => ({ start: fromDayNumber(start), end: fromDayNumber(start + length) }));
  const cycleArb = fc.oneof(
    fc.constant("monthly" as const),
    fc.constant("quarterly" as const),
    fc.integer({ min: 1, max: 120 }).map((days) => ({ days })),
  );
  const storesArb = fc.array(
    fc.record({
      platform: fc.constantFrom(...PLATFORMS),
      marketplace: optional(fc.constantFrom("US", "SG", "UK", "DE", "JP")),
      name: optional(fc.constantFrom("Main store", "旗舰店")),
      currency: fc.constantFrom(...CURRENCIES),
      timeZone: fc.constantFrom(...TIME_ZONES),
    }),
    { minLength: 1, maxLength: maxStores },
  );
  return fc
    .record({
      currency: currencyArb,
      term: termArb,
      cycle: cycleArb,
      stores: storesArb,
      targetCount: fc.nat(maxTargets),
    })
    .chain(({ currency, term, cycle, stores, targetCount }) => {
      const storeIds = stores.map((_, i) => `store-${i + 1}`);
      const targets = fc.array(targetArbitrary(term, storeIds, currency), {
        minLength: targetCount,
        maxLength: targetCount,
      });
      return targets.chain((drawn) => {
        const named = drawn.map((t, i) => ({ ...t, id: `target-${i + 1}` }));
        const ids = named.map((t) => t.id);
        const everyCycle = named.filter((t) => "every" in (t.evaluation ?? {})).map((t) => t.id);
        const gmvIds = named.filter((t) => t.kpi === "gmv" && t.baseline !== undefined).map((t) => t.id);
        const foreign = [...new Set(stores.map((s) => s.currency).filter((c) => c !== currency))];
        return fc
          .record({
            id: fc.constantFrom("lx-2026-001", "contract.A", "c1"),
            name: optional(fc.constantFrom("Agency deal", "代运营合同")),
            fees: feeScheduleArbitrary({
              currency,
              targetIds: ids,
              gateIds: everyCycle,
              baselineTargetIds: gmvIds,
              storeIds,
            }),
            fx: fxArbitrary(foreign, currency, term.start),
            dataSources: optional(fc.subarray([...FACT_GROUPS], { minLength: 1 })),
            standing: optional(
              fc.record({
                threshold: decimalStringArbitrary({ min: "0", max: "1", maxFractionDigits: 2 }),
                consecutiveCycles: fc.integer({ min: 1, max: 6 }),
                rectificationDays: fc.integer({ min: 1, max: 90 }),
              }),
            ),
            attainmentCap: optional(fc.constantFrom("1", "1.5", "2", 2)),
            locale: optional(fc.constantFrom("en" as const, "zh-CN" as const)),
          })
          .map(
            (rest) =>
              compact({
                schemaVersion: 1 as const,
                ...rest,
                term,
                cycle,
                stores: stores.map((s, i) => compact({ id: storeIds[i] as string, ...s })),
                targets: named,
              }) as ContractInput,
          );
      });
    });
}

type TargetJson = NonNullable<ContractInput["targets"]>[number];

function targetArbitrary(
  term: { start: string; end: string },
  storeIds: readonly string[],
  currency: string,
) {
  const before = fromDayNumber(dayNumber(term.start) - 1);
  const baselineWindow = fc
    .integer({ min: 28, max: 365 })
    .map((days) => ({ start: fromDayNumber(dayNumber(before) - days + 1), end: before }));
  return fc.constantFrom(...TARGET_KINDS).chain((kind) =>
    fc
      .record({
        name: optional(fc.constantFrom("GMV growth", "广告花费占比", "差评率")),
        stores: optional(fc.subarray([...storeIds], { minLength: 1 })),
        baseline: optional(
          fc.oneof(
            // A stated baseline is a plain decimal; percent strings are for goals.
            (kind.kpi === "gmv"
              ? moneyArbitrary(currency, { max: "500000" })
              : decimalStringArbitrary({ min: "0", max: "1", maxFractionDigits: 3 })
            ).map((value) => ({ value })),
            fc.record({
              from: fc.constant("history" as const),
              window: baselineWindow,
              aggregate: fc.constantFrom("mean-of-cycles" as const, "pooled" as const),
            }),
          ),
        ),
        goal: fc
          .constantFrom(...kind.goals)
          .chain((goal) =>
            (goal === "change"
              ? decimalStringArbitrary({ min: "-0.5", max: "1", maxFractionDigits: 2 })
              : kind.kpi === "gmv"
                ? moneyArbitrary(currency, { max: "500000" })
                : ratioValue()
            ).map((value) => ({ [goal]: value })),
          ),
        evaluation: fc.oneof(
          fc.constant({ every: "cycle" as const }),
          fc.record({
            window: fc.constant({ start: term.start, end: term.end }),
            aggregate: fc.constantFrom("mean-of-cycles" as const, "pooled" as const),
          }),
        ),
        role: fc.constantFrom("objective" as const, "guardrail" as const, undefined),
        weight: decimalStringArbitrary({ min: "0", max: "1", maxFractionDigits: 2 }),
      })
      .map(
        ({ role, weight, ...t }) =>
          compact({
            kpi: kind.kpi,
            scope: { ...kind.scope },
            ...t,
            role,
            weight: role === "guardrail" ? undefined : weight,
          }) as Omit<TargetJson, "id">,
      ),
  );
}

/** A ratio written as a fraction, a number or a percent string. */
function ratioValue(): fc.Arbitrary<string | number> {
  return decimalStringArbitrary({ min: "0", max: "1", maxFractionDigits: 3 }).chain((r) =>
    fc.constantFrom<string | number>(r, Number(r), fractionToPercent(r)),
  );
}

/** Rates for every foreign store currency; cycle-end rates dated the day before the term, so every cycle finds one. */
function fxArbitrary(foreign: readonly string[], to: string, termStart: string) {
  if (foreign.length === 0) return fc.constant(undefined);
  return fc.constantFrom("fixed" as const, "cycle-end" as const).chain((policy) =>
    fc
      .array(decimalStringArbitrary({ min: "0.0001", max: "200", maxFractionDigits: 4 }), {
        minLength: foreign.length,
        maxLength: foreign.length,
      })
      .map((rates) => ({
        policy,
        rates: foreign.map((from, i) =>
          compact({
            from,
            to,
            rate: rates[i] as string,
            date: policy === "cycle-end" ? fromDayNumber(dayNumber(termStart) - 1) : undefined,
          }),
        ),
      })),
  );
}
