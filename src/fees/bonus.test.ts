import { describe, expect, it } from "vitest";
import { context, evaluation } from "../../test/settlement/helpers.js";
import { bonusLine } from "./bonus.js";
import type { BonusComponent } from "./schema.js";

const bonus = (
  payout: BonusComponent["payout"],
  overrides: Partial<BonusComponent> = {},
): BonusComponent => ({
  type: "bonus",
  name: "bonus",
  target: "t",
  payout,
  ...overrides,
});

const judged = (status: "met" | "missed", attainment: string) =>
  context({ evaluations: [evaluation("t", status, { attainment })] });

describe("bonusLine", () => {
  it("fixed pays only when met", () => {
    expect(bonusLine(bonus({ fixed: "500.00" }), judged("met", "1.1")).line.amount).toBe("500.00");
    expect(bonusLine(bonus({ fixed: "500.00" }), judged("missed", "0.9")).line.amount).toBe("0.00");
  });

  it("steps pay the highest step reached, met or not", () => {
    const steps = bonus({
      steps: [
        { from: "1.0", amount: "1000.00" },
        { from: "0.8", amount: "400.00" },
        { from: "1.2", amount: "1500.00" },
      ],
    });
    // 0.79 → none; 0.8 → 400; 0.95 (missed) → 400; 1.0 → 1,000; 1.3 → 1,500
    expect(bonusLine(steps, judged("missed", "0.79")).line.amount).toBe("0.00");
    expect(bonusLine(steps, judged("missed", "0.8")).line.amount).toBe("400.00");
    expect(bonusLine(steps, judged("missed", "0.95")).line.amount).toBe("400.00");
    expect(bonusLine(steps, judged("met", "1")).line.amount).toBe("1000.00");
    expect(bonusLine(steps, judged("met", "1.3")).line.amount).toBe("1500.00");
  });

  it("linear interpolates between from and to", () => {
    const linear = bonus({ linear: { from: "0.8", to: "1.2", min: "200.00", max: "1000.00" } });
    // below 0.8 → 0; at 0.8 → 200; 0.9 → 200 + 800 × 0.1 ÷ 0.4 = 400; 1.2 and above → 1,000
    expect(bonusLine(linear, judged("missed", "0.7999")).line.amount).toBe("0.00");
    expect(bonusLine(linear, judged("missed", "0.8")).line.amount).toBe("200.00");
    expect(bonusLine(linear, judged("missed", "0.9")).line.amount).toBe("400.00");
    expect(bonusLine(linear, judged("met", "1.5")).line.amount).toBe("1000.00");
    // 0.95833… → 200 + 800 × 0.158333… ÷ 0.4 = 516.666… → 516.67
    expect(bonusLine(linear, judged("missed", "0.9583333333333333333333333333333333")).line.amount).toBe(
      "516.67",
    );
  });

  it("rate pays a share of the basis when met", () => {
    const rate = bonus({ rate: "0.02", of: { kpi: "gmv", scope: {} } });
    // 44,160 × 2% = 883.20
    expect(bonusLine(rate, judged("met", "1"), { value: "44160" }).line.amount).toBe("883.20");
    expect(bonusLine(rate, judged("missed", "0.5"), { value: "44160" }).line.amount).toBe("0.00");
  });

  it("cap limits the bonus", () => {
    const { line } = bonusLine(bonus({ fixed: "500.00" }, { cap: "300.00" }), judged("met", "1"));
    expect(line.amount).toBe("300.00");
  });

  it("a pending target pays nothing and says pending", () => {
    const ctx = context({ evaluations: [evaluation("t", "pending")] });
    const { line, warnings } = bonusLine(bonus({ fixed: "500.00" }), ctx);
    expect(line.amount).toBe("0.00");
    expect(line.description).toContain("pending");
    expect(warnings[0]).toContain("pending");
  });

  it("a window target already judged in an earlier cycle pays nothing again", () => {
    const ctx = context({ evaluations: [evaluation("t", "met", { judged: false })] });
    expect(bonusLine(bonus({ fixed: "500.00" }), ctx).line.amount).toBe("0.00");
  });

  it("a failed gate holds the bonus back", () => {
    const ctx = context({ evaluations: [evaluation("t", "met"), evaluation("g", "missed")] });
    const { line } = bonusLine(bonus({ fixed: "500.00" }, { gates: ["g"] }), ctx);
    expect(line.amount).toBe("0.00");
    expect(line.trace.gate?.id).toBe("g");
  });

  it("throws basis-missing for a rate payout without a basis", () => {
    expect(() =>
      bonusLine(bonus({ rate: "0.02", of: { kpi: "gmv", scope: {} } }), judged("met", "1")),
    ).toThrowError(expect.objectContaining({ code: "basis-missing" }));
  });

  it("throws target-unknown when the target has no evaluation", () => {
    expect(() => bonusLine(bonus({ fixed: "1" }), context())).toThrowError(
      expect.objectContaining({ code: "target-unknown" }),
    );
  });
});
