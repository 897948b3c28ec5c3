import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { adSpendKpi } from "./adSpend.js";
import { computeKpi } from "./computeKpi.js";

describe("adSpend", () => {
  test("SPEC §2: ads.spend = 9,000.00", () => {
    expect(computeKpi("adSpend", facts)).toMatchObject({ value: "9000", unit: "money" });
  });

  test("missing ads.spend is missing-facts", () => {
    expect(computeKpi("adSpend", { ...facts, ads: {} })).toMatchObject({
      reason: "missing-facts",
      missing: ["ads.spend"],
    });
  });

  test("metadata: money, lower is better, no knobs", () => {
    expect(adSpendKpi).toMatchObject({ unit: "money", polarity: "lower-is-better", knobs: [] });
    expect(adSpendKpi.reads({})).toEqual(["ads.spend"]);
  });
});
