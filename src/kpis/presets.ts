import { KpiContractError } from "../values/KpiContractError.js";
import { type DateString, isDateString } from "../values/period.js";

/**
 * A platform preset (SPEC §3): a named, frozen scope of one KPI with the date it took effect and
 * where the definition comes from. A name may have several versions; a contract names the preset
 * and gets the version in effect at its term start.
 */
export interface KpiPreset {
  /** The preset's name, for example `"amazon-sp-acos"`. */
  readonly name: string;
  /** The KPI whose scope it fixes. */
  readonly kpi: string;
  /** Every knob of the KPI, spelled out. */
  readonly scope: Readonly<Record<string, unknown>>;
  /** The first day this version applies to. */
  readonly effectiveFrom: DateString;
  /** Where the definition comes from, in words. */
  readonly source: string;
}

/** A preset resolved for a date. */
export interface ResolvedPreset {
  readonly name: string;
  readonly effectiveFrom: DateString;
  readonly kpi: string;
  readonly scope: Readonly<Record<string, unknown>>;
  readonly source: string;
}

/**
 * The date given to a platform's long-standing definition: in effect for any term the library
 * handles. A later change of definition is added as a new version with its real date.
 */
const LONG_STANDING: DateString = "2000-01-01";

function preset(p: KpiPreset): KpiPreset {
  return Object.freeze({ ...p, scope: Object.freeze({ ...p.scope }) });
}

/**
 * The library's platform presets, every knob of the KPI spelled out:
 * - `amazon-sp-acos` / `amazon-sp-roas`: Sponsored Products, 7-day attribution window;
 * - `amazon-sb-acos` / `amazon-sb-roas`: Sponsored Brands, 14-day window;
 * - `amazon-unit-session-percentage`: units ordered ÷ sessions (conversion rate by units);
 * - `tiktok-shop-negative-review-rate`: 1- and 2-star reviews ÷ orders.
 *
 * @example
 * ```ts
 * KPI_PRESETS.find((p) => p.name === "amazon-sb-acos")?.scope; // { attributionWindow: "14d" }
 * ```
 */
export const KPI_PRESETS: readonly KpiPreset[] = Object.freeze([
  preset({
    name: "amazon-sp-acos",
    kpi: "acos",
    scope: { attributionWindow: "7d" },
    effectiveFrom: LONG_STANDING,
    source: "Amazon Ads: seller Sponsored Products reports attribute sales to clicks within 7 days",
  }),
  preset({
    name: "amazon-sp-roas",
    kpi: "roas",
    scope: { attributionWindow: "7d" },
    effectiveFrom: LONG_STANDING,
    source: "Amazon Ads: seller Sponsored Products reports attribute sales to clicks within 7 days",
  }),
  preset({
    name: "amazon-sb-acos",
    kpi: "acos",
    scope: { attributionWindow: "14d" },
    effectiveFrom: LONG_STANDING,
    source: "Amazon Ads: Sponsored Brands reports attribute sales to clicks within 14 days",
  }),
  preset({
    name: "amazon-sb-roas",
    kpi: "roas",
    scope: { attributionWindow: "14d" },
    effectiveFrom: LONG_STANDING,
    source: "Amazon Ads: Sponsored Brands reports attribute sales to clicks within 14 days",
  }),
  preset({
    name: "amazon-unit-session-percentage",
    kpi: "conversionRate",
    scope: { source: "all", count: "units", attributionWindow: "14d" },
    effectiveFrom: LONG_STANDING,
    source: "Amazon Seller Central Business Reports: Unit Session Percentage = units ordered ÷ sessions",
  }),
  preset({
    name: "tiktok-shop-negative-review-rate",
    kpi: "negativeReviewRate",
    scope: { maxStars: 2, denominator: "orders" },
    effectiveFrom: LONG_STANDING,
    source: "TikTok Shop seller performance: orders with a 1- or 2-star review ÷ orders",
  }),
]);

/**
 * Resolves a preset for a date (SPEC §3): the version of that name with the latest `effectiveFrom`
 * on or before `onDate` (a contract passes its term start).
 *
 * @param name - the preset name, for example `"amazon-sp-acos"`
 * @param onDate - the date the preset must apply to
 * @param presets - the list to look in (default {@link KPI_PRESETS}; pass your own versions to extend it)
 * @returns `{ name, effectiveFrom, kpi, scope, source }`
 * @throws {@link KpiContractError} `preset-unknown` (params `{ preset, known }`);
 *   `preset-not-effective` when every version starts after `onDate` (params `{ preset, date, earliest }`);
 *   `date-invalid` when `onDate` is not a date
 * @example
 * ```ts
 * resolvePreset("amazon-sb-acos", "2026-01-01");
 * // { name: "amazon-sb-acos", effectiveFrom: "2000-01-01", kpi: "acos", scope: { attributionWindow: "14d" }, source: "…" }
 * ```
 */
export function resolvePreset(
  name: string,
  onDate: DateString,
  presets: readonly KpiPreset[] = KPI_PRESETS,
): ResolvedPreset {
  if (!isDateString(onDate)) {
    throw new KpiContractError(
      "date-invalid",
      `Expected a date YYYY-MM-DD, received ${JSON.stringify(onDate)}`,
      {
        date: onDate,
      },
    );
  }
  const versions = presets.filter((p) => p.name === name);
  if (versions.length === 0) {
    const known = [...new Set(presets.map((p) => p.name))];
    throw new KpiContractError(
      "preset-unknown",
      `Unknown preset "${name}"; known presets: ${known.join(", ")}`,
      {
        preset: name,
        known,
      },
    );
  }
  const effective = versions
    .filter((p) => p.effectiveFrom <= onDate)
    .reduce<KpiPreset | undefined>(
      (best, p) => (best === undefined || p.effectiveFrom > best.effectiveFrom ? p : best),
      undefined,
    );
  if (effective === undefined) {
    const earliest = versions.map((p) => p.effectiveFrom).sort()[0];
    throw new KpiContractError(
      "preset-not-effective",
      `Preset "${name}" takes effect on ${earliest}, after ${onDate}`,
      { preset: name, date: onDate, earliest },
    );
  }
  return {
    name: effective.name,
    effectiveFrom: effective.effectiveFrom,
    kpi: effective.kpi,
    scope: effective.scope,
    source: effective.source,
  };
}
