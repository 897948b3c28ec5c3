import fc from "fast-check";
import type { FeeScheduleInput } from "../fees/schema.js";
import { D } from "../internal/decimal.js";
import { minorUnits } from "../values/currency.js";
import type { DecimalString } from "../values/decimal.js";
import { ROUNDING_MODES, type RoundingMode } from "../values/rounding.js";
import { decimalStringArbitrary } from "./decimalStringArbitrary.js";
import { moneyArbitrary } from "./moneyArbitrary.js";
import { tiersArbitrary } from "./tiersArbitrary.js";

/** The component kinds of a fee schedule (SPEC §6.2). */
export type FeeComponentKind = "fixed" | "share" | "bonus" | "scorecard" | "penalty" | "reimbursement";

/** The GMV scope {@link feeScheduleArbitrary} states on its bases unless told otherwise: every knob spelled out. */
export const NET_GMV_SCOPE: Readonly<Record<string, string>> = Object.freeze({
  refunds: "exclude",
  refundTiming: "refund-date",
  cancelled: "exclude",
  tax: "exclude",
  shipping: "exclude",
});

/** Options of {@link feeScheduleArbitrary}. */
export interface FeeScheduleArbitraryOptions {
  /** Currency of the schedule (default: one of USD, JPY, KWD, EUR). */
  readonly currency?: string;
  /** Targets that bonuses and penalties may be paid on (default none: no bonus or penalty is drawn). */
  readonly targetIds?: readonly string[];
  /** Targets judged every cycle that components may be gated on (default none: no gates). */
  readonly gateIds?: readonly string[];
  /** GMV targets, of the same scope as `basisScope`, whose baseline a share may be `over` (default none). */
  readonly baselineTargetIds?: readonly string[];
  /** Scope of the GMV bases of shares and rate bonuses (default {@link NET_GMV_SCOPE}). */
  readonly basisScope?: Readonly<Record<string, unknown>>;
  /** Stores a basis may be limited to (default none: bases cover every store). */
  readonly storeIds?: readonly string[];
  /** Component kinds to draw from (default all six; bonus and penalty also need `targetIds`). */
  readonly kinds?: readonly FeeComponentKind[];
  /** Fewest components (default 1). */
  readonly minComponents?: number;
  /** Most components (default 5). */
  readonly maxComponents?: number;
  /** Whether `minimum`, `maximum` and `tax` may be drawn (default true). */
  readonly floorsAndCaps?: boolean;
}

type ComponentInput = FeeScheduleInput["components"][number];
type Unnamed = { readonly [key: string]: unknown; readonly type: FeeComponentKind };

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

