// Tests that pin what mutation testing found loose in ratio: input that is neither a string nor a number.
import { describe, expect, it } from "vitest";
import { parseRatio, ratioSchema } from "./ratio.js";

describe("ratio (mutation-driven)", () => {
  it.each([[["0.22"]], [{ toString: () => "22%" }], [null], [true]])(
    "refuses %j as ratio-invalid",
    (input) => {
      expect(() => parseRatio(input as never)).toThrow(expect.objectContaining({ code: "ratio-invalid" }));
      expect(ratioSchema.safeParse(input).success).toBe(false);
    },
  );
});
