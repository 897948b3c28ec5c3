import { describe, expect, it } from "vitest";
import * as z from "zod";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { computeKpi, safeComputeKpi } from "./computeKpi.js";
import { defineKpi } from "./defineKpi.js";
import type { KpiResult } from "./types.js";

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KpiContractError) return error;
    throw error;
  }
  throw new Error("expected a KpiContractError");
}

/** A KPI whose compute is given by the test. */
function custom(compute: () => KpiResult | string) {
  return defineKpi({
    id: "custom",
    unit: "count",
    polarity: "higher-is-better",
    description: "A KPI whose compute the test chooses",
    reads: () => ["sales.orders"],
    compute,
  });
}

describe("computeKpi on unusual scopes", () => {
  it("reads a null scope as the default scope", () => {
    expect(computeKpi("acos", facts, null as never)).toEqual(computeKpi("acos", facts, {}));
  });

  it("reports a rule across knobs, which names no knob, at the scope", () => {
    const ranged = defineKpi({
      id: "ranged",
      unit: "count",
      polarity: "higher-is-better",
      description: "A KPI whose scope has a rule across knobs",
      scopeSchema: z
        .strictObject({ low: z.number().default(1), high: z.number().default(2) })
        .refine((s) => s.low <= s.high, { message: "low must not exceed high" }),
      knobs: ["low", "high"],
      reads: () => ["sales.orders"],
      compute: () => "1",
    });
    const error = thrown(() => computeKpi(ranged, facts, { low: 3, high: 2 }));
    expect(error.code).toBe("scope-invalid");
    expect(error.issues).toEqual([
      { code: "knob-invalid", path: ["scope"], message: 'Knob "" of KPI ranged: low must not exceed high' },
    ]);
  });
});

describe("computeKpi on what a compute function returns", () => {
  it("refuses a null value with a reason that is not one of the three", () => {
    const kpi = custom(() => ({ value: null, unit: "count", reason: "no-idea" }) as unknown as KpiResult);
    const error = thrown(() => computeKpi(kpi, facts));
    expect(error.code).toBe("kpi-result-invalid");
    expect(error.message).toBe(
      'KPI custom returned null with reason "no-idea"; a value is a decimal string or null with a reason',
    );
    expect(error.params).toEqual({ kpi: "custom" });
  });

  it("keeps a null value with a known reason", () => {
    const result = { value: null, unit: "count", reason: "insufficient-data" } as const;
    expect(
      computeKpi(
        custom(() => result),
        facts,
      ),
    ).toEqual(result);
  });
});

describe("safeComputeKpi", () => {
  it("returns a KpiContractError as a failure", () => {
    const r = safeComputeKpi(
      custom(() => "NaN"),
      facts,
    );
    expect(r.success).toBe(false);
    expect(r.success ? undefined : r.error.code).toBe("kpi-result-invalid");
  });

  it("lets any other error through: it is a bug in the compute function", () => {
    const kpi = custom(() => {
      throw new TypeError("compute is broken");
    });
    expect(() => safeComputeKpi(kpi, facts)).toThrow(new TypeError("compute is broken"));
  });
});