/** Drops the keys whose value is undefined (the schemas use exactOptionalPropertyTypes semantics). */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A fast-check arbitrary of valid fee schedules (SPEC §6.1–6.3) as JSON input: every component kind,
 * graduated and volume tiers with flats, caps, carry-forward, prorated tiers, every bonus payout,
 * penalties by amount or by rate of fixed, reimbursements with a markup, gates, floors, caps and tax,
 * with unique component names and `minimum ≤ maximum`. Amounts carry the currency's minor digits.
 *
 * Components that name targets (bonus, penalty, gates, `over: { baselineOf }`) draw them only from the
 * ids given in the options, so a schedule drawn without them stands on its own.
 *
 * @param options - currency, the target and store ids that may be referenced, kinds and counts
 * @returns an arbitrary of schedules that `feeScheduleSchema` accepts
 * @throws `KpiContractError` `currency-unknown` for an unknown currency
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { feeScheduleArbitrary } from "kpi-contract/testing";
 * fc.assert(fc.property(feeScheduleArbitrary({ currency: "USD" }), (schedule) => schedule.components.length > 0));
 * ```
 */
export function feeScheduleArbitrary(
  options: FeeScheduleArbitraryOptions = {},
): fc.Arbitrary<FeeScheduleInput> {
  // Checked now, so that an unknown currency throws when the arbitrary is made, not while sampling.
  if (options.currency !== undefined) minorUnits(options.currency);
  const currencyArb =
    options.currency !== undefined
      ? fc.constant(options.currency)
      : fc.constantFrom("USD", "JPY", "KWD", "EUR");
  return currencyArb.chain((currency) => scheduleIn(currency, options));
}

function scheduleIn(currency: string, options: FeeScheduleArbitraryOptions): fc.Arbitrary<FeeScheduleInput> {
  const targetIds = options.targetIds ?? [];
  const gateIds = options.gateIds ?? [];
  const baselineIds = options.baselineTargetIds ?? [];
  const storeIds = options.storeIds ?? [];
  const scope = options.basisScope ?? NET_GMV_SCOPE;
  const kinds = (
    options.kinds ?? ["fixed", "share", "bonus", "scorecard", "penalty", "reimbursement"]
  ).filter((k) => (k !== "bonus" && k !== "penalty") || targetIds.length > 0);
  const money = (max: string) => moneyArbitrary(currency, { max });
  const rate = (max: string) => decimalStringArbitrary({ min: "0", max, maxFractionDigits: 4 });
  const gates =
    gateIds.length > 0 ? optional(fc.subarray([...gateIds], { minLength: 1 })) : fc.constant(undefined);
  const stores =
    storeIds.length > 0 ? optional(fc.subarray([...storeIds], { minLength: 1 })) : fc.constant(undefined);
  const over: fc.Arbitrary<DecimalString | { baselineOf: string } | undefined> = fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: money("50000") },
    ...(baselineIds.length > 0
      ? [{ weight: 2, arbitrary: fc.constantFrom(...baselineIds).map((id) => ({ baselineOf: id })) }]
      : []),
  );
  const basis = fc
    .record({ over, stores })
    .map(({ over: o, stores: s }) => compact({ kpi: "gmv", scope: { ...scope }, stores: s, over: o }));

  const byKind: Record<FeeComponentKind, fc.Arbitrary<Unnamed>> = {
    fixed: fc
      .record({ amount: money("20000"), prorate: optional(fc.constantFrom("daily", "none")) })
      .map((c) => compact({ type: "fixed" as const, ...c })),
    share: fc
      .record({
        basis,
        tiers: tiersArbitrary({ maxTiers: 4, maxUpTo: "200000", maxRate: "0.3", percent: true }),
        mode: optional(fc.constantFrom("graduated", "volume")),
        cap: optional(money("50000")),
        negativeBasis: optional(fc.constantFrom("zero", "carry-forward")),
        prorateTiers: optional(fc.boolean()),
        gates,
      })
      .map((c) => compact({ type: "share" as const, ...c })),
    bonus: fc
      .record({
        target: targetIds.length > 0 ? fc.constantFrom(...targetIds) : fc.constant("none"),
        payout: fc.oneof(
          money("5000").map((fixed) => ({ fixed })),
          fc
            .uniqueArray(fc.integer({ min: 50, max: 150 }), { minLength: 1, maxLength: 3 })
            .chain((froms) =>
              fc
                .array(money("5000"), { minLength: froms.length, maxLength: froms.length })
                .map((amounts) =>
                  [...froms]
                    .sort((a, b) => a - b)
                    .map((f, i) => ({ from: `${f}%`, amount: amounts[i] as string })),
                ),
            )
            .map((steps) => ({ steps })),
          fc
            .tuple(
              fc.integer({ min: 0, max: 120 }),
              fc.integer({ min: 1, max: 80 }),
              money("2000"),
              money("5000"),
            )
            .map(([from, width, a, b]) => ({
              linear: { from: `${from}%`, to: `${from + width}%`, min: a, max: b },
            })),
          fc.record({ rate: rate("0.1"), of: basis }),
        ),
        cap: optional(money("5000")),
        gates,
      })
      .map((c) => compact({ type: "bonus" as const, ...c })),
    scorecard: fc
      .record({ pool: money("10000"), threshold: rate("1"), gates })
      .map((c) => compact({ type: "scorecard" as const, ...c })),
    penalty: fc
      .record({
        target: targetIds.length > 0 ? fc.constantFrom(...targetIds) : fc.constant("none"),
        how: fc.oneof(
          money("3000").map((amount) => ({ amount })),
          rate("0.5").map((rateOfFixed) => ({ rateOfFixed })),
        ),
        cap: optional(money("3000")),
      })
      .map(({ how, ...c }) => compact({ type: "penalty" as const, ...c, ...how })),
    reimbursement: fc
      .record({ markup: optional(rate("0.2")), stores })
      .map((c) => compact({ type: "reimbursement" as const, fact: "ads.spend", ...c })),
  };

  const component = fc.constantFrom(...kinds).chain((kind) => byKind[kind]);
  const floors = options.floorsAndCaps ?? true;
  return fc
    .record({
      rounding: optional(fc.constantFrom(...(ROUNDING_MODES as RoundingMode[]))),
      components: fc.array(component, {
        minLength: options.minComponents ?? 1,
        maxLength: options.maxComponents ?? 5,
      }),
      bounds: floors
        ? fc.tuple(optional(money("20000")), optional(money("40000")))
        : fc.constant([undefined, undefined]),
      tax: floors
        ? optional(fc.record({ rate: rate("0.25"), name: fc.constantFrom("VAT", "GST", "增值税") }))
        : fc.constant(undefined),
    })
    .map(({ rounding, components, bounds: [a, b], tax }) => {
      // minimum ≤ maximum: order the two drawn amounts when both are present.
      const [minimum, maximum] = a !== undefined && b !== undefined && new D(a).gt(b) ? [b, a] : [a, b];
      return compact({
        currency,
        rounding,
        components: components.map(
          (c, i) => ({ ...c, name: `${c.type}-${i + 1}` }) as unknown as ComponentInput,
        ),
        minimum,
        maximum,
        tax,
      }) as FeeScheduleInput;
    });
}
