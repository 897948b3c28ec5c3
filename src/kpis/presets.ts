import * as z from "zod";
import { checkArguments } from "../internal/arguments.js";
import { describeInput } from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { type DateString, dateSchema, isDateString } from "../values/period.js";

/**
 * A platform preset (SPEC §3): one version of a named, frozen scope of one KPI, with the date it
 * took effect and where the definition comes from. A name may have several versions; a contract
 * names the preset and gets the version in effect at its term start.
 */
export interface KpiPreset {
  /** The preset's name, for example `"amazon-sp-acos"`. */
  readonly name: string;
  /** The KPI whose scope it fixes (the same for every version of a name). */
  readonly kpi: string;
  /** Every knob of the KPI, spelled out (and `minSample` where the platform sets one). */
  readonly scope: Readonly<Record<string, unknown>>;
  /** The first day this version applies to: the library's reference date, see {@link KPI_PRESETS}. */
  readonly effectiveFrom: DateString;
  /** Where the definition comes from, in words. */
  readonly source: string;
  /** What the preset measures, in one sentence. */
  readonly description: string;
}

/** A preset list as {@link resolvePreset} and {@link listPresets} read it. */
const presetsShape = z.array(
  z.looseObject(
    {
      name: z.string({ error: "Expected the preset's name" }),
      kpi: z.string({ error: "Expected the preset's KPI id" }),
      scope: z.looseObject({}, { error: "Expected the preset's scope, an object" }),
      effectiveFrom: dateSchema,
      source: z.string({ error: "Expected the preset's source" }),
      description: z.string({ error: "Expected the preset's description" }),
    },
    { error: "Expected a preset { name, kpi, scope, effectiveFrom, source, description }" },
  ),
  { error: "Expected an array of presets" },
);

/** Refuses a preset list that is not one (the library's own list is trusted). */
function checkPresets(fn: string, presets: unknown): void {
  if (presets !== KPI_PRESETS) checkArguments(fn, [["presets", presetsShape, presets]]);
}

/** The version of a preset in effect on a date, as {@link resolvePreset} returns it. */
export type ResolvedPreset = KpiPreset;

/** One preset name with all its versions, oldest first, as {@link listPresets} returns it. */
export interface PresetSummary {
  readonly name: string;
  readonly kpi: string;
  /** The description of the latest version. */
  readonly description: string;
  readonly versions: readonly Pick<KpiPreset, "effectiveFrom" | "scope" | "source">[];
}

/**
 * The reference date given to a platform's long-standing definition: "in effect for any term the
 * library handles". A later change is added as a new version with its own reference date.
 */
const LONG_STANDING: DateString = "2000-01-01";

/**
 * Reference date of the TikTok Shop minimum sample of 30 orders (SPEC §3). The platform publishes
 * no date the library could cite; this is the library's reference date, to be checked against
 * TikTok Shop's seller documentation. Terms starting earlier keep the version without a minimum.
 */
const TIKTOK_MIN_SAMPLE_FROM: DateString = "2025-01-01";

function preset(p: KpiPreset): KpiPreset {
  return Object.freeze({ ...p, scope: Object.freeze({ ...p.scope }) });
}

const AMAZON_SP = "Amazon Ads, seller Sponsored Products reports: sales attributed to clicks within 7 days";
const AMAZON_SB = "Amazon Ads, Sponsored Brands reports: sales attributed to clicks within 14 days";
const AMAZON_SD = "Amazon Ads, Sponsored Display reports: sales attributed within 14 days";

