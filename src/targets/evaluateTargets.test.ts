import { describe, expect, it } from "vitest";
import contractJson from "../../test/fixtures/worked/contract.json" with { type: "json" };
import expected from "../../test/fixtures/worked/expected.json" with { type: "json" };
import history from "../../test/fixtures/worked/history.json" with { type: "json" };
import marchJson from "../../test/fixtures/worked/march.json" with { type: "json" };
import { parseContract } from "../contract/parseContract.js";
import { settle } from "../settlement/settle.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { evaluateTargets, resolveScope, scoreOf, type TargetEvaluation } from "./evaluateTargets.js";

const contract = parseContract(contractJson);
const march = marchJson as [(typeof marchJson)[number]];
const MARCH = { start: "2026-03-01", end: "2026-03-31" };
const JANUARY = { start: "2026-01-01", end: "2026-01-31" };
const byId = (evaluations: readonly TargetEvaluation[], id: string) => {
  const found = evaluations.find((e) => e.targetId === id);
  if (!found) throw new Error(`no evaluation for ${id}`);
  return found;
};

function thrown(fn: () => unknown): KpiContractError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KpiContractError) return e;
    throw e;
  }
  throw new Error("expected a KpiContractError");
}

describe("evaluateTargets on the SPEC §8 worked example", () => {
  const report = evaluateTargets(contract, { cycle: MARCH, facts: march, history });

  it("judges the window target gmv-growth in March: mean 41220 < 43008, missed", () => {
    // (38000 + 41500 + 44160) ÷ 3 = 41220; target 30720 × 1.40 = 43008
    const e = byId(report.evaluations, "gmv-growth");
    expect(e).toMatchObject({
      status: "missed",
      met: false,
      judged: true,
      actual: expected.evaluations["gmv-growth"].actual,
      target: expected.evaluations["gmv-growth"].target,
      baseline: expected.baselines["gmv-growth"],
    });
    // 41220 ÷ 43008
    expect(e.attainment).toBe("0.9584263392857142857142857142857143");
    expect(e.trace.cycles?.map((c) => c.value)).toEqual(["38000", "41500", "44160"]);
  });

  it("judges acos every cycle: 9000 ÷ 42000 ≤ 0.22, met, attainment capped at 1 in the score", () => {
    const e = byId(report.evaluations, "acos");
    expect(e).toMatchObject({
      status: "met",
      actual: expected.evaluations.acos.actual,
      target: "0.22",
      baseline: expected.baselines.acos,
    });
    // 0.22 ÷ 0.2142857… = 1.0266666…
    expect(e.attainment).toBe("1.026666666666666666666666666666667");
  });

  it("judges the guardrail: 2 ÷ 300 < 0.008, met, no weight", () => {
    const e = byId(report.evaluations, "negative-reviews");
    expect(e).toMatchObject({
      status: "met",
      role: "guardrail",
      weight: null,
      actual: expected.evaluations["negative-reviews"].actual,
      baseline: expected.baselines["negative-reviews"],
    });
  });

  it("scores March (0.5 × 0.95842… + 0.5 × 1) ÷ 1", () => {
    expect(report.score).toBe("0.9792131696428571428571428571428572");
  });

  it("leaves the pending window target out of January's score", () => {
    const jan = evaluateTargets(contract, {
      cycle: JANUARY,
      facts: history.filter((f) => f.period.start === "2026-01-01"),
      history: history.filter((f) => f.period.start < "2026-01-01"),
    });
    expect(byId(jan.evaluations, "gmv-growth")).toMatchObject({
      status: "pending",
      judged: false,
      actual: null,
    });
    // acos alone: 0.22 ÷ (8000 ÷ 37000) = 1.0175 → min(…, 1) = 1
    expect(jan.score).toBe("1");
    expect(jan.warnings.join(" ")).toContain("gmv-growth");
  });

  it("is deterministic", () => {
    const again = evaluateTargets(contract, { cycle: MARCH, facts: march, history });
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
  });
});

