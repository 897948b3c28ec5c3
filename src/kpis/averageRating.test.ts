import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { averageRatingKpi } from "./averageRating.js";
import { computeKpi } from "./computeKpi.js";

describe("averageRating", () => {
  test("SPEC §2: (1×1 + 2×1 + 3×6 + 4×40 + 5×252) ÷ 300 = 1,441 ÷ 300 = 4.80333…", () => {
    const result = computeKpi("averageRating", facts);
    expect(result).toMatchObject({ value: "4.803333333333333333333333333333333", unit: "stars" });
    expect(result.trace?.substituted).toBe(
      "(1 × 1 + 2 × 1 + 3 × 6 + 4 × 40 + 5 × 252) ÷ (1 + 1 + 6 + 40 + 252)",
    );
    expect(result.trace?.steps.slice(0, 2)).toEqual([
      { name: "stars", value: "1441" },
      { name: "reviews", value: "300" },
    ]);
  });

  test("absent stars count 0: only 4★ and 5★ → (4×1 + 5×3) ÷ 4 = 4.75", () => {
    expect(computeKpi("averageRating", { ...facts, reviews: { byStars: { "4": 1, "5": 3 } } }).value).toBe(
      "4.75",
    );
  });

  test("no reviews is zero-denominator; minSample is a minimum of reviews", () => {
    expect(computeKpi("averageRating", { ...facts, reviews: { byStars: {} } })).toMatchObject({
      reason: "zero-denominator",
    });
    expect(computeKpi("averageRating", facts, { minSample: 301 })).toMatchObject({
      reason: "insufficient-data",
    });
  });

  test("no byStars is missing-facts", () => {
    expect(computeKpi("averageRating", { ...facts, reviews: {} })).toMatchObject({
      reason: "missing-facts",
      missing: [
        "reviews.byStars.1",
        "reviews.byStars.2",
        "reviews.byStars.3",
        "reviews.byStars.4",
        "reviews.byStars.5",
      ],
    });
  });

  test("metadata", () => {
    expect(averageRatingKpi).toMatchObject({ unit: "stars", polarity: "higher-is-better", knobs: [] });
  });
});
