import { describe, expect, it } from "vitest";
import type { ScheduleComparison } from "../settlement/compareSchedules.js";
import { renderComparison } from "./renderComparison.js";

const table: ScheduleComparison = {
  schedules: ["base+bonus", "share"],
  rows: [
    {
      scenario: "+0%",
      growth: "0",
      cells: [
        { schedule: "base+bonus", currency: "USD", total: "1500.00", lines: [] },
        { schedule: "share", currency: "USD", total: "1200.00", lines: [] },
      ],
    },
    {
      scenario: "+20%",
      growth: "0.2",
      cells: [
        { schedule: "base+bonus", currency: "USD", total: "1800.00", lines: [] },
        { schedule: "share", currency: "USD", total: "14400.00", lines: [] },
      ],
    },
    { scenario: "facts|given", cells: [{ schedule: "share", currency: "USD", total: "900.00", lines: [] }] },
  ],
};

describe("renderComparison", () => {
  it("writes one row per scenario and one column per schedule", () => {
    const md = renderComparison(table);
    expect(md).toContain("| Scenario | Growth | base+bonus | share |");
    expect(md).toContain("| +20% | 20% | 1,800.00 USD | 14,400.00 USD |");
    expect(md).toContain("| facts\\|given |  |  | 900.00 USD |");
  });

  it("aligns the columns in text and labels them in Chinese", () => {
    const text = renderComparison(table, { format: "text", locale: "zh-CN" });
    expect(text.split("\n")[0]).toBe("费用方案对比");
    expect(text).toMatch(/\+20%\s+20%\s+1,800\.00 USD\s+14,400\.00 USD/);
  });

  it("comparison-invalid for something that is not a comparison", () => {
    expect(() => renderComparison({ rows: [] } as never)).toThrow(
      expect.objectContaining({ code: "comparison-invalid" }),
    );
  });
});
