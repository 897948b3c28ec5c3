import { describe, expect, it } from "vitest";
import { baseFeePlusBonus, revenueShare } from "../../src/fees/builders.js";
import { compareSchedules } from "../../src/settlement/compareSchedules.js";
import { GMV_SCOPE, MARCH, makeContract, makeFacts } from "./helpers.js";

const offerA = baseFeePlusBonus({
  currency: "USD",
  baseFee: "1500.00",
  growthShare: { rate: "5%", basis: { kpi: "gmv", scope: GMV_SCOPE, over: "30000" } },
});
const offerB = revenueShare({
  currency: "USD",
  basis: { kpi: "gmv", scope: GMV_SCOPE },
  tiers: [
    { upTo: "40000", rate: "4%" },
    { upTo: null, rate: "6%" },
  ],
  minimum: "1000.00",
});

describe("compareSchedules", () => {
  const base = {
    contract: makeContract({ components: [] }),
    cycle: MARCH,
    facts: [makeFacts({ gross: "30000.00", refunds: "0.00" })],
  };

  it("tabulates each schedule's fee under GMV growth scenarios", () => {
    const table = compareSchedules(
      [
        { name: "base+growth", schedule: offerA },
        { name: "tiered share", schedule: offerB },
      ],
      ["0", "20%", "40%", "60%"].map((g) => ({ name: `+${g}`, growth: g })),
      base,
    );
    expect(table.schedules).toEqual(["base+growth", "tiered share"]);
    // GMV 30,000 / 36,000 / 42,000 / 48,000
    // A: 1,500 + 5% × (GMV − 30,000): 1,500.00 / 1,800.00 / 2,100.00 / 2,400.00
    // B: 4% up to 40,000, then 6%: 1,200.00 / 1,440.00 / 1,600 + 120 = 1,720.00 / 1,600 + 480 = 2,080.00
    expect(table.rows.map((r) => [r.scenario, r.growth, ...r.cells.map((c) => c.total)])).toEqual([
      ["+0", "0", "1500.00", "1200.00"],
      ["+20%", "0.2", "1800.00", "1440.00"],
      ["+40%", "0.4", "2100.00", "1720.00"],
      ["+60%", "0.6", "2400.00", "2080.00"],
    ]);
  });

  it("takes explicit facts as a scenario", () => {
    const table = compareSchedules(
      [{ name: "B", schedule: offerB }],
      [{ name: "slow month", facts: [makeFacts({ gross: "20000.00", refunds: "0.00" })] }],
      base,
    );
    // 20,000 × 4% = 800.00 → floor 1,000.00
    expect(table.rows[0]?.cells[0]).toMatchObject({ total: "1000.00", currency: "USD" });
    expect(table.rows[0]?.cells[0]?.lines.map((l) => l.kind)).toEqual(["share", "minimum"]);
  });

  it.each([
    ["a growth of −100% or less", [{ name: "x", growth: "-1" }]],
    ["a growth that is not a ratio", [{ name: "x", growth: "lots" }]],
  ])("throws scenario-invalid for %s", (_, scenarios) => {
    expect(() => compareSchedules([{ name: "A", schedule: offerA }], scenarios, base)).toThrowError(
      expect.objectContaining({ code: "scenario-invalid" }),
    );
  });

  it("throws scenario-invalid for duplicate schedule names", () => {
    expect(() =>
      compareSchedules(
        [
          { name: "A", schedule: offerA },
          { name: "A", schedule: offerB },
        ],
        [{ name: "x", growth: 0 }],
        base,
      ),
    ).toThrowError(expect.objectContaining({ code: "scenario-invalid" }));
  });
});
