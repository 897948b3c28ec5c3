import { describe, expect, test } from "vitest";
import { KpiContractError } from "../values/KpiContractError.js";
import { getKpiDefinition, isCatalogueKpi, KPI_CATALOGUE, listKpis } from "./catalogue.js";
import type { KpiDefinition } from "./types.js";

/** SPEC §3, row for row: id, unit, polarity, knobs with their defaults (the first value listed). */
const SPEC_TABLE: [string, string, string, Record<string, unknown>][] = [
  [
    "gmv",
    "money",
    "higher-is-better",
    {
      refunds: "include",
      refundTiming: "refund-date",
      cancelled: "exclude",
      tax: "exclude",
      shipping: "exclude",
    },
  ],
  ["orders", "count", "higher-is-better", {}],
  [
    "averageOrderValue",
    "money",
    "higher-is-better",
    {
      refunds: "include",
      refundTiming: "refund-date",
      cancelled: "exclude",
      tax: "exclude",
      shipping: "exclude",
    },
  ],
  [
    "salesGrowth",
    "ratio",
    "higher-is-better",
    {
      refunds: "include",
      refundTiming: "refund-date",
      cancelled: "exclude",
      tax: "exclude",
      shipping: "exclude",
      comparison: "previous-period",
    },
  ],
  ["adSpend", "money", "lower-is-better", {}],
  ["acos", "ratio", "lower-is-better", { attributionWindow: "14d" }],
  ["roas", "ratio", "higher-is-better", { attributionWindow: "14d" }],
  [
    "tacos",
    "ratio",
    "lower-is-better",
    {
      refunds: "include",
      refundTiming: "refund-date",
      cancelled: "exclude",
      tax: "exclude",
      shipping: "exclude",
    },
  ],
  [
    "conversionRate",
    "ratio",
    "higher-is-better",
    { source: "all", count: "orders", attributionWindow: "14d" },
  ],
  ["clickThroughRate", "ratio", "higher-is-better", {}],
  ["negativeReviewRate", "ratio", "lower-is-better", { maxStars: 2, denominator: "reviews" }],
  ["reviewRate", "ratio", "higher-is-better", { per: "orders" }],
  ["averageRating", "stars", "higher-is-better", {}],
  ["returnRate", "ratio", "lower-is-better", { basis: "units" }],
  ["refundRate", "ratio", "lower-is-better", { refundTiming: "refund-date" }],
  ["inventoryTurnover", "ratio", "higher-is-better", { basis: "cost", annualize: false }],
  ["daysOfInventory", "days", "lower-is-better", { basis: "cost" }],
  ["sellThroughRate", "ratio", "higher-is-better", {}],
  ["listingOptimizationRate", "ratio", "higher-is-better", {}],
  [
    "grossProfit",
    "money",
    "higher-is-better",
    {
      adSpendAsCost: true,
      refundTiming: "refund-date",
      cancelled: "exclude",
      tax: "exclude",
      shipping: "exclude",
    },
  ],
  [
    "grossMargin",
    "ratio",
    "higher-is-better",
    {
      adSpendAsCost: true,
      refundTiming: "refund-date",
      cancelled: "exclude",
      tax: "exclude",
      shipping: "exclude",
    },
  ],
  ["responseRate", "ratio", "higher-is-better", {}],
];

describe("KPI_CATALOGUE", () => {
  test("holds exactly the SPEC §3 KPIs in SPEC order", () => {
    expect(listKpis().map((k) => k.id)).toEqual(SPEC_TABLE.map((row) => row[0]));
    expect(Object.isFrozen(KPI_CATALOGUE)).toBe(true);
  });

  test.each(SPEC_TABLE)(
    "%s: unit %s, %s, knobs and defaults as in the SPEC",
    (id, unit, polarity, defaults) => {
      const kpi = KPI_CATALOGUE[id] as KpiDefinition;
      expect(kpi.id).toBe(id);
      expect(kpi.unit).toBe(unit);
      expect(kpi.polarity).toBe(polarity);
      expect(kpi.knobs).toEqual(Object.keys(defaults));
      expect(kpi.scopeSchema.parse({})).toEqual(defaults);
      expect(Object.isFrozen(kpi)).toBe(true);
      expect(kpi.description.length).toBeGreaterThan(10);
    },
  );

  test("every ratio KPI takes minSample; minSample is never a knob a contract must state", () => {
    for (const kpi of listKpis()) {
      if (kpi.unit === "ratio") expect(kpi.minSample, kpi.id).toBe(true);
      expect(kpi.knobs).not.toContain("minSample");
      expect(kpi.scopeSchema.safeParse({ minSample: "2" }).success, kpi.id).toBe(kpi.minSample === true);
    }
  });

  test("shares of a whole are flagged", () => {
    const shares = listKpis()
      .filter((k) => k.shareOfWhole !== undefined && k.shareOfWhole !== false)
      .map((k) => k.id);
    expect(shares).toEqual([
      "conversionRate",
      "clickThroughRate",
      "negativeReviewRate",
      "sellThroughRate",
      "listingOptimizationRate",
      "grossMargin",
      "responseRate",
    ]);
  });
});

describe("getKpiDefinition", () => {
  const custom = { ...(KPI_CATALOGUE.acos as KpiDefinition), id: "contribution" };

  test("finds catalogue and custom KPIs", () => {
    expect(getKpiDefinition("acos")).toBe(KPI_CATALOGUE.acos);
    expect(getKpiDefinition("contribution", [custom])).toBe(custom);
    expect(isCatalogueKpi("acos")).toBe(true);
    expect(isCatalogueKpi("toString")).toBe(false);
  });

  test("an unknown id: kpi-unknown listing the known ids", () => {
    try {
      getKpiDefinition("revenue", [custom]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KpiContractError);
      expect((e as KpiContractError).code).toBe("kpi-unknown");
      expect((e as KpiContractError).params.known).toContain("contribution");
    }
  });
});
