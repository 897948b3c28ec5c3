import { describe, expect, it } from "vitest";
import { goalSchema } from "./target.js";

describe("goalSchema", () => {
  it("refuses a number that is not finite at the goal's key", () => {
    for (const value of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]) {
      const parsed = goalSchema.safeParse({ atLeast: value });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => [i.path, i.message])).toEqual([
        [["atLeast"], 'Expected a decimal such as "0.22", a number, or a percent such as "22%"'],
      ]);
    }
  });

  it("turns a finite number into a decimal string", () => {
    expect(goalSchema.parse({ below: 0.008, change: -0.1 })).toEqual({ below: "0.008", change: "-0.1" });
  });

  it("keeps text that is not a decimal as written, for goal-invalid to name", () => {
    expect(goalSchema.parse({ atMost: "22%", atLeast: "lots" })).toEqual({ atMost: "0.22", atLeast: "lots" });
  });
});