describe("evaluateTargets rules", () => {
  const acosOnly = parseContract({
    ...contractJson,
    targets: [{ ...contractJson.targets[1], weight: "1" }],
    fees: { currency: "USD", components: [] },
  });

  it("meets a lower-is-better ratio with no spend and no sales at the cap", () => {
    const facts = [{ ...march[0], ads: { spend: "0", attributed: { "14d": { sales: "0", orders: 0 } } } }];
    const e = byId(evaluateTargets(acosOnly, { cycle: MARCH, facts, history }).evaluations, "acos");
    expect(e).toMatchObject({ status: "met", actual: null, reason: "zero-denominator", attainment: "2" });
  });

  it("misses a ratio that has spend but no attributed sales", () => {
    const facts = [{ ...march[0], ads: { spend: "100", attributed: { "14d": { sales: "0", orders: 0 } } } }];
    const e = byId(evaluateTargets(acosOnly, { cycle: MARCH, facts, history }).evaluations, "acos");
    expect(e).toMatchObject({ status: "missed", actual: null, attainment: "0" });
  });

  it("caps attainment at the contract's attainmentCap", () => {
    const capped = parseContract({
      ...contractJson,
      targets: acosOnly.targets,
      attainmentCap: "1.5",
      fees: { currency: "USD", components: [] },
    });
    // 0.22 ÷ (100 ÷ 42000) = 92.4 → 1.5
    const facts = [
      { ...march[0], ads: { spend: "100", attributed: { "14d": { sales: "42000", orders: 1 } } } },
    ];
    expect(
      byId(evaluateTargets(capped, { cycle: MARCH, facts, history }).evaluations, "acos").attainment,
    ).toBe("1.5");
  });

  it("reports missing store facts", () => {
    expect(thrown(() => evaluateTargets(acosOnly, { cycle: MARCH, facts: [], history })).code).toBe(
      "facts-missing",
    );
  });

  it("converts foreign-currency facts at the cycle-end rate and shows it", () => {
    const eur = parseContract({
      ...contractJson,
      stores: [{ ...contractJson.stores[0], currency: "EUR", timeZone: "Europe/Berlin" }],
      targets: [
        {
          id: "gmv",
          kpi: "gmv",
          scope: contractJson.targets[0]?.scope,
          goal: { atLeast: "40000" },
          evaluation: { every: "cycle" },
          weight: "1",
        },
      ],
      fees: { currency: "USD", components: [] },
      fx: { policy: "cycle-end", rates: [{ from: "EUR", to: "USD", rate: "1.1", date: "2026-03-31" }] },
    });
    const facts = [{ ...march[0], currency: "EUR" }];
    const report = evaluateTargets(eur, { cycle: MARCH, facts });
    // 44160 EUR × 1.1 = 48576 USD
    expect(byId(report.evaluations, "gmv").actual).toBe("48576");
    expect(report.fxRates).toEqual([
      { from: "EUR", to: "USD", rate: "1.1", date: "2026-03-31", usedFor: "us 2026-03-01..2026-03-31" },
    ]);
    const noRate = parseContract({
      ...eur,
      fx: { policy: "cycle-end", rates: [{ from: "EUR", to: "USD", rate: "1.1", date: "2026-04-30" }] },
    });
    expect(thrown(() => evaluateTargets(noRate, { cycle: MARCH, facts })).code).toBe("fx-rate-missing");
  });

  it("refuses invalid facts with their path", () => {
    const error = thrown(() =>
      evaluateTargets(acosOnly, { cycle: MARCH, facts: [{ ...march[0], currency: "usd" }] }),
    );
    expect(error.code).toBe("facts-invalid");
    expect(error.issues[0]?.path).toEqual(["facts", 0, "currency"]);
  });
});

describe("goal comparisons", () => {
  const make = (goal: Record<string, string>, kpi = "acos") =>
    parseContract({
      ...contractJson,
      targets: [
        {
          id: "t",
          kpi,
          scope: { attributionWindow: "14d" },
          goal,
          evaluation: { every: "cycle" },
          weight: "1",
        },
      ],
      fees: { currency: "USD", components: [] },
    });
  // March ACoS with spend 8400 and 14d sales 42000 is exactly 0.2
  const facts = [
    { ...march[0], ads: { spend: "8400", attributed: { "14d": { sales: "42000", orders: 1 } } } },
  ];
  const status = (goal: Record<string, string>) =>
    byId(evaluateTargets(make(goal), { cycle: MARCH, facts }).evaluations, "t").status;

  it("atMost and atLeast are inclusive, below and above strict", () => {
    expect(status({ atMost: "0.2" })).toBe("met");
    expect(status({ below: "0.2" })).toBe("missed");
    expect(status({ atLeast: "0.2" })).toBe("met");
    expect(status({ above: "0.2" })).toBe("missed");
  });

  it("a change on a lower-is-better KPI is met at or under baseline × (1 + change)", () => {
    // pooled Q4 baseline 21600 ÷ 82500 = 0.26181818…; × 0.9 = 0.235636…; 0.2 ≤ it
    const c = parseContract({
      ...make({ change: "-0.10" }),
      targets: [
        {
          ...make({ change: "-0.10" }).targets[0],
          baseline: {
            from: "history",
            window: { start: "2025-10-01", end: "2025-12-31" },
            aggregate: "pooled",
          },
        },
      ],
    });
    const e = byId(evaluateTargets(c, { cycle: MARCH, facts, history }).evaluations, "t");
    expect(e.target).toBe("0.23563636363636363636363636363636362"); // exact: 0.26181…1818 × 0.9
    expect(e.status).toBe("met");
  });
});

