import { describe, expect, it } from "vitest";
import * as z from "zod";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { computeKpi } from "./computeKpi.js";
import { defineKpi } from "./defineKpi.js";

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KpiContractError) return error;
    throw error;
  }
  throw new Error("expected a KpiContractError");
}

describe("defineKpi: the trace of a compute that returns a bare value", () => {
  const kpi = defineKpi({
    id: "ordersAndSessions",
    unit: "count",
    polarity: "higher-is-better",
    description: "Orders, reading sessions too",
    scopeSchema: z.strictObject({ read: z.enum(["facts", "other"]).default("facts") }),
    knobs: ["read"],
    reads: (scope) => (scope.read === "facts" ? ["sales.orders", "traffic.sessions"] : ["orders.count"]),
    compute: (f) => String(f.sales?.orders ?? 0),
  });
  const { traffic: _traffic, ...noTraffic } = facts;

  it("writes missing for a fact the facts lack", () => {
    const result = computeKpi(kpi, noTraffic, { read: "facts" });
    expect(result.value).toBe("1200");
    expect(result.trace?.substituted).toBe("ordersAndSessions(1200, missing)");
    expect(result.trace?.inputs).toEqual({ "sales.orders": "1200" });
  });

  it("writes missing for a read that is not a fact path", () => {
    const result = computeKpi(kpi, facts, { read: "other" });
    expect(result.trace?.formula).toBe("ordersAndSessions(orders.count)");
    expect(result.trace?.substituted).toBe("ordersAndSessions(missing)");
    expect(result.trace?.inputs).toEqual({});
  });
});

describe("defineKpi: knobs of a scope schema that is not a plain object schema", () => {
  const piped = z.preprocess(
    (input) => input,
    z.strictObject({ floor: z.number().default(0) }),
  ) as unknown as z.ZodType<{ floor: number }, Record<string, unknown>>;
  const spec = {
    id: "ordersPiped",
    unit: "count" as const,
    polarity: "higher-is-better" as const,
    description: "Orders",
    scopeSchema: piped,
    reads: () => ["sales.orders"],
    compute: () => "1",
  };

  it("accepts a knob the schema knows", () => {
    expect(defineKpi({ ...spec, knobs: ["floor"] }).knobs).toEqual(["floor"]);
  });

  it("refuses a knob the schema does not know", () => {
    const error = thrown(() => defineKpi({ ...spec, knobs: ["ceiling"] }));
    expect(error.code).toBe("kpi-definition-invalid");
    expect(error.issues).toEqual([
      { code: "knob-invalid", path: ["knobs", 0], message: 'The scope schema has no knob "ceiling"' },
    ]);
  });
});
