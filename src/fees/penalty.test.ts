import { describe, expect, it } from "vitest";
import { context, evaluation } from "../../test/settlement/helpers.js";
import { penaltyLine } from "./penalty.js";

const byRate = { type: "penalty", name: "acos-miss", target: "acos", rateOfFixed: "0.10" } as const;
const byAmount = { type: "penalty", name: "late", target: "acos", amount: "400.00", cap: "250.00" } as const;

describe("penaltyLine", () => {
  it("deducts rateOfFixed × Σ fixed lines when missed", () => {
    // 10% × 1,064.52 = 106.452 → −106.45
    const ctx = context({ evaluations: [evaluation("acos", "missed")] });
    const result = penaltyLine(byRate, ctx, { fixedTotal: "1064.52" });
    expect(result?.line.amount).toBe("-106.45");
    expect(result?.line.kind).toBe("penalty");
  });

  it("is capped by its own cap", () => {
    const ctx = context({ evaluations: [evaluation("acos", "missed")] });
    expect(penaltyLine(byAmount, ctx, { fixedTotal: "0.00" })?.line.amount).toBe("-250.00");
  });

  it("a penalty exactly at its cap is not capped", () => {
    const ctx = context({ evaluations: [evaluation("acos", "missed")] });
    const line = penaltyLine({ ...byAmount, cap: "400.00" }, ctx, { fixedTotal: "0.00" })?.line;
    expect(line?.amount).toBe("-400.00");
    expect(line?.trace.cap).toEqual({ cap: "400.00", applied: false });
  });

  it("gives no line when met, pending, or not judged this cycle", () => {
    for (const e of [
      evaluation("acos", "met"),
      evaluation("acos", "pending"),
      evaluation("acos", "missed", { judged: false }),
    ]) {
      expect(penaltyLine(byRate, context({ evaluations: [e] }), { fixedTotal: "1500.00" })).toBeNull();
    }
  });
});

describe("penaltyLine descriptions: long decimals readable, the exact values in the trace", () => {
  const component = { type: "penalty" as const, name: "acos-miss", target: "acos", amount: "100.00" };
  const describeWith = (overrides: Parameters<typeof evaluation>[2], locale?: "en" | "zh-CN") =>
    penaltyLine(
      component,
      context({ ...(locale ? { locale } : {}), evaluations: [evaluation("acos", "missed", overrides)] }),
      { fixedTotal: "0.00" },
    )?.line;

  it("ACoS 9,500 ÷ 42,000 against 0.22: actual ≈0.2262; the trace keeps all 34 digits", () => {
    const line = describeWith({ actual: "0.2261904761904761904761904761904762", target: "0.22" });
    expect(line?.description).toBe("Penalty: target acos missed (actual ≈0.2262, target 0.22)");
    expect(line?.trace.target).toMatchObject({ actual: "0.2261904761904761904761904761904762" });
  });

  it("a target of 34 digits (baseline × 1.4) is shown rounded against the actual, which stays below it", () => {
    const line = describeWith(
      { actual: "43007.99", target: "43008.0000000000000000000000000000001" },
      "zh-CN",
    );
    expect(line?.description).toBe("罚金：目标 acos 未达成（实际 43007.99，目标 ≈43008.0000）");
  });

  it("no target value and no actual: none, in English", () => {
    expect(describeWith({ actual: "0.2261904761904761904761904761904762", target: null })?.description).toBe(
      "Penalty: target acos missed (actual ≈0.2262, target none)",
    );
    expect(describeWith({ actual: null, target: "0.22" })?.description).toBe(
      "Penalty: target acos missed (actual none, target 0.22)",
    );
  });
});
