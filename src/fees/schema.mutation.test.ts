// Schema refinements, defaults and messages of fee schedules, and the refusals of applyTiers, pinned with
// their exact issues (code, path, message): what an ERP shows its users when a schedule is wrong.
import { describe, expect, it } from "vitest";
import { toValidationIssues } from "../internal/issues.js";
import {
  bonusPayoutSchema,
  feeScheduleSchema,
  fixedComponentSchema,
  penaltyComponentSchema,
  reimbursementComponentSchema,
  shareComponentSchema,
  tiersSchema,
} from "./schema.js";
import { applyTiers } from "./tiers.js";

type Schema = {
  safeParse(input: unknown): { success: true; data: unknown } | { success: false; error: never };
};
const result = (schema: Schema, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? { data: r.data } : toValidationIssues(r.error);
};
const G = { refunds: "exclude" };
const T = [
  { upTo: "10", rate: "0.1" },
  { upTo: null, rate: "0.05" },
];
function thrown(f: () => unknown) {
  try {
    f();
  } catch (e) {
    const error = e as { code: string; message: string; params: unknown; issues: unknown };
    return { code: error.code, message: error.message, params: error.params, issues: error.issues };
  }
  throw new Error("expected a throw");
}

describe("fee schedule schemas (mutation-driven)", () => {
  it("tiersEmpty", () => {
    expect(result(tiersSchema as unknown as Schema, [])).toEqual([
      {
        code: "too_small",
        path: [],
        message: "A share needs at least one tier",
      },
    ]);
  });
  it("tiersLastNotNull", () => {
    expect(result(tiersSchema as unknown as Schema, [{ upTo: "10", rate: "0.1" }])).toEqual([
      {
        code: "custom",
        path: [0, "upTo"],
        message: "The last tier must have upTo: null",
      },
    ]);
  });
  it("tiersMiddleNull", () => {
    expect(
      result(tiersSchema as unknown as Schema, [
        { upTo: null, rate: "0.1" },
        { upTo: null, rate: "0.2" },
      ]),
    ).toEqual([
      {
        code: "custom",
        path: [0, "upTo"],
        message: "Only the last tier may have upTo: null",
      },
    ]);
  });
  it("tiersEqual", () => {
    expect(
      result(tiersSchema as unknown as Schema, [
        { upTo: "10", rate: "0.1" },
        { upTo: "10.00", rate: "0.1" },
        { upTo: null, rate: "0.1" },
      ]),
    ).toEqual([
      {
        code: "custom",
        path: [1, "upTo"],
        message: "Tiers must ascend strictly: upTo 10.00 is not above 10",
      },
    ]);
  });
  it("tiersDescending", () => {
    expect(
      result(tiersSchema as unknown as Schema, [
        { upTo: "10", rate: "0.1" },
        { upTo: "5", rate: "0.1" },
        { upTo: null, rate: "0.1" },
      ]),
    ).toEqual([
      {
        code: "custom",
        path: [1, "upTo"],
        message: "Tiers must ascend strictly: upTo 5 is not above 10",
      },
    ]);
  });
  it("tiersFirstZero", () => {
    expect(
      result(tiersSchema as unknown as Schema, [
        { upTo: "0", rate: "0.1" },
        { upTo: null, rate: "0.1" },
      ]),
    ).toEqual([
      {
        code: "custom",
        path: [0, "upTo"],
        message: "The first tier's upTo must be above 0",
      },
    ]);
  });
  it("tiersOk", () => {
    expect(
      result(tiersSchema as unknown as Schema, [
        { upTo: "0.01", rate: "5%" },
        { upTo: 10, rate: 0.1, flat: 2 },
        { upTo: null, rate: "0" },
      ]),
    ).toEqual({
      data: [
        {
          upTo: "0.01",
          rate: "0.05",
        },
        {
          upTo: "10",
          rate: "0.1",
          flat: "2",
        },
        {
          upTo: null,
          rate: "0",
        },
      ],
    });
  });
  it("fixedDefaults", () => {
    expect(
      result(fixedComponentSchema as unknown as Schema, { type: "fixed", name: "base", amount: 1500 }),
    ).toEqual({
      data: {
        type: "fixed",
        name: "base",
        amount: "1500",
        prorate: "daily",
      },
    });
  });
  it("fixedBadProrate", () => {
    expect(
      result(fixedComponentSchema as unknown as Schema, {
        type: "fixed",
        name: "",
        amount: "1",
        prorate: "weekly",
      }),
    ).toEqual([
      {
        code: "too_small",
        path: ["name"],
        message: "A component name cannot be empty",
      },
      {
        code: "invalid_value",
        path: ["prorate"],
        message: 'Expected "daily" or "none"',
      },
    ]);
  });
  it("fixedNameNotString", () => {
    expect(
      result(fixedComponentSchema as unknown as Schema, { type: "fixed", name: 7, amount: "1" }),
    ).toEqual([
      {
        code: "invalid_type",
        path: ["name"],
        message: "Expected a component name",
      },
    ]);
  });
  it("fixedLongName", () => {
    expect(
      result(fixedComponentSchema as unknown as Schema, {
        type: "fixed",
        name: "x".repeat(101),
        amount: "1",
      }),
    ).toEqual([
      {
        code: "too_big",
        path: ["name"],
        message: "A component name has at most 100 characters",
      },
    ]);
  });
  it("shareDefaults", () => {
    expect(
      result(shareComponentSchema as unknown as Schema, {
        type: "share",
        name: "s",
        basis: { kpi: "gmv", scope: G },
        tiers: [{ upTo: null, rate: "8%" }],
      }),
    ).toEqual({
      data: {
        type: "share",
        name: "s",
        basis: {
          kpi: "gmv",
          scope: {
            refunds: "exclude",
          },
        },
        tiers: [
          {
            upTo: null,
            rate: "0.08",
          },
        ],
        mode: "graduated",
        negativeBasis: "zero",
        prorateTiers: false,
      },
    });
  });
  it("shareBadEnums", () => {
    expect(
      result(shareComponentSchema as unknown as Schema, {
        type: "share",
        name: "s",
        basis: { kpi: "orders", scope: G },
        tiers: [{ upTo: null, rate: "8%" }],
        mode: "flat",
        negativeBasis: "ignore",
        prorateTiers: "yes",
      }),
    ).toEqual([
      {
        code: "invalid_value",
        path: ["basis", "kpi"],
        message: 'A fee basis is "gmv" or "grossProfit"',
      },
      {
        code: "invalid_value",
        path: ["mode"],
        message: 'Expected "graduated" or "volume"',
      },
      {
        code: "invalid_value",
        path: ["negativeBasis"],
        message: 'Expected "zero" or "carry-forward"',
      },
      {
        code: "invalid_type",
        path: ["prorateTiers"],
        message: "Invalid input: expected boolean, received string",
      },
    ]);
  });
  it("penaltyBoth", () => {
    expect(
      result(penaltyComponentSchema as unknown as Schema, {
        type: "penalty",
        name: "p",
        target: "t",
        amount: "1",
        rateOfFixed: "0.1",
      }),
    ).toEqual([
      {
        code: "custom",
        path: [],
        message: 'A penalty states exactly one of "amount" or "rateOfFixed"',
      },
    ]);
  });
  it("penaltyNeither", () => {
    expect(
      result(penaltyComponentSchema as unknown as Schema, { type: "penalty", name: "p", target: "t" }),
    ).toEqual([
      {
        code: "custom",
        path: [],
        message: 'A penalty states exactly one of "amount" or "rateOfFixed"',
      },
    ]);
  });
  it("penaltyOk", () => {
    expect(
      result(penaltyComponentSchema as unknown as Schema, {
        type: "penalty",
        name: "p",
        target: "t",
        rateOfFixed: "10%",
      }),
    ).toEqual({
      data: {
        type: "penalty",
        name: "p",
        target: "t",
        rateOfFixed: "0.1",
      },
    });
  });
  it("reimbursementDefaults", () => {
    expect(
      result(reimbursementComponentSchema as unknown as Schema, {
        type: "reimbursement",
        name: "r",
        fact: "ads.spend",
      }),
    ).toEqual({
      data: {
        type: "reimbursement",
        name: "r",
        fact: "ads.spend",
        markup: "0",
      },
    });
  });
  it("reimbursementNoFact", () => {
    expect(
      result(reimbursementComponentSchema as unknown as Schema, {
        type: "reimbursement",
        name: "r",
        fact: "",
      }),
    ).toEqual([
      {
        code: "too_small",
        path: ["fact"],
        message: "Expected a fact path such as ads.spend",
      },
    ]);
  });
  it("payoutStepsEmpty", () => {
    expect(result(bonusPayoutSchema as unknown as Schema, { steps: [] })).toEqual([
      {
        code: "too_small",
        path: ["steps"],
        message: "A step payout needs at least one step",
      },
    ]);
  });
  it("payoutLinearBackwards", () => {
    expect(
      result(bonusPayoutSchema as unknown as Schema, {
        linear: { from: "1.2", to: "1.2", min: "0", max: "1" },
      }),
    ).toEqual([
      {
        code: "custom",
        path: ["linear", "to"],
        message: "A linear payout's `to` must be above its `from`",
      },
    ]);
  });
  it("payoutUnknown", () => {
    expect(result(bonusPayoutSchema as unknown as Schema, { percent: "5" })).toEqual([
      {
        code: "invalid_union",
        path: [],
        message: "Expected a payout: { fixed }, { steps }, { linear } or { rate, of }",
      },
    ]);
  });
  it("scheduleDefaults", () => {
    expect(result(feeScheduleSchema as unknown as Schema, { currency: "USD", components: [] })).toEqual({
      data: {
        currency: "USD",
        rounding: "half-up",
        components: [],
      },
    });
  });
  it("scheduleDuplicates", () => {
    expect(
      result(feeScheduleSchema as unknown as Schema, {
        currency: "USD",
        components: [
          { type: "fixed", name: "a", amount: "1" },
          { type: "fixed", name: "b", amount: "1" },
          { type: "fixed", name: "a", amount: "2" },
          { type: "scorecard", name: "b", pool: "1", threshold: "0.5" },
        ],
      }),
    ).toEqual([
      {
        code: "duplicate-id",
        path: ["components", 2, "name"],
        message: 'Component name "a" is already used by component 0',
      },
      {
        code: "duplicate-id",
        path: ["components", 3, "name"],
        message: 'Component name "b" is already used by component 1',
      },
    ]);
  });
  it("scheduleMinAboveMax", () => {
    expect(
      result(feeScheduleSchema as unknown as Schema, {
        currency: "USD",
        components: [],
        minimum: "100.01",
        maximum: "100",
      }),
    ).toEqual([
      {
        code: "custom",
        path: ["minimum"],
        message: "The minimum 100.01 is above the maximum 100",
      },
    ]);
  });
  it("scheduleMinEqualMax", () => {
    expect(
      result(feeScheduleSchema as unknown as Schema, {
        currency: "USD",
        components: [],
        minimum: "100.00",
        maximum: "100",
      }),
    ).toEqual({
      data: {
        currency: "USD",
        rounding: "half-up",
        components: [],
        minimum: "100.00",
        maximum: "100",
      },
    });
  });
  it("scheduleOnlyMin", () => {
    expect(
      result(feeScheduleSchema as unknown as Schema, { currency: "USD", components: [], minimum: "100" }),
    ).toEqual({
      data: {
        currency: "USD",
        rounding: "half-up",
        components: [],
        minimum: "100",
      },
    });
  });
  it("scheduleOnlyMax", () => {
    expect(
      result(feeScheduleSchema as unknown as Schema, { currency: "USD", components: [], maximum: "100" }),
    ).toEqual({
      data: {
        currency: "USD",
        rounding: "half-up",
        components: [],
        maximum: "100",
      },
    });
  });
  it("scheduleBadType", () => {
    expect(
      result(feeScheduleSchema as unknown as Schema, {
        currency: "USD",
        components: [{ type: "discount", name: "d" }],
      }),
    ).toEqual([
      {
        code: "invalid_union",
        path: ["components", 0, "type"],
        message: "Expected a component type: fixed, share, bonus, scorecard, penalty or reimbursement",
      },
    ]);
  });
});

