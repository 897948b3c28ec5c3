// The options shape the builders read before writing a schedule: each refusal with its exact path
// and message, from the builder that was called.
import { describe, expect, it } from "vitest";
import { KpiContractError } from "../values/KpiContractError.js";
import {
  type BaseFeePlusBonusOptions,
  baseFeePlusBonus,
  type RevenueShareOptions,
  revenueShare,
} from "./builders.js";

const SCOPE = {
  refunds: "exclude",
  refundTiming: "refund-date",
  cancelled: "exclude",
  tax: "exclude",
  shipping: "exclude",
};

function refusal(fn: () => unknown): { message: string; params: unknown; issues: [string, string][] } {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof KpiContractError)) throw error;
    expect(error.code).toBe("schedule-invalid");
    return {
      message: error.message,
      params: error.params,
      issues: error.issues.map((i) => [i.path.join("."), i.message]),
    };
  }
  throw new Error("expected a refusal");
}

const base = (options: object) => refusal(() => baseFeePlusBonus(options as BaseFeePlusBonusOptions));
const share = (options: object) => refusal(() => revenueShare(options as RevenueShareOptions));

describe("baseFeePlusBonus reads its options' shape first", () => {
  it("refuses options that are not an object, naming the builder", () => {
    const r = refusal(() => baseFeePlusBonus(null as unknown as BaseFeePlusBonusOptions));
    expect(r.message).toBe(
      "baseFeePlusBonus: the options cannot be read:\noptions: Expected an options object",
    );
    expect(r.params).toEqual({ builder: "baseFeePlusBonus", count: 1 });
  });

  it("refuses a growth share, bonus, payout or penalty that is not an object, and lists that are not lists", () => {
    expect(base({ currency: "USD", baseFee: "1", growthShare: 5 }).issues).toEqual([
      ["options.growthShare", "Expected an object"],
    ]);
    expect(base({ currency: "USD", baseFee: "1", growthShare: { rate: "0.05" } }).issues).toEqual([
      ["options.growthShare.basis", "Expected a basis object { kpi, scope, … }"],
    ]);
    expect(base({ currency: "USD", baseFee: "1", bonuses: {} }).issues).toEqual([
      ["options.bonuses", "Expected an array of bonuses"],
    ]);
    expect(base({ currency: "USD", baseFee: "1", bonuses: [7] }).issues).toEqual([
      ["options.bonuses.0", "Expected a bonus object"],
    ]);
    expect(
      base({ currency: "USD", baseFee: "1", bonuses: [{ target: "acos", payout: "100" }] }).issues,
    ).toEqual([["options.bonuses.0.payout", "Expected a payout object"]]);
    expect(
      base({ currency: "USD", baseFee: "1", bonuses: [{ target: "a", payout: { fixed: "1" }, gates: "g" }] })
        .issues,
    ).toEqual([["options.bonuses.0.gates", "Expected an array"]]);
    expect(base({ currency: "USD", baseFee: "1", penalties: {} }).issues).toEqual([
      ["options.penalties", "Expected an array of penalties"],
    ]);
    expect(base({ currency: "USD", baseFee: "1", penalties: [null] }).issues).toEqual([
      ["options.penalties.0", "Expected an object"],
    ]);
  });

  it("passes a rate payout without `of` to the schedule schema, which says what is missing", () => {
    const r = base({
      currency: "USD",
      baseFee: "1",
      bonuses: [{ target: "acos", payout: { rate: "0.01" } }],
    });
    expect(r.message.startsWith("baseFeePlusBonus: the schedule is invalid:\n")).toBe(true);
    expect(r.issues.map(([path]) => path)).toContain("components.1.payout");
  });

  it("writes a rate payout's basis, and default names only from string targets", () => {
    const fees = baseFeePlusBonus({
      currency: "USD",
      baseFee: "1",
      bonuses: [{ target: "gmv-growth", payout: { rate: "0.01", of: { kpi: "gmv", scope: SCOPE } } }],
      penalties: [{ target: "acos", amount: "10" }],
    });
    expect(fees.components.map((c) => c.name)).toEqual(["base-fee", "bonus-gmv-growth", "penalty-acos"]);
    const bonus = fees.components[1] as { payout: { rate: string; of: { kpi: string } } };
    expect(bonus.payout.of.kpi).toBe("gmv");
    const r = base({ currency: "USD", baseFee: "1", penalties: [{ target: 5, amount: "10" }] });
    expect(r.issues.map(([path]) => path)).toEqual(
      expect.arrayContaining(["components.1.name", "components.1.target"]),
    );
  });
});

describe("revenueShare reads its options' shape first", () => {
  it("refuses a basis, scope, stores, over or tiers of the wrong shape, naming the builder", () => {
    const r = share({ currency: "USD", rate: "0.05" });
    expect(r.message).toBe(
      "revenueShare: the options cannot be read:\noptions.basis: Expected a basis object { kpi, scope, … }",
    );
    expect(r.params).toEqual({ builder: "revenueShare", count: 1 });
    expect(share({ currency: "USD", rate: "0.05", basis: { kpi: "gmv", scope: 5 } }).issues).toEqual([
      ["options.basis.scope", "Expected an object"],
    ]);
    expect(
      share({ currency: "USD", rate: "0.05", basis: { kpi: "gmv", scope: SCOPE, stores: "us" } }).issues,
    ).toEqual([["options.basis.stores", "Expected an array"]]);
    expect(
      share({ currency: "USD", rate: "0.05", basis: { kpi: "gmv", scope: SCOPE, over: null } }).issues,
    ).toEqual([["options.basis.over", "Expected an amount or { baselineOf }"]]);
    expect(share({ currency: "USD", basis: { kpi: "gmv", scope: SCOPE }, tiers: {} }).issues).toEqual([
      ["options.tiers", "Expected an array of tiers"],
    ]);
    expect(share({ currency: "USD", basis: { kpi: "gmv", scope: SCOPE }, tiers: [1] }).issues).toEqual([
      ["options.tiers.0", "Expected an object"],
    ]);
    expect(
      share({ currency: "USD", rate: "0.05", basis: { kpi: "gmv", scope: SCOPE }, gates: "x" }).issues,
    ).toEqual([["options.gates", "Expected an array"]]);
    expect(refusal(() => revenueShare(undefined as unknown as RevenueShareOptions)).issues).toEqual([
      ["options", "Expected an options object"],
    ]);
  });

  it("names the builder when the written schedule is invalid", () => {
    const r = share({ currency: "XXX", rate: "0.05", basis: { kpi: "gmv", scope: SCOPE } });
    expect(r.message.startsWith("revenueShare: the schedule is invalid:\n")).toBe(true);
    expect(r.params).toEqual({ builder: "revenueShare", count: r.issues.length });
  });
});
