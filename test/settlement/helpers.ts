import type { FeeCycleContext, FeeEvaluation } from "../../src/fees/feeLine.js";

/** A whole March 2026 cycle in USD, half-up, with the given evaluations and score. */
export function context(overrides: Partial<FeeCycleContext> = {}): FeeCycleContext {
  return {
    currency: "USD",
    rounding: "half-up",
    cycle: { start: "2026-03-01", end: "2026-03-31" },
    proration: { days: 31, fullDays: 31 },
    evaluations: [],
    score: null,
    ...overrides,
  };
}

/** A judged evaluation; `met` follows `status`. */
export function evaluation(
  targetId: string,
  status: FeeEvaluation["status"],
  overrides: Partial<FeeEvaluation> = {},
): FeeEvaluation {
  return {
    targetId,
    status,
    met: status === "met",
    judged: status !== "pending",
    actual: status === "pending" ? null : "1",
    target: "1",
    attainment: status === "met" ? "1" : "0",
    baseline: null,
    ...overrides,
  };
}
