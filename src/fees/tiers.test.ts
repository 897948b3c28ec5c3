import { describe, expect, it } from "vitest";
import { KpiContractError } from "../values/KpiContractError.js";
import { applyTiers } from "./tiers.js";

const twoTiers = [
  { upTo: "20000", rate: "0.05" },
  { upTo: null, rate: "0.03" },
];

describe("applyTiers", () => {
  it("graduated: SPEC §6.3 worked example, 30,000 → 1,300", () => {
    // 20,000 × 5% = 1,000; (30,000 − 20,000) × 3% = 300; total 1,300
    const result = applyTiers("30000", twoTiers);
    expect(result.amount).toBe("1300");
    expect(result.parts.map((p) => [p.part, p.amount])).toEqual([
      ["20000", "1000"],
      ["10000", "300"],
    ]);
  });

  it("volume: SPEC §6.3 worked example, 30,000 → 900", () => {
    // 30,000 lies in the second tier: 30,000 × 3% = 900
    const result = applyTiers("30000", twoTiers, "volume");
    expect(result.amount).toBe("900");
    expect(result.parts).toHaveLength(1);
    expect(result.parts[0]?.tier).toBe(1);
  });

  it("15,000 at 5% up to 10,000 then 3% is 650 (no unit counted twice)", () => {
    // 10,000 × 5% = 500; 5,000 × 3% = 150
    expect(
      applyTiers("15000", [
        { upTo: "10000", rate: "5%" },
        { upTo: null, rate: "3%" },
      ]).amount,
    ).toBe("650");
  });

  it("volume: a basis inside the first tier is charged at the first tier's rate", () => {
    expect(applyTiers("10000", twoTiers, "volume").amount).toBe("500");
  });

  it("upTo is inclusive: a basis exactly at the boundary stays in the lower tier (volume)", () => {
    // 20,000 ≤ 20,000 → first tier: 20,000 × 5% = 1,000
    expect(applyTiers("20000", twoTiers, "volume").amount).toBe("1000");
    // 20,000.01 → second tier: 20,000.01 × 3% = 600.0003
    expect(applyTiers("20000.01", twoTiers, "volume").amount).toBe("600.0003");
  });

  it("graduated with flats: the first flat always, a later flat once the basis passes into it", () => {
    const tiers = [
      { upTo: "10000", rate: "0.05", flat: "100" },
      { upTo: "50000", rate: "0.04", flat: "200" },
      { upTo: null, rate: "0.03", flat: "300" },
    ];
    // zero basis: first flat only = 100
    expect(applyTiers("0", tiers).amount).toBe("100");
    // 10,000: 100 + 500, second tier not reached (basis not above 10,000) = 600
    expect(applyTiers("10000", tiers).amount).toBe("600");
    // 30,000: 100 + 500 + 200 + 20,000 × 4% = 800 + 800 = 1,600
    expect(applyTiers("30000", tiers).amount).toBe("1600");
    // volume 30,000: 30,000 × 4% + 200 = 1,400
    expect(applyTiers("30000", tiers, "volume").amount).toBe("1400");
    // volume 0: first tier 0 × 5% + 100 = 100
    expect(applyTiers("0", tiers, "volume").amount).toBe("100");
  });

  it("prorates every upTo by days ÷ fullDays, exactly", () => {
    // upTo 31,000 × 15 ÷ 31 = 15,000; basis 20,000 → 15,000 × 5% + 5,000 × 3% = 750 + 150 = 900
    const result = applyTiers(
      "20000",
      [
        { upTo: "31000", rate: "0.05" },
        { upTo: null, rate: "0.03" },
      ],
      "graduated",
      { prorationFactor: { days: 15, fullDays: 31 } },
    );
    expect(result.amount).toBe("900");
    expect(result.parts[0]?.upTo).toBe("15000");
    // A decimal factor works the same way: upTo 20,000 × 0.5 = 10,000 → 500 + 10,000 × 3% = 800
    expect(applyTiers("20000", twoTiers, "graduated", { prorationFactor: "0.5" }).amount).toBe("800");
  });

  it("accepts numbers and percent strings in tiers", () => {
    expect(applyTiers("100", [{ upTo: null, rate: "8%" }]).amount).toBe("8");
  });

  it.each([
    ["tiers-invalid", () => applyTiers("1", [{ upTo: "10", rate: "0.1" }])],
    ["tiers-invalid", () => applyTiers("1", [])],
    ["basis-invalid", () => applyTiers("-1", twoTiers)],
    ["basis-invalid", () => applyTiers("1e3", twoTiers)],
    ["proration-invalid", () => applyTiers("1", twoTiers, "graduated", { prorationFactor: "-1" })],
    [
      "proration-invalid",
      () => applyTiers("1", twoTiers, "graduated", { prorationFactor: { days: 1, fullDays: 0 } }),
    ],
    ["tier-mode-invalid", () => applyTiers("1", twoTiers, "stepped" as "volume")],
  ])("throws %s", (code, run) => {
    try {
      run();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KpiContractError);
      expect((e as KpiContractError).code).toBe(code);
    }
  });

  it.each([
    [null, "null"],
    [5, "5"],
    ["x", '"x"'],
  ])("refuses options %j that are not an object, saying what it received", (options, written) => {
    let caught: unknown;
    try {
      applyTiers("1", twoTiers, "graduated", options as never);
    } catch (e) {
      caught = e;
    }
    expect((caught as KpiContractError).code).toBe("proration-invalid");
    expect((caught as KpiContractError).message).toBe(
      `applyTiers options are an object { prorationFactor? }, received ${written}`,
    );
    expect((caught as KpiContractError).params).toEqual({ options: written });
  });

  it.each([
    null,
    { days: "1", fullDays: 31 },
    { days: 1, fullDays: "31" },
    { days: 1, fullDays: 1.5 },
    { days: 0, fullDays: 1 },
  ])("reads the proration factor %j strictly", (factor) => {
    const run = () => applyTiers("100", twoTiers, "graduated", { prorationFactor: factor as never });
    if (factor !== null && (factor as { days: unknown }).days === 0) {
      // A factor of 0 ÷ 1 is valid: every upTo shrinks to 0 and the last tier takes all.
      expect(run().prorationFactor).toBe("0");
    } else {
      expect(run).toThrow(/A proration is \{ days, fullDays \} with whole numbers/);
    }
  });

  it("takes a one-day cycle of one day as a factor of 1", () => {
    expect(
      applyTiers("100", twoTiers, "graduated", { prorationFactor: { days: 1, fullDays: 1 } }).prorationFactor,
    ).toBe("1");
  });
});
