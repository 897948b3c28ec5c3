import { describe, expect, it } from "vitest";
import { safeSettle, settle } from "../../src/settlement/settle.js";
import { evaluateTargets } from "../../src/targets/evaluateTargets.js";
import type { KpiContractError, SafeResult } from "../../src/values/KpiContractError.js";
import { APRIL, GMV_SCOPE, MARCH, makeContract, makeFacts } from "./helpers.js";

/** The error of a refused settlement; fails the test when it settles. */
const refusal = (result: SafeResult<unknown>): KpiContractError => {
  if (result.success) throw new Error("expected the settlement to be refused");
  return result.error;
};

const share = {
  type: "share",
  name: "share",
  basis: { kpi: "gmv", scope: GMV_SCOPE },
  tiers: [{ upTo: null, rate: "0.05" }],
};
const stores = {
  stores: [
    { id: "us", platform: "amazon", marketplace: "US", currency: "USD", timeZone: "America/Los_Angeles" },
    { id: "ca", platform: "amazon", marketplace: "CA", currency: "USD", timeZone: "America/Los_Angeles" },
  ],
};

describe("settle: refusals about the input carry an issue per problem, at its path", () => {
  it("facts-missing for a basis: each record without the figure, at the figure's path", () => {
    const contract = makeContract({ components: [share] }, stores);
    const us = makeFacts({ store: "us" });
    const { gross: _, ...sales } = makeFacts({ store: "ca" }).sales;
    const ca = { ...makeFacts({ store: "ca" }), sales };
    const error = refusal(safeSettle(contract, { cycle: MARCH, facts: [us, ca] }));
    expect(error.code).toBe("facts-missing");
    // Only the Canadian record lacks sales.gross; the US one is complete.
    expect(error.issues).toEqual([
      {
        code: "facts-missing",
        path: ["facts", 1, "sales", "gross"],
        message:
          "The basis of share (gmv) needs sales.gross, which the facts of 2026-03-01..2026-03-31 do not hold",
      },
    ]);
    // The params are as before.
    expect(error.params).toMatchObject({ component: "share", kpi: "gmv", missing: ["sales.gross"] });
  });

  it("facts-missing for a re-billed fact: each record of the component's stores without it", () => {
    const contract = makeContract(
      { components: [{ type: "reimbursement", name: "r", fact: "costs.other", stores: ["ca"] }] },
      { ...stores, dataSources: ["sales", "ads", "reviews", "costs"] },
    );
    const error = refusal(
      safeSettle(contract, { cycle: MARCH, facts: [makeFacts({ store: "us" }), makeFacts({ store: "ca" })] }),
    );
    expect(error.code).toBe("facts-missing");
    // The US record lacks it too, but the component re-bills Canada only.
    expect(error.issues).toEqual([
      {
        code: "facts-missing",
        path: ["facts", 1, "costs", "other"],
        message: "Component r re-bills costs.other, which the facts of 2026-03-01..2026-03-31 do not hold",
      },
    ]);
  });

  it("facts-missing for a store without a record: one issue per store, at facts", () => {
    const error = refusal(
      safeSettle(makeContract({ components: [share] }, stores), { cycle: MARCH, facts: [] }),
    );
    expect(error.code).toBe("facts-missing");
    expect(error.issues).toEqual([
      { code: "facts-missing", path: ["facts"], message: "No facts for store us in 2026-03-01..2026-03-31" },
      { code: "facts-missing", path: ["facts"], message: "No facts for store ca in 2026-03-01..2026-03-31" },
    ]);
  });

  it("facts-missing for an earlier cycle of a window target: at history", () => {
    const contract = makeContract(
      { components: [share] },
      {
        targets: [
          {
            id: "gmv",
            kpi: "gmv",
            scope: GMV_SCOPE,
            goal: { atLeast: "1000" },
            evaluation: { window: { start: "2026-02-01", end: "2026-03-31" }, aggregate: "mean-of-cycles" },
            weight: "1",
          },
        ],
      },
    );
    const error = refusal(
      safeSettle(contract, { cycle: MARCH, facts: [makeFacts()], history: [] }, { allowInvalid: true }),
    );
    expect(error.code).toBe("facts-missing");
    expect(error.issues).toEqual([
      {
        code: "facts-missing",
        path: ["history"],
        message: "No facts for store us in 2026-02-01..2026-02-28",
      },
    ]);
  });

  it("facts-duplicate: the history's record of the cycle is flagged, naming the facts' one", () => {
    const contract = makeContract({ components: [share] });
    const error = refusal(
      safeSettle(contract, {
        cycle: MARCH,
        facts: [makeFacts()],
        history: [makeFacts({ period: { start: "2026-02-01", end: "2026-02-28" } }), makeFacts()],
      }),
    );
    expect(error.code).toBe("facts-duplicate");
    expect(error.issues).toEqual([
      {
        code: "facts-duplicate",
        path: ["history", 1],
        message: "Store us already has facts for 2026-03-01..2026-03-31 at facts.0",
      },
    ]);
  });

  it("previous-mismatch: the statement's cycle, at options.previous.cycle", () => {
    const contract = makeContract({ components: [share] });
    const input = { cycle: MARCH, facts: [makeFacts()] };
    const error = refusal(
      safeSettle(contract, input, { previous: { ...settle(contract, input), cycle: APRIL } }),
    );
    expect(error.code).toBe("previous-mismatch");
    expect(error.issues).toEqual([
      {
        code: "cycle-mismatch",
        path: ["options", "previous", "cycle"],
        message: "The statement's cycle 2026-04-01..2026-04-30 should be 2026-03-01..2026-03-31",
      },
    ]);
  });

  it("previous-mismatch: another contract's statement, at options.previous.contractId", () => {
    const contract = makeContract({ components: [share] });
    const input = { cycle: MARCH, facts: [makeFacts()] };
    const other = { ...settle(contract, input), contractId: "other" };
    const error = refusal(safeSettle(contract, input, { previous: other }));
    expect(error.issues).toEqual([
      {
        code: "contract-mismatch",
        path: ["options", "previous", "contractId"],
        message: `The statement is of contract other, not ${contract.id}`,
      },
    ]);
  });

  it("previous-cycle-mismatch: both wrong, two issues under options.previousCycle", () => {
    const contract = makeContract({ components: [share] });
    const input = { cycle: MARCH, facts: [makeFacts()] };
    const same = { ...settle(contract, input), contractId: "other" };
    const error = refusal(safeSettle(contract, input, { previousCycle: same }));
    expect(error.code).toBe("previous-cycle-mismatch");
    expect(error.issues).toEqual([
      {
        code: "contract-mismatch",
        path: ["options", "previousCycle", "contractId"],
        message: `The statement is of contract other, not ${contract.id}`,
      },
      {
        code: "cycle-mismatch",
        path: ["options", "previousCycle", "cycle"],
        message: "The statement's cycle 2026-03-01..2026-03-31 should end the day before 2026-03-01",
      },
    ]);
  });
});

