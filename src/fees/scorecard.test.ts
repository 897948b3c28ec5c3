import { describe, expect, it } from "vitest";
import { context, evaluation } from "../../test/settlement/helpers.js";
import { scorecardLine } from "./scorecard.js";

const card = { type: "scorecard", name: "scorecard", pool: "3000.00", threshold: "0.7" } as const;

describe("scorecardLine", () => {
  it("pays pool × score at or above the threshold", () => {
    // 3,000 × 0.7 = 2,100 (threshold inclusive); 3,000 × 0.85 = 2,550; 3,000 × 0.97921… = 2,937.64
    expect(scorecardLine(card, context({ score: "0.7" })).line.amount).toBe("2100.00");
    expect(scorecardLine(card, context({ score: "0.85" })).line.amount).toBe("2550.00");
    expect(scorecardLine(card, context({ score: "0.9792131696428571428571428571428572" })).line.amount).toBe(
      "2937.64",
    );
  });

  it("pays 0 below the threshold", () => {
    expect(scorecardLine(card, context({ score: "0.6999" })).line.amount).toBe("0.00");
  });

  it("pays 0 without a score, with a warning", () => {
    const { line, warnings } = scorecardLine(card, context({ score: null }));
    expect(line.amount).toBe("0.00");
    expect(warnings).toHaveLength(1);
  });

  it("a failed gate holds it back", () => {
    const ctx = context({ score: "1", evaluations: [evaluation("g", "pending")] });
    const { line } = scorecardLine({ ...card, gates: ["g"] }, ctx);
    expect(line.amount).toBe("0.00");
    expect(line.trace.gate?.status).toBe("pending");
  });
});
