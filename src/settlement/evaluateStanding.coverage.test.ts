import { describe, expect, it } from "vitest";
import { MARCH, makeContract, makeFacts } from "../../test/settlement/helpers.js";
import { evaluateStanding } from "./evaluateStanding.js";
import { settle } from "./settle.js";

// Rectification runs 45 days from the day after the second failing cycle (March):
// 2026-04-01 … 2026-03-31 + 45 days = 2026-05-15, so April does not decide and May does.
const rules = { threshold: "0.7", consecutiveCycles: 2, rectificationDays: 45 };
const JAN = { start: "2026-01-01", end: "2026-01-31" };
const FEB = { start: "2026-02-01", end: "2026-02-28" };
const APR = { start: "2026-04-01", end: "2026-04-30" };
const MAY = { start: "2026-05-01", end: "2026-05-31" };
const failingThenMay = (may: string) => [
  { cycle: JAN, score: "0.8" },
  { cycle: FEB, score: "0.5" },
  { cycle: MARCH, score: "0.6" },
  { cycle: APR, score: "0.9" },
  { cycle: MAY, score: may },
];
const messages = (r: ReturnType<typeof evaluateStanding>) => r.reasons.map((x) => [x.code, x.message]);

describe("evaluateStanding writes every reason in English and Chinese", () => {
  it("a passed cycle", () => {
    const history = [{ cycle: JAN, score: "0.8" }];
    expect(messages(evaluateStanding(rules, history))).toEqual([
      ["cycle-passed", "Cycle 2026-01-01..2026-01-31 scored 0.8, not below the threshold 0.7: passed."],
    ]);
    expect(messages(evaluateStanding(rules, history, { locale: "zh-CN" }))).toEqual([
      ["cycle-passed", "周期 2026-01-01..2026-01-31 评分 0.8 不低于阈值 0.7，通过。"],
    ]);
  });

  it("failures, the rectification, a cycle inside it and a failing deciding cycle", () => {
    const en = evaluateStanding(rules, failingThenMay("0.6"));
    expect(en).toMatchObject({
      state: "termination-eligible",
      since: "2026-06-01",
      consecutiveFailures: 0,
      rectification: { start: "2026-04-01", end: "2026-05-15" },
    });
    expect(messages(en)).toEqual([
      ["cycle-failed", "Cycle 2026-02-01..2026-02-28 scored 0.5, below the threshold 0.7: failed."],
      ["cycle-failed", "Cycle 2026-03-01..2026-03-31 scored 0.6, below the threshold 0.7: failed."],
      [
        "rectification-started",
        "Consecutive failures: rectification starts the day after 2026-03-31 and lasts until 2026-05-15.",
      ],
      [
        "cycle-during-rectification",
        "Cycle 2026-04-01..2026-04-30 scored 0.9; it ends before the rectification's last day 2026-05-15 and does not decide.",
      ],
      [
        "rectification-failed",
        "Cycle 2026-05-01..2026-05-31, the first ending on or after the rectification's last day 2026-05-15, scored 0.6, below 0.7: the contract may be terminated.",
      ],
    ]);
    const zh = evaluateStanding(rules, failingThenMay("0.6"), { locale: "zh-CN" });
    expect({ ...zh, reasons: [] }).toEqual({ ...en, reasons: [] });
    expect(messages(zh)).toEqual([
      ["cycle-failed", "周期 2026-02-01..2026-02-28 评分 0.5 低于阈值 0.7，未通过。"],
      ["cycle-failed", "周期 2026-03-01..2026-03-31 评分 0.6 低于阈值 0.7，未通过。"],
      ["rectification-started", "连续未通过，整改期自 2026-03-31 次日开始，至 2026-05-15 结束。"],
      [
        "cycle-during-rectification",
        "周期 2026-04-01..2026-04-30 评分 0.9 在整改期（至 2026-05-15）结束前截止，不作判定。",
      ],
      [
        "rectification-failed",
        "整改期（至 2026-05-15）后首个周期 2026-05-01..2026-05-31 评分 0.6 低于阈值 0.7，可终止合同。",
      ],
    ]);
  });

  it("a passing deciding cycle returns to good", () => {
    const en = evaluateStanding(rules, failingThenMay("0.75"));
    expect(en).toEqual({
      state: "good",
      since: "2026-06-01",
      consecutiveFailures: 0,
      reasons: [
        {
          code: "rectification-passed",
          cycle: MAY,
          score: "0.75",
          threshold: "0.7",
          message:
            "Cycle 2026-05-01..2026-05-31, the first ending on or after the rectification's last day 2026-05-15, scored 0.75: passed, back to good.",
        },
      ],
    });
    expect(messages(evaluateStanding(rules, failingThenMay("0.75"), { locale: "zh-CN" }))).toEqual([
      [
        "rectification-passed",
        "整改期（至 2026-05-15）后首个周期 2026-05-01..2026-05-31 评分 0.75 达到阈值 0.7，恢复正常。",
      ],
    ]);
  });

  it("settle writes the standing in the statement's locale", () => {
    // acos 9,000 ÷ 42,000 ≈ 0.214 ≤ 0.22: score 1; after a failing February the state is good again.
    const contract = makeContract({ components: [{ type: "fixed", name: "base", amount: "1500.00" }] });
    const input = { cycle: MARCH, facts: [makeFacts()] };
    const standingHistory = [{ cycle: FEB, score: "0.5" }];
    const en = settle(contract, input, { standingHistory });
    const zh = settle(contract, input, { standingHistory, locale: "zh-CN" });
    expect(en.score).toBe("1");
    expect(en.standing).toEqual({
      state: "good",
      since: "2026-04-01",
      consecutiveFailures: 0,
      reasons: [
        {
          code: "cycle-passed",
          cycle: MARCH,
          score: "1",
          threshold: "0.7",
          message: "Cycle 2026-03-01..2026-03-31 scored 1, not below the threshold 0.7: passed.",
        },
      ],
    });
    expect(zh.standing?.reasons.map((r) => r.message)).toEqual([
      "周期 2026-03-01..2026-03-31 评分 1 不低于阈值 0.7，通过。",
    ]);
  });
});
