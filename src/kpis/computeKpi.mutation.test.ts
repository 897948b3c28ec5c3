import { describe, expect, test } from "vitest";
import { periodFactsSchema } from "../facts/schema.js";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { KPI_CATALOGUE } from "./catalogue.js";
import { computeKpi, computeKpiParsed, safeComputeKpi } from "./computeKpi.js";
import type { KpiDefinition, KpiResult } from "./types.js";

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KpiContractError) return e;
    throw e;
  }
  throw new Error("expected a KpiContractError");
}

/** ACoS with its compute function replaced. */
const returning = (result: unknown): KpiDefinition => ({
  ...(KPI_CATALOGUE.acos as KpiDefinition),
  id: "custom",
  compute: () => result as KpiResult,
});

describe("computeKpi: refusals, with their messages and params", () => {
  test("invalid facts: the message lists each issue, params carry them", () => {
    const error = thrown(() => computeKpi("acos", { ...facts, currency: "usd" }));
    expect(error.code).toBe("facts-invalid");
    expect(error.issues.map((i) => i.path)).toEqual([["currency"]]);
    expect(error.params).toEqual({ issues: error.issues });
    expect(error.message.split("\n")[0]).toBe("Invalid period facts:");
    expect(error.message.split("\n")[1]).toContain("currency");
  });

  test("an unknown knob on a KPI without knobs says it takes none", () => {
    const error = thrown(() => computeKpi("adSpend", facts, { window: "7d" }));
    expect(error.issues).toEqual([
      {
        code: "knob-unknown",
        path: ["scope", "window"],
        message: 'Unknown knob "window" for KPI adSpend; it takes no knobs',
      },
    ]);
    expect(error.message).toBe(
      'Invalid scope for KPI adSpend:\nscope.window: Unknown knob "window" for KPI adSpend; it takes no knobs',
    );
    expect(error.params).toEqual({ kpi: "adSpend", issues: error.issues });
  });

  test("a bad minSample names the knob and the KPI before zod's message", () => {
    const error = thrown(() => computeKpi("acos", facts, { minSample: "-1" }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: "knob-invalid", path: ["scope", "minSample"] });
    expect(error.issues[0]?.message.startsWith('Knob "minSample" of KPI acos: ')).toBe(true);
  });

  test("a scope that is not an object is one scope-invalid issue at scope", () => {
    for (const scope of [[], "14d"]) {
      const error = thrown(() => computeKpi("acos", facts, scope as never));
      expect(error.issues).toEqual([
        { code: "scope-invalid", path: ["scope"], message: "A scope is an object of knobs" },
      ]);
      expect(error.message).toBe("Invalid scope for KPI acos:\nscope: A scope is an object of knobs");
    }
  });

  test("a comparison that is not a decimal is comparison-invalid at comparison", () => {
    const error = thrown(() => computeKpi("salesGrowth", facts, {}, { comparison: "1e3" }));
    expect(error.code).toBe("comparison-invalid");
    expect(error.issues.map((i) => i.path)).toEqual([["comparison"]]);
    expect(error.params).toEqual({ issues: error.issues });
    expect(
      error.message.startsWith(
        'Invalid comparison (period facts of the comparison period, or a stated GMV as a decimal string such as "30720.00"):\ncomparison: ',
      ),
    ).toBe(true);
  });

  test("invalid comparison facts are comparison-invalid under comparison", () => {
    const error = thrown(() =>
      computeKpi("salesGrowth", facts, {}, { comparison: { ...facts, currency: "usd" } }),
    );
    expect(error.code).toBe("comparison-invalid");
    expect(error.issues.map((i) => i.path)).toEqual([["comparison", "currency"]]);
  });

  test.each([null, [], true])("a comparison of neither form (%s) names both forms", (comparison) => {
    const error = thrown(() => computeKpi("salesGrowth", facts, {}, { comparison: comparison as never }));
    expect(error.code).toBe("comparison-invalid");
    expect(error.issues).toEqual([
      {
        code: "invalid_type",
        path: ["comparison"],
        message: `Expected period facts of the comparison period, or a stated GMV as a decimal string such as "30720.00", received ${comparison === null ? "null" : Array.isArray(comparison) ? "[]" : "true"}`,
      },
    ]);
  });

  test("comparison facts in another currency: currency-mismatch naming both", () => {
    const error = thrown(() =>
      computeKpi("salesGrowth", facts, {}, { comparison: { ...facts, currency: "EUR" } }),
    );
    expect(error.code).toBe("currency-mismatch");
    expect(error.message).toBe(
      "The comparison facts are in EUR but the facts in USD; convert them first (convertFacts)",
    );
    expect(error.params).toEqual({ currencies: ["USD", "EUR"] });
  });

  test("a comparison number or decimal string is taken as a stated GMV", () => {
    // SPEC facts' GMV with the default scope is 44160; 44160 ÷ 40000 − 1 = 0.104
    expect(computeKpi("salesGrowth", facts, { refunds: "exclude" }, { comparison: 40000 }).value).toBe(
      "0.104",
    );
    expect(computeKpi("salesGrowth", facts, { refunds: "exclude" }, { comparison: "40000.00" }).value).toBe(
      "0.104",
    );
  });
});

