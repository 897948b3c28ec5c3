import * as z from "zod";
import { describeIssues, toValidationIssues } from "../internal/issues.js";
import type { DecimalString } from "../values/decimal.js";
import { KpiContractError, type ValidationIssue } from "../values/KpiContractError.js";
import type { RoundingMode } from "../values/rounding.js";
import { type FeeSchedule, feeScheduleSchema } from "./schema.js";
import type { TierMode } from "./tiers.js";

/** A decimal input: a decimal string or a finite number (converted exactly). */
export type DecimalInput = DecimalString | number;
/** A ratio input: a fraction string or number, or a percent string such as "22%". */
export type RatioInput = DecimalString | number;

/** The schedule-level options every builder shares. */
export interface ScheduleOptions {
  /** ISO 4217 code of the fees. */
  readonly currency: string;
  /** How each line is rounded to the minor unit; `half-up` by default. */
  readonly rounding?: RoundingMode;
  /** Floor per cycle (保底): a top-up line brings the total up to it. Prorated in a partial cycle. */
  readonly minimum?: DecimalInput;
  /** Cap per cycle (封顶): a reduction line brings the total down to it. Prorated in a partial cycle. */
  readonly maximum?: DecimalInput;
  /** A tax line on the subtotal, for example `{ rate: "0.06", name: "VAT" }`. */
  readonly tax?: { readonly rate: RatioInput; readonly name: string };
}

/** A fee basis as builders accept it (SPEC §6.2). */
export interface BasisOptions {
  /** `gmv` or `grossProfit`. */
  readonly kpi: "gmv" | "grossProfit";
  /** Every scope knob of the KPI, stated (a contract has no silent defaults). */
  readonly scope: Readonly<Record<string, unknown>>;
  /** The stores whose facts are pooled; every store of the contract when omitted. */
  readonly stores?: readonly string[];
  /** Only the increment above an amount, or above a target's baseline ("on growth only"). */
  readonly over?: DecimalInput | { readonly baselineOf: string };
}

/** A bonus as builders accept it (SPEC §6.2). */
export interface BonusOptions {
  /** Component name; `bonus-<target>` by default. */
  readonly name?: string;
  /** The target the payout depends on. */
  readonly target: string;
  readonly payout:
    | { readonly fixed: DecimalInput }
    | { readonly steps: readonly { readonly from: RatioInput; readonly amount: DecimalInput }[] }
    | {
        readonly linear: {
          readonly from: RatioInput;
          readonly to: RatioInput;
          readonly min: DecimalInput;
          readonly max: DecimalInput;
        };
      }
    | { readonly rate: RatioInput; readonly of: BasisOptions };
  readonly cap?: DecimalInput;
  readonly gates?: readonly string[];
}

/** A penalty as builders accept it (SPEC §6.2): exactly one of `amount` and `rateOfFixed`. */
export interface PenaltyOptions {
  /** Component name; `penalty-<target>` by default. */
  readonly name?: string;
  readonly target: string;
  readonly amount?: DecimalInput;
  readonly rateOfFixed?: RatioInput;
  readonly cap?: DecimalInput;
}

/** Options of {@link baseFeePlusBonus}. */
export interface BaseFeePlusBonusOptions extends ScheduleOptions {
  /** The base fee per cycle (基础服务费). */
  readonly baseFee: DecimalInput;
  /** `daily` (default): prorated by days in a partial cycle; `none`: always the full amount. */
  readonly prorate?: "daily" | "none";
  /**
   * A share of growth (增长分成): `rate` of the basis above `over` (an amount or a target's
   * baseline), optionally capped and gated. One tier; use {@link revenueShare} for tiers.
   */
  readonly growthShare?: {
    readonly name?: string;
    readonly rate: RatioInput;
    readonly basis: BasisOptions & { readonly over: DecimalInput | { readonly baselineOf: string } };
    readonly cap?: DecimalInput;
    readonly gates?: readonly string[];
  };
  /** Performance bonuses (绩效奖金). */
  readonly bonuses?: readonly BonusOptions[];
  /** Penalties (罚金). */
  readonly penalties?: readonly PenaltyOptions[];
}

/** One tier as builders accept it. */
export interface TierOptions {
  readonly upTo: DecimalInput | null;
  readonly rate: RatioInput;
  readonly flat?: DecimalInput;
}

/** Options of {@link revenueShare}: exactly one of `rate` and `tiers`. */
export interface RevenueShareOptions extends ScheduleOptions {
  /** Component name; `revenue-share` by default. */
  readonly name?: string;
  readonly basis: BasisOptions;
  /** One rate on the whole basis. */
  readonly rate?: RatioInput;
  /** Tiers (阶梯费率), `upTo` ascending, the last `null`. */
  readonly tiers?: readonly TierOptions[];
  /** `graduated` (default, 累进) or `volume` (全额). */
  readonly mode?: TierMode;
  /** Cap of the share line itself (the schedule `maximum` caps the total). */
  readonly cap?: DecimalInput;
  /** `zero` (default) or `carry-forward` for refund-heavy cycles. */
  readonly negativeBasis?: "zero" | "carry-forward";
  /** Scale every `upTo` by the proration factor in a partial cycle. */
  readonly prorateTiers?: boolean;
  readonly gates?: readonly string[];
  /** Optional base fee charged beside the share (a hybrid). */
  readonly baseFee?: DecimalInput;
}

