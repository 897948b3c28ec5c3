import { describe, expect, it } from "vitest";
import { displayWidth } from "./document.js";

describe("displayWidth: the full-width signs and the supplementary ideographs", () => {
  it("counts the full-width yen sign and a CJK extension B ideograph twice", () => {
    // U+FFE5 FULLWIDTH YEN SIGN (in U+FFE0..U+FFE6), U+20000 (in U+20000..U+3FFFD).
    expect(displayWidth("\u{FFE5}")).toBe(2);
    expect(displayWidth("\u{20000}")).toBe(2);
    expect(displayWidth("\u{20000}1")).toBe(3);
  });

  it("counts the half-width forms just after that block once", () => {
    // U+FFE8 HALFWIDTH FORMS LIGHT VERTICAL is the first code point after U+FFE6 that is not wide.
    expect(displayWidth("\u{FFE8}")).toBe(1);
  });
});