/**
 * The library's platform presets (SPEC §3), every knob of the KPI spelled out.
 *
 * - `amazon-sp-acos` / `amazon-sp-roas`: Sponsored Products (seller), 7-day attribution window;
 * - `amazon-sb-acos` / `amazon-sb-roas`: Sponsored Brands, 14-day window;
 * - `amazon-sd-acos` / `amazon-sd-roas`: Sponsored Display, 14-day window;
 * - `amazon-unit-session-percentage`: units ordered ÷ sessions (conversion rate by units; the
 *   attribution window knob is stated but unused, since the source is all traffic);
 * - `tiktok-shop-negative-review-rate`: 1- and 2-star reviews ÷ orders; from 2025-01-01 with a
 *   minimum sample of 30 orders (two versions).
 *
 * Dates: `effectiveFrom` is the library's reference date for when the platform's definition
 * applied, not a date quoted from the platform. `2000-01-01` marks a long-standing definition (in
 * effect for any term the library handles); other dates are to be checked against the platform's
 * documentation before a contract relies on them. A platform change is added as a new version.
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
    source: AMAZON_SP,
    description: "ACoS of Sponsored Products as Amazon reports it to sellers: spend ÷ 7-day attributed sales",
  }),
  preset({
    name: "amazon-sp-roas",
    kpi: "roas",
    scope: { attributionWindow: "7d" },
    effectiveFrom: LONG_STANDING,
    source: AMAZON_SP,
    description: "ROAS of Sponsored Products as Amazon reports it to sellers: 7-day attributed sales ÷ spend",
  }),
  preset({
    name: "amazon-sb-acos",
    kpi: "acos",
    scope: { attributionWindow: "14d" },
    effectiveFrom: LONG_STANDING,
    source: AMAZON_SB,
    description: "ACoS of Sponsored Brands: spend ÷ 14-day attributed sales",
  }),
  preset({
    name: "amazon-sb-roas",
    kpi: "roas",
    scope: { attributionWindow: "14d" },
    effectiveFrom: LONG_STANDING,
    source: AMAZON_SB,
    description: "ROAS of Sponsored Brands: 14-day attributed sales ÷ spend",
  }),
  preset({
    name: "amazon-sd-acos",
    kpi: "acos",
    scope: { attributionWindow: "14d" },
    effectiveFrom: LONG_STANDING,
    source: AMAZON_SD,
    description: "ACoS of Sponsored Display: spend ÷ 14-day attributed sales",
  }),
  preset({
    name: "amazon-sd-roas",
    kpi: "roas",
    scope: { attributionWindow: "14d" },
    effectiveFrom: LONG_STANDING,
    source: AMAZON_SD,
    description: "ROAS of Sponsored Display: 14-day attributed sales ÷ spend",
  }),
  preset({
    name: "amazon-unit-session-percentage",
    kpi: "conversionRate",
    scope: { source: "all", count: "units", attributionWindow: "14d" },
    effectiveFrom: LONG_STANDING,
    source: "Amazon Seller Central Business Reports: Unit Session Percentage = units ordered ÷ sessions",
    description: "Unit Session Percentage: units ordered ÷ sessions, all traffic",
  }),
  preset({
    name: "tiktok-shop-negative-review-rate",
    kpi: "negativeReviewRate",
    scope: { maxStars: 2, denominator: "orders" },
    effectiveFrom: LONG_STANDING,
    source: "TikTok Shop seller performance: orders with a 1- or 2-star review ÷ orders",
    description: "Negative review rate as TikTok Shop measures it: 1- and 2-star reviews ÷ orders",
  }),
  preset({
    name: "tiktok-shop-negative-review-rate",
    kpi: "negativeReviewRate",
    scope: { maxStars: 2, denominator: "orders", minSample: "30" },
    effectiveFrom: TIKTOK_MIN_SAMPLE_FROM,
    source:
      "TikTok Shop seller performance: orders with a 1- or 2-star review ÷ orders, rated only from 30 orders (SPEC §3); the date is the library's reference date, to be checked against TikTok Shop's documentation",
    description:
      "Negative review rate as TikTok Shop measures it: 1- and 2-star reviews ÷ orders, no value below 30 orders",
  }),
]);

function knownNames(presets: readonly KpiPreset[]): string[] {
  return [...new Set(presets.map((p) => p.name))].sort();
}

/**
 * Resolves a preset for a date (SPEC §3): the version of that name with the latest `effectiveFrom`
 * on or before `onDate` (a contract passes its term start).
 *
 * @param name - the preset name, for example `"amazon-sp-acos"`
 * @param onDate - the date the preset must apply to, `YYYY-MM-DD`
 * @param presets - the list to look in (default {@link KPI_PRESETS}; pass your own versions to extend it)
 * @returns the version in effect: `{ name, kpi, scope, effectiveFrom, source, description }`
 * @throws {@link KpiContractError} `preset-unknown` listing the known names (params `{ preset, known }`);
 *   `preset-not-effective` naming the earliest version's date when every version starts after
 *   `onDate` (params `{ preset, date, earliest }`); `date-invalid` when `onDate` is not a date;
 *   `arguments-invalid` for a `presets` list that is not one of presets
 * @example
 * ```ts
 * resolvePreset("tiktok-shop-negative-review-rate", "2024-06-01").scope; // { maxStars: 2, denominator: "orders" }
 * resolvePreset("tiktok-shop-negative-review-rate", "2026-01-01").scope; // { …, minSample: "30" }
 * ```
 */
export function resolvePreset(
  name: string,
  onDate: DateString,
  presets: readonly KpiPreset[] = KPI_PRESETS,
): ResolvedPreset {
  checkPresets("resolvePreset", presets);
  if (!isDateString(onDate)) {
    throw new KpiContractError(
      "date-invalid",
      `Expected a date YYYY-MM-DD, received ${describeInput(onDate)}`,
      {
        date: onDate,
      },
    );
  }
  const versions = presets.filter((p) => p.name === name);
  if (versions.length === 0) {
    const known = knownNames(presets);
    throw new KpiContractError(
      "preset-unknown",
      `Unknown preset ${describeInput(name)}; known presets: ${known.join(", ")}`,
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
      `Preset "${name}" first takes effect on ${earliest}, after ${onDate}`,
      { preset: name, date: onDate, earliest },
    );
  }
  return effective;
}

/**
 * Lists the presets by name, each with its versions oldest first, for documentation and pickers.
 *
 * @param presets - the list to summarise (default {@link KPI_PRESETS})
 * @returns one summary per name, sorted by name
 * @throws {@link KpiContractError} `arguments-invalid` for a list that is not one of presets
 * @example
 * ```ts
 * listPresets().map((p) => p.name); // ["amazon-sb-acos", "amazon-sb-roas", …, "tiktok-shop-negative-review-rate"]
 * listPresets().find((p) => p.name === "tiktok-shop-negative-review-rate")?.versions.length; // 2
 * ```
 */
export function listPresets(presets: readonly KpiPreset[] = KPI_PRESETS): readonly PresetSummary[] {
  checkPresets("listPresets", presets);
  return knownNames(presets).map((name) => {
    const versions = presets
      .filter((p) => p.name === name)
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
    const latest = versions[versions.length - 1] as KpiPreset;
    return {
      name,
      kpi: latest.kpi,
      description: latest.description,
      versions: versions.map((v) => ({ effectiveFrom: v.effectiveFrom, scope: v.scope, source: v.source })),
    };
  });
}
