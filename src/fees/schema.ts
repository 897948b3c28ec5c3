import * as z from "zod";
import { D } from "../internal/decimal.js";
import { scopeInputSchema } from "../targets/target.js";
import { currencySchema } from "../values/currency.js";
import { nonNegativeDecimalSchema } from "../values/decimal.js";
import { idSchema } from "../values/id.js";
import { ratioSchema } from "../values/ratio.js";
import { roundingModeSchema } from "../values/rounding.js";

const nameSchema = z
  .string({ error: "Expected a component name" })
  .min(1, { error: "A component name cannot be empty" })
  .max(100, { error: "A component name has at most 100 characters" });

const gatesSchema = z.array(idSchema).optional();

/**
 * Zod schema of the basis a share or rate bonus is computed on: a money KPI (`gmv` or
 * `grossProfit`) with its full scope, optionally limited to some stores, and optionally only the
 * increment `over` an amount or over a target's baseline ("revenue share on growth only").
 */
export const feeBasisSchema = z.strictObject({
  kpi: z.enum(["gmv", "grossProfit"], { error: 'A fee basis is "gmv" or "grossProfit"' }),
  scope: scopeInputSchema,
  stores: z.array(idSchema).optional(),
  over: z.union([nonNegativeDecimalSchema, z.strictObject({ baselineOf: idSchema })]).optional(),
});

/** A fee basis after parsing. */
export type FeeBasis = z.output<typeof feeBasisSchema>;

/**
 * Zod schema of one tier: `upTo` inclusive (null for the last tier), the `rate` on the part of the
 * basis inside the tier, and an optional `flat` amount.
 */
export const tierSchema = z.strictObject({
  upTo: z.union([nonNegativeDecimalSchema, z.null()]),
  rate: ratioSchema,
  flat: nonNegativeDecimalSchema.optional(),
});

/** One tier after parsing. */
export type Tier = z.output<typeof tierSchema>;

/**
 * Zod schema of a tier list (SPEC §6.3): at least one tier, `upTo` strictly ascending, the last
 * `upTo: null` and only the last.
 */
export const tiersSchema = z
  .array(tierSchema)
  .min(1, { error: "A share needs at least one tier" })
  .superRefine((tiers, ctx) => {
    tiers.forEach((tier, i) => {
      const isLast = i === tiers.length - 1;
      if (isLast && tier.upTo !== null) {
        ctx.addIssue({ code: "custom", path: [i, "upTo"], message: "The last tier must have upTo: null" });
      }
      if (!isLast && tier.upTo === null) {
        ctx.addIssue({
          code: "custom",
          path: [i, "upTo"],
          message: "Only the last tier may have upTo: null",
        });
      }
      const prev = i > 0 ? tiers[i - 1]?.upTo : undefined;
      if (tier.upTo !== null && prev != null && compareDecimalStrings(tier.upTo, prev) <= 0) {
        ctx.addIssue({
          code: "custom",
          path: [i, "upTo"],
          message: `Tiers must ascend strictly: upTo ${tier.upTo} is not above ${prev}`,
        });
      }
      if (i === 0 && tier.upTo !== null && compareDecimalStrings(tier.upTo, "0") <= 0) {
        ctx.addIssue({ code: "custom", path: [i, "upTo"], message: "The first tier's upTo must be above 0" });
      }
    });
  });

function compareDecimalStrings(a: string, b: string): number {
  return new D(a).comparedTo(b);
}

/** Zod schema of a `fixed` component: the base fee per cycle, prorated by days by default. */
export const fixedComponentSchema = z.strictObject({
  type: z.literal("fixed"),
  name: nameSchema,
  amount: nonNegativeDecimalSchema,
  prorate: z.enum(["daily", "none"], { error: 'Expected "daily" or "none"' }).default("daily"),
});

/** Zod schema of a `share` component: a tiered share of a basis (SPEC §6.2, §6.3). */
export const shareComponentSchema = z.strictObject({
  type: z.literal("share"),
  name: nameSchema,
  basis: feeBasisSchema,
  tiers: tiersSchema,
  mode: z.enum(["graduated", "volume"], { error: 'Expected "graduated" or "volume"' }).default("graduated"),
  cap: nonNegativeDecimalSchema.optional(),
  negativeBasis: z
    .enum(["zero", "carry-forward"], { error: 'Expected "zero" or "carry-forward"' })
    .default("zero"),
  prorateTiers: z.boolean().default(false),
  gates: gatesSchema,
});

/** Zod schema of a bonus payout: fixed, steps by attainment, linear by attainment, or a rate of a basis. */
export const bonusPayoutSchema = z.union(
  [
    z.strictObject({ fixed: nonNegativeDecimalSchema }),
    z.strictObject({
      steps: z
        .array(z.strictObject({ from: ratioSchema, amount: nonNegativeDecimalSchema }))
        .min(1, { error: "A step payout needs at least one step" }),
    }),
    z.strictObject({
      linear: z
        .strictObject({
          from: ratioSchema,
          to: ratioSchema,
          min: nonNegativeDecimalSchema,
          max: nonNegativeDecimalSchema,
        })
        .refine((l) => new D(l.to).gt(l.from), {
          error: "A linear payout's `to` must be above its `from`",
          path: ["to"],
        }),
    }),
    z.strictObject({ rate: ratioSchema, of: feeBasisSchema }),
  ],
  { error: "Expected a payout: { fixed }, { steps }, { linear } or { rate, of }" },
);

