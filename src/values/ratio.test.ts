import { describe, expect, test } from "vitest";
import * as z from "zod";
import { dec, formatDecimal } from "../internal/decimal.js";
import { KpiContractError } from "./KpiContractError.js";
import { divide, parseRatio, ratioSchema } from "./ratio.js";

const MESSAGE = (received: string) =>
  `Expected a ratio as a fraction ("0.22") or a percent ("22%"), received ${received}`;

describe("parseRatio", () => {
  test.each([
    ["22%", "0.22"],
    ["0.5%", "0.005"],
    ["-10%", "-0.1"],
    ["100%", "1"],
    ["0%", "0"],
    ["-0%", "0"],
    ["250%", "2.5"],
    ["0.0001%", "0.000001"],
    ["22.50%", "0.225"],
  ])("reads the percent string %j as the fraction %j", (input, output) => {
    expect(parseRatio(input)).toBe(output);
  });

  test.each([
    ["0.22", "0.22"],
    ["0.220", "0.22"],
    ["-0.1", "-0.1"],
    ["-0", "0"],
    ["1", "1"],
  ])("normalises the fraction string %j to %j", (input, output) => {
    expect(parseRatio(input)).toBe(output);
  });

  test.each([
    [0.22, "0.22"],
    [0.05, "0.05"],
    [1e-7, "0.0000001"],
    [-0, "0"],
    [2, "2"],
  ])("converts the number %s exactly to %j", (input, output) => {
    expect(parseRatio(input)).toBe(output);
  });

  test("a percent string is shifted exactly, never rounded to 34 digits", () => {
    const digits = "12.3456789012345678901234567890123456789"; // 39 significant digits
    expect(parseRatio(`${digits}%`)).toBe("0.123456789012345678901234567890123456789");
    expect(parseRatio(`${digits}%`)).toBe(parseRatio("0.123456789012345678901234567890123456789"));
  });

  test.each<[unknown, string]>([
    ["22 %", '"22 %"'],
    ["%", '"%"'],
    ["1e-2", '"1e-2"'],
    ["22%%", '"22%%"'],
    ["%22", '"%22"'],
    ["+22%", '"+22%"'],
    ["2,2%", '"2,2%"'],
    ["", '""'],
    ["0.22 ", '"0.22 "'],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
  ])("refuses %j with ratio-invalid", (input, described) => {
    let caught: unknown;
    try {
      parseRatio(input as string);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KpiContractError);
    expect((caught as KpiContractError).code).toBe("ratio-invalid");
    expect((caught as KpiContractError).params).toEqual({ input });
    expect((caught as KpiContractError).message).toBe(MESSAGE(described));
  });
});

describe("ratioSchema", () => {
  const goal = z.object({ targets: z.array(z.object({ goal: ratioSchema })) });

  test("normalises a percent string at parse time", () => {
    expect(ratioSchema.parse("22%")).toBe("0.22");
    expect(goal.parse({ targets: [{ goal: "22%" }, { goal: 0.3 }, { goal: "0.250" }] })).toEqual({
      targets: [{ goal: "0.22" }, { goal: "0.3" }, { goal: "0.25" }],
    });
  });

  test.each(["22 %", "%", "1e-2", "22%%"])(
    "refuses the string %j with ratio-invalid and the path",
    (input) => {
      const result = goal.safeParse({ targets: [{ goal: "10%" }, { goal: input }] });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([
        expect.objectContaining({
          code: "custom",
          path: ["targets", 1, "goal"],
          message: MESSAGE(JSON.stringify(input)),
          params: { code: "ratio-invalid" },
        }),
      ]);
    },
  );

  test.each<[unknown, string]>([
    [Number.NaN, "NaN"],
    [Number.NEGATIVE_INFINITY, "-Infinity"],
    [null, "null"],
    [true, "true"],
    [{}, "{}"],
  ])("refuses %s with the message and the path", (input, described) => {
    const result = goal.safeParse({ targets: [{ goal: input }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["targets", 0, "goal"], message: MESSAGE(described) }),
    ]);
  });
});

describe("divide", () => {
  test("divides to 34 significant digits, half-even", () => {
    // 9000 ÷ 39000 = 0.230769 230769 …; 34 significant digits end …2308 (the 35th digit is 7).
    expect(formatDecimal(divide(dec("9000.00"), dec("39000.00")) ?? dec("-1"))).toBe(
      "0.2307692307692307692307692307692308",
    );
  });

  test("returns undefined for a zero denominator, never Infinity or NaN", () => {
    expect(divide(dec("1"), dec("0"))).toBeUndefined();
    expect(divide(dec("0"), dec("-0.00"))).toBeUndefined();
  });
});
