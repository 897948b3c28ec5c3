import { describe, expect, it } from "vitest";
import { renderFinding } from "./index.js";

describe("en messages", () => {
  it("does not add a full stop after a detail that already ends a sentence", () => {
    const finding = {
      code: "schema-invalid" as const,
      params: { at: "(root)", reason: "invalid_type", detail: "Expected a contract object." },
    };
    expect(renderFinding(finding, "en")).toBe(
      "The contract cannot be read at (root): Expected a contract object.",
    );
    expect(
      renderFinding(
        { code: "baseline-unavailable", params: { target: "acos", reason: "other", detail: "Stop!" } },
        "en",
      ),
    ).toBe('The baseline of target "acos" cannot be computed from the history given: Stop!');
  });

  it("writes one month in the singular in the growth test", () => {
    const params = {
      reason: "growth",
      target: "gmv-growth",
      kpi: "gmv",
      unit: "money",
      currency: "USD",
      lastValue: "32640",
      targetValue: "58368",
      required: "0.788235294117647058823529411764706",
      best: "0.066666666666666666666666666666667",
      margin: "0.1",
    };
    expect(renderFinding({ code: "target-unrealistic", params: { ...params, months: "1" } }, "en")).toBe(
      'Target "gmv-growth" needs GMV to grow from 32640.00 USD to 58368.00 USD in 1 month, 78.82% a month compounded, while the best month-on-month growth in the baseline was 6.67%; more than 10% above that is not realistic.',
    );
    expect(renderFinding({ code: "target-unrealistic", params: { ...params, months: "2" } }, "en")).toContain(
      " in 2 months, ",
    );
  });
});
