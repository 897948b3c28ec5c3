import { describe, expect, it } from "vitest";
import { GMV_SCOPE, MARCH, makeContract, makeFacts } from "../../test/settlement/helpers.js";
import { baseFeePlusBonus } from "../fees/builders.js";
import { KpiContractError } from "../values/KpiContractError.js";
import { compareSchedules } from "./compareSchedules.js";

const offerA = baseFeePlusBonus({
  currency: "USD",
  baseFee: "1500.00",
  growthShare: { rate: "5%", basis: { kpi: "gmv", scope: GMV_SCOPE, over: "30000" } },
});
const refusal = (run: () => unknown): KpiContractError => {
  try {
    run();
  } catch (error) {
    if (error instanceof KpiContractError) return error;
    throw error;
  }
  throw new Error("expected a KpiContractError");
};

describe("compareSchedules: base facts and options", () => {
  it("refuses base facts a growth scenario cannot read: facts-invalid at facts[i]", () => {
    const good = makeFacts({ gross: "30000.00", refunds: "0.00" });
    const base = {
      contract: makeContract({ components: [] }),
      cycle: MARCH,
      facts: [{ ...good, sales: { ...good.sales, gross: "lots" } }],
    };
    const error = refusal(() =>
      compareSchedules([{ name: "A", schedule: offerA }], [{ name: "+10%", growth: "0.1" }], base),
    );
    expect(error.code).toBe("facts-invalid");
    // The same params as settle's facts-invalid: the number of issues.
    expect(error.params).toEqual({ count: 1 });
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ["decimal-invalid", ["facts", 0, "sales", "gross"]],
    ]);
    expect(error.message.startsWith("Invalid base facts:\nfacts.0.sales.gross: ")).toBe(true);
    // Explicit facts do not read the base facts: 36,000 → 1,500 + 5% × 6,000 = 1,800.00.
    const table = compareSchedules(
      [{ name: "A", schedule: offerA }],
      [{ name: "given", facts: [makeFacts({ gross: "36000.00", refunds: "0.00" })] }],
      base,
    );
    expect(table.rows[0]?.cells[0]?.total).toBe("1800.00");
  });

  it("passes allowInvalid and locale to settle", () => {
    // The objectives' weights add up to 0.9: a SMART error.
    const draft = makeContract(
      { components: [] },
      { targets: [{ ...makeContract({}).targets[0], weight: "0.9" }, makeContract({}).targets[1]] },
    );
    const base = {
      contract: draft,
      cycle: MARCH,
      facts: [makeFacts({ gross: "30000.00", refunds: "0.00" })],
    };
    const run = (options: Parameters<typeof compareSchedules>[3]) =>
      compareSchedules([{ name: "A", schedule: offerA }], [{ name: "+20%", growth: "20%" }], base, options);
    const en = refusal(() => run({ allowInvalid: false }));
    expect(en.code).toBe("contract-not-smart");
    expect(en.issues).toEqual([
      {
        code: "weights-invalid",
        path: ["targets"],
        message: 'The weights of the objectives "acos" add up to 0.9 (90%), not 1 (100%).',
      },
    ]);
    const zh = refusal(() => run({ locale: "zh-CN" }));
    expect(zh.code).toBe("contract-not-smart");
    expect(zh.issues).toEqual([
      {
        code: "weights-invalid",
        path: ["targets"],
        message: "考核目标「acos」的权重合计是 0.9（90%），不等于 1（100%）。",
      },
    ]);
    // Allowed: GMV 30,000 × 1.2 = 36,000 → 1,500.00 + 5% × (36,000 − 30,000) = 1,800.00.
    expect(run({ allowInvalid: true, locale: "zh-CN" })).toEqual({
      schedules: ["A"],
      rows: [
        {
          scenario: "+20%",
          growth: "0.2",
          cells: [
            {
              schedule: "A",
              currency: "USD",
              total: "1800.00",
              lines: [
                { component: "base-fee", kind: "fixed", amount: "1500.00" },
                { component: "growth-share", kind: "share", amount: "300.00" },
              ],
            },
          ],
        },
      ],
    });
  });
});
