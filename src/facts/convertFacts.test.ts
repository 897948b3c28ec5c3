import { describe, expect, test } from "vitest";
import { SPEC_EXAMPLE_FACTS as facts } from "../testing/specExampleFacts.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { convertFacts } from "./convertFacts.js";

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof KpiContractError) return error.code;
    throw error;
  }
  return "none";
}

describe("convertFacts", () => {
  const eur = { ...facts, currency: "EUR" };

  test("multiplies every money field exactly and keeps counts", () => {
    const usd = convertFacts(eur, "USD", "1.0850");
    expect(usd.currency).toBe("USD");
    // 46,000.00 × 1.0850 = 49,910.00; 1,840.00 × 1.0850 = 1,996.40.
    expect(usd.sales?.gross).toBe("49910.00");
    expect(usd.sales?.refunds).toBe("1996.40");
    expect(usd.sales?.orders).toBe(1200);
    // 42,000.00 × 1.0850 = 45,570.00 in the 14d window; orders unchanged.
    expect(usd.ads?.attributed?.["14d"]).toEqual({ sales: "45570.00", orders: 1010 });
    expect(usd.ads?.spend).toBe("9765.00");
    expect(usd.inventory).toEqual({
      openingUnits: 4000,
      closingUnits: 3600,
      openingValue: "43400.00",
      closingValue: "39060.00",
    });
    expect(usd.costs?.cogs).toBe("16275.00");
    expect(usd.reviews).toEqual(facts.reviews);
  });

  test("never rounds: 510.00 × 1.08537 = 553.5387 keeps its four digits", () => {
    expect(convertFacts(eur, "USD", "1.08537").sales?.cancelledValue).toBe("553.5387");
  });

  test("to a zero-digit currency: 46,000.00 EUR × 161.2 = 7,415,200 JPY, written without fraction", () => {
    expect(convertFacts(eur, "JPY", "161.2").sales?.gross).toBe("7415200");
  });

  test("the same currency at rate 1 returns an equal copy", () => {
    const same = convertFacts(facts, "USD", "1.000");
    expect(same).toEqual(facts);
    expect(same).not.toBe(facts);
  });

  test("errors: unknown currency, bad rate, the same currency at another rate", () => {
    expect(code(() => convertFacts(eur, "XYZ", "1.1"))).toBe("currency-unknown");
    expect(code(() => convertFacts(eur, "USD", "0"))).toBe("fx-rate-invalid");
    expect(code(() => convertFacts(eur, "USD", "-1.1"))).toBe("fx-rate-invalid");
    expect(code(() => convertFacts(eur, "USD", "1e2"))).toBe("fx-rate-invalid");
    expect(code(() => convertFacts(facts, "USD", "1.1"))).toBe("fx-rate-invalid");
  });

  test("does not mutate its input", () => {
    const input = structuredClone(eur);
    convertFacts(input, "USD", "1.0850");
    expect(input).toEqual(eur);
  });
});
