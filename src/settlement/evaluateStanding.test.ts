import { describe, expect, it } from "vitest";
import { evaluateStanding, type StandingEntry } from "./evaluateStanding.js";

const rules = { threshold: "0.7", consecutiveCycles: 2, rectificationDays: 30 };

const months: [string, string][] = [
  ["2026-01-01", "2026-01-31"],
  ["2026-02-01", "2026-02-28"],
  ["2026-03-01", "2026-03-31"],
  ["2026-04-01", "2026-04-30"],
  ["2026-05-01", "2026-05-31"],
  ["2026-06-01", "2026-06-30"],
];

/** Monthly entries from January 2026 with the given scores. */
const history = (...scores: (string | null)[]): StandingEntry[] =>
  scores.map((score, i) => {
    const [start, end] = months[i] as [string, string];
    return { cycle: { start, end }, score };
  });

describe("evaluateStanding", () => {
  it("no scored cycle: good, since null", () => {
    expect(evaluateStanding(rules, [])).toMatchObject({ state: "good", since: null, reasons: [] });
  });

  it("good: the last cycle passed (a score equal to the threshold passes)", () => {
    const result = evaluateStanding(rules, history("0.7"));
    expect(result).toMatchObject({ state: "good", since: "2026-01-01", consecutiveFailures: 0 });
    expect(result.reasons.map((r) => r.code)).toEqual(["cycle-passed"]);
  });

  it("good → warning: one failing cycle, since the day after it", () => {
    const result = evaluateStanding(rules, history("0.9", "0.69"));
    expect(result).toMatchObject({ state: "warning", since: "2026-03-01", consecutiveFailures: 1 });
    expect(result.reasons[0]).toMatchObject({ code: "cycle-failed", score: "0.69", threshold: "0.7" });
  });

  it("writes scores and the threshold without trailing zeros, as every non-money decimal", () => {
    const result = evaluateStanding({ ...rules, threshold: "0.70" }, history("0.60", "0.650"));
    // The second failure also starts rectification: three reasons.
    expect(result.reasons.map((r) => [r.code, r.score, r.threshold])).toEqual([
      ["cycle-failed", "0.6", "0.7"],
      ["cycle-failed", "0.65", "0.7"],
      ["rectification-started", "0.65", "0.7"],
    ]);
    expect(result.reasons[0]?.message).toBe(
      "Cycle 2026-01-01..2026-01-31 scored 0.6, below the threshold 0.7: failed.",
    );
  });

  it("warning → good: a pass resets the count", () => {
    const result = evaluateStanding(rules, history("0.5", "0.8", "0.5"));
    expect(result).toMatchObject({ state: "warning", consecutiveFailures: 1, since: "2026-04-01" });
    expect(evaluateStanding(rules, history("0.5", "0.8"))).toMatchObject({
      state: "good",
      since: "2026-03-01",
    });
  });

  it("warning → rectification: consecutiveCycles failures start it the day after the last", () => {
    const result = evaluateStanding(rules, history("0.6", "0.65"));
    // Feb ends 2026-02-28: rectification 2026-03-01 .. 2026-03-30 (30 days)
    expect(result).toMatchObject({
      state: "rectification",
      since: "2026-03-01",
      rectification: { start: "2026-03-01", end: "2026-03-30" },
      consecutiveFailures: 0,
    });
    expect(result.reasons.map((r) => r.code)).toEqual([
      "cycle-failed",
      "cycle-failed",
      "rectification-started",
    ]);
  });

  it("consecutiveCycles 1 goes straight from good to rectification", () => {
    expect(evaluateStanding({ ...rules, consecutiveCycles: 1 }, history("0.1")).state).toBe("rectification");
  });

  it("rectification → good: the first cycle ending on or after its last day passes", () => {
    // March ends 03-31 ≥ 03-30: it decides
    const result = evaluateStanding(rules, history("0.6", "0.65", "0.75"));
    expect(result).toMatchObject({ state: "good", since: "2026-04-01" });
    expect(result.reasons.map((r) => r.code)).toEqual(["rectification-passed"]);
    expect(result.rectification).toBeUndefined();
  });

  it("rectification → termination-eligible: the deciding cycle fails", () => {
    const result = evaluateStanding(rules, history("0.6", "0.65", "0.69"));
    expect(result).toMatchObject({ state: "termination-eligible", since: "2026-04-01" });
    expect(result.reasons.at(-1)?.code).toBe("rectification-failed");
  });

  it("cycles ending before the rectification's last day do not decide", () => {
    // 45 rectification days from 2026-03-01: last day 2026-04-14; March does not decide, April does
    const long = { ...rules, rectificationDays: 45 };
    const during = evaluateStanding(long, history("0.6", "0.65", "0.1"));
    expect(during).toMatchObject({ state: "rectification", rectification: { end: "2026-04-14" } });
    expect(during.reasons.at(-1)?.code).toBe("cycle-during-rectification");
    expect(evaluateStanding(long, history("0.6", "0.65", "0.1", "0.9")).state).toBe("good");
    expect(evaluateStanding(long, history("0.6", "0.65", "0.9", "0.1")).state).toBe("termination-eligible");
  });

  it("termination-eligible stays for the rest of the term", () => {
    const result = evaluateStanding(rules, history("0.6", "0.65", "0.69", "1", "1", "1"));
    expect(result).toMatchObject({ state: "termination-eligible", since: "2026-04-01" });
  });

  it("null scores are skipped, so failures either side of one are consecutive", () => {
    expect(evaluateStanding(rules, history("0.6", null, "0.6")).state).toBe("rectification");
    expect(evaluateStanding(rules, history(null, null)).since).toBeNull();
  });

  it("after a rectification passes, failures count again from zero", () => {
    expect(evaluateStanding(rules, history("0.6", "0.6", "0.9", "0.6")).state).toBe("warning");
  });

  it("writes Chinese reasons for zh-CN", () => {
    expect(evaluateStanding(rules, history("0.5"), { locale: "zh-CN" }).reasons[0]?.message).toContain(
      "低于阈值",
    );
  });

  it.each([
    [
      "standing-rules-invalid",
      () => evaluateStanding({ threshold: "0.7", consecutiveCycles: 0, rectificationDays: 30 }, []),
    ],
    [
      "standing-history-invalid",
      () => evaluateStanding(rules, [{ cycle: { start: "2026-01-01", end: "x" }, score: "1" }]),
    ],
    ["standing-history-unordered", () => evaluateStanding(rules, [...history("1", "1")].reverse())],
  ])("throws %s", (code, run) => {
    expect(run).toThrowError(expect.objectContaining({ code }));
  });
});
