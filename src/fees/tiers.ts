import {
  compare,
  contractDecimal,
  D,
  type Dec,
  formatDecimal,
  ONE,
  quotient,
  ZERO,
} from "../internal/decimal.js";
import { describeIssues, toValidationIssues } from "../internal/issues.js";
import { type DecimalString, describeInput, isDecimalString } from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { type Tier, tiersSchema } from "./schema.js";

/** How tiers apply: each tier's rate on the part inside it (`graduated`), or one rate for all (`volume`). */
export type TierMode = "graduated" | "volume";

/**
 * The proration of a partial cycle as a fraction `days ÷ fullDays` (SPEC §6.4), kept as two whole
 * numbers so that `upTo × days ÷ fullDays` is computed in one division.
 */
export interface ProrationDays {
  /** Days of the settled cycle. */
  readonly days: number;
  /** Days of the full calendar cycle it belongs to. */
  readonly fullDays: number;
}

/** Options of {@link applyTiers}. */
export interface ApplyTiersOptions {
  /**
   * Scales every `upTo` (never the rates or flats) by a proration factor: a decimal string such as
   * `"0.5"`, or `{ days, fullDays }` for `days ÷ fullDays` exactly (`prorateTiers`, SPEC §6.2).
   */
  readonly prorationFactor?: DecimalString | ProrationDays;
}

/** One tier's share of the fee, for the trace. */
export interface TierPart {
  /** Index of the tier in the list (0 = first). */
  readonly tier: number;
  /** Lower bound of the tier (the previous `upTo`, or 0), after proration. */
  readonly from: DecimalString;
  /** Upper bound (inclusive) after proration, or null for the last tier. */
  readonly upTo: DecimalString | null;
  /** The part of the basis the rate applies to in this tier. */
  readonly part: DecimalString;
  readonly rate: DecimalString;
  /** The flat amount charged for this tier ("0" when none or not reached). */
  readonly flat: DecimalString;
  /** part × rate + flat, exact. */
  readonly amount: DecimalString;
}

/** The result of {@link applyTiers}: the exact (unrounded) amount and the per-tier breakdown. */
export interface TierResult {
  readonly mode: TierMode;
  readonly basis: DecimalString;
  /** Σ of the parts' amounts, exact: rounding happens only when a fee line is made. */
  readonly amount: DecimalString;
  /** Graduated: every tier (unreached ones with a zero part); volume: the one tier that applies. */
  readonly parts: readonly TierPart[];
  /** The proration factor applied to the `upTo` bounds, when one was given. */
  readonly prorationFactor?: DecimalString;
}

/** Internal form of a proration: numerator and denominator, applied as `x × num ÷ den`. */
interface Scale {
  readonly num: Dec;
  readonly den: Dec;
}

function scaleOf(factor: ApplyTiersOptions["prorationFactor"]): Scale | undefined {
  if (factor === undefined) return undefined;
  if (typeof factor === "string") {
    if (!isDecimalString(factor) || new D(factor).isNeg()) {
      throw new KpiContractError(
        "proration-invalid",
        `A proration factor is a decimal of zero or more, received ${describeInput(factor)}`,
        { factor: describeInput(factor) },
      );
    }
    return { num: new D(factor), den: ONE };
  }
  // Number.isSafeInteger is false for anything that is not a number, so a null factor fails here.
  const { days, fullDays } = (typeof factor === "object" && factor !== null ? factor : {}) as {
    days?: number;
    fullDays?: number;
  };
  if (
    !Number.isSafeInteger(days) ||
    !Number.isSafeInteger(fullDays) ||
    (days as number) < 0 ||
    (fullDays as number) < 1
  ) {
    throw new KpiContractError(
      "proration-invalid",
      `A proration is { days, fullDays } with whole numbers, days ≥ 0 and fullDays ≥ 1, received ${describeInput(factor)}`,
      { factor: describeInput(factor) },
    );
  }
  return { num: new D(days as number), den: new D(fullDays as number) };
}

/**
 * The exact tier arithmetic on trusted input (SPEC §6.3). Used by the share component and by
 * {@link applyTiers}.
 *
 * @internal
 */
