import { refuse } from "../internal/issues.js";
import { describeInput } from "../values/decimal.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { acosKpi } from "./acos.js";
import { adSpendKpi } from "./adSpend.js";
import { averageOrderValueKpi } from "./averageOrderValue.js";
import { averageRatingKpi } from "./averageRating.js";
import { clickThroughRateKpi } from "./clickThroughRate.js";
import { conversionRateKpi } from "./conversionRate.js";
import { daysOfInventoryKpi } from "./daysOfInventory.js";
import { gmvKpi } from "./gmv.js";
import { grossMarginKpi } from "./grossMargin.js";
import { grossProfitKpi } from "./grossProfit.js";
import { inventoryTurnoverKpi } from "./inventoryTurnover.js";
import { listingOptimizationRateKpi } from "./listingOptimizationRate.js";
import { negativeReviewRateKpi } from "./negativeReviewRate.js";
import { ordersKpi } from "./orders.js";
import { refundRateKpi } from "./refundRate.js";
import { responseRateKpi } from "./responseRate.js";
import { returnRateKpi } from "./returnRate.js";
import { reviewRateKpi } from "./reviewRate.js";
import { roasKpi } from "./roas.js";
import { salesGrowthKpi } from "./salesGrowth.js";
import { sellThroughRateKpi } from "./sellThroughRate.js";
import { tacosKpi } from "./tacos.js";
import type { KpiDefinition } from "./types.js";

/** The catalogue's KPIs in SPEC §3 order. */
const DEFINITIONS = [
  gmvKpi,
  ordersKpi,
  averageOrderValueKpi,
  salesGrowthKpi,
  adSpendKpi,
  acosKpi,
  roasKpi,
  tacosKpi,
  conversionRateKpi,
  clickThroughRateKpi,
  negativeReviewRateKpi,
  reviewRateKpi,
  averageRatingKpi,
  returnRateKpi,
  refundRateKpi,
  inventoryTurnoverKpi,
  daysOfInventoryKpi,
  sellThroughRateKpi,
  listingOptimizationRateKpi,
  grossProfitKpi,
  grossMarginKpi,
  responseRateKpi,
] as const;

/** The id of a catalogue KPI. */
export type KpiId = (typeof DEFINITIONS)[number]["id"];

/**
 * The KPI catalogue of SPEC §3: id → definition, frozen.
 *
 * @example
 * ```ts
 * KPI_CATALOGUE.acos.unit;     // "ratio"
 * KPI_CATALOGUE.acos.polarity; // "lower-is-better"
 * ```
 */
export const KPI_CATALOGUE: Readonly<Record<KpiId, KpiDefinition>> = Object.freeze(
  Object.fromEntries(DEFINITIONS.map((d): [string, KpiDefinition] => [d.id, d])) as Record<
    KpiId,
    KpiDefinition
  >,
);

const BY_ID: Readonly<Record<string, KpiDefinition | undefined>> = KPI_CATALOGUE;

/**
 * Tells whether an id names a catalogue KPI (custom KPIs may not reuse these ids).
 *
 * @param id - a KPI id
 * @returns true for `"gmv"`, `"acos"`…
 * @example
 * ```ts
 * isCatalogueKpi("acos");        // true
 * isCatalogueKpi("contribution"); // false
 * ```
 */
export function isCatalogueKpi(id: string): boolean {
  return typeof id === "string" && Object.hasOwn(BY_ID, id);
}

/**
 * Tells whether a definition is the catalogue's own object, whose results are written by the
 * library itself (decimal strings in normal form, or null with one of the three reasons).
 *
 * @internal
 * @param definition - a KPI definition
 * @returns true for the catalogue's definitions only, not for a custom copy of one
 */
export function isCatalogueDefinition(definition: KpiDefinition): boolean {
  return Object.hasOwn(BY_ID, definition.id) && BY_ID[definition.id] === definition;
}

/**
 * {@link getKpiDefinition} without its checks: the catalogue's definition, else the custom one of
 * that id, else undefined (for callers that treat an unknown id themselves).
 *
 * @internal
 * @param id - the KPI id
 * @param customKpis - custom definitions, already an array of objects
 * @returns the definition, or undefined
 */
export function findKpiDefinition(
  id: string,
  customKpis: readonly KpiDefinition[] = [],
): KpiDefinition | undefined {
  return (isCatalogueKpi(id) ? BY_ID[id] : undefined) ?? customKpis.find((k) => k.id === id);
}

/**
 * Looks a KPI up: the catalogue first, then the given custom definitions.
 *
 * @param id - the KPI id, for example `"acos"`
 * @param customKpis - custom definitions (from `customKpiFromJson` or `defineKpi`)
 * @returns the definition
 * @throws {@link KpiContractError} `kpi-unknown` naming the id and listing the known ids;
 *   `arguments-invalid` when `customKpis` is not an array of definitions
 * @example
 * ```ts
 * getKpiDefinition("acos").knobs; // ["attributionWindow"]
 * ```
 */
export function getKpiDefinition(id: string, customKpis: readonly KpiDefinition[] = []): KpiDefinition {
  if (!Array.isArray(customKpis) || !isListOfObjects(customKpis)) {
    refuse("arguments-invalid", "Invalid getKpiDefinition arguments", [
      {
        code: "invalid_type",
        path: ["customKpis"],
        message: `Expected an array of KPI definitions, received ${describeInput(customKpis)}`,
      },
    ]);
  }
  const found = findKpiDefinition(id, customKpis);
  if (found !== undefined) return found;
  const ids = [...Object.keys(KPI_CATALOGUE), ...customKpis.map((k) => k.id)];
  throw new KpiContractError(
    "kpi-unknown",
    `Unknown KPI ${describeInput(id)}; known KPIs: ${ids.join(", ")}`,
    {
      kpi: id,
      known: ids,
    },
  );
}

/**
 * Lists the catalogue's KPIs in SPEC §3 order.
 *
 * @returns the definitions
 * @example
 * ```ts
 * listKpis().map((k) => k.id); // ["gmv", "orders", "averageOrderValue", …]
 * ```
 */
export function listKpis(): readonly KpiDefinition[] {
  return Object.values(KPI_CATALOGUE);
}

/** True when every entry is an object (a hole is not: `every` would skip it). */
function isListOfObjects(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    if (typeof entry !== "object" || entry === null) return false;
  }
  return true;
}
