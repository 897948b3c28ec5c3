import { describe, expect, it } from "vitest";
import { MARCH, makeContract, makeFacts } from "../../test/settlement/helpers.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { addDays } from "../values/period.js";
import { settle } from "./settle.js";

const fixed = { type: "fixed", name: "base", amount: "1500.00", prorate: "daily" };
const contract = makeContract({ components: [fixed] });
const refusal = (run: () => unknown): KpiContractError => {
  try {
    run();
  } catch (error) {
    if (error instanceof KpiContractError) return error;
    throw error;
  }
  throw new Error("expected a KpiContractError");
};

describe("settle refuses a malformed settlement input at its path", () => {
  it("a missing cycle or one that is not an object: cycle-invalid at cycle", () => {
    const missing = refusal(() => settle(contract, { facts: [makeFacts()] } as never));
    expect(missing.code).toBe("cycle-invalid");
    expect(missing.params).toEqual({ count: 1 });
    expect(missing.issues).toEqual([
      {
        code: "invalid_type",
        path: ["cycle"],
        message: "Invalid input: expected object, received undefined",
      },
    ]);
    const text = refusal(() => settle(contract, { cycle: "2026-03", facts: [makeFacts()] } as never));
    expect(text.issues).toEqual([
      { code: "invalid_type", path: ["cycle"], message: "Invalid input: expected object, received string" },
    ]);
    expect(text.message).toBe("Invalid cycle:\ncycle: Invalid input: expected object, received string");
  });

  it("accepts a cycle object without Object.prototype through the schema", () => {
    const cycle = Object.assign(Object.create(null) as object, MARCH) as typeof MARCH;
    const s = settle(contract, { cycle, facts: [makeFacts()] });
    expect(s.cycle).toEqual(MARCH);
    expect(s.total).toBe("1500.00");
    expect(s.digest).toBe(settle(contract, { cycle: MARCH, facts: [makeFacts()] }).digest);
  });

  it("a cycle outside the term names no nearby cycle", () => {
    const outside = refusal(() =>
      settle(contract, { cycle: { start: "2027-03-01", end: "2027-03-31" }, facts: [] }),
    );
    expect(outside.code).toBe("cycle-invalid");
    expect(outside.issues).toEqual([
      {
        code: "cycle-invalid",
        path: ["cycle"],
        message: "2027-03-01..2027-03-31 is not a cycle of the term 2026-01-01..2026-12-31",
      },
    ]);
    const inside = refusal(() =>
      settle(contract, { cycle: { start: "2026-03-01", end: "2026-03-30" }, facts: [] }),
    );
    expect(inside.issues[0]?.message).toBe(
      "2026-03-01..2026-03-30 is not a cycle of the term 2026-01-01..2026-12-31 (the cycle there is 2026-03-01..2026-03-31)",
    );
  });

  it("facts that are not an array: facts-invalid at facts", () => {
    const error = refusal(() => settle(contract, { cycle: MARCH, facts: { us: makeFacts() } } as never));
    expect(error.code).toBe("facts-invalid");
    expect(error.params).toEqual({ count: 1 });
    expect(error.issues).toEqual([
      { code: "invalid_type", path: ["facts"], message: "Expected an array of period facts, one per store" },
    ]);
  });

  it.each([
    ["a string", "none"],
    ["a number", 7],
    ["an object", { "2026-02": [] }],
  ])("history that is %s: history-invalid at history", (_, history) => {
    const error = refusal(() => settle(contract, { cycle: MARCH, facts: [makeFacts()], history } as never));
    expect(error.code).toBe("history-invalid");
    expect(error.params).toEqual({ count: 1 });
    expect(error.issues).toEqual([
      { code: "invalid_type", path: ["history"], message: "Expected an array of period facts" },
    ]);
    expect(error.message).toBe("Invalid history:\nhistory: Expected an array of period facts");
  });

  it("history facts without a store: store-missing at history[i].store, on every call", () => {
    const february = { start: "2026-02-01", end: "2026-02-28" };
    const { store: _, ...anonymous } = makeFacts({ period: february });
    const january = makeFacts({ period: { start: "2026-01-01", end: "2026-01-31" } });
    const history = [january, anonymous];
    for (let call = 0; call < 2; call++) {
      const error = refusal(() => settle(contract, { cycle: MARCH, facts: [makeFacts()], history }));
      expect(error.code).toBe("history-invalid");
      expect(error.issues).toEqual([
        { code: "store-missing", path: ["history", 1, "store"], message: "History facts name their store" },
      ]);
    }
    // The same entries with the store named are accepted.
    const named = [january, makeFacts({ period: february })];
    expect(settle(contract, { cycle: MARCH, facts: [makeFacts()], history: named }).total).toBe("1500.00");
  });
});

describe("settle keeps the cycles of a few recent terms", () => {
  it("still checks cycles against each term after more than 64 terms were seen", () => {
    // 70 terms from 2026-01-01, ending 2026-06-01 … 2026-08-09: March is a whole cycle of each.
    const ends = Array.from({ length: 70 }, (_, i) => addDays("2026-06-01", i));
    const contracts = ends.map((end) =>
      makeContract({ components: [fixed] }, { term: { start: "2026-01-01", end } }),
    );
    for (const c of contracts) {
      expect(settle(c, { cycle: MARCH, facts: [makeFacts()] }).total).toBe("1500.00");
    }
    const [first] = contracts;
    const last = contracts[contracts.length - 1];
    expect(settle(first, { cycle: MARCH, facts: [makeFacts()] }).total).toBe("1500.00");
    expect(
      refusal(() => settle(first, { cycle: { start: "2026-06-01", end: "2026-06-30" }, facts: [] })).issues,
    ).toEqual([
      {
        code: "cycle-invalid",
        path: ["cycle"],
        message:
          "2026-06-01..2026-06-30 is not a cycle of the term 2026-01-01..2026-06-01 (the cycle there is 2026-06-01..2026-06-01)",
      },
    ]);
    expect(
      refusal(() => settle(last, { cycle: { start: "2026-08-01", end: "2026-08-31" }, facts: [] })).issues,
    ).toEqual([
      {
        code: "cycle-invalid",
        path: ["cycle"],
        message:
          "2026-08-01..2026-08-31 is not a cycle of the term 2026-01-01..2026-08-09 (the cycle there is 2026-08-01..2026-08-09)",
      },
    ]);
  });
});
