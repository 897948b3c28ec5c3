import { describe, expect, it } from "vitest";
import { statementDigest } from "./statementDigest.js";

describe("statementDigest", () => {
  it("refuses data that has no canonical JSON text: digest-failed", () => {
    expect(() => statementDigest(undefined as never)).toThrowError(
      expect.objectContaining({
        code: "digest-failed",
        message: "The settlement input cannot be written as canonical JSON",
        params: {},
      }),
    );
  });
});
