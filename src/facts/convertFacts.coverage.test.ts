import { describe, expect, it } from "vitest";
import { convertFacts } from "./convertFacts.js";

describe("convertFacts on facts with few groups", () => {
  it("converts the groups that are there and adds none", () => {
    const eur = {
      store: "de",
      period: { start: "2026-03-01", end: "2026-03-31" },
      currency: "EUR",
      sales: { gross: "100.00", orders: 3 },
    };
    // 100.00 × 1.0850 = 108.50
    expect(convertFacts(eur, "USD", "1.0850")).toEqual({
      store: "de",
      period: { start: "2026-03-01", end: "2026-03-31" },
      currency: "USD",
      sales: { gross: "108.50", orders: 3 },
    });
  });
});
