import { describe, expect, it } from "vitest";
import { settle } from "../../src/settlement/settle.js";
import { verifyStatement } from "../../src/settlement/verifyStatement.js";
import contract from "../fixtures/worked/contract.json" with { type: "json" };
import expected from "../fixtures/worked/expected.json" with { type: "json" };
import history from "../fixtures/worked/history.json" with { type: "json" };
import march from "../fixtures/worked/march.json" with { type: "json" };

const marchInput = { cycle: expected.cycle, facts: march, history };

/** The history entry of one month, as that month's facts. */
const month = (start: string) => history.filter((f) => f.period.start === start);
const before = (start: string) => history.filter((f) => f.period.start < start);

describe("SPEC §8 worked example", () => {
  const statement = settle(contract, marchInput);

  it("computes the baselines", () => {
    // gmv-growth: mean of 28,800 / 30,720 / 32,640 = 30,720
    for (const e of statement.evaluations) {
      expect(e.baseline).toBe(expected.baselines[e.targetId as keyof typeof expected.baselines]);
    }
  });

  it("judges the targets of March", () => {
    for (const e of statement.evaluations) {
      const want = expected.evaluations[e.targetId as keyof typeof expected.evaluations];
      expect({ status: e.status, actual: e.actual, target: e.target }).toEqual(want);
    }
    // gmv-growth: (38,000 + 41,500 + 44,160) ÷ 3 = 41,220 < 43,008 → missed (no fee depends on it)
    const growth = statement.evaluations.find((e) => e.targetId === "gmv-growth");
    expect(growth?.judged).toBe(true);
  });

  it("settles to the cent: base 1,500.00 + share (44,160 − 30,720) × 8% = 1,075.20 → 2,575.20", () => {
    expect(statement.lines.map((l) => ({ component: l.component, kind: l.kind, amount: l.amount }))).toEqual(
      expected.lines,
    );
    expect(statement.total).toBe(expected.total);
    const share = statement.lines.find((l) => l.component === "growth-share");
    expect(share?.basis).toBe("13440");
    expect(share?.trace.exact).toBe("1075.2");
  });

  it("scores March (0.5 × 41,220 ÷ 43,008 + 0.5 × 1) ÷ 1 = 0.97921…", () => {
    expect(statement.score?.startsWith("0.97921")).toBe(true);
    // exactly: 41,220 ÷ 43,008 = 0.958426339285714…; (0.958426… + 1) ÷ 2
    expect(statement.score).toBe("0.9792131696428571428571428571428572");
  });

  it("has no penalty line (acos met) and no warnings about money", () => {
    expect(statement.lines.some((l) => l.kind === "penalty")).toBe(false);
    expect(statement.currency).toBe("USD");
    expect(statement.proration).toEqual({ days: 31, fullDays: 31, factor: "1" });
  });

  it("in January and February gmv-growth is pending and the score is acos's alone", () => {
    for (const start of ["2026-01-01", "2026-02-01"]) {
      const facts = month(start);
      const cycle = facts[0]?.period as { start: string; end: string };
      const s = settle(contract, { cycle, facts, history: before(start) });
      const growth = s.evaluations.find((e) => e.targetId === "gmv-growth");
      const acos = s.evaluations.find((e) => e.targetId === "acos");
      expect(growth?.status).toBe("pending");
      // weight 0.5 × min(attainment, 1) ÷ 0.5
      const a = Number(acos?.attainment) >= 1 ? "1" : acos?.attainment;
      expect(s.score).toBe(a);
    }
  });

  it("is byte-identical when settled again, and verifies", () => {
    const again = settle(structuredClone(contract), structuredClone(marchInput));
    expect(JSON.stringify(again)).toBe(JSON.stringify(statement));
    expect(statement.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyStatement(statement, contract, marchInput)).toEqual({ ok: true, differences: [] });
  });

  it("a changed fact or a tampered amount fails verification", () => {
    const restated = structuredClone(marchInput);
    (restated.facts[0] as { sales: { refunds: string } }).sales.refunds = "1900.00";
    const result = verifyStatement(statement, contract, restated);
    expect(result.ok).toBe(false);
    expect(result.differences.map((d) => d.field)).toContain("digest");
    expect(result.differences.map((d) => d.field)).toContain("total");

    const tampered = { ...statement, total: "2675.20" };
    expect(verifyStatement(tampered, contract, marchInput).differences).toEqual([
      { field: "total", statement: "2675.20", recomputed: "2575.20" },
    ]);
  });

  it("the digest ignores how decimals are written", () => {
    const padded = structuredClone(contract);
    padded.fees.components[0] = {
      ...padded.fees.components[0],
      amount: "1500.0000",
    } as (typeof padded.fees.components)[0];
    expect(settle(padded, marchInput).digest).toBe(statement.digest);
  });
});
