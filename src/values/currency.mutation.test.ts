// Tests that pin the hints of the unknown-currency message, which mutation testing found unchecked.
import { describe, expect, it } from "vitest";
import { minorUnits } from "./currency.js";

const base = (code: unknown) =>
  `Unknown currency code ${JSON.stringify(code)}: use an active ISO 4217 code such as USD, EUR or JPY`;

describe("unknown currency messages (mutation-driven)", () => {
  it.each([
    ["ANG", "XCG"],
    ["BGN", "EUR"],
    ["CUC", "CUP"],
    ["HRK", "EUR"],
    ["SLL", "SLE"],
    ["VEF", "VES"],
    ["ZWL", "ZWG"],
  ])("names the successor of withdrawn %s", (code, successor) => {
    expect(() => minorUnits(code)).toThrow(
      `${base(code)} (${code} was withdrawn; its successor is ${successor})`,
    );
  });

  it("hints at upper case only when the upper-case code exists", () => {
    expect(() => minorUnits("usd")).toThrow(`${base("usd")} (codes are upper case: "USD")`);
    expect(() => minorUnits("xyz")).toThrow(
      new RegExp(`^${base("xyz").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
    );
    expect(() => minorUnits("XYZ")).toThrow(
      new RegExp(`^${base("XYZ").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
    );
  });

  it("describes a non-string code without a hint", () => {
    expect(() => minorUnits(["usd"] as never)).toThrow(
      expect.objectContaining({ code: "currency-unknown", message: base(["usd"]) }),
    );
  });
});
