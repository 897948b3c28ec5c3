import { describe, expect, it } from "vitest";
import { APRIL, GMV_SCOPE, MARCH, makeContract, makeFacts } from "../../test/settlement/helpers.js";
import type { SettlementInput } from "./SettlementStatement.js";
import { settle } from "./settle.js";
import { verifyStatement } from "./verifyStatement.js";

const fixed = { type: "fixed", name: "base", amount: "1500.00", prorate: "daily" };
const share = (rate: string, extra: Record<string, unknown> = {}) => ({
  type: "share",
  name: "share",
  basis: { kpi: "gmv", scope: GMV_SCOPE },
  tiers: [{ upTo: null, rate }],
  ...extra,
});
const twoStores = {
  stores: [
    { id: "us", platform: "amazon", marketplace: "US", currency: "USD", timeZone: "America/Los_Angeles" },
    { id: "ca", platform: "amazon", marketplace: "CA", currency: "USD", timeZone: "America/Los_Angeles" },
  ],
};

describe("verifyStatement settles again with the options recorded in the statement", () => {
  it("a statement with a carried basis from the previous cycle verifies", () => {
    const contract = makeContract({ components: [fixed, share("0.1", { negativeBasis: "carry-forward" })] });
    // March GMV 1,000 − 1,500 = −500 carried; April (3,000 − 500) × 10% = 250.00.
    const m = settle(contract, {
      cycle: MARCH,
      facts: [makeFacts({ gross: "1000.00", refunds: "1500.00" })],
    });
    const aprilInput = {
      cycle: APRIL,
      facts: [makeFacts({ period: APRIL, gross: "3000.00", refunds: "0.00" })],
    };
    const a = settle(contract, aprilInput, { previousCycle: m });
    expect(a.total).toBe("1750.00");
    expect(verifyStatement(a, contract, aprilInput)).toEqual({ ok: true, differences: [] });
    // Without the carried −500 the share would be 3,000 × 10% = 300.00.
    const { previousCycle: _, ...withoutCarry } = a.options;
    const forged = { ...a, options: withoutCarry };
    const plain = settle(contract, aprilInput);
    expect(plain.total).toBe("1800.00");
    expect([a.lines[1]?.carryForward, plain.lines[1]?.carryForward]).toEqual(["0", "0"]);
    expect(verifyStatement(forged, contract, aprilInput)).toEqual({
      ok: false,
      differences: [
        { field: "digest", statement: a.digest, recomputed: plain.digest },
        { field: "total", statement: "1750.00", recomputed: "1800.00" },
        // The basis was 3,000 − 500 carried = 2,500; both statements carry nothing onward ("0").
        { field: "lines[1].basis", statement: "2500", recomputed: "3000" },
        { field: "lines[1].amount", statement: "250.00", recomputed: "300.00" },
      ],
    });
  });

  it("a statement with a standing history and an allocation by basis verifies", () => {
    const contract = makeContract({ components: [share("0.05")] }, twoStores);
    const input = {
      cycle: MARCH,
      facts: [
        makeFacts({ store: "us", gross: "30000.00", refunds: "0.00" }),
        makeFacts({ store: "ca", gross: "10000.00", refunds: "0.00" }),
      ],
    };
    const s = settle(contract, input, {
      allocateBy: "basis",
      standingHistory: [{ cycle: { start: "2026-02-01", end: "2026-02-28" }, score: "0.5" }],
    });
    // (30,000 + 10,000) × 5% = 2,000.00 → us 1,500.00, ca 500.00
    expect(s.total).toBe("2000.00");
    expect(s.options.allocateBy).toBe("basis");
    expect(s.options.standingHistory).toEqual([
      { cycle: { start: "2026-02-01", end: "2026-02-28" }, score: "0.5" },
    ]);
    expect(verifyStatement(s, contract, input)).toEqual({ ok: true, differences: [] });
    // Dropping the recorded standing history changes the digest only.
    const { standingHistory: _, ...options } = s.options;
    const recomputed = settle(contract, input, { allocateBy: "basis" });
    expect(verifyStatement({ ...s, options }, contract, input)).toEqual({
      ok: false,
      differences: [{ field: "digest", statement: s.digest, recomputed: recomputed.digest }],
    });
  });

  it("a statement with a line missing differs in its list of lines", () => {
    const contract = makeContract({ components: [fixed, share("0.08")] });
    const input = { cycle: MARCH, facts: [makeFacts()] };
    // 1,500.00 + 44,160 × 8% = 1,500.00 + 3,532.80 = 5,032.80
    const s = settle(contract, input);
    expect(s.total).toBe("5032.80");
    const cut = { ...s, lines: s.lines.slice(0, 1) };
    expect(verifyStatement(cut, contract, input)).toEqual({
      ok: false,
      differences: [{ field: "lines", statement: ["fixed:base"], recomputed: ["fixed:base", "share:share"] }],
    });
  });

  it("a settlement that now fails gives one difference, settle, with the error code", () => {
    const contract = makeContract({ components: [fixed] });
    const s = settle(contract, { cycle: MARCH, facts: [makeFacts()] });
    expect(verifyStatement(s, contract, { cycle: MARCH, facts: [makeFacts({ period: APRIL })] })).toEqual({
      ok: false,
      differences: [{ field: "settle", statement: "1500.00", recomputed: "facts-invalid" }],
    });
    expect(verifyStatement(s, { ...contract, id: 5 }, { cycle: MARCH, facts: [makeFacts()] })).toEqual({
      ok: false,
      differences: [{ field: "settle", statement: "1500.00", recomputed: "contract-invalid" }],
    });
  });

  it("rethrows an error that is not a KpiContractError", () => {
    const contract = makeContract({ components: [fixed] });
    const s = settle(contract, { cycle: MARCH, facts: [makeFacts()] });
    const broken = new TypeError("facts unreadable");
    const input = {
      cycle: MARCH,
      get facts(): never {
        throw broken;
      },
    } as unknown as SettlementInput;
    expect(() => verifyStatement(s, contract, input)).toThrow(broken);
  });
});