/** Zod schema of a `bonus` component: paid on one target (SPEC §6.2). */
export const bonusComponentSchema = z.strictObject({
  type: z.literal("bonus"),
  name: nameSchema,
  target: idSchema,
  payout: bonusPayoutSchema,
  cap: nonNegativeDecimalSchema.optional(),
  gates: gatesSchema,
});

/** Zod schema of a `scorecard` component: a pool paid by the weighted score above a threshold. */
export const scorecardComponentSchema = z.strictObject({
  type: z.literal("scorecard"),
  name: nameSchema,
  pool: nonNegativeDecimalSchema,
  threshold: ratioSchema,
  gates: gatesSchema,
});

/** Zod schema of a `penalty` component: deducted when its target is missed; `amount` or `rateOfFixed`. */
export const penaltyComponentSchema = z
  .strictObject({
    type: z.literal("penalty"),
    name: nameSchema,
    target: idSchema,
    amount: nonNegativeDecimalSchema.optional(),
    rateOfFixed: ratioSchema.optional(),
    cap: nonNegativeDecimalSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if ((p.amount === undefined) === (p.rateOfFixed === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: 'A penalty states exactly one of "amount" or "rateOfFixed"',
      });
    }
  });

/** Zod schema of a `reimbursement` component: a fact (ad spend, samples) re-billed at cost plus a markup. */
export const reimbursementComponentSchema = z.strictObject({
  type: z.literal("reimbursement"),
  name: nameSchema,
  fact: z.string().min(1, { error: "Expected a fact path such as ads.spend" }),
  markup: ratioSchema.default("0"),
  stores: z.array(idSchema).optional(),
});

/** Zod schema of any fee component, discriminated by `type`. */
export const feeComponentSchema = z.discriminatedUnion(
  "type",
  [
    fixedComponentSchema,
    shareComponentSchema,
    bonusComponentSchema,
    scorecardComponentSchema,
    penaltyComponentSchema,
    reimbursementComponentSchema,
  ],
  { error: "Expected a component type: fixed, share, bonus, scorecard, penalty or reimbursement" },
);

/** Any fee component after parsing. */
export type FeeComponent = z.output<typeof feeComponentSchema>;
/** A component of one type. */
export type FixedComponent = z.output<typeof fixedComponentSchema>;
/** A share component after parsing. */
export type ShareComponent = z.output<typeof shareComponentSchema>;
/** A bonus component after parsing. */
export type BonusComponent = z.output<typeof bonusComponentSchema>;
/** A scorecard component after parsing. */
export type ScorecardComponent = z.output<typeof scorecardComponentSchema>;
/** A penalty component after parsing. */
export type PenaltyComponent = z.output<typeof penaltyComponentSchema>;
/** A reimbursement component after parsing. */
export type ReimbursementComponent = z.output<typeof reimbursementComponentSchema>;

/**
 * Zod schema of a fee schedule (SPEC §6.1): currency, rounding mode, components, optional floor
 * (`minimum`) and cap (`maximum`) per cycle, optional tax. Component names are unique.
 *
 * @example
 * ```ts
 * feeScheduleSchema.parse({ currency: "USD", components: [
 *   { type: "fixed", name: "base", amount: "1500.00" },
 * ] });
 * ```
 */
export const feeScheduleSchema = z
  .strictObject({
    currency: currencySchema,
    rounding: roundingModeSchema.default("half-up"),
    components: z.array(feeComponentSchema),
    minimum: nonNegativeDecimalSchema.optional(),
    maximum: nonNegativeDecimalSchema.optional(),
    tax: z.strictObject({ rate: ratioSchema, name: nameSchema }).optional(),
  })
  .superRefine((schedule, ctx) => {
    const seen = new Map<string, number>();
    schedule.components.forEach((c, i) => {
      const first = seen.get(c.name);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["components", i, "name"],
          message: `Component name "${c.name}" is already used by component ${first}`,
          params: { code: "duplicate-id" },
        });
      } else {
        seen.set(c.name, i);
      }
    });
    if (
      schedule.minimum !== undefined &&
      schedule.maximum !== undefined &&
      compareDecimalStrings(schedule.minimum, schedule.maximum) > 0
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["minimum"],
        message: `The minimum ${schedule.minimum} is above the maximum ${schedule.maximum}`,
      });
    }
  });

/** A fee schedule after parsing. */
export type FeeSchedule = z.output<typeof feeScheduleSchema>;
/** A fee schedule as accepted on input. */
export type FeeScheduleInput = z.input<typeof feeScheduleSchema>;
