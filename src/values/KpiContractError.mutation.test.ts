// Tests that pin the defaults of KpiContractError, which mutation testing found unchecked.
import { describe, expect, it } from "vitest";
import { KpiContractError } from "./KpiContractError.js";

describe("KpiContractError (mutation-driven)", () => {
  it("is named KpiContractError and has no params or issues unless given", () => {
    const error = new KpiContractError("currency-unknown", "Unknown currency");
    expect(error.name).toBe("KpiContractError");
    expect(error.params).toEqual({});
    expect(error.issues).toEqual([]);
    expect(String(error)).toBe("KpiContractError: Unknown currency");
  });
});
