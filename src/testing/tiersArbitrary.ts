import fc from "fast-check";
import type { DecimalString } from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { decimalStringArbitrary } from "./decimalStringArbitrary.js";
import { formatScaled, fractionToPercent, toScaled } from "./scaledDecimal.js";

/** One tier as {@link tiersArbitrary} draws it, in schedule JSON form (SPEC §6.3). */
export interface TierArbitraryValue {
  /** Inclusive upper boundary with 2 fraction digits, or null for the last tier. */
  readonly upTo: DecimalString | null;
  /** A decimal fraction (`"0.05"`), or a percent string (`"5%"`) with the `percent` option. */
  readonly rate: string;
  /** A flat amount charged once the tier is reached, when present. */
  readonly flat?: DecimalString;
}

/** Options of {@link tiersArbitrary}. */
export interface TiersArbitraryOptions {
  /** Fewest tiers (default 1). */
  readonly minTiers?: number;
  /** Most tiers (default 4). */
  readonly maxTiers?: number;
  /**
   * Which tiers may carry a `flat` amount: `"none"`, only the `"first"` (the tiers are then continuous,
   * SPEC §6.3), or `"any"` (default).
   */
  readonly flat?: "none" | "first" | "any";
  /** Highest `upTo` boundary (default `"1000000"`); boundaries have 2 fraction digits. */
  readonly maxUpTo?: DecimalString;
  /** Highest rate (default `"1"`); rates have up to 4 fraction digits. */
  readonly maxRate?: DecimalString;
  /** Also write some rates as percent strings (`"5%"`), as a contract may (default false). */
  readonly percent?: boolean;
}

/**
 * A fast-check arbitrary of valid tier lists (SPEC §6.3): `upTo` strictly ascending from above 0, the
 * last tier `upTo: null`, rates from 0 to `maxRate`, optional `flat` amounts where `flat` allows.
 *
 * @param options - tier count, where flats may appear, the largest boundary and rate, percent rates
 * @returns an arbitrary of tier lists that `tiersSchema` accepts
 * @throws `KpiContractError` `arbitrary-options-invalid` for tier counts outside 1..50 or
 *   `minTiers` above `maxTiers`, or a `maxUpTo` below the count of boundaries in cents
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { applyTiers } from "kpi-contract";
 * import { tiersArbitrary } from "kpi-contract/testing";
 * fc.assert(fc.property(tiersArbitrary({ flat: "none" }), (tiers) => applyTiers("0", tiers).amount === "0"));
 * ```
 */
export function tiersArbitrary(options: TiersArbitraryOptions = {}): fc.Arbitrary<TierArbitraryValue[]> {
  const {
    minTiers = 1,
    maxTiers = 4,
    flat = "any",
    maxUpTo = "1000000",
    maxRate = "1",
    percent = false,
  } = options;
  if (
    !Number.isInteger(minTiers) ||
    !Number.isInteger(maxTiers) ||
    minTiers < 1 ||
    maxTiers > 50 ||
    minTiers > maxTiers
  ) {
    throw new KpiContractError(
      "arbitrary-options-invalid",
      `Tier counts are whole numbers with 1 ≤ minTiers ≤ maxTiers ≤ 50, received ${minTiers}..${maxTiers}`,
      { minTiers, maxTiers },
    );
  }
  const maxCents = toScaled(maxUpTo, 2, "floor");
  if (maxCents < BigInt(maxTiers - 1)) {
    throw new KpiContractError(
      "arbitrary-options-invalid",
      `maxUpTo ${maxUpTo} leaves no room for ${maxTiers - 1} ascending boundaries`,
      { maxUpTo, maxTiers },
    );
  }
  const rate = decimalStringArbitrary({ min: "0", max: maxRate, maxFractionDigits: 4 });
  const written = percent
    ? fc.tuple(rate, fc.boolean()).map(([r, asPercent]) => (asPercent ? fractionToPercent(r) : r))
    : rate;
  const flatAmount = decimalStringArbitrary({ min: "0", max: "1000", maxFractionDigits: 2 });
  return fc.integer({ min: minTiers, max: maxTiers }).chain((count) =>
    fc
      .tuple(
        fc.uniqueArray(fc.bigInt(1n, maxCents), { minLength: count - 1, maxLength: count - 1 }),
        fc.array(written, { minLength: count, maxLength: count }),
        fc.array(fc.option(flatAmount, { nil: undefined }), { minLength: count, maxLength: count }),
      )
      .map(([bounds, rates, flats]) => {
        const sorted = [...bounds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        return rates.map((r, i): TierArbitraryValue => {
          const upTo = i < sorted.length ? formatScaled(sorted[i] as bigint, 2) : null;
          const f = flats[i];
          const allowed = flat === "any" || (flat === "first" && i === 0);
          return allowed && f !== undefined ? { upTo, rate: r, flat: f } : { upTo, rate: r };
        });
      }),
  );
}
