// Tests for the id schema (stores, targets, custom KPIs, contracts), which no test exercised directly.
import { describe, expect, it } from "vitest";
import { ID_PATTERN, idSchema } from "./id.js";

describe("idSchema", () => {
  it.each(["a", "7", "gmv-growth", "amazon-us-main", "A1_.:-z", "x".repeat(64)])("accepts %s", (id) => {
    expect(idSchema.parse(id)).toBe(id);
    expect(ID_PATTERN.test(id)).toBe(true);
  });

  it.each(["", "-a", "_a", ".a", "a b", "a/b", "__proto__", "x".repeat(65), "ab\n", "é"])(
    "refuses %j",
    (id) => {
      const parsed = idSchema.safeParse(id);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(
        `Expected an id of 1–64 letters, digits or _ . : - starting with a letter or digit, received ${JSON.stringify(id)}`,
      );
    },
  );

  it("refuses a non-string with its own message", () => {
    const parsed = idSchema.safeParse(42);
    expect(parsed.error?.issues[0]?.message).toBe("Expected an id (letters, digits, _ . : -)");
  });
});
