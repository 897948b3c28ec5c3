import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { getKpiDefinition } from "./catalogue.js";
import { computeKpi } from "./computeKpi.js";
import { KPI_PRESETS, type KpiPreset, listPresets, resolvePreset } from "./presets.js";

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
  test.each([
    ["amazon-sp-acos", "acos", { attributionWindow: "7d" }],
    ["amazon-sp-roas", "roas", { attributionWindow: "7d" }],
    ["amazon-sb-acos", "acos", { attributionWindow: "14d" }],
    ["amazon-sb-roas", "roas", { attributionWindow: "14d" }],
    ["amazon-sd-acos", "acos", { attributionWindow: "14d" }],
    ["amazon-sd-roas", "roas", { attributionWindow: "14d" }],
    [
      "amazon-unit-session-percentage",
      "conversionRate",
      { source: "all", count: "units", attributionWindow: "14d" },
    ],
    [
      "tiktok-shop-negative-review-rate",
      "negativeReviewRate",
      { maxStars: 2, denominator: "orders", minSample: "30" },
    ],
  ])("%s is %s with its scope today", (name, kpi, scope) => {
    expect(resolvePreset(name, "2026-01-01")).toMatchObject({ name, kpi, scope });
  });

  test.each(KPI_PRESETS.map((p) => [`${p.name} from ${p.effectiveFrom}`, p] as const))(
    "%s states every knob of its KPI, validly, and says where it comes from",
    (_, p) => {
      const kpi = getKpiDefinition(p.kpi);
      const stated = Object.keys(p.scope).filter((k) => k !== "minSample");
      expect(stated.sort()).toEqual([...kpi.knobs].sort());
      if ("minSample" in p.scope) expect(kpi.minSample).toBe(true);
      expect(kpi.scopeSchema.parse(p.scope)).toEqual(p.scope);
      expect(p.source.length).toBeGreaterThan(20);
      expect(p.description.length).toBeGreaterThan(20);
    },
  );

  test("versions of one name fix the same KPI and have distinct dates", () => {
    for (const { name } of listPresets()) {
      const versions = KPI_PRESETS.filter((p) => p.name === name);
      expect(new Set(versions.map((v) => v.kpi)).size).toBe(1);
      expect(new Set(versions.map((v) => v.effectiveFrom)).size).toBe(versions.length);
    }
  });

  test("presets are frozen", () => {
    expect(Object.isFrozen(KPI_PRESETS)).toBe(true);
    for (const p of KPI_PRESETS) {
      expect(Object.isFrozen(p)).toBe(true);
      expect(Object.isFrozen(p.scope)).toBe(true);
    }
  });

  test("SPEC §2 facts through the presets: SP ACoS 9,000 ÷ 39,000, SB ACoS 9,000 ÷ 42,000, USP 1,500 ÷ 24,000", () => {
    const at = (name: string) => {
      const p = resolvePreset(name, "2026-03-01");
      return computeKpi(p.kpi, facts, p.scope).value;
    };
    expect(at("amazon-sp-acos")).toBe("0.2307692307692307692307692307692308");
    expect(at("amazon-sb-acos")).toBe("0.2142857142857142857142857142857143");
    expect(at("amazon-unit-session-percentage")).toBe("0.0625");
  });

  test("TikTok's minimum of 30 orders: 2 negative reviews in 20 orders has no value from 2025-01-01", () => {
    const few = { ...facts, sales: { ...facts.sales, orders: 20 } };
    const before = resolvePreset("tiktok-shop-negative-review-rate", "2024-12-31");
    const after = resolvePreset("tiktok-shop-negative-review-rate", "2025-01-01");
    // 1 one-star + 1 two-star review = 2; 2 ÷ 20 = 0.1.
    expect(computeKpi(before.kpi, few, before.scope).value).toBe("0.1");
    expect(computeKpi(after.kpi, few, after.scope)).toMatchObject({
      value: null,
      reason: "insufficient-data",
      numerator: "2",
      denominator: "20",
    });
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
      description: "first",
    },
    {
      name: "shop-acos",
      kpi: "acos",
      scope: { attributionWindow: "14d" },
      effectiveFrom: "2026-04-01",
      source: "v2",
      description: "third",
    },
    {
      name: "shop-acos",
      kpi: "acos",
      scope: { attributionWindow: "30d" },
      effectiveFrom: "2025-06-01",
      source: "v1.5",
      description: "second",
    },
  ];

  test("a long-standing library preset resolves for any term", () => {
    expect(resolvePreset("amazon-sp-acos", "2000-01-01")).toMatchObject({
      name: "amazon-sp-acos",
      effectiveFrom: "2000-01-01",
      kpi: "acos",
      scope: { attributionWindow: "7d" },
    });
  });

  test("the library's two-version preset switches on its reference date", () => {
    expect(resolvePreset("tiktok-shop-negative-review-rate", "2024-12-31")).toMatchObject({
      effectiveFrom: "2000-01-01",
      scope: { maxStars: 2, denominator: "orders" },
    });
    expect(resolvePreset("tiktok-shop-negative-review-rate", "2024-12-31").scope).not.toHaveProperty(
      "minSample",
    );
    expect(resolvePreset("tiktok-shop-negative-review-rate", "2025-01-01")).toMatchObject({
      effectiveFrom: "2025-01-01",
      scope: { maxStars: 2, denominator: "orders", minSample: "30" },
    });
  });

  test("picks the version with the latest effectiveFrom on or before the date, in any list order", () => {
    expect(resolvePreset("shop-acos", "2026-03-31", versions).source).toBe("v1.5");
    expect(resolvePreset("shop-acos", "2026-04-01", versions).source).toBe("v2");
    expect(resolvePreset("shop-acos", "2025-05-31", versions).source).toBe("v1");
    expect(resolvePreset("shop-acos", "2024-01-01", versions).scope).toEqual({ attributionWindow: "7d" });
  });

  test("unknown name: preset-unknown listing the known names", () => {
    const error = thrown(() => resolvePreset("amazon-acos", "2026-01-01"));
    expect(error.code).toBe("preset-unknown");
    expect(error.params.preset).toBe("amazon-acos");
    expect(error.params.known).toEqual(listPresets().map((p) => p.name));
    expect(error.message).toContain("amazon-sp-acos");
  });

  test("no version yet: preset-not-effective naming the earliest date", () => {
    const error = thrown(() => resolvePreset("shop-acos", "2023-12-31", versions));
    expect(error.code).toBe("preset-not-effective");
    expect(error.params).toEqual({ preset: "shop-acos", date: "2023-12-31", earliest: "2024-01-01" });
    expect(error.message).toContain("2024-01-01");
    expect(thrown(() => resolvePreset("amazon-sp-acos", "1999-12-31")).params.earliest).toBe("2000-01-01");
  });

  test("a date that is not a date: date-invalid", () => {
    expect(thrown(() => resolvePreset("amazon-sp-acos", "2026-13-01")).code).toBe("date-invalid");
  });
});

