import { describe, expect, it } from "vitest";
import { normalizeDecimals } from "./normalizeDecimals.js";

describe("normalizeDecimals", () => {
  it("normalises decimal strings at any depth", () => {
    expect(
      normalizeDecimals({
        amount: "1500.00",
        tiers: [
          { upTo: "20000.0", rate: "0.050" },
          { upTo: null, rate: "3" },
        ],
      }),
    ).toEqual({
      amount: "1500",
      tiers: [
        { upTo: "20000", rate: "0.05" },
        { upTo: null, rate: "3" },
      ],
    });
  });

  it('writes "-0" and "-0.00" as "0" and keeps long digits exactly', () => {
    expect(
      normalizeDecimals(["-0", "-0.00", "0.000", "-1.10", "123456789012345678901234567890123456789.5000"]),
    ).toEqual(["0", "0", "0", "-1.1", "123456789012345678901234567890123456789.5"]);
  });

  it("leaves ids, names, dates, codes and numbers alone", () => {
    const data = {
      id: "2026.10",
      stores: ["1.50"],
      store: "100.0",
      name: "1.0",
      gates: ["2.0"],
      period: { start: "2026-03-01", end: "2026-03-31" },
      currency: "USD",
      orders: 1200,
      over: { baselineOf: "3.00" },
    };
    expect(normalizeDecimals(data)).toEqual(data);
  });

  it("drops undefined keys and does not mutate its argument", () => {
    const input = { a: "1.0", b: undefined };
    expect(normalizeDecimals(input)).toEqual({ a: "1" });
    expect(input).toEqual({ a: "1.0", b: undefined });
  });
});
