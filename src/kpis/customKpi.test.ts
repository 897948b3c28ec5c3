import { describe, expect, test } from "vitest";
import { z } from "zod";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { computeKpi } from "./computeKpi.js";
import {
  customKpiExpressionSchema,
  customKpiFromJson,
  customKpiSchema,
  defineKpi,
  MAX_EXPRESSION_DEPTH,
} from "./customKpi.js";

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KpiContractError) return error;
    throw error;
  }
  throw new Error("expected a KpiContractError");
}

const contributionMargin = {
  id: "contributionMargin",
  unit: "ratio",
  polarity: "higher-is-better",
  expression: { ratio: [{ difference: ["sales.gross", "costs.cogs"] }, "sales.gross"] },
} as const;

describe("customKpiFromJson", () => {
  test("a ratio of a difference: (46,000 − 15,000) ÷ 46,000 = 0.67391…", () => {
    const kpi = customKpiFromJson(contributionMargin);
    const result = computeKpi(kpi, facts);
    expect(result.value).toBe("0.6739130434782608695652173913043478");
    expect(result.trace).toMatchObject({
      kpi: "contributionMargin",
      formula: "(sales.gross − costs.cogs) ÷ sales.gross",
      substituted: "(46000.00 − 15000.00) ÷ 46000.00",
      inputs: { "sales.gross": "46000.00", "costs.cogs": "15000.00" },
    });
    expect(kpi).toMatchObject({ unit: "ratio", polarity: "higher-is-better", knobs: [], minSample: true });
    expect(kpi.description).toBe("Custom KPI: (sales.gross − costs.cogs) ÷ sales.gross");
    expect(kpi.reads({})).toEqual(["sales.gross", "costs.cogs"]);
  });

  test("sum, product and constants: (9,000 + 5,200) × 1.1 = 15,620 (money)", () => {
    const kpi = customKpiFromJson({
      id: "loadedCost",
      unit: "money",
      polarity: "lower-is-better",
      expression: { product: [{ sum: ["ads.spend", "costs.fulfilmentFees"] }, { const: 1.1 }] },
      description: "Ad spend and fulfilment with a 10% overhead",
    });
    const result = computeKpi(kpi, facts);
    expect(result.value).toBe("15620");
    expect(result.trace?.substituted).toBe("(9000.00 + 5200.00) × 1.1");
    expect(kpi.description).toBe("Ad spend and fulfilment with a 10% overhead");
  });

  test("negative constants are bracketed in the trace: 1,200 − (−3) = 1,203", () => {
    const kpi = customKpiFromJson({
      id: "k",
      unit: "count",
      polarity: "higher-is-better",
      expression: { difference: ["sales.orders", { const: "-3" }] },
    });
    expect(computeKpi(kpi, facts)).toMatchObject({ value: "1203", trace: { substituted: "1200 − (-3)" } });
  });

  test("a top-level ratio with a zero denominator is zero-denominator with both sides", () => {
    const kpi = customKpiFromJson(contributionMargin);
    expect(computeKpi(kpi, { ...facts, sales: { gross: "0" }, costs: { cogs: "0" } })).toMatchObject({
      value: null,
      reason: "zero-denominator",
      numerator: "0",
      denominator: "0",
    });
  });

  test("a nested ratio with a zero denominator makes the whole KPI zero-denominator", () => {
    const kpi = customKpiFromJson({
      id: "k",
      unit: "ratio",
      polarity: "higher-is-better",
      expression: { sum: [{ ratio: ["ads.clicks", "ads.impressions"] }, { const: "1" }] },
    });
    expect(computeKpi(kpi, { ...facts, ads: { clicks: 5, impressions: 0 } })).toMatchObject({
      reason: "zero-denominator",
      numerator: "5",
      denominator: "0",
    });
  });

  test("minSample applies to a top-level ratio's denominator", () => {
    const kpi = customKpiFromJson(contributionMargin);
    expect(computeKpi(kpi, facts, { minSample: "50000" })).toMatchObject({ reason: "insufficient-data" });
  });

  test("without a top-level ratio there is no minSample knob", () => {
    const kpi = customKpiFromJson({
      id: "k",
      unit: "money",
      polarity: "higher-is-better",
      expression: "ads.spend",
    });
    expect(kpi.minSample).toBe(false);
    expect(thrown(() => computeKpi(kpi, facts, { minSample: 1 })).issues[0]?.code).toBe("knob-unknown");
  });

  test("every missing fact is named", () => {
    const kpi = customKpiFromJson(contributionMargin);
    expect(computeKpi(kpi, { ...facts, sales: {}, costs: {} })).toMatchObject({
      reason: "missing-facts",
      missing: ["sales.gross", "costs.cogs"],
    });
  });

  test("usable by id through customKpis", () => {
    const kpi = customKpiFromJson(contributionMargin);
    expect(computeKpi("contributionMargin", facts, {}, { customKpis: [kpi] }).value).toBe(
      computeKpi(kpi, facts).value,
    );
  });

  test("invalid JSON: custom-kpi-invalid listing every issue with its JSON path", () => {
    const error = thrown(() =>
      customKpiFromJson({
        id: "acos",
        unit: "percent",
        polarity: "higher-is-better",
        expression: {
          sum: [
            "sales.revenue",
            { const: "1e3" },
            { ratio: ["ads.spend"] },
            { max: [] },
            { sum: [], product: [] },
            7,
          ],
        },
      }),
    );
    expect(error.code).toBe("custom-kpi-invalid");
    expect(error.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["kpi-id-reserved", "id"],
      ["invalid_value", "unit"],
      ["fact-path-unknown", "expression.sum.0"],
      ["decimal-invalid", "expression.sum.1.const"],
      ["expression-invalid", "expression.sum.2.ratio"],
      ["expression-invalid", "expression.sum.3"],
      ["expression-invalid", "expression.sum.4"],
      ["expression-invalid", "expression.sum.5"],
    ]);
  });

  test("deeply nested junk is refused without recursing into it", () => {
    let deep: unknown = "ads.spend";
    for (let i = 0; i < 100_000; i++) deep = { sum: [deep] };
    const result = customKpiExpressionSchema.safeParse(deep);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.path).toHaveLength(2 * MAX_EXPRESSION_DEPTH);
    expect(result.error?.issues[0]?.message).toMatch(/at most 32 levels/);
  });

  test("32 levels are fine", () => {
    let ok: unknown = "ads.spend";
    for (let i = 1; i < MAX_EXPRESSION_DEPTH; i++) ok = { sum: [ok] };
    expect(customKpiExpressionSchema.safeParse(ok).success).toBe(true);
  });

  test("huge expressions are refused", () => {
    const wide = { sum: Array.from({ length: 5000 }, () => "ads.spend") };
    expect(customKpiExpressionSchema.safeParse(wide).error?.issues[0]?.message).toMatch(/at most 1000 nodes/);
  });

  test("the schema renders to JSON Schema (for ERPs)", () => {
    const schema = JSON.stringify(z.toJSONSchema(customKpiSchema, { io: "input" }));
    expect(schema).toContain('"difference"');
    expect(schema).toContain("$ref");
  });
});