describe("listPresets", () => {
  test("one entry per name, sorted, versions oldest first", () => {
    const list = listPresets();
    expect(list.map((p) => p.name)).toEqual([
      "amazon-sb-acos",
      "amazon-sb-roas",
      "amazon-sd-acos",
      "amazon-sd-roas",
      "amazon-sp-acos",
      "amazon-sp-roas",
      "amazon-unit-session-percentage",
      "tiktok-shop-negative-review-rate",
    ]);
    const tiktok = list.find((p) => p.name === "tiktok-shop-negative-review-rate");
    expect(tiktok?.kpi).toBe("negativeReviewRate");
    expect(tiktok?.versions.map((v) => v.effectiveFrom)).toEqual(["2000-01-01", "2025-01-01"]);
    expect(tiktok?.description).toMatch(/30 orders/);
  });

  test("a list of one's own, without touching it", () => {
    const own: KpiPreset[] = [
      { name: "b", kpi: "acos", scope: {}, effectiveFrom: "2026-01-01", source: "s2", description: "new" },
      { name: "b", kpi: "acos", scope: {}, effectiveFrom: "2025-01-01", source: "s1", description: "old" },
      { name: "a", kpi: "roas", scope: {}, effectiveFrom: "2025-01-01", source: "s", description: "a" },
    ];
    const copy = structuredClone(own);
    const list = listPresets(own);
    expect(list.map((p) => [p.name, p.description, p.versions.map((v) => v.source)])).toEqual([
      ["a", "a", ["s"]],
      ["b", "new", ["s1", "s2"]],
    ]);
    expect(own).toEqual(copy);
  });
});
