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
