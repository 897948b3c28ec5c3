import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { computeKpi } from "./computeKpi.js";
import { responseRateKpi } from "./responseRate.js";

describe("responseRate", () => {
  test("SPEC §2: 204 ÷ 210 = 0.97142…", () => {
    expect(computeKpi("responseRate", facts).value).toBe("0.9714285714285714285714285714285714");
  });

  test("no inquiries is zero-denominator; minSample is a minimum of inquiries", () => {
    expect(
      computeKpi("responseRate", { ...facts, service: { inquiries: 0, answeredWithin24h: 0 } }),
    ).toMatchObject({
      reason: "zero-denominator",
    });
    expect(computeKpi("responseRate", facts, { minSample: 211 })).toMatchObject({
      reason: "insufficient-data",
    });
  });

  test("missing service facts", () => {
    expect(computeKpi("responseRate", { ...facts, service: { inquiries: 5 } })).toMatchObject({
      missing: ["service.answeredWithin24h"],
    });
  });

  test("metadata", () => {
    expect(responseRateKpi).toMatchObject({
      polarity: "higher-is-better",
      shareOfWhole: true,
      minSample: true,
    });
  });
});
