import { describe, expect, it } from "vitest";
import { context } from "../../test/settlement/helpers.js";
import { reimbursementLine } from "./reimbursement.js";

describe("reimbursementLine", () => {
  it("re-bills the cost with the markup", () => {
    // 9,000.00 × 1.05 = 9,450.00
    const { line } = reimbursementLine(
      { type: "reimbursement", name: "ads", fact: "ads.spend", markup: "0.05" },
      context(),
      { value: "9000.00" },
    );
    expect(line).toMatchObject({ kind: "reimbursement", basis: "9000", rate: "0.05", amount: "9450.00" });
  });

  it("rounds the marked-up cost once", () => {
    // 123.45 × 1.03 = 127.1535 → 127.15
    const { line } = reimbursementLine(
      { type: "reimbursement", name: "samples", fact: "costs.other", markup: "0.03" },
      context(),
      { value: "123.45" },
    );
    expect(line.amount).toBe("127.15");
  });
});