export function applyTiersDec(
  basis: Dec,
  tiers: readonly Tier[],
  mode: TierMode,
  scale?: Scale,
): { amount: Dec; parts: TierPart[] } {
  const bounds: (Dec | null)[] = tiers.map((t) =>
    t.upTo === null
      ? null
      : scale
        ? quotient(contractDecimal(t.upTo).times(scale.num), scale.den)
        : contractDecimal(t.upTo),
  );
  if (mode === "volume") {
    // The one tier containing the whole basis: upTo is inclusive.
    let index = tiers.findIndex((_, i) => {
      const upper = bounds[i];
      return upper === null || upper === undefined || compare(basis, upper) <= 0;
    });
    if (index === -1) index = tiers.length - 1;
    const tier = tiers[index] as Tier;
    const flat = contractDecimal(tier.flat ?? "0");
    const amount = basis.times(contractDecimal(tier.rate)).plus(flat);
    const from = index === 0 ? ZERO : (bounds[index - 1] as Dec);
    const upper = bounds[index] ?? null;
    return {
      amount,
      parts: [
        {
          tier: index,
          from: formatDecimal(from),
          upTo: upper === null ? null : formatDecimal(upper),
          part: formatDecimal(basis),
          rate: tier.rate,
          flat: formatDecimal(flat),
          amount: formatDecimal(amount),
        },
      ],
    };
  }
  let amount = ZERO;
  const parts: TierPart[] = tiers.map((tier, i) => {
    const lower = i === 0 ? ZERO : (bounds[i - 1] as Dec);
    const upper = bounds[i] ?? null;
    const top = upper === null || compare(basis, upper) < 0 ? basis : upper;
    const part = compare(top, lower) > 0 ? top.minus(lower) : ZERO;
    // The first tier's flat is always charged; a later tier's once the basis passes into it.
    const reached = i === 0 || compare(basis, lower) > 0;
    const flat = reached ? contractDecimal(tier.flat ?? "0") : ZERO;
    const tierAmount = part.times(contractDecimal(tier.rate)).plus(flat);
    amount = amount.plus(tierAmount);
    return {
      tier: i,
      from: formatDecimal(lower),
      upTo: upper === null ? null : formatDecimal(upper),
      part: formatDecimal(part),
      rate: tier.rate,
      flat: formatDecimal(flat),
      amount: formatDecimal(tierAmount),
    };
  });
  return { amount, parts };
}

/**
 * Applies a tier list to a basis exactly (SPEC §6.3, Stripe-compatible): `upTo` is inclusive and
 * the basis is a continuous amount, so the part inside tier i is min(basis, upToᵢ) − upToᵢ₋₁ and no
 * unit is counted twice at a boundary.
 *
 * - `graduated`: each tier's rate on the part of the basis inside it, plus each reached tier's
 *   `flat` (the first tier's flat always, even on a zero basis; a later tier's when the basis
 *   exceeds the previous `upTo`).
 * - `volume`: the one tier containing the whole basis sets the rate for all of it, plus that
 *   tier's `flat`.
 *
 * The amount is exact; money is rounded only when a fee line is made.
 *
 * @param basis - the basis, a decimal string of zero or more
 * @param tiers - the tiers as in a schedule (`upTo` ascending, the last `null`; percents accepted)
 * @param mode - `graduated` (default) or `volume`
 * @param options - `prorationFactor` scales every `upTo` (a decimal, or `{ days, fullDays }`)
 * @returns the exact amount and the per-tier breakdown
 * @throws {@link KpiContractError} `tiers-invalid` (with the issues), `basis-invalid` for a basis
 *   that is not a decimal of zero or more, `proration-invalid` (also for options that are not an
 *   object)
 * @example
 * ```ts
 * const tiers = [{ upTo: "20000", rate: "0.05" }, { upTo: null, rate: "0.03" }];
 * applyTiers("30000", tiers).amount;            // "1300"  (1,000 + 300)
 * applyTiers("30000", tiers, "volume").amount;  // "900"   (30,000 × 3%)
 * applyTiers("15000", [{ upTo: "10000", rate: "5%" }, { upTo: null, rate: "3%" }]).amount; // "650"
 * ```
 */
export function applyTiers(
  basis: DecimalString,
  tiers: readonly {
    upTo: DecimalString | number | null;
    rate: DecimalString | number;
    flat?: DecimalString | number;
  }[],
  mode: TierMode = "graduated",
  options: ApplyTiersOptions = {},
): TierResult {
  if (!isDecimalString(basis) || new D(basis).isNeg()) {
    throw new KpiContractError(
      "basis-invalid",
      `A tier basis is a decimal string of zero or more, received ${describeInput(basis)}`,
      { basis: describeInput(basis) },
    );
  }
  if (mode !== "graduated" && mode !== "volume") {
    throw new KpiContractError(
      "tier-mode-invalid",
      `Tier mode is "graduated" or "volume", received ${describeInput(mode)}`,
      {
        mode: describeInput(mode),
      },
    );
  }
  const parsed = tiersSchema.safeParse(tiers);
  if (!parsed.success) {
    const issues = toValidationIssues(parsed.error, ["tiers"]);
    throw new KpiContractError(
      "tiers-invalid",
      `Invalid tiers:\n${describeIssues(issues)}`,
      { count: issues.length },
      issues,
    );
  }
  if (typeof options !== "object" || options === null) {
    throw new KpiContractError(
      "proration-invalid",
      `applyTiers options are an object { prorationFactor? }, received ${describeInput(options)}`,
      { options: describeInput(options) },
    );
  }
  const scale = scaleOf(options.prorationFactor);
  const exactBasis = new D(basis);
  const { amount, parts } = applyTiersDec(exactBasis, parsed.data, mode, scale);
  return {
    mode,
    basis: formatDecimal(exactBasis),
    amount: formatDecimal(amount),
    parts,
    ...(scale ? { prorationFactor: formatDecimal(quotient(scale.num, scale.den)) } : {}),
  };
}
