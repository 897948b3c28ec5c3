import { describe, expect, expectTypeOf, test } from "vitest";
import * as z from "zod";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { computeKpi } from "./computeKpi.js";
import { type DefineKpiSpec, defineKpi } from "./defineKpi.js";
import { minSampleKnob } from "./internal/knobs.js";

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KpiContractError) return error;
    throw error;
  }
  throw new Error("expected a KpiContractError");
}

/** Orders above a floor, never below 0: a max() that JSON expressions cannot say. */
const ordersOverFloor = defineKpi({
  id: "ordersOverFloor",
  unit: "count",
  polarity: "higher-is-better",
  description: "Orders above the floor, or 0",
  scopeSchema: z.strictObject({ floor: z.int().nonnegative().default(0) }),
  knobs: ["floor"],
  reads: () => ["sales.orders"],
  compute: (f, scope) => {
    expectTypeOf(scope).toEqualTypeOf<{ floor: number }>();
    const orders = f.sales?.orders;
    if (orders === undefined) {
      return { value: null, unit: "count", reason: "missing-facts", missing: ["sales.orders"] };
    }
    return String(Math.max(orders - scope.floor, 0));
  },
});

describe("defineKpi", () => {
  test("a compute function with a typed scope: max(1,200 − 1,000, 0) = 200", () => {
    expect(computeKpi(ordersOverFloor, facts, { floor: 1000 })).toEqual({
      value: "200",
      unit: "count",
      trace: {
        kpi: "ordersOverFloor",
        formula: "ordersOverFloor(sales.orders)",
        substituted: "ordersOverFloor(1200)",
        inputs: { "sales.orders": "1200" },
        steps: [{ name: "ordersOverFloor", value: "200" }],
        scope: { floor: 1000 },
      },
    });
  });

  test("the default scope comes from the schema: max(1,200 − 0, 0) = 1,200; above the orders gives 0", () => {
    expect(computeKpi(ordersOverFloor, facts).value).toBe("1200");
    expect(computeKpi(ordersOverFloor, facts, { floor: 5000 }).value).toBe("0");
  });

  test("a full result passes through, and the definition is frozen", () => {
    expect(computeKpi(ordersOverFloor, { ...facts, sales: {} })).toEqual({
      value: null,
      unit: "count",
      reason: "missing-facts",
      missing: ["sales.orders"],
    });
    expect(Object.isFrozen(ordersOverFloor)).toBe(true);
    expect(Object.isFrozen(ordersOverFloor.knobs)).toBe(true);
    expect(ordersOverFloor).toMatchObject({
      id: "ordersOverFloor",
      unit: "count",
      polarity: "higher-is-better",
      knobs: ["floor"],
    });
  });

  test("a bad knob value is scope-invalid through computeKpi", () => {
    expect(thrown(() => computeKpi(ordersOverFloor, facts, { floor: -1 })).code).toBe("scope-invalid");
  });

  test("usable by id through customKpis", () => {
    expect(
      computeKpi("ordersOverFloor", facts, { floor: 100 }, { customKpis: [ordersOverFloor] }).value,
    ).toBe("1100");
  });

  test("without a scope schema there are no knobs", () => {
    const spend = defineKpi({
      id: "spendAgain",
      unit: "money",
      polarity: "lower-is-better",
      description: "Ad spend",
      reads: () => ["ads.spend"],
      compute: (f) => f.ads?.spend ?? "0",
    });
    expect(spend.knobs).toEqual([]);
    expect(computeKpi(spend, facts).value).toBe("9000");
    expect(thrown(() => computeKpi(spend, facts, { x: 1 })).issues[0]?.code).toBe("knob-unknown");
  });

  test("minSample and shareOfWhole are carried", () => {
    const share = defineKpi({
      id: "answeredShare",
      unit: "ratio",
      polarity: "higher-is-better",
      description: "Answered within 24 h ÷ inquiries, by integer arithmetic on the SPEC facts",
      scopeSchema: z.strictObject({ minSample: minSampleKnob }),
      minSample: true,
      shareOfWhole: true,
      reads: () => ["service.answeredWithin24h", "service.inquiries"],
      compute: () => "0.5",
    });
    expect(share).toMatchObject({ minSample: true, shareOfWhole: true });
  });

  test("a compute returning NaN is refused by computeKpi", () => {
    const bad = defineKpi({
      id: "bad",
      unit: "ratio",
      polarity: "higher-is-better",
      description: "Broken",
      reads: () => [],
      compute: () => "NaN",
    });
    expect(thrown(() => computeKpi(bad, facts)).code).toBe("kpi-result-invalid");
  });
});

describe("defineKpi errors: kpi-definition-invalid with every issue", () => {
  const base: DefineKpiSpec<Record<string, never>> = {
    id: "myKpi",
    unit: "ratio",
    polarity: "higher-is-better",
    description: "A KPI",
    reads: () => [],
    compute: () => "1",
  };
  const codesOf = (spec: unknown) => {
    const error = thrown(() => defineKpi(spec as DefineKpiSpec<Record<string, never>>));
    expect(error.code).toBe("kpi-definition-invalid");
    return error.issues.map((i) => [i.code, i.path.join(".")]);
  };

  test("a catalogue id", () => {
    expect(codesOf({ ...base, id: "gmv" })).toEqual([["kpi-id-reserved", "id"]]);
  });

  test("a malformed id", () => {
    expect(codesOf({ ...base, id: "bad id" })).toEqual([["kpi-id-invalid", "id"]]);
    expect(codesOf({ ...base, id: "__proto__" })).toEqual([["kpi-id-invalid", "id"]]);
  });

  test("bad unit, polarity, description, reads and compute (JavaScript callers)", () => {
    expect(
      codesOf({ id: "x", unit: "percent", polarity: "up", description: " ", reads: [], compute: "1" }),
    ).toEqual([
      ["unit-invalid", "unit"],
      ["polarity-invalid", "polarity"],
      ["description-invalid", "description"],
      ["reads-invalid", "reads"],
      ["compute-invalid", "compute"],
    ]);
  });

  test("a scope schema that needs a knob stated", () => {
    expect(codesOf({ ...base, scopeSchema: z.strictObject({ floor: z.int() }), knobs: ["floor"] })).toEqual([
      ["scope-schema-invalid", "scopeSchema"],
    ]);
  });

  test("knobs the schema lacks, minSample listed, minSample without the knob", () => {
    expect(
      codesOf({
        ...base,
        scopeSchema: z.strictObject({ floor: z.int().default(0) }),
        knobs: ["floor", "ceiling", "minSample"],
        minSample: true,
      }),
    ).toEqual([
      ["knob-invalid", "knobs.1"],
      ["knob-invalid", "knobs.2"],
      ["knob-invalid", "minSample"],
    ]);
    expect(codesOf({ ...base, knobs: ["floor"] })).toEqual([["knob-invalid", "knobs.0"]]);
  });

  test("reads naming something that is not a fact path", () => {
    expect(codesOf({ ...base, reads: () => ["sales.orders", "sales.revenue"] })).toEqual([
      ["fact-path-unknown", "reads.1"],
    ]);
  });

  test("the error names the id", () => {
    expect(thrown(() => defineKpi({ ...base, id: "gmv" })).params).toEqual({ kpi: "gmv" });
  });
});