/** Any object (not an array); its members are checked by the schedule schema afterwards. */
const anObject = z.looseObject({}, { error: "Expected an object" });
const aList = z.array(z.unknown(), { error: "Expected an array" });
const basisShape = z.looseObject(
  {
    scope: anObject.optional(),
    stores: aList.optional(),
    over: z
      .union([anObject, z.string(), z.number()], { error: "Expected an amount or { baselineOf }" })
      .optional(),
  },
  { error: "Expected a basis object { kpi, scope, … }" },
);

/**
 * The shape a builder reads before it writes the schedule: objects and arrays where it looks
 * inside them. Everything else (amounts, rates, names) is checked by the schedule schema.
 */
const baseFeePlusBonusShape = z.looseObject(
  {
    growthShare: z
      .looseObject({ basis: basisShape, gates: aList.optional() }, { error: "Expected an object" })
      .optional(),
    bonuses: z
      .array(
        z.looseObject(
          {
            payout: z.looseObject({ of: basisShape.optional() }, { error: "Expected a payout object" }),
            gates: aList.optional(),
          },
          { error: "Expected a bonus object" },
        ),
        { error: "Expected an array of bonuses" },
      )
      .optional(),
    penalties: z.array(anObject, { error: "Expected an array of penalties" }).optional(),
  },
  { error: "Expected an options object" },
);
const revenueShareShape = z.looseObject(
  {
    basis: basisShape,
    tiers: z.array(anObject, { error: "Expected an array of tiers" }).optional(),
    gates: aList.optional(),
  },
  { error: "Expected an options object" },
);

/** Refuses options a builder cannot read, with `schedule-invalid` and paths from `options`. */
function checkShape(options: unknown, shape: z.ZodType, builder: string): void {
  const result = shape.safeParse(options);
  if (!result.success)
    refuseSchedule(builder, "the options cannot be read", toValidationIssues(result.error, ["options"]));
}

function scheduleOf(options: ScheduleOptions, components: readonly unknown[], builder: string): FeeSchedule {
  const input = {
    currency: options.currency,
    ...(options.rounding !== undefined ? { rounding: options.rounding } : {}),
    components,
    ...(options.minimum !== undefined ? { minimum: options.minimum } : {}),
    ...(options.maximum !== undefined ? { maximum: options.maximum } : {}),
    ...(options.tax !== undefined ? { tax: options.tax } : {}),
  };
  const parsed = feeScheduleSchema.safeParse(input);
  if (!parsed.success) refuseSchedule(builder, "the schedule is invalid", toValidationIssues(parsed.error));
  return parsed.data;
}

/** The builders' refusal: `schedule-invalid`, the builder and one line per issue. */
function refuseSchedule(builder: string, what: string, issues: ValidationIssue[]): never {
  throw new KpiContractError(
    "schedule-invalid",
    `${builder}: ${what}:\n${describeIssues(issues)}`,
    { builder, count: issues.length },
    issues,
  );
}

/** `bonus-<target>` or `penalty-<target>`; no name when the target is not a string (the schema then says so). */
function defaultName(kind: string, target: unknown): string | undefined {
  return typeof target === "string" ? `${kind}-${target}` : undefined;
}

function basisOf(b: BasisOptions): Record<string, unknown> {
  return {
    kpi: b.kpi,
    scope: { ...b.scope },
    ...(b.stores !== undefined ? { stores: [...b.stores] } : {}),
    ...(b.over !== undefined
      ? { over: typeof b.over === "object" ? { baselineOf: b.over.baselineOf } : b.over }
      : {}),
  };
}

function bonusOf(b: BonusOptions): Record<string, unknown> {
  // Without an `of` the payout is passed on as it is, for the schedule schema to say what is missing.
  const payout =
    "rate" in b.payout && b.payout.of !== undefined
      ? { rate: b.payout.rate, of: basisOf(b.payout.of) }
      : b.payout;
  return {
    type: "bonus",
    name: b.name ?? defaultName("bonus", b.target),
    target: b.target,
    payout,
    ...(b.cap !== undefined ? { cap: b.cap } : {}),
    ...(b.gates !== undefined ? { gates: [...b.gates] } : {}),
  };
}

function penaltyOf(p: PenaltyOptions): Record<string, unknown> {
  return {
    type: "penalty",
    name: p.name ?? defaultName("penalty", p.target),
    target: p.target,
    ...(p.amount !== undefined ? { amount: p.amount } : {}),
    ...(p.rateOfFixed !== undefined ? { rateOfFixed: p.rateOfFixed } : {}),
    ...(p.cap !== undefined ? { cap: p.cap } : {}),
  };
}