describe("applyTiers refusals and proration (mutation-driven)", () => {
  it("negBasis", () => {
    expect(thrown(() => applyTiers("-1", T))).toEqual({
      code: "basis-invalid",
      message: 'A tier basis is a decimal string of zero or more, received "-1"',
      params: {
        basis: '"-1"',
      },
      issues: [],
    });
  });
  it("expBasis", () => {
    expect(thrown(() => applyTiers("1e3", T))).toEqual({
      code: "basis-invalid",
      message: 'A tier basis is a decimal string of zero or more, received "1e3"',
      params: {
        basis: '"1e3"',
      },
      issues: [],
    });
  });
  it("mode", () => {
    expect(thrown(() => applyTiers("1", T, "flat" as never))).toEqual({
      code: "tier-mode-invalid",
      message: 'Tier mode is "graduated" or "volume", received "flat"',
      params: {
        mode: '"flat"',
      },
      issues: [],
    });
  });
  it("tiers", () => {
    expect(thrown(() => applyTiers("1", [{ upTo: "10", rate: "x" }]))).toEqual({
      code: "tiers-invalid",
      message:
        'Invalid tiers:\ntiers.0.rate: Expected a ratio as a fraction ("0.22") or a percent ("22%"), received "x"',
      params: {
        count: 1,
      },
      issues: [
        {
          code: "ratio-invalid",
          path: ["tiers", 0, "rate"],
          message: 'Expected a ratio as a fraction ("0.22") or a percent ("22%"), received "x"',
        },
      ],
    });
  });
  it("factorNeg", () => {
    expect(thrown(() => applyTiers("1", T, "graduated", { prorationFactor: "-0.5" }))).toEqual({
      code: "proration-invalid",
      message: 'A proration factor is a decimal of zero or more, received "-0.5"',
      params: {
        factor: '"-0.5"',
      },
      issues: [],
    });
  });
  it("factorText", () => {
    expect(thrown(() => applyTiers("1", T, "graduated", { prorationFactor: "half" }))).toEqual({
      code: "proration-invalid",
      message: 'A proration factor is a decimal of zero or more, received "half"',
      params: {
        factor: '"half"',
      },
      issues: [],
    });
  });
  it("daysNeg", () => {
    expect(
      thrown(() => applyTiers("1", T, "graduated", { prorationFactor: { days: -1, fullDays: 31 } })),
    ).toEqual({
      code: "proration-invalid",
      message:
        'A proration is { days, fullDays } with whole numbers, days ≥ 0 and fullDays ≥ 1, received {"days":-1,"fullDays":31}',
      params: {
        factor: '{"days":-1,"fullDays":31}',
      },
      issues: [],
    });
  });
  it("fullZero", () => {
    expect(
      thrown(() => applyTiers("1", T, "graduated", { prorationFactor: { days: 1, fullDays: 0 } })),
    ).toEqual({
      code: "proration-invalid",
      message:
        'A proration is { days, fullDays } with whole numbers, days ≥ 0 and fullDays ≥ 1, received {"days":1,"fullDays":0}',
      params: {
        factor: '{"days":1,"fullDays":0}',
      },
      issues: [],
    });
  });
  it("daysFrac", () => {
    expect(
      thrown(() => applyTiers("1", T, "graduated", { prorationFactor: { days: 1.5, fullDays: 31 } })),
    ).toEqual({
      code: "proration-invalid",
      message:
        'A proration is { days, fullDays } with whole numbers, days ≥ 0 and fullDays ≥ 1, received {"days":1.5,"fullDays":31}',
      params: {
        factor: '{"days":1.5,"fullDays":31}',
      },
      issues: [],
    });
  });
  it("fullFrac", () => {
    expect(
      thrown(() => applyTiers("1", T, "graduated", { prorationFactor: { days: 1, fullDays: 30.5 } })),
    ).toEqual({
      code: "proration-invalid",
      message:
        'A proration is { days, fullDays } with whole numbers, days ≥ 0 and fullDays ≥ 1, received {"days":1,"fullDays":30.5}',
      params: {
        factor: '{"days":1,"fullDays":30.5}',
      },
      issues: [],
    });
  });
  it("factor: 15 with upTo 10 × 0.5 = 5: 5 × 10% + 10 × 5% = 0.5 + 0.5 = 1", () => {
    expect(applyTiers("15", T, "graduated", { prorationFactor: "0.5" })).toEqual({
      mode: "graduated",
      basis: "15",
      amount: "1",
      parts: [
        {
          tier: 0,
          from: "0",
          upTo: "5",
          part: "5",
          rate: "0.1",
          flat: "0",
          amount: "0.5",
        },
        {
          tier: 1,
          from: "5",
          upTo: null,
          part: "10",
          rate: "0.05",
          flat: "0",
          amount: "0.5",
        },
      ],
      prorationFactor: "0.5",
    });
  });
  it("days: 0 of 31 days: upTo 0, so 15 is in the last tier: 15 × 5% = 0.75", () => {
    expect(applyTiers("15", T, "volume", { prorationFactor: { days: 0, fullDays: 31 } })).toEqual({
      mode: "volume",
      basis: "15",
      amount: "0.75",
      parts: [
        {
          tier: 1,
          from: "0",
          upTo: null,
          part: "15",
          rate: "0.05",
          flat: "0",
          amount: "0.75",
        },
      ],
      prorationFactor: "0",
    });
  });
  it("whole: 31 of 31 days: 10 × 10% + 5 × 5% = 1.25", () => {
    expect(applyTiers("15", T, "graduated", { prorationFactor: { days: 31, fullDays: 31 } })).toEqual({
      mode: "graduated",
      basis: "15",
      amount: "1.25",
      parts: [
        {
          tier: 0,
          from: "0",
          upTo: "10",
          part: "10",
          rate: "0.1",
          flat: "0",
          amount: "1",
        },
        {
          tier: 1,
          from: "10",
          upTo: null,
          part: "5",
          rate: "0.05",
          flat: "0",
          amount: "0.25",
        },
      ],
      prorationFactor: "1",
    });
  });
  it("volumeAbove: 10.01 is past upTo 10: 10.01 × 5% = 0.5005", () => {
    expect(applyTiers("10.01", T, "volume")).toEqual({
      mode: "volume",
      basis: "10.01",
      amount: "0.5005",
      parts: [
        {
          tier: 1,
          from: "10",
          upTo: null,
          part: "10.01",
          rate: "0.05",
          flat: "0",
          amount: "0.5005",
        },
      ],
    });
  });
  it("volumeAt: upTo is inclusive: 10 × 10% = 1", () => {
    expect(applyTiers("10", T, "volume")).toEqual({
      mode: "volume",
      basis: "10",
      amount: "1",
      parts: [
        {
          tier: 0,
          from: "0",
          upTo: "10",
          part: "10",
          rate: "0.1",
          flat: "0",
          amount: "1",
        },
      ],
    });
  });
});