describe("defineKpi", () => {
  const unitsPerOrder = defineKpi({
    id: "unitsPerOrder",
    unit: "ratio",
    polarity: "higher-is-better",
    reads: () => ["sales.units", "sales.orders"],
    compute: (f) => (f.sales?.units === 1500 ? "1.25" : "0"),
  });

  test("a compute returning a decimal string gets a minimal trace", () => {
    expect(computeKpi(unitsPerOrder, facts)).toMatchObject({
      value: "1.25",
      trace: { kpi: "unitsPerOrder", substituted: "1.25" },
    });
    expect(unitsPerOrder.knobs).toEqual([]);
    expect(Object.isFrozen(unitsPerOrder)).toBe(true);
  });

  test("a typed scope", () => {
    const scaled = defineKpi({
      id: "scaledOrders",
      unit: "count",
      polarity: "higher-is-better",
      scopeSchema: z.strictObject({ factor: z.enum(["1", "2"]).default("1") }),
      knobs: ["factor"],
      compute: (f, scope) => String((f.sales?.orders ?? 0) * Number(scope.factor)),
    });
    expect(computeKpi(scaled, facts, { factor: "2" }).value).toBe("2400");
    expect(thrown(() => computeKpi(scaled, facts, { factor: "3" })).code).toBe("scope-invalid");
  });

  test("catalogue ids and malformed ids are refused", () => {
    const base = { unit: "ratio", polarity: "higher-is-better", compute: () => "1" } as const;
    expect(thrown(() => defineKpi({ ...base, id: "gmv" })).code).toBe("kpi-id-reserved");
    expect(thrown(() => defineKpi({ ...base, id: "bad id" })).code).toBe("kpi-id-invalid");
  });
});