describe("settle: a target whose facts are missing refuses the settlement (SPEC §6.5)", () => {
  const fixed = { type: "fixed", name: "base", amount: "1000.00" };
  const penalty = { type: "penalty", name: "acos-miss", target: "acos", amount: "100.00" };
  const gated = { ...share, name: "gated", gates: ["negative-reviews"] };
  const noAdsNoReviews = () => {
    const { ads: _a, reviews: _r, ...rest } = makeFacts();
    return rest;
  };

  it("no penalty and no held-back share on figures never given: facts-missing at each absent figure", () => {
    const contract = makeContract({ components: [fixed, gated, penalty] });
    const input = { cycle: MARCH, facts: [noAdsNoReviews()] };
    // evaluateTargets reports the null actuals (SPEC §4.3 would judge them missed)...
    const judged = evaluateTargets(contract, input).evaluations;
    expect(judged.map((e) => [e.targetId, e.status, e.reason])).toEqual([
      ["acos", "missed", "missing-facts"],
      ["negative-reviews", "missed", "missing-facts"],
    ]);
    // ...but a statement never charges the penalty (−100.00) or holds back the share on them.
    const error = refusal(safeSettle(contract, input));
    expect(error.code).toBe("facts-missing");
    expect(error.issues.map((i) => i.path.join("."))).toEqual([
      "facts.0.ads.spend",
      "facts.0.ads.attributed.14d.sales",
      "facts.0.reviews.byStars.1",
      "facts.0.reviews.byStars.2",
      "facts.0.reviews.byStars.3",
      "facts.0.reviews.byStars.4",
      "facts.0.reviews.byStars.5",
    ]);
    expect(error.issues[0]).toEqual({
      code: "facts-missing",
      path: ["facts", 0, "ads", "spend"],
      message: "Target acos (acos) needs ads.spend, which the facts of 2026-03-01..2026-03-31 do not hold",
    });
    expect(error.params).toEqual({
      targets: [
        { targetId: "acos", kpi: "acos", missing: ["ads.spend", "ads.attributed.14d.sales"], period: MARCH },
        {
          targetId: "negative-reviews",
          kpi: "negativeReviewRate",
          missing: [
            "reviews.byStars.1",
            "reviews.byStars.2",
            "reviews.byStars.3",
            "reviews.byStars.4",
            "reviews.byStars.5",
          ],
          period: MARCH,
        },
      ],
      period: MARCH,
    });
    expect(() => settle(contract, input)).toThrow(
      /target acos \(acos\) in 2026-03-01\.\.2026-03-31 \(missing ads\.spend/,
    );
  });

  const windowTarget = (aggregate: string) => ({
    id: "gmv",
    kpi: "gmv",
    scope: GMV_SCOPE,
    goal: { atLeast: "1000" },
    evaluation: { window: { start: "2026-02-01", end: "2026-03-31" }, aggregate },
    weight: "1",
  });
  const february = { start: "2026-02-01", end: "2026-02-28" };
  const withoutRefunds = (facts: ReturnType<typeof makeFacts>) => {
    const { refunds: _, ...sales } = facts.sales;
    return { ...facts, sales };
  };

  it("mean of cycles: the earlier cycle's history record that lacks the figure, at its path", () => {
    const contract = makeContract({ components: [fixed] }, { targets: [windowTarget("mean-of-cycles")] });
    const history = [
      makeFacts({ period: { start: "2026-01-01", end: "2026-01-31" } }),
      withoutRefunds(makeFacts({ period: february })),
    ];
    const error = refusal(safeSettle(contract, { cycle: MARCH, facts: [makeFacts()], history }));
    expect(error.issues).toEqual([
      {
        code: "facts-missing",
        path: ["history", 1, "sales", "refunds"],
        message:
          "Target gmv (gmv) needs sales.refunds, which the history record of 2026-02-01..2026-02-28 does not hold",
      },
    ]);
    expect(error.params).toMatchObject({
      targets: [{ targetId: "gmv", missing: ["sales.refunds"], period: february }],
    });
  });

  it("pooled window: every record of the window without the figure, in the facts and the history", () => {
    const contract = makeContract({ components: [fixed] }, { targets: [windowTarget("pooled")] });
    const history = [withoutRefunds(makeFacts({ period: february }))];
    const error = refusal(
      safeSettle(contract, { cycle: MARCH, facts: [withoutRefunds(makeFacts())], history }),
    );
    expect(error.issues.map((i) => i.path.join("."))).toEqual([
      "facts.0.sales.refunds",
      "history.0.sales.refunds",
    ]);
    expect(error.params).toMatchObject({
      targets: [{ targetId: "gmv", period: { start: "2026-02-01", end: "2026-03-31" } }],
    });
  });

  it("still settles a target that has its facts but no value (zero denominator): missed, penalty charged", () => {
    const contract = makeContract({ components: [fixed, penalty] });
    // Spend without attributed sales: ACoS is undefined, a null the facts do state, so it is missed.
    const statement = settle(contract, { cycle: MARCH, facts: [makeFacts({ attributed: "0.00" })] });
    expect(statement.evaluations[0]).toMatchObject({
      targetId: "acos",
      status: "missed",
      reason: "zero-denominator",
    });
    expect(statement.lines.map((l) => [l.component, l.amount])).toEqual([
      ["base", "1000.00"],
      ["acos-miss", "-100.00"],
    ]);
  });

  it("still settles while a window target is pending: nothing of its window is read yet", () => {
    const target = {
      ...windowTarget("mean-of-cycles"),
      evaluation: {
        ...windowTarget("pooled").evaluation,
        aggregate: "mean-of-cycles",
        window: { start: "2026-03-01", end: "2026-04-30" },
      },
    };
    const contract = makeContract({ components: [fixed] }, { targets: [target] });
    const statement = settle(
      contract,
      { cycle: MARCH, facts: [withoutRefunds(makeFacts())] },
      { allowInvalid: true },
    );
    expect(statement.evaluations[0]).toMatchObject({ targetId: "gmv", status: "pending" });
    expect(statement.total).toBe("1000.00");
  });

  it("a window that ended before this cycle judges nothing now: it never refuses a later cycle", () => {
    const contract = makeContract({ components: [fixed] }, { targets: [windowTarget("mean-of-cycles")] });
    const history = [withoutRefunds(makeFacts({ period: february })), makeFacts()];
    const input = { cycle: APRIL, facts: [makeFacts({ period: APRIL })], history };
    expect(evaluateTargets(contract, input).evaluations[0]).toMatchObject({
      judged: false,
      reason: "missing-facts",
    });
    expect(settle(contract, input).total).toBe("1000.00");
  });

  it("a mean of cycles is refused for any cycle without its figures, whichever null cycle comes first", () => {
    const aov = { ...windowTarget("mean-of-cycles"), id: "aov", kpi: "averageOrderValue" };
    const contract = makeContract({ components: [fixed, { ...penalty, target: "aov" }] }, { targets: [aov] });
    // February has no orders (AOV zero-denominator), March no refunds (missing-facts): the mean's
    // reason is February's, yet March's figures were never given, so no −100.00 penalty.
    const noOrders = (f: ReturnType<typeof makeFacts>) => ({ ...f, sales: { ...f.sales, orders: 0 } });
    const error = refusal(
      safeSettle(contract, {
        cycle: MARCH,
        facts: [withoutRefunds(makeFacts())],
        history: [noOrders(makeFacts({ period: february }))],
      }),
    );
    expect(error.issues.map((i) => i.path.join("."))).toEqual(["facts.0.sales.refunds"]);
    expect(error.params).toMatchObject({ targets: [{ targetId: "aov", period: MARCH }] });
  });

  it("a salesGrowth comparison without its figures: the comparison cycle's history record, at the figure", () => {
    const growth = {
      id: "growth",
      kpi: "salesGrowth",
      scope: { ...GMV_SCOPE, comparison: "previous-period" },
      goal: { atLeast: "0.1" },
      evaluation: { every: "cycle" },
      weight: "1",
    };
    const contract = makeContract({ components: [fixed] }, { targets: [growth] });
    const history = [withoutRefunds(makeFacts({ period: february }))];
    const error = refusal(safeSettle(contract, { cycle: MARCH, facts: [makeFacts()], history }));
    expect(error.params).toMatchObject({
      targets: [{ targetId: "growth", missing: ["comparison.sales.refunds"] }],
    });
    expect(error.issues).toEqual([
      {
        code: "facts-missing",
        path: ["history", 0, "sales", "refunds"],
        message:
          "Target growth (salesGrowth) needs sales.refunds, which the history record of 2026-02-01..2026-02-28 does not hold",
      },
    ]);
    // Comparing with the baseline (a SMART error, settled anyway): no record to point at.
    const baseline = makeContract(
      { components: [fixed] },
      {
        targets: [
          { ...growth, scope: { ...GMV_SCOPE, comparison: "baseline" }, baseline: { value: "0.05" } },
        ],
      },
    );
    const unlocated = refusal(
      safeSettle(baseline, { cycle: MARCH, facts: [makeFacts()] }, { allowInvalid: true }),
    );
    expect(unlocated.issues).toEqual([
      {
        code: "facts-missing",
        path: [],
        message: "Target growth (salesGrowth) needs comparison, which no record given holds",
      },
    ]);
  });
});
