// Tests that pin the messages of cycle validation, which mutation testing found unchecked.
import { describe, expect, it } from "vitest";
import { cycleProration, cycleSchema } from "./cycle.js";

describe("cycle (mutation-driven)", () => {
  it.each([[{ days: 1.5 }], [{ days: "7" }]])("says a cycle of %j is not a whole number of days", (cycle) => {
    const parsed = cycleSchema.safeParse(cycle);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain("Expected a whole number of days");
  });

  it("names the period that spans two cycles", () => {
    expect(() => cycleProration({ start: "2026-01-20", end: "2026-02-10" }, "monthly")).toThrow(
      "Invalid cycleProration arguments:\nperiod: 2026-01-20..2026-02-10 does not lie inside one cycle (the cycle of 2026-01-20 ends 2026-01-31)",
    );
  });
});