describe("computeKpi: what a compute function may return", () => {
  test("null with each of the three reasons is passed through", () => {
    for (const reason of ["zero-denominator", "missing-facts", "insufficient-data"]) {
      const result = { value: null, unit: "ratio", reason };
      expect(computeKpi(returning(result), facts)).toBe(result);
    }
  });

  test("a normalised value is passed through as the same object", () => {
    const result = { value: "1.5", unit: "ratio", trace: {} };
    expect(computeKpi(returning(result), facts)).toBe(result);
  });

  test("null with another reason is refused, naming the reason", () => {
    const error = thrown(() =>
      computeKpi(returning({ value: null, unit: "ratio", reason: "no-data" }), facts),
    );
    expect(error.code).toBe("kpi-result-invalid");
    expect(error.message).toBe(
      'KPI custom returned null with reason "no-data"; a value is a decimal string or null with a reason',
    );
    expect(error.params).toEqual({ kpi: "custom" });
  });

  test("a value that is not a decimal string is refused, as written", () => {
    expect(thrown(() => computeKpi(returning({ value: "1e3", unit: "ratio" }), facts)).message).toBe(
      'KPI custom returned "1e3"; a value is a decimal string or null with a reason',
    );
  });
});

describe("computeKpiParsed", () => {
  const parsed = periodFactsSchema.parse.bind(periodFactsSchema);

  test("checks the scope and the result like computeKpi", () => {
    const definition = KPI_CATALOGUE.acos as KpiDefinition;
    expect(computeKpiParsed(definition, parsed(facts), { attributionWindow: "7d" }).value).toBe(
      "0.2307692307692307692307692307692308",
    );
    expect(thrown(() => computeKpiParsed(definition, parsed(facts), { window: "7d" })).code).toBe(
      "scope-invalid",
    );
    expect(thrown(() => computeKpiParsed(returning({ value: "NaN" }), parsed(facts))).code).toBe(
      "kpi-result-invalid",
    );
  });

  test("a frozen scope is parsed once per definition, and its parse is frozen", () => {
    const seen: unknown[] = [];
    const spy: KpiDefinition = {
      ...(KPI_CATALOGUE.acos as KpiDefinition),
      compute: (f, scope, context) => {
        seen.push(scope);
        return (KPI_CATALOGUE.acos as KpiDefinition).compute(f, scope, context);
      },
    };
    const scope = Object.freeze({ attributionWindow: "7d" });
    computeKpiParsed(spy, parsed(facts), scope);
    computeKpiParsed(spy, parsed(facts), scope);
    expect(seen[1]).toBe(seen[0]);
    expect(Object.isFrozen(seen[0])).toBe(true);
    expect(seen[0]).toEqual({ attributionWindow: "7d" });
    // An unfrozen scope is parsed each time, and the parse is left unfrozen.
    const open = { attributionWindow: "7d" };
    computeKpiParsed(spy, parsed(facts), open);
    computeKpiParsed(spy, parsed(facts), open);
    expect(seen[3]).not.toBe(seen[2]);
    expect(Object.isFrozen(seen[2])).toBe(false);
    // The same frozen scope on another definition is parsed for that definition.
    const other: KpiDefinition = { ...spy };
    computeKpiParsed(other, parsed(facts), scope);
    expect(seen[4]).not.toBe(seen[0]);
    expect(seen[4]).toEqual(seen[0]);
  });
});

describe("safeComputeKpi", () => {
  test("passes on what is not a KpiContractError", () => {
    const boom = returning(undefined);
    boom.compute = () => {
      throw new TypeError("boom");
    };
    expect(() => safeComputeKpi(boom, facts)).toThrow(TypeError);
  });
});