describe("scoreOf", () => {
  it("is null when no objective is judged", () => {
    expect(scoreOf([]).score).toBeNull();
  });
});

describe("window traces", () => {
  it("give each call periods of its own, never the frozen ones a kept contract plans with", () => {
    const frozen = Object.freeze(parseContract(contractJson));
    for (const t of frozen.targets) Object.freeze(t);
    const once = evaluateTargets(frozen, { cycle: MARCH, facts: march, history });
    const again = evaluateTargets(frozen, { cycle: MARCH, facts: march, history });
    const first = byId(once.evaluations, "gmv-growth").trace.cycles?.[0]?.period;
    const second = byId(again.evaluations, "gmv-growth").trace.cycles?.[0]?.period;
    expect(first).toEqual(JANUARY);
    expect(Object.isFrozen(first)).toBe(false);
    expect(second).not.toBe(first);
  });

  it("are not shared between two statements of a kept contract", () => {
    const input = { cycle: MARCH, facts: march, history };
    const periodOf = (s: ReturnType<typeof settle>) =>
      byId(s.evaluations, "gmv-growth").trace.cycles?.[0]?.period;
    const a = periodOf(settle(contractJson, input));
    const b = periodOf(settle(contractJson, input));
    expect(a).toEqual(JANUARY);
    expect(b).not.toBe(a);
    expect(Object.isFrozen(a)).toBe(false);
  });
});

describe("scoreOf on evaluations changed after evaluateTargets", () => {
  it("reads an attainment written over in place, not the value it was computed from", () => {
    const report = evaluateTargets(contract, { cycle: MARCH, facts: march, history });
    expect(scoreOf(report.evaluations).score).toBe(report.score);
    const changed = report.evaluations.map((e) => ({ ...e }));
    const growth = byId(changed, "gmv-growth") as { attainment: string };
    growth.attainment = "0.5";
    // (0.5 × min(0.5, 1) + 0.5 × min(1.0266…, 1)) ÷ 1 = 0.75
    expect(scoreOf(changed).score).toBe("0.75");
    const inPlace = byId(report.evaluations, "gmv-growth") as { attainment: string };
    inPlace.attainment = "0.5";
    expect(scoreOf(report.evaluations).score).toBe("0.75");
  });
});

describe("resolveScope", () => {
  it("uses a scope as written when it names no preset", () => {
    expect(resolveScope(contract, "acos", { attributionWindow: "7d" }).scope).toEqual({
      attributionWindow: "7d",
    });
  });
  it("refuses a preset mixed with knobs", () => {
    expect(
      thrown(() => resolveScope(contract, "acos", { preset: "amazon-sp-acos", attributionWindow: "7d" }))
        .code,
    ).toBe("scope-invalid");
  });
});

describe("evaluateTargets at its boundary", () => {
  it("takes the contract as raw JSON, as settle does, with the same result as parsed", () => {
    const raw = evaluateTargets(structuredClone(contractJson), { cycle: MARCH, facts: march, history });
    expect(raw).toEqual(evaluateTargets(contract, { cycle: MARCH, facts: march, history }));
    expect(raw.evaluations.map((e) => e.status)).toEqual(["missed", "met", "met"]);
  });

  it("refuses a raw contract with structural problems, listing each with its path", () => {
    const broken = { ...structuredClone(contractJson), term: { start: "2026-13-01", end: "2026-12-31" } };
    const error = thrown(() => evaluateTargets(broken, { cycle: MARCH, facts: march, history }));
    expect(error.code).toBe("contract-invalid");
    expect(error.issues.map((i) => i.path)).toContainEqual(["term", "start"]);
    expect(thrown(() => evaluateTargets({}, { cycle: MARCH, facts: march, history })).code).toBe(
      "contract-invalid",
    );
  });

  it("refuses a cycle that is not one of the term's, naming the cycle there", () => {
    const error = thrown(() =>
      evaluateTargets(contract, { cycle: { start: "2026-03-02", end: "2026-03-31" }, facts: march, history }),
    );
    expect(error.code).toBe("cycle-invalid");
    expect(error.issues).toEqual([
      {
        code: "cycle-invalid",
        path: ["cycle"],
        message:
          "2026-03-02..2026-03-31 is not a cycle of the term 2026-01-01..2026-12-31 (the cycle there is 2026-03-01..2026-03-31)",
      },
    ]);
  });

  it("refuses a malformed cycle at its path", () => {
    const error = thrown(() =>
      evaluateTargets(contract, {
        cycle: { start: "2026-03-01" } as unknown as typeof MARCH,
        facts: march,
        history,
      }),
    );
    expect(error.code).toBe("cycle-invalid");
    expect(error.issues[0]?.path).toEqual(["cycle", "end"]);
  });
});
