import { describe, expect, it } from "vitest";
import { periodFactsSchema } from "../facts/schema.js";
import { getKpiDefinition } from "./catalogue.js";
import { computeKpi, computeKpiParsed } from "./computeKpi.js";

const march = periodFactsSchema.parse({
  period: { start: "2026-03-01", end: "2026-03-31" },
  currency: "USD",
  store: "us",
  ads: { spend: "9000.00", attributed: { "14d": { sales: "42000.00" } } },
});

describe("computeKpiParsed", () => {
  it("gives what computeKpi gives on parsed facts", () => {
    // ACoS = spend ÷ attributed sales = 9000 ÷ 42000 = 0.2142857142857142857142857142857143 (34 digits).
    const acos = getKpiDefinition("acos");
    const trusted = computeKpiParsed(acos, march, { attributionWindow: "14d" });
    expect(trusted.value).toBe("0.2142857142857142857142857142857143");
    expect(trusted).toEqual(computeKpi("acos", march, { attributionWindow: "14d" }));
  });

  it("still checks the scope: scope-invalid", () => {
    expect(() => computeKpiParsed(getKpiDefinition("acos"), march, { window: "7d" })).toThrowError(
      expect.objectContaining({ code: "scope-invalid" }),
    );
  });
});
