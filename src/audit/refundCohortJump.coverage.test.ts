import { describe, expect, it } from "vitest";
import { type RefundCohortJumpOptions, refundCohortJump } from "./refundCohortJump.js";

const us = { id: "us", currency: "USD", timeZone: "America/Los_Angeles" };
const options: RefundCohortJumpOptions = {
  stores: [us],
  period: { start: "2026-01-01", end: "2026-02-28" },
  cycle: "monthly",
};

const order = (orderId: string, itemPrice: string, extra: Record<string, string> = {}) => ({
  store: "us",
  orderId,
  purchasedAt: "2026-01-10T10:00:00-08:00",
  itemPrice,
  ...extra,
});
const refund = (
  refundId: string,
  orderId: string,
  amount: string,
  refundedAt = "2026-02-05T10:00:00-08:00",
) => ({
  store: "us",
  refundId,
  orderId,
  refundedAt,
  amount,
  currency: "USD",
});

describe("refundCohortJump: orders of several lines", () => {
  it("counts an order with two sold lines once, with the gross of both, and writes refunds in the plural", () => {
    // A: 100.00 + 50.00 = 150.00 in one order. Late: 20.00 + 10.00 = 30.00 → 30 ÷ 150 = 20% > 10%.
    const orders = [order("A", "100.00", { sku: "S1" }), order("A", "50.00", { sku: "S2" })];
    const refunds = [refund("R1", "A", "20.00"), refund("R2", "A", "10.00", "2026-02-20T10:00:00-08:00")];
    expect(refundCohortJump({ orders, refunds }, options)).toEqual([
      {
        signal: "refund-cohort-jump",
        severity: "warning",
        store: "us",
        period: { start: "2026-01-01", end: "2026-01-31" },
        params: {
          currency: "USD",
          orders: 1,
          gross: "150.00",
          lateRefunds: "30.00",
          lateRefundCount: 2,
          inCycleRefunds: "0.00",
          ratio: "0.2",
          threshold: "0.1",
        },
        message:
          "Orders placed at store us in 2026-01-01..2026-01-31 (1 orders, gross 150.00 USD) were refunded 30.00 USD after the cycle closed (2 refunds), 20% of their gross, above 10%.",
      },
    ]);
  });
});

describe("refundCohortJump: cohorts with nothing to weigh", () => {
  it("gives no signal for a cycle whose orders were all cancelled, whatever was refunded late", () => {
    const orders = [order("X", "50.00", { status: "cancelled" })];
    expect(refundCohortJump({ orders, refunds: [refund("R1", "X", "50.00")] }, options)).toEqual([]);
  });

  it("leaves out orders placed before the period and their refunds", () => {
    const orders = [order("OLD", "100.00", { purchasedAt: "2025-12-20T10:00:00-08:00" })];
    expect(refundCohortJump({ orders, refunds: [refund("R1", "OLD", "90.00")] }, options)).toEqual([]);
  });
});
