import { describe, expect, it } from "vitest";
import { statementDigest } from "./statementDigest.js";

describe("statementDigest", () => {
  it("is the SHA-256 of the canonical JSON: key order and decimal form do not matter", () => {
    const a = statementDigest({ contract: { id: "c", fee: "1500.00" }, input: { b: 1, a: 2 }, options: {} });
    const b = statementDigest({ options: {}, input: { a: 2, b: 1 }, contract: { fee: "1500", id: "c" } });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it("matches SHA-256 computed by an independent tool", () => {
    // printf '{"contract":{},"input":{},"options":{}}' | sha256sum
    expect(statementDigest({ contract: {}, input: {}, options: {} })).toBe(
      "aae85b71d441c4926153090d81f22de16e525cfbccd0a9538b74bbe94655ccc2",
    );
  });

  it("changes when a value changes", () => {
    expect(statementDigest({ contract: { fee: "1500" }, input: {}, options: {} })).not.toBe(
      statementDigest({ contract: { fee: "1501" }, input: {}, options: {} }),
    );
  });

  it("throws digest-failed for data that has no JSON form", () => {
    expect(() => statementDigest({ contract: () => 1, input: {}, options: {} })).toThrowError(
      expect.objectContaining({ code: "digest-failed" }),
    );
  });
});
