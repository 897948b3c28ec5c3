import { describe, expect, it } from "vitest";
import { context } from "../../test/settlement/helpers.js";
import { fixedLine } from "./fixed.js";

const base = { type: "fixed", name: "base", amount: "1500.00", prorate: "daily" } as const;

describe("fixedLine", () => {
  it("a whole cycle charges the amount", () => {
    const { line } = fixedLine(base, context());
    expect(line).toMatchObject({ component: "base", kind: "fixed", amount: "1500.00" });
    expect(line.trace.exact).toBe("1500");
  });

  it("a partial first cycle is prorated by days (SPEC §6.4)", () => {
    // 1,500.00 × 22 ÷ 31 = 1,064.516129… → 1,064.52
    const { line } = fixedLine(base, context({ proration: { days: 22, fullDays: 31 } }));
    expect(line.amount).toBe("1064.52");
    expect(line.trace.substituted).toBe("1500.00 × 22 ÷ 31");
    expect(line.trace.exact.startsWith("1064.516129")).toBe(true);
  });

  it("prorate: none charges the full amount in a partial cycle", () => {
    const { line } = fixedLine(
      { ...base, prorate: "none" },
      context({ proration: { days: 22, fullDays: 31 } }),
    );
    expect(line.amount).toBe("1500.00");
  });

  it("rounds once with the schedule's mode", () => {
    // 1,500.00 × 22 ÷ 31 = 1,064.516… rounded down = 1,064.51
    const { line } = fixedLine(base, context({ proration: { days: 22, fullDays: 31 }, rounding: "down" }));
    expect(line.amount).toBe("1064.51");
  });

  it("writes the description in Chinese for zh-CN", () => {
    const { line } = fixedLine(base, context({ locale: "zh-CN" }));
    expect(line.description).toContain("基础服务费");
  });
});
