import { describe, expect, it } from "vitest";
import history from "../../test/fixtures/worked/history.json" with { type: "json" };
import { KpiContractError } from "../values/KpiContractError.js";
import { computeBaseline } from "./baseline.js";

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KpiContractError) return e;
    throw e;
  }
  throw new Error("expected a KpiContractError");
}

describe("computeBaseline, the wording of its traces and errors", () => {
  it("leaves the source out of a stated value's trace when none is given", () => {
    const result = computeBaseline({ value: "0.250" }, "acos", { attributionWindow: "14d" }, [], {
      cycle: "monthly",
    });
    expect(result).toEqual({ value: "0.25", trace: { kind: "stated", formula: "stated 0.250" } });
  });

  it("names every partial cycle of a window, in the plural", () => {
    const window = { start: "2025-10-15", end: "2025-12-15" };
    const error = thrown(() =>
      computeBaseline({ from: "history", window, aggregate: "pooled" }, "acos", {}, history, {
        cycle: "monthly",
      }),
    );
    expect(error.code).toBe("baseline-window-partial");
    expect(error.message).toBe(
      "The baseline window 2025-10-15..2025-12-15 does not consist of whole cycles: " +
        "2025-10-15..2025-10-31, 2025-12-01..2025-12-15 are partial",
    );
    expect(error.params).toEqual({
      window,
      partial: [
        { start: "2025-10-15", end: "2025-10-31" },
        { start: "2025-12-01", end: "2025-12-15" },
      ],
    });
  });

  it("names a single partial cycle in the singular", () => {
    const error = thrown(() =>
      computeBaseline(
        { from: "history", window: { start: "2025-10-01", end: "2025-12-15" }, aggregate: "pooled" },
        "acos",
        {},
        history,
        { cycle: "monthly" },
      ),
    );
    expect(error.message).toBe(
      "The baseline window 2025-10-01..2025-12-15 does not consist of whole cycles: 2025-12-01..2025-12-15 is partial",
    );
  });

  it("says cycle, not cycles, for a pooled window of one cycle", () => {
    const october = { start: "2025-10-01", end: "2025-10-31" };
    const result = computeBaseline(
      { from: "history", window: october, aggregate: "pooled" },
      "acos",
      { attributionWindow: "14d" },
      history,
      { cycle: "monthly" },
    );
    // 7000 ÷ 26000 = 7 ÷ 26
    expect(result.value).toBe("0.2692307692307692307692307692307692");
    expect(result.trace.formula).toBe(
      "KPI of the facts pooled over 1 cycle = 0.2692307692307692307692307692307692",
    );
  });
});
