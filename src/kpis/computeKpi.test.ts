import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { KPI_CATALOGUE } from "./catalogue.js";
import { computeKpi, safeComputeKpi } from "./computeKpi.js";
import type { KpiDefinition } from "./types.js";

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KpiContractError) return error;
    throw error;
  }
  throw new Error("expected a KpiContractError");
}

describe("computeKpi", () => {
  test("takes an id or a definition", () => {
    const byDefinition = computeKpi(KPI_CATALOGUE.acos as KpiDefinition, facts);
    expect(byDefinition).toEqual(computeKpi("acos", facts));
  });

  test("accepts untrusted facts with numbers in decimal fields, converted exactly", () => {
    const input = { ...facts, ads: { spend: 0.1, attributed: { "14d": { sales: 0.3 } } } };
    const result = computeKpi("acos", input);
    expect(result.value).toBe("0.3333333333333333333333333333333333");
    expect(result.trace?.substituted).toBe("0.1 ÷ 0.3");
  });

  test("unknown KPI: kpi-unknown", () => {
    const error = thrown(() => computeKpi("revenue", facts));
    expect(error.code).toBe("kpi-unknown");
    expect(error.params.kpi).toBe("revenue");
  });

  test("invalid facts: facts-invalid listing every issue with its path", () => {
    const error = thrown(() =>
      computeKpi("acos", { ...facts, currency: "XXY", ads: { spend: "1e3", clicks: -1 }, extra: 1 }),
    );
    expect(error.code).toBe("facts-invalid");
    expect(error.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["currency", "ads.spend", "ads.clicks", ""]),
    );
    expect(error.issues.find((i) => i.path.join(".") === "ads.spend")?.code).toBe("decimal-invalid");
  });

  test("unknown knob: scope-invalid naming the knob and the KPI's knobs", () => {
    const error = thrown(() => computeKpi("acos", facts, { window: "7d" }));
    expect(error.code).toBe("scope-invalid");
    expect(error.params.kpi).toBe("acos");
    expect(error.issues).toEqual([
      {
        code: "knob-unknown",
        path: ["scope", "window"],
        message: 'Unknown knob "window" for KPI acos; its knobs are attributionWindow, minSample',
      },
    ]);
    expect(error.params.issues).toEqual(error.issues);
  });

  test("bad knob value: scope-invalid naming the knob and the allowed values", () => {
    const error = thrown(() => computeKpi("gmv", facts, { refunds: "net" }));
    expect(error.code).toBe("scope-invalid");
    expect(error.issues).toEqual([
      {
        code: "knob-invalid",
        path: ["scope", "refunds"],
        message: 'Knob "refunds" must be one of "include", "exclude"; received "net" (KPI gmv)',
      },
    ]);
  });

  test("bad and unknown knobs are reported together", () => {
    const error = thrown(() =>
      computeKpi("negativeReviewRate", facts, { maxStars: "2", stars: 1, minSample: -1 }),
    );
    expect(error.issues.map((i) => [i.code, i.path.join(".")])).toEqual(
      expect.arrayContaining([
        ["knob-invalid", "scope.maxStars"],
        ["knob-invalid", "scope.minSample"],
        ["knob-unknown", "scope.stars"],
      ]),
    );
    expect(error.message).toContain('Knob "maxStars" must be one of 2, 1, 3; received "2"');
  });

  test("a scope that is not an object is refused", () => {
    expect(thrown(() => computeKpi("gmv", facts, [] as unknown as Record<string, unknown>)).code).toBe(
      "scope-invalid",
    );
  });

  test("a custom compute function returning NaN is refused: kpi-result-invalid", () => {
    const broken: KpiDefinition = {
      ...(KPI_CATALOGUE.acos as KpiDefinition),
      compute: () => ({ value: "NaN", unit: "ratio", trace: {} as never }),
    };
    expect(thrown(() => computeKpi(broken, facts)).code).toBe("kpi-result-invalid");
  });

  test("a custom value is normalised", () => {
    const padded: KpiDefinition = {
      ...(KPI_CATALOGUE.acos as KpiDefinition),
      compute: () => ({ value: "1.500", unit: "ratio", trace: {} as never }),
    };
    expect(computeKpi(padded, facts).value).toBe("1.5");
  });

  test("does not mutate its arguments", () => {
    const input = structuredClone(facts);
    const scope = { refunds: "exclude" };
    computeKpi("gmv", input, scope);
    expect(input).toEqual(facts);
    expect(scope).toEqual({ refunds: "exclude" });
  });
});

describe("safeComputeKpi", () => {
  test("returns the result", () => {
    expect(safeComputeKpi("acos", facts)).toEqual({ success: true, data: computeKpi("acos", facts) });
  });

  test("returns the error instead of throwing", () => {
    const result = safeComputeKpi("acos", facts, { window: "7d" });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.code).toBe("scope-invalid");
  });
});
