// Tests that pin what mutation testing found loose in decimal: the messages of the range errors and
// the non-finite number issue of the schema.
import { describe, expect, it } from "vitest";
import { toValidationIssues } from "../internal/issues.js";
import { decimalSchema, normalizeDecimal, numberToDecimalString } from "./decimal.js";

describe("decimal (mutation-driven)", () => {
  it("names the value in its range errors", () => {
    expect(() => numberToDecimalString(Number.NaN)).toThrow(new RangeError("NaN is not a finite number"));
    expect(() => normalizeDecimal("1e3")).toThrow(new RangeError('"1e3" is not a decimal string'));
  });

  // zod's number type refuses non-finite numbers before the transform runs, so the issue code is zod's
  // (not decimal-invalid as for "1e3"); what is pinned is that it is refused at its path with a clear message.
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "refuses %s at the value's path, saying a finite number is expected",
    (value) => {
      const parsed = decimalSchema.safeParse(value);
      expect(parsed.success).toBe(false);
      if (parsed.success) return;
      const issues = toValidationIssues(parsed.error);
      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toEqual([]);
      expect(issues[0]?.message).toBe(`Expected a finite number, received ${String(value)}`);
    },
  );
});
