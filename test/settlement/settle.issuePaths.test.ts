import { describe, expect, it } from "vitest";
import { safeSettle, settle } from "../../src/settlement/settle.js";
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
