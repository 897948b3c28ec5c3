import { describe, expect, test } from "vitest";
import { KpiContractError } from "../values/KpiContractError.js";
import { getKpiDefinition } from "./catalogue.js";
import { KPI_PRESETS, type KpiPreset, resolvePreset } from "./presets.js";

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KpiContractError) return error;
    throw error;
  }
  throw new Error("expected a KpiContractError");
}

describe("KPI_PRESETS", () => {
  test("the required presets exist with their scopes", () => {
    const byName = (name: string) => KPI_PRESETS.find((p) => p.name === name);
    expect(byName("amazon-sp-acos")).toMatchObject({ kpi: "acos", scope: { attributionWindow: "7d" } });
    expect(byName("amazon-sb-acos")).toMatchObject({ kpi: "acos", scope: { attributionWindow: "14d" } });
    expect(byName("tiktok-shop-negative-review-rate")).toMatchObject({
      kpi: "negativeReviewRate",
      scope: { maxStars: 2, denominator: "orders" },
    });
  });

  test.each(KPI_PRESETS.map((p) => [p.name, p] as const))(
    "%s states every knob of its KPI, validly",
    (_, p) => {
      const kpi = getKpiDefinition(p.kpi);
      expect(Object.keys(p.scope).sort()).toEqual([...kpi.knobs].sort());
      expect(kpi.scopeSchema.parse(p.scope)).toEqual(p.scope);
      expect(p.source.length).toBeGreaterThan(10);
    },
  );

  test("presets are frozen", () => {
    expect(Object.isFrozen(KPI_PRESETS)).toBe(true);
    for (const p of KPI_PRESETS) {
      expect(Object.isFrozen(p)).toBe(true);
      expect(Object.isFrozen(p.scope)).toBe(true);
    }
  });
});

describe("resolvePreset", () => {
  const versions: KpiPreset[] = [
    {
      name: "shop-acos",
      kpi: "acos",
      scope: { attributionWindow: "7d" },
      effectiveFrom: "2024-01-01",
      source: "v1",
    },
    {
      name: "shop-acos",
      kpi: "acos",
      scope: { attributionWindow: "14d" },
      effectiveFrom: "2026-04-01",
      source: "v2",
    },
    {
      name: "shop-acos",
      kpi: "acos",
      scope: { attributionWindow: "30d" },
      effectiveFrom: "2025-06-01",
      source: "v1.5",
    },
  ];

  test("the library presets resolve for any term", () => {
    expect(resolvePreset("amazon-sp-acos", "2026-01-01")).toEqual({
      name: "amazon-sp-acos",
      effectiveFrom: "2000-01-01",
      kpi: "acos",
      scope: { attributionWindow: "7d" },
      source: expect.any(String),
    });
  });

  test("picks the version with the latest effectiveFrom on or before the date", () => {
    expect(resolvePreset("shop-acos", "2026-03-31", versions).source).toBe("v1.5");
    expect(resolvePreset("shop-acos", "2026-04-01", versions).source).toBe("v2");
    expect(resolvePreset("shop-acos", "2025-05-31", versions).source).toBe("v1");
    expect(resolvePreset("shop-acos", "2024-01-01", versions).scope).toEqual({ attributionWindow: "7d" });
  });

  test("unknown name: preset-unknown", () => {
    const error = thrown(() => resolvePreset("amazon-acos", "2026-01-01"));
    expect(error.code).toBe("preset-unknown");
    expect(error.params.known).toContain("amazon-sp-acos");
  });

  test("no version yet: preset-not-effective", () => {
    const error = thrown(() => resolvePreset("shop-acos", "2023-12-31", versions));
    expect(error.code).toBe("preset-not-effective");
    expect(error.params).toEqual({ preset: "shop-acos", date: "2023-12-31", earliest: "2024-01-01" });
  });

  test("a date that is not a date: date-invalid", () => {
    expect(thrown(() => resolvePreset("amazon-sp-acos", "2026-13-01")).code).toBe("date-invalid");
  });
});
