import { describe, expect, test } from "vitest";
import { KpiContractError } from "../values/KpiContractError.js";
import { fxSchema, selectRate } from "./fx.js";

const cycleEnd = fxSchema.parse({
  policy: "cycle-end",
  rates: [
    { from: "EUR", to: "USD", rate: "1.0850", date: "2026-03-31" },
    { from: "EUR", to: "USD", rate: "1.0790", date: "2026-01-31" },
    { from: "EUR", to: "USD", rate: 1.08, date: "2026-02-28" },
    { from: "GBP", to: "USD", rate: "1.27", date: "2026-03-31" },
  ],
});
const fixed = fxSchema.parse({ policy: "fixed", rates: [{ from: "EUR", to: "USD", rate: "1.08" }] });

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KpiContractError) return error;
    throw error;
  }
  throw new Error("expected a KpiContractError");
}

describe("selectRate", () => {
  test("cycle-end: the latest rate dated on or before the day", () => {
    expect(selectRate(cycleEnd, "EUR", "USD", "2026-03-31")).toEqual({
      from: "EUR",
      to: "USD",
      rate: "1.0850",
      date: "2026-03-31",
    });
    expect(selectRate(cycleEnd, "EUR", "USD", "2026-03-30").rate).toBe("1.08");
    expect(selectRate(cycleEnd, "EUR", "USD", "2026-12-31").date).toBe("2026-03-31");
  });

  test("fixed: the one undated rate, whatever the day", () => {
    expect(selectRate(fixed, "EUR", "USD", "2030-01-01")).toEqual({ from: "EUR", to: "USD", rate: "1.08" });
  });

  test("the same currency: rate 1 without a lookup", () => {
    expect(selectRate(fixed, "JPY", "JPY", "2026-01-01")).toEqual({ from: "JPY", to: "JPY", rate: "1" });
  });

  test("no rate on or before the day: fx-rate-missing naming the pair and the date", () => {
    const error = thrown(() => selectRate(cycleEnd, "EUR", "USD", "2026-01-30"));
    expect(error.code).toBe("fx-rate-missing");
    expect(error.params).toEqual({ from: "EUR", to: "USD", date: "2026-01-30" });
    expect(error.message).toContain("EUR→USD");
    expect(error.message).toContain("2026-01-30");
  });

  test("the inverse is never derived", () => {
    expect(thrown(() => selectRate(cycleEnd, "USD", "EUR", "2026-03-31")).code).toBe("fx-rate-missing");
    expect(thrown(() => selectRate(fixed, "USD", "EUR", "2026-03-31")).code).toBe("fx-rate-missing");
  });
});

describe("fxSchema", () => {
  const codes = (input: unknown) =>
    (fxSchema.safeParse(input).error?.issues ?? []).map((i) => [
      (i as { params?: { code?: string } }).params?.code ?? i.code,
      i.path.join("."),
    ]);

  test("fixed rates have no date, one per pair", () => {
    expect(
      codes({
        policy: "fixed",
        rates: [
          { from: "EUR", to: "USD", rate: "1.08", date: "2026-01-01" },
          { from: "EUR", to: "USD", rate: "1.09" },
        ],
      }),
    ).toEqual([
      ["fx-rate-dated", "rates.0.date"],
      ["fx-rate-duplicate", "rates.1"],
    ]);
  });

  test("cycle-end rates are dated, one per pair and date", () => {
    expect(
      codes({
        policy: "cycle-end",
        rates: [
          { from: "EUR", to: "USD", rate: "1.08" },
          { from: "EUR", to: "USD", rate: "1.08", date: "2026-01-31" },
          { from: "EUR", to: "USD", rate: "1.09", date: "2026-01-31" },
        ],
      }),
    ).toEqual([
      ["fx-rate-undated", "rates.0.date"],
      ["fx-rate-duplicate", "rates.2"],
    ]);
  });

  test("a rate is a positive decimal between two known, different currencies", () => {
    expect(
      codes({
        policy: "fixed",
        rates: [
          { from: "EUR", to: "EUR", rate: "1" },
          { from: "EUR", to: "XYZ", rate: "1" },
          { from: "EUR", to: "GBP", rate: "0" },
          { from: "EUR", to: "JPY", rate: "1e2" },
        ],
      }),
    ).toEqual([
      ["custom", "rates.1.to"],
      ["custom", "rates.2.rate"],
      ["decimal-invalid", "rates.3.rate"],
    ]);
    expect(codes({ policy: "fixed", rates: [{ from: "EUR", to: "EUR", rate: "1" }] })).toEqual([
      ["fx-same-currency", "rates.0.to"],
    ]);
  });

  test("unknown keys and policies are refused", () => {
    expect(codes({ policy: "spot", rates: [] }).map((c) => c[1])).toEqual(["policy"]);
    expect(codes({ policy: "fixed", rates: [], source: "ECB" }).map((c) => c[0])).toEqual([
      "unrecognized_keys",
    ]);
  });
});
