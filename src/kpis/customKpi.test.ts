import { describe, expect, test } from "vitest";
import * as z from "zod";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { isCatalogueKpi } from "./catalogue.js";
import { computeKpi } from "./computeKpi.js";
import {
  customKpiExpressionSchema,
  customKpiFromJson,
  customKpiSchema,
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

  test("a nested ratio with a zero denominator makes the whole KPI zero-denominator, without sides", () => {
    const kpi = customKpiFromJson({
      id: "k",
      unit: "ratio",
      polarity: "higher-is-better",
      expression: { sum: [{ ratio: ["ads.clicks", "ads.impressions"] }, { const: "1" }] },
    });
    const result = computeKpi(kpi, { ...facts, ads: { clicks: 5, impressions: 0 } });
    expect(result).toMatchObject({
      value: null,
      reason: "zero-denominator",
      trace: { formula: "ads.clicks ÷ ads.impressions", substituted: "5 ÷ 0" },
    });
    // The sides of an inner division are not the KPI's numerator and denominator.
    expect(result).not.toHaveProperty("numerator");
    expect(result).not.toHaveProperty("denominator");
  });

  test("a zero inner denominator under a top-level ratio is also without sides", () => {
    const kpi = customKpiFromJson({
      id: "k",
      unit: "ratio",
      polarity: "lower-is-better",
      expression: { ratio: ["ads.spend", { ratio: ["sales.gross", "sales.orders"] }] },
    });
    const result = computeKpi(kpi, { ...facts, sales: { gross: "0.00", orders: 0 } });
    expect(result).toMatchObject({ value: null, reason: "zero-denominator" });
    expect(result).not.toHaveProperty("numerator");
  });

  test("intermediate nodes are trace steps, bottom-up, then the value", () => {
    // (46,000 − 15,000) = 31,000, then 31,000 ÷ 46,000.
    const result = computeKpi(customKpiFromJson(contributionMargin), facts);
    expect(result.trace?.steps).toEqual([
      { name: "sales.gross − costs.cogs", value: "31000" },
      { name: "contributionMargin", value: "0.6739130434782608695652173913043478" },
    ]);
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

describe("one worked example per node kind (SPEC §2 facts, Amazon US, March 2026)", () => {
  const run = (id: string, unit: "money" | "ratio" | "count", expression: unknown) =>
    computeKpi(customKpiFromJson({ id, unit, polarity: "higher-is-better", expression }), facts);

  test("a fact path: ads.spend = 9,000.00", () => {
    expect(run("spend", "money", "ads.spend")).toMatchObject({
      value: "9000",
      trace: { formula: "ads.spend", substituted: "9000.00", inputs: { "ads.spend": "9000.00" } },
    });
  });

  test("a constant: 2", () => {
    expect(run("two", "count", { const: "2" })).toMatchObject({
      value: "2",
      trace: { formula: "2", substituted: "2", inputs: {} },
    });
  });

  test("sum: selling costs = 9,000 + 5,200 + 6,900 = 21,100", () => {
    const result = run("sellingCosts", "money", {
      sum: ["ads.spend", "costs.fulfilmentFees", "costs.platformFees"],
    });
    expect(result).toMatchObject({
      value: "21100",
      trace: {
        formula: "ads.spend + costs.fulfilmentFees + costs.platformFees",
        substituted: "9000.00 + 5200.00 + 6900.00",
      },
    });
  });

  test("difference: net ad-driven sales = 42,000 − 9,000 = 33,000", () => {
    const result = run("netAdDrivenSales", "money", {
      difference: ["ads.attributed.14d.sales", "ads.spend"],
    });
    expect(result).toMatchObject({
      value: "33000",
      trace: { formula: "ads.attributed.14d.sales − ads.spend", substituted: "42000.00 − 9000.00" },
    });
  });

  test("ratio: refunds per order = 1,840 ÷ 1,200 = 1.5333… (34 significant digits)", () => {
    const result = run("refundsPerOrder", "money", { ratio: ["sales.refunds", "sales.orders"] });
    expect(result).toMatchObject({
      value: "1.533333333333333333333333333333333",
      trace: { formula: "sales.refunds ÷ sales.orders", substituted: "1840.00 ÷ 1200" },
    });
  });

  test("ratio with a zero denominator at the top: both sides are given", () => {
    // 0 refunds over 0 orders: no value, and a lower-is-better target sees numerator 0.
    expect(
      computeKpi(
        customKpiFromJson({
          id: "refundsPerOrder",
          unit: "money",
          polarity: "lower-is-better",
          expression: { ratio: ["sales.refunds", "sales.orders"] },
        }),
        { ...facts, sales: { refunds: "0.00", orders: 0 } },
      ),
    ).toMatchObject({ value: null, reason: "zero-denominator", numerator: "0", denominator: "0" });
  });

  test("product: units per order × 100 = 1,500 ÷ 1,200 × 100 = 125", () => {
    const result = run("unitsPer100Orders", "ratio", {
      product: [{ ratio: ["sales.units", "sales.orders"] }, { const: "100" }],
    });
    expect(result).toMatchObject({
      value: "125",
      trace: {
        formula: "sales.units ÷ sales.orders × 100",
        substituted: "1500 ÷ 1200 × 100",
        steps: [
          { name: "sales.units ÷ sales.orders", value: "1.25" },
          { name: "unitsPer100Orders", value: "125" },
        ],
      },
    });
  });

  test("minSample on a top-level ratio: 1,200 orders < 1,500 is insufficient-data", () => {
    const kpi = customKpiFromJson({
      id: "refundsPerOrder",
      unit: "money",
      polarity: "lower-is-better",
      expression: { ratio: ["sales.refunds", "sales.orders"] },
    });
    expect(computeKpi(kpi, facts, { minSample: "1500" })).toMatchObject({
      value: null,
      reason: "insufficient-data",
      numerator: "1840",
      denominator: "1200",
    });
    expect(computeKpi(kpi, facts, { minSample: "1200" }).value).toBe("1.533333333333333333333333333333333");
  });
});

describe("custom KPI validation errors", () => {
  const base = { id: "myKpi", unit: "ratio", polarity: "higher-is-better" } as const;
  const issuesOf = (json: unknown) => {
    const error = thrown(() => customKpiFromJson(json));
    expect(error.code).toBe("custom-kpi-invalid");
    expect(error.params).toEqual({});
    return error.issues.map((i) => ({ code: i.code, path: i.path }));
  };

  test("an unknown fact path is reported at its JSON path", () => {
    expect(issuesOf({ ...base, expression: { ratio: ["ads.spend", "sales.revenue"] } })).toEqual([
      { code: "fact-path-unknown", path: ["expression", "ratio", 1] },
    ]);
  });

  test("a catalogue id is refused at [id]", () => {
    expect(isCatalogueKpi("acos")).toBe(true);
    expect(issuesOf({ ...base, id: "acos", expression: "ads.spend" })).toEqual([
      { code: "kpi-id-reserved", path: ["id"] },
    ]);
  });

  test("a node with two keys", () => {
    expect(issuesOf({ ...base, expression: { sum: ["ads.spend"], product: ["ads.spend"] } })).toEqual([
      { code: "expression-invalid", path: ["expression"] },
    ]);
  });

  test("an empty sum", () => {
    expect(issuesOf({ ...base, expression: { sum: [] } })).toEqual([
      { code: "expression-invalid", path: ["expression", "sum"] },
    ]);
  });

  test("a difference of three", () => {
    expect(
      issuesOf({ ...base, expression: { difference: ["sales.gross", "costs.cogs", "costs.other"] } }),
    ).toEqual([{ code: "expression-invalid", path: ["expression", "difference"] }]);
  });

  test("depth 40: one clear issue, no stack overflow", () => {
    let deep: unknown = "ads.spend";
    for (let i = 1; i < 40; i++) deep = { sum: [deep] };
    const error = thrown(() => customKpiFromJson({ ...base, expression: deep }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: "expression-too-deep" });
    expect(error.issues[0]?.message).toMatch(/at most 32 levels/);
  });

  test("a __proto__ key from JSON.parse text is an unknown operator, and an unknown top-level key", () => {
    const inNode = JSON.parse(
      '{"id":"myKpi","unit":"ratio","polarity":"higher-is-better","expression":{"__proto__":["ads.spend"]}}',
    );
    expect(issuesOf(inNode)).toEqual([{ code: "expression-invalid", path: ["expression"] }]);
    const atTop = JSON.parse(
      '{"id":"myKpi","unit":"ratio","polarity":"higher-is-better","expression":"ads.spend","__proto__":{"id":"gmv"}}',
    );
    expect(issuesOf(atTop)).toEqual([{ code: "unrecognized_keys", path: [] }]);
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  });

  test("a bad constant, unit and polarity", () => {
    expect(issuesOf({ id: "myKpi", unit: "percent", polarity: "up", expression: { const: "abc" } })).toEqual([
      { code: "invalid_value", path: ["unit"] },
      { code: "invalid_value", path: ["polarity"] },
      { code: "decimal-invalid", path: ["expression", "const"] },
    ]);
  });
});
