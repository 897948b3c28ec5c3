import { describe, expect, it } from "vitest";
import { allocateStatement } from "./allocateStatement.js";

describe("allocateStatement", () => {
  it("splits the total by weights, parts summing exactly", () => {
    // 100.00 in thirds: 33.333… each; the one cent left goes to the first (ties by input order)
    expect(
      allocateStatement({ total: "100.00", currency: "USD" }, [
        { store: "us", weight: "1" },
        { store: "ca", weight: "1" },
        { store: "mx", weight: 1 },
      ]),
    ).toEqual([
      { store: "us", weight: "1", amount: "33.34" },
      { store: "ca", weight: "1", amount: "33.33" },
      { store: "mx", weight: "1", amount: "33.33" },
    ]);
  });

  it("splits a credit (negative total) the same way", () => {
    // 2,575.20 × 44,160 ÷ 56,160 = 2,024.9435…, × 12,000 ÷ 56,160 = 550.2564…: floors 2,024.94 + 550.25,
    // the cent left goes to the larger remainder (0.64): −2,024.94 and −550.26
    const parts = allocateStatement({ total: "-2575.20", currency: "USD" }, [
      { store: "us", weight: "44160" },
      { store: "de", weight: "12000" },
    ]);
    expect(parts.map((p) => p.amount)).toEqual(["-2024.94", "-550.26"]);
  });

  it("throws allocation-weights-zero when every weight is 0", () => {
    expect(() =>
      allocateStatement({ total: "1.00", currency: "USD" }, [{ store: "us", weight: "0" }]),
    ).toThrowError(expect.objectContaining({ code: "allocation-weights-zero" }));
  });
});