/**
 * Builds a "base fee plus bonus" schedule (基础服务费 + 绩效奖金): a fixed fee per cycle, an optional
 * share of growth over a baseline, bonuses on targets, and penalties. The typical deal it
 * expresses: "base + 5% of growth over baseline, capped".
 *
 * @param options - currency, base fee, and the optional growth share, bonuses, penalties, floor,
 *   cap and tax
 * @returns the fee schedule as plain JSON (parsed: percents read, defaults spelled out)
 * @throws {@link KpiContractError} `schedule-invalid` with every issue and its path (paths from
 *   `options` when the options themselves cannot be read: not an object, a bonus that is not one)
 * @example
 * ```ts
 * // Base 1,500.00 a month + 5% of net GMV above the gmv-growth baseline, the share capped at 2,500.00
 * const fees = baseFeePlusBonus({
 *   currency: "USD",
 *   baseFee: "1500.00",
 *   growthShare: {
 *     rate: "5%",
 *     basis: { kpi: "gmv", scope: { refunds: "exclude", refundTiming: "refund-date", cancelled: "exclude",
 *       tax: "exclude", shipping: "exclude" }, over: { baselineOf: "gmv-growth" } },
 *     cap: "2500.00",
 *   },
 * });
 * fees.components.map((c) => c.type); // ["fixed", "share"]
 * ```
 */
export function baseFeePlusBonus(options: BaseFeePlusBonusOptions): FeeSchedule {
  checkShape(options, baseFeePlusBonusShape, "baseFeePlusBonus");
  const components: unknown[] = [
    { type: "fixed", name: "base-fee", amount: options.baseFee, prorate: options.prorate ?? "daily" },
  ];
  const g = options.growthShare;
  if (g !== undefined) {
    components.push({
      type: "share",
      name: g.name ?? "growth-share",
      basis: basisOf(g.basis),
      tiers: [{ upTo: null, rate: g.rate }],
      mode: "graduated",
      ...(g.cap !== undefined ? { cap: g.cap } : {}),
      ...(g.gates !== undefined ? { gates: [...g.gates] } : {}),
    });
  }
  for (const b of options.bonuses ?? []) components.push(bonusOf(b));
  for (const p of options.penalties ?? []) components.push(penaltyOf(p));
  return scheduleOf(options, components, "baseFeePlusBonus");
}

/**
 * Builds a revenue-share schedule (纯佣金分成): a share of GMV or gross profit, with one rate or
 * tiers (阶梯费率), optionally a base fee, a floor (保底) and a cap (封顶). Typical deals:
 * "3-tier graduated share with a minimum fee", "pure share of gross profit with ad spend counted
 * as cost" (`basis: { kpi: "grossProfit", scope: { adSpendAsCost: true, … } }`).
 *
 * @param options - currency, basis, `rate` or `tiers`, and the optional mode, cap, floor,
 *   negative-basis rule, proration of tiers, gates, base fee and tax
 * @returns the fee schedule as plain JSON (parsed: percents read, defaults spelled out)
 * @throws {@link KpiContractError} `schedule-invalid` with every issue, also when both or neither of
 *   `rate` and `tiers` are given (paths from `options` when the options cannot be read)
 * @example
 * ```ts
 * // 8% up to 50,000, 6% up to 150,000, 4% above; at least 2,000.00 a month
 * const fees = revenueShare({
 *   currency: "USD",
 *   basis: { kpi: "gmv", scope: { refunds: "exclude", refundTiming: "refund-date", cancelled: "exclude",
 *     tax: "exclude", shipping: "exclude" } },
 *   tiers: [{ upTo: "50000", rate: "8%" }, { upTo: "150000", rate: "6%" }, { upTo: null, rate: "4%" }],
 *   minimum: "2000.00",
 * });
 * fees.minimum; // "2000.00"
 * ```
 */
export function revenueShare(options: RevenueShareOptions): FeeSchedule {
  checkShape(options, revenueShareShape, "revenueShare");
  if ((options.rate === undefined) === (options.tiers === undefined)) {
    throw new KpiContractError(
      "schedule-invalid",
      "revenueShare: give exactly one of `rate` (one rate on the whole basis) and `tiers`",
      { builder: "revenueShare" },
      [{ code: "custom", path: ["rate"], message: "Give exactly one of rate and tiers" }],
    );
  }
  const tiers = options.tiers ?? [{ upTo: null, rate: options.rate as RatioInput }];
  const components: unknown[] = [];
  if (options.baseFee !== undefined) {
    components.push({ type: "fixed", name: "base-fee", amount: options.baseFee, prorate: "daily" });
  }
  const share: Record<string, unknown> = {
    type: "share",
    name: options.name ?? "revenue-share",
    basis: basisOf(options.basis),
    tiers: tiers.map((t) => ({
      upTo: t.upTo,
      rate: t.rate,
      ...(t.flat !== undefined ? { flat: t.flat } : {}),
    })),
    mode: options.mode ?? "graduated",
    negativeBasis: options.negativeBasis ?? "zero",
    prorateTiers: options.prorateTiers ?? false,
    ...(options.cap !== undefined ? { cap: options.cap } : {}),
    ...(options.gates !== undefined ? { gates: [...options.gates] } : {}),
  };
  components.push(share);
  return scheduleOf(options, components, "revenueShare");
}
