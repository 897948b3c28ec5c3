import { describe, expect, it } from "vitest";
import { context, evaluation } from "../../test/settlement/helpers.js";
import { KpiContractError } from "../values/KpiContractError.js";
import type { ShareComponent } from "./schema.js";
import { shareLine } from "./share.js";

const share = (overrides: Partial<ShareComponent> = {}): ShareComponent => ({
  type: "share",
  name: "share",
  basis: { kpi: "gmv", scope: {} },
  tiers: [
    { upTo: "20000", rate: "0.05" },
    { upTo: null, rate: "0.03" },
  ],
  mode: "graduated",
  negativeBasis: "zero",
  prorateTiers: false,
  ...overrides,
});

describe("shareLine", () => {
  it("graduated and volume on the SPEC §6.3 tiers", () => {
    // graduated: 1,000 + 300 = 1,300.00; volume: 30,000 × 3% = 900.00
    expect(shareLine(share(), context(), { value: "30000" }).line.amount).toBe("1300.00");
    expect(shareLine(share({ mode: "volume" }), context(), { value: "30000" }).line.amount).toBe("900.00");
  });

  it("over the baseline of a target: SPEC §8, (44,160 − 30,720) × 8% = 1,075.20", () => {
    const component = share({
      basis: { kpi: "gmv", scope: {}, over: { baselineOf: "gmv-growth" } },
      tiers: [{ upTo: null, rate: "0.08" }],
      cap: "2500.00",
    });
    const ctx = context({ evaluations: [evaluation("gmv-growth", "pending", { baseline: "30720" })] });
    const { line } = shareLine(component, ctx, { value: "44160" });
    expect(line.amount).toBe("1075.20");
    expect(line.basis).toBe("13440");
    expect(line.rate).toBe("0.08");
  });

  it("over an amount is prorated in a partial cycle and never negative", () => {
    // over 31,000 × 10 ÷ 31 = 10,000; basis 12,000 → 2,000 × 10% = 200
    const component = share({
      basis: { kpi: "gmv", scope: {}, over: "31000" },
      tiers: [{ upTo: null, rate: "0.1" }],
    });
    const ctx = context({ proration: { days: 10, fullDays: 31 } });
    expect(shareLine(component, ctx, { value: "12000" }).line.amount).toBe("200.00");
    // basis 9,000 below the prorated over: 0, and the trace says so (the increment is 0, not −1,000)
    const below = shareLine(component, ctx, { value: "9000" }).line;
    expect(below.amount).toBe("0.00");
    expect(below.trace.steps).toContainEqual({ name: "increment over it (never negative)", value: "0" });
  });

  it("a share exactly at its cap is not capped", () => {
    // 100,000 × 5%/3% = 3,400.00: a cap of exactly 3,400.00 does not bite
    const { line } = shareLine(share({ cap: "3400.00" }), context(), { value: "100000" });
    expect(line.amount).toBe("3400.00");
    expect(line.trace.cap).toEqual({ cap: "3400.00", applied: false });
  });

  it("cap limits the share", () => {
    // 100,000 × 5%/3% = 1,000 + 2,400 = 3,400 → capped at 2,500.00
    const { line } = shareLine(share({ cap: "2500.00" }), context(), { value: "100000" });
    expect(line.amount).toBe("2500.00");
    expect(line.trace.cap).toEqual({ cap: "2500.00", applied: true });
  });

  it("a failed gate gives a 0 line whose trace names the gate", () => {
    const ctx = context({ evaluations: [evaluation("negative-reviews", "missed")] });
    const { line, warnings } = shareLine(share({ gates: ["negative-reviews"] }), ctx, { value: "30000" });
    expect(line.amount).toBe("0.00");
    expect(line.trace.gate?.id).toBe("negative-reviews");
    expect(line.description).toContain("negative-reviews");
    expect(warnings).toHaveLength(1);
  });

  it("a negative basis counts as 0 with a warning", () => {
    const { line, warnings } = shareLine(share(), context(), { value: "-500" });
    expect(line.amount).toBe("0.00");
    expect(line.carryForward).toBeUndefined();
    expect(warnings[0]).toContain("negative");
  });

  it("carry-forward carries a negative basis and absorbs it later", () => {
    const component = share({ negativeBasis: "carry-forward", tiers: [{ upTo: null, rate: "0.1" }] });
    // cycle 1: −500 → 0 line, carry −500
    const first = shareLine(component, context(), { value: "-500" });
    expect(first.line.amount).toBe("0.00");
    expect(first.line.carryForward).toBe("-500");
    // cycle 2: 300 − 500 = −200 → 0 line, carry −200 (accumulates until absorbed)
    const second = shareLine(component, context(), { value: "300" }, { carryIn: first.line.carryForward });
    expect(second.line.carryForward).toBe("-200");
    // cycle 3: 1,000 − 200 = 800 → 80.00, carry 0
    const third = shareLine(component, context(), { value: "1000" }, { carryIn: second.line.carryForward });
    expect(third.line.amount).toBe("80.00");
    expect(third.line.carryForward).toBe("0");
  });

  it("only the negative basis before over is carried, not the shortfall below over", () => {
    const component = share({
      negativeBasis: "carry-forward",
      basis: { kpi: "gmv", scope: {}, over: "1000" },
      tiers: [{ upTo: null, rate: "0.1" }],
    });
    expect(shareLine(component, context(), { value: "400" }).line.carryForward).toBe("0");
  });

  it("prorateTiers scales upTo so a partial month does not jump tiers", () => {
    // upTo 20,000 × 15 ÷ 30 = 10,000; basis 15,000 → 10,000 × 5% + 5,000 × 3% = 650
    const ctx = context({
      cycle: { start: "2026-04-16", end: "2026-04-30" },
      proration: { days: 15, fullDays: 30 },
    });
    expect(shareLine(share({ prorateTiers: true }), ctx, { value: "15000" }).line.amount).toBe("650.00");
    // without it: 15,000 × 5% = 750
    expect(shareLine(share(), ctx, { value: "15000" }).line.amount).toBe("750.00");
  });

  it("throws baseline-unavailable when over names a target without a baseline", () => {
    const component = share({ basis: { kpi: "gmv", scope: {}, over: { baselineOf: "t" } } });
    const ctx = context({ evaluations: [evaluation("t", "met")] });
    expect(() => shareLine(component, ctx, { value: "1" })).toThrowError(
      expect.objectContaining({ code: "baseline-unavailable" }),
    );
  });

  it("throws target-unknown for a gate without an evaluation", () => {
    expect(() => shareLine(share({ gates: ["nope"] }), context(), { value: "1" })).toThrow(KpiContractError);
  });

  it("throws carry-forward-invalid for a positive carried basis", () => {
    const component = share({ negativeBasis: "carry-forward" });
    expect(() => shareLine(component, context(), { value: "1" }, { carryIn: "5" })).toThrowError(
      expect.objectContaining({ code: "carry-forward-invalid" }),
    );
  });
});
